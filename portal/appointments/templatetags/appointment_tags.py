"""Template tags that show appointments on the pages of other apps."""

from django import template
from django.utils import timezone

from portal.appointments import selectors
from portal.appointments.models import ACTIVE_STATUSES

register = template.Library()


@register.inclusion_tag("appointments/components/recent.html", takes_context=True)
def recent_appointments(context, company):
    """The customer sidebar of a request: the company's latest appointments."""
    user = context["request"].user
    return {"appointments": selectors.recent_for_company(user=user, company=company)}


@register.inclusion_tag("appointments/components/upcoming.html", takes_context=True)
def upcoming_appointments(context):
    """The work queue: the manager's next appointments."""
    user = context["request"].user
    upcoming = selectors.appointment_list_for_manager(user=user).filter(
        status__in=ACTIVE_STATUSES, ends_at__gt=timezone.now()
    )
    return {"appointments": list(upcoming[: selectors.RECENT])}
