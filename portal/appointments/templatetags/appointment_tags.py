"""Template tags that show appointments on the pages of other apps."""

from django import template

from portal.appointments import selectors
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
    return {
        "appointments": selectors.upcoming_for_manager(user=context["request"].user)
    }
