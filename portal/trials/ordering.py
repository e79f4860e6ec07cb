"""The boundary to the operator's order back office, in one module.

The built-in adapter gives the order a back-office reference and e-mails the
order desk; a real system plugs in through settings.TRIALS_ORDER_ADAPTER.
"""

from functools import cache

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

from portal.trials.models import Order


class BuiltInOrdering:
    """Hands accepted quotes to the order desk by e-mail."""

    name = "built-in"

    def submit(self, *, order: Order) -> str:
        """Pass the order on; returns the back office's reference for it."""
        reference = f"BO-{order.number}"
        lines = "\n".join(
            f"- {line.description}: {line.quantity} {line.unit} x {line.unit_price} CNY"
            for line in order.quote.lines.all()
        )
        send_mail(
            subject=f"Order {order.number} from {order.quote.company_name}",
            message=(
                f"Quote {order.quote.number} was accepted online.\n{lines}\n"
                f"Discount: {order.quote.discount_percent}%\n"
                f"Monthly total: {order.total_monthly} CNY\n"
                f"Reference: {reference}\n"
            ),
            from_email=None,
            recipient_list=[
                getattr(settings, "TRIALS_ORDER_DESK_EMAIL", "orders@telecom.example")
            ],
        )
        return reference


@cache
def adapter() -> BuiltInOrdering:
    """The configured order adapter (the built-in one by default)."""
    path = getattr(settings, "TRIALS_ORDER_ADAPTER", None)
    return import_string(path)() if path else BuiltInOrdering()
