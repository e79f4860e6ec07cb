"""The header's workspace links: decided by permissions, with an unread badge."""

import pytest
from django.contrib.auth.models import AnonymousUser

from portal.accounts.navigation import workspace_links_for
from portal.companies.models import MemberTier, StaffGroup
from portal.support.models import Notification
from tests.portal.companies.factories import CompanyFactory, member, staff

pytestmark = pytest.mark.django_db


def _labels(user):
    return [link["label"] for link in workspace_links_for(user)]


def test_anonymous_visitors_get_no_workspace_links():
    assert workspace_links_for(AnonymousUser()) == []


def test_a_viewer_sees_requests_and_trials_but_no_staff_work():
    viewer = member(CompanyFactory(), MemberTier.VIEWER)
    labels = _labels(viewer)
    assert "Requests" in labels and "Your company" in labels
    assert "Work queue" not in labels and "Admin" not in labels


def test_an_account_manager_gets_the_work_queue_and_the_admin():
    manager = staff(StaffGroup.ACCOUNT_MANAGERS)
    labels = _labels(manager)
    assert labels[:3] == ["Work queue", "Appointments", "Trials to follow"]
    assert "Admin" in labels and "Your company" not in labels


def test_unread_notifications_show_as_a_badge_on_the_page(client):
    viewer = member(CompanyFactory(), MemberTier.VIEWER)
    Notification.objects.create(user=viewer, kind="reply", message="A reply")
    Notification.objects.create(
        user=viewer, kind="reply", message="Seen", read_at="2026-01-01T00:00Z"
    )
    badge = {link["label"]: link["badge"] for link in workspace_links_for(viewer)}
    assert badge["Notifications"] == 1
    client.force_login(viewer)
    page = client.get("/en/").content.decode()
    assert 'class="nav-badge">1<' in page
