"""Session activity ("last seen" in the sessions list) is written at most once a
minute a session, not on every request."""

import pytest
from allauth.usersessions.models import UserSession
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.portal.companies.factories import UserFactory

pytestmark = pytest.mark.django_db


def _writes(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return sum(
        q["sql"].startswith(("UPDATE", "INSERT")) and "usersession" in q["sql"]
        for q in queries
    )


def test_session_activity_is_written_once_a_minute(client):
    user = UserFactory()
    user.save()
    client.force_login(user)
    client.defaults["HTTP_USER_AGENT"] = "Tablet browser/3.0"
    url = reverse("companies:dashboard")
    assert _writes(client, url) == 1
    assert _writes(client, url) == 0
    session = UserSession.objects.get(session_key=client.session.session_key)
    assert session.user_agent == "Tablet browser/3.0"
