"""Template tags of signed-in users' navigation."""

from django import template

from portal.accounts.navigation import workspace_links_for

register = template.Library()


@register.simple_tag(takes_context=True)
def workspace_links(context):
    """`{% workspace_links as links %}`: the header links of the signed-in user."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return workspace_links_for(user) if user is not None else []
