from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrialsConfig(AppConfig):
    name = "portal.trials"
    label = "trials"
    verbose_name = _("Product trials")
