"""Template context of company accounts: which company links to show."""

from django.utils.functional import SimpleLazyObject

from portal.companies import permissions


def company_navigation(request):
    """`perms_nav`: permission code -> bool for the signed-in member, computed lazily."""

    def compute():
        granted = permissions.permissions_for(getattr(request, "user", None))
        return {perm.value: perm in granted for perm in permissions.PortalPermission}

    return {"perms_nav": SimpleLazyObject(compute)}
