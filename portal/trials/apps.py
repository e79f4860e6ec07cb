from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrialsConfig(AppConfig):
    name = "portal.trials"
    label = "trials"
    verbose_name = _("Product trials")

    def ready(self):
        from portal.companies.audit import register_action_labels

        register_action_labels(
            {
                "trial.requested": _("Trial requested"),
                "trial.approved": _("Trial approved"),
                "trial.rejected": _("Trial rejected"),
                "trial.cancelled": _("Trial cancelled"),
                "trial.expired": _("Trial expired"),
                "trial.converted": _("Trial converted to a quote"),
                "trial.credentials_issued": _("Trial credentials issued"),
                "trial.extension_requested": _("Trial extension requested"),
                "trial.extension_decided": _("Trial extension decided"),
                "quote.discounted": _("Quote discount set"),
                "order.placed": _("Order placed"),
            }
        )
