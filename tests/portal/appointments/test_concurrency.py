"""Double booking under real concurrency on PostgreSQL: one slot, one appointment."""

import os
import threading

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection, connections

from portal.appointments import selectors, services
from portal.appointments.models import Appointment
from portal.companies.models import MemberTier, StaffGroup
from portal.support.demo import seed_support
from portal.taxonomy.models import Segment
from tests.portal.companies.factories import CompanyFactory, member, staff

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL: set DATABASE_URL=postgres://... (row locks, "
        "real concurrency)",
    ),
]


def test_parallel_bookings_of_one_slot_make_one_appointment(transactional_db):
    assert connection.vendor == "postgresql"
    # Transactional tests flush the database: restore what booking needs.
    for code, order in (("sme", 1), ("enterprise", 2), ("government", 3)):
        Segment.objects.get_or_create(
            code=code, defaults={"name": code, "sort_order": order}
        )
    for name in StaffGroup.values:
        Group.objects.get_or_create(name=name)
    seed_support()
    manager = staff(StaffGroup.ACCOUNT_MANAGERS)
    # Different companies of one manager compete for the same diary.
    customers = [
        member(CompanyFactory(account_manager=manager), MemberTier.ADMIN)
        for _ in range(10)
    ]
    company = customers[0].membership.company
    slots, _zone = selectors.proposed_slots(
        company=company, manager_id=manager.pk, kind="solution_workshop"
    )
    key = slots[0].key
    barrier = threading.Barrier(len(customers))
    booked, refused, errors = [], [], []

    def book(user):
        try:
            barrier.wait()
            booked.append(
                services.appointment_book(
                    user=user, kind="solution_workshop", slot_key=key
                ).pk
            )
        except ValidationError:
            refused.append(user.pk)
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(user,)) for user in customers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert len(booked) == 1 and len(refused) == len(customers) - 1
    assert Appointment.objects.filter(account_manager=manager).count() == 1
