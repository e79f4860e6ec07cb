"""Template tags of the trials app."""

from django import template

from portal.companies import permissions
from portal.companies.permissions import PortalPermission
from portal.trials import selectors

register = template.Library()


@register.inclusion_tag("trials/product_actions.html", takes_context=True)
def trial_actions(context, page):
    """“Start a free trial” and “Book a live demo” for the product page's visitor.

    Anonymous visitors (whose page HTML is cached) get only the sign-in link.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    has_policy = bool(
        page.trial_available
        and signed_in
        and selectors.policy_for_product(product_code=page.product_code)
    )
    return {
        "page": page,
        "request": request,
        "signed_in": signed_in,
        "can_trial": has_policy
        and permissions.has_permission(user, PortalPermission.START_TRIALS),
        "can_demo": signed_in
        and permissions.has_permission(user, PortalPermission.BOOK_APPOINTMENTS),
    }


@register.filter
def days_left(trial, now):
    """Whole days until the trial ends (0 when ended or not started)."""
    if not trial.ends_at:
        return None
    return max(0, (trial.ends_at - now).days)
