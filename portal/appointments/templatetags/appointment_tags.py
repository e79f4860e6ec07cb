"""Template tags that show appointments on the pages of other apps."""

from django import template
from django.utils import timezone

from portal.appointments import selectors
from portal.appointments.models import ACTIVE_STATUSES
from portal.companies import permissions

register = template.Library()


@register.inclusion_tag("appointments/components/recent.html", takes_context=True)
def recent_appointments(context, service_request):
    """The customer sidebar of a request: the company's latest appointments, and
    a link to propose one to the customer when the user may."""
    user = context["request"].user
    company = service_request.company
    return {
        "appointments": selectors.recent_for_company(user=user, company=company),
        "request_pk": service_request.pk,
        "can_propose": permissions.can_handle_appointment(
            user, company=company, account_manager_id=company.account_manager_id
        ),
    }


@register.inclusion_tag("appointments/components/upcoming.html", takes_context=True)
def upcoming_appointments(context):
    """The work queue: the manager's next appointments."""
    user = context["request"].user
    upcoming = (
        selectors.appointment_list_for_manager(user=user)
        .filter(status__in=ACTIVE_STATUSES, ends_at__gt=timezone.now())
        .select_related(None)
        .select_related("company")
        # The columns the list prints: each selected column is another expression
        # for the ORM to compare the ordering with, a millisecond in all.
        .only("starts_at", "ends_at", "time_zone", "kind", "company__legal_name")
    )
    return {"appointments": list(upcoming[: selectors.RECENT])}
