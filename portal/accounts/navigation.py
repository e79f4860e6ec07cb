"""The signed-in user's workspace links in the site header.

Which links a user gets is decided by the permission module; the header template
only lists them. Used by the `workspace_links` template tag.
"""

from django.db import connection
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.companies import permissions
from portal.companies.permissions import PortalPermission as P


def unread_notification_count(user) -> int:
    """The header's badge. Counted on every signed-in page, as one plain statement:
    building the ORM query took four times as long as running it."""
    from portal.support.models import Notification

    meta = Notification._meta
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {quote(meta.db_table)} "  # noqa: S608 (no input)
            f"WHERE {quote(meta.get_field('user').column)} = %s "
            f"AND {quote(meta.get_field('read_at').column)} IS NULL",
            [user.pk],
        )
        return cursor.fetchone()[0]


def workspace_links_for(user) -> list[dict]:
    """Links to the parts of the portal this user may use, in header order.

    Each link is `{"label", "url", "badge"}`; the badge is a count worth the
    user's attention (unread notifications), or None.
    """
    if not user.is_authenticated:
        return []
    links = []

    def add(label, url_name, badge=None):
        links.append({"label": label, "url": reverse(url_name), "badge": badge})

    if permissions.can_work_requests(user):
        add(_("Work queue"), "support:work_queue")
        add(_("Appointments"), "appointments:work")
        add(_("Trials to follow"), "trials:manager")
    if permissions.is_staff_member(user):
        add(_("Admin"), "wagtailadmin_home")
    else:
        if permissions.has_permission(user, P.VIEW_REQUESTS):
            add(_("Requests"), "support:request_list")
        if permissions.has_permission(user, P.VIEW_TRIALS):
            add(_("Trials"), "trials:list")
        add(_("Your company"), "companies:dashboard")
    unread = unread_notification_count(user)
    add(_("Notifications"), "support:notifications", badge=unread or None)
    return links
