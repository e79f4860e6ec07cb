"""Scheduled publishing: a page set to go live later appears after `publish_scheduled`.

In production `manage.py publish_scheduled` runs every minute from cron.
"""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from cms.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db


def test_scheduled_page_goes_live_when_its_time_comes(client):
    index = EventIndexPage.objects.get(locale__language_code="en")
    now = timezone.now()
    event = EventPage(
        title="Scheduled launch",
        slug="scheduled-launch",
        kind="launch",
        starts_at=now + dt.timedelta(days=30),
        go_live_at=now + dt.timedelta(hours=1),
        live=False,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    event.refresh_from_db()
    assert not event.live
    assert event.get_latest_revision().approved_go_live_at is not None

    call_command("publish_scheduled")
    event.refresh_from_db()
    assert not event.live

    with time_machine.travel(now + dt.timedelta(hours=2)):
        call_command("publish_scheduled")
    event.refresh_from_db()
    assert event.live
    assert client.get("/en/events/scheduled-launch/").status_code == 200
