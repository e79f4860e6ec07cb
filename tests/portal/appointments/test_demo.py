"""The demo seed's appointments: present after seeding, and seeding again adds none."""

import pytest

from portal.appointments.demo import seed_appointments
from portal.appointments.models import Appointment

pytestmark = pytest.mark.django_db


def test_the_seed_has_appointments_and_is_idempotent():
    seeded = Appointment.objects.filter(uid__startswith="demo-")
    assert set(seeded.values_list("kind", flat=True)) == {
        "site_survey",
        "solution_workshop",
        "live_demo",
    }
    before = list(seeded.order_by("pk").values_list("pk", "starts_at", "status"))
    seed_appointments()
    after = list(seeded.order_by("pk").values_list("pk", "starts_at", "status"))
    assert after == before
    survey = seeded.get(kind="site_survey")
    assert survey.site.name == "Hangzhou West Lake branch"
    assert survey.account_manager.email == "am1@example-telecom.test"
