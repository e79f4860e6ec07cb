"""The staff work queue and the customer's request list at size: who sees which
requests (the permission module's rule), SLA order, pages and constant query counts."""

from datetime import timedelta
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.companies import permissions
from portal.companies.models import MemberTier, StaffGroup
from portal.support import selectors
from portal.support.models import ServiceRequest
from portal.support.views import LIST_PAGE_SIZE, QUEUE_PAGE_SIZE
from tests.portal.companies.factories import CompanyFactory, member, staff
from tests.portal.companies.factories import team as make_team

pytestmark = pytest.mark.django_db

_keys = count()


def make_request(company, request_type, *, due_in=None, status="assigned", **fields):
    """A request row as routing leaves it (the services are tested elsewhere)."""
    return ServiceRequest.objects.create(
        company=company,
        requester=company.memberships.first().user,
        request_type=request_type,
        subject=fields.pop("subject", "Line down"),
        idempotency_key=f"queue-{next(_keys)}",
        status=status,
        handling="account_manager",
        resolution_due_at=None if due_in is None else timezone.now() + due_in,
        **fields,
    )


@pytest.fixture
def accounts(manager):
    """The manager's company and another manager's, each with a customer."""
    own = CompanyFactory(account_manager=manager)
    other = CompanyFactory(account_manager=staff(StaffGroup.ACCOUNT_MANAGERS))
    member(own, MemberTier.OPERATOR)
    member(other, MemberTier.OPERATOR)
    return own, other


def _queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_staff_see_their_companies_assignments_and_team_queues(
    manager, lead, accounts, fault_type
):
    own, other = accounts
    queue = make_team(lead=lead, members=[manager])
    mine = make_request(own, fault_type)
    assigned = make_request(other, fault_type, assignee=manager)
    queued = make_request(other, fault_type, status="open", team=queue)
    hidden = make_request(other, fault_type)
    seen = set(
        selectors.request_list_for_staff(user=manager).values_list("pk", flat=True)
    )
    assert seen == {mine.pk, assigned.pk, queued.pk}
    # The rule lives in the permission module and scopes any queryset of requests.
    scoped = permissions.scope_staff_work(manager, ServiceRequest.objects.all())
    assert set(scoped.values_list("pk", flat=True)) == seen
    customer = own.memberships.first().user
    assert not permissions.scope_staff_work(customer, ServiceRequest.objects.all())
    assert not permissions.scope_staff_work(
        staff(StaffGroup.EDITORS), ServiceRequest.objects.all()
    )
    operator_admin = staff(StaffGroup.OPERATOR_ADMINS)
    assert hidden in selectors.request_list_for_staff(user=operator_admin)
    # A team lead sees the companies of their team's managers.
    assert mine in selectors.request_list_for_staff(user=lead)
    assert hidden not in selectors.request_list_for_staff(user=lead)


def test_queue_orders_by_due_time_then_priority_with_paused_clocks_last(
    manager, accounts, fault_type
):
    own, _other = accounts
    later = make_request(own, fault_type, due_in=timedelta(hours=9))
    paused_low = make_request(
        own, fault_type, status="waiting_customer", priority="low"
    )
    paused_urgent = make_request(
        own, fault_type, status="waiting_customer", priority="urgent"
    )
    soon = make_request(own, fault_type, due_in=timedelta(hours=1), priority="low")
    tie_due = soon.resolution_due_at
    tie_urgent = make_request(own, fault_type, priority="urgent")
    ServiceRequest.objects.filter(pk=tie_urgent.pk).update(resolution_due_at=tie_due)
    make_request(own, fault_type, status="closed", due_in=timedelta(minutes=1))
    order = list(selectors.work_queue(user=manager).values_list("pk", flat=True))
    assert order == [
        tie_urgent.pk,
        soon.pk,
        later.pk,
        paused_urgent.pk,
        paused_low.pk,
    ]


def test_queue_pages_without_counting_and_costs_constant_queries(
    client, manager, accounts, fault_type
):
    own, other = accounts
    for hours in range(3):
        make_request(own, fault_type, due_in=timedelta(hours=hours))
    client.force_login(manager)
    url = reverse("support:work_queue")
    _queries(client, url)  # warm caches (content types, session)
    few, _page = _queries(client, url)
    for hours in range(QUEUE_PAGE_SIZE + 2):
        make_request(own, fault_type, due_in=timedelta(hours=3 + hours))
        make_request(other, fault_type, due_in=timedelta(hours=hours))
    many, page = _queries(client, url)
    assert many == few
    assert page.count(">SR-") == QUEUE_PAGE_SIZE
    assert 'rel="next"' in page and 'rel="prev"' not in page
    _count, second = _queries(client, url + "?page=2&priority=")
    assert ">SR-" in second and 'rel="prev"' in second and 'rel="next"' not in second
    assert "?page=1&amp;priority=" in second  # the filters survive the pager


def test_queue_pages_requests_due_at_the_same_moment_once_each(
    client, manager, accounts, fault_type
):
    """A major fault opens many requests with one due time: every one of them is
    on exactly one page, so a manager paging through misses none."""
    own, _other = accounts
    made = [make_request(own, fault_type) for _ in range(QUEUE_PAGE_SIZE + 5)]
    ServiceRequest.objects.filter(pk__in=[sr.pk for sr in made]).update(
        resolution_due_at=timezone.now() + timedelta(hours=2),
        created_at=timezone.now(),
    )
    client.force_login(manager)
    url = reverse("support:work_queue")
    shown = [
        sr.reference
        for page in (1, 2)
        for sr in client.get(url, {"page": page}).context["queue"]
    ]
    assert sorted(shown) == sorted(sr.reference for sr in made)


def test_customer_request_list_pages_with_constant_queries(client, fault_type):
    company = CompanyFactory()
    customer = member(company, MemberTier.OPERATOR)
    make_request(company, fault_type)
    client.force_login(customer)
    url = reverse("support:request_list")
    _queries(client, url)
    few, _page = _queries(client, url)
    for _ in range(LIST_PAGE_SIZE + 5):
        make_request(company, fault_type)
    many, page = _queries(client, url)
    assert many == few
    assert page.count(">SR-") == LIST_PAGE_SIZE and 'rel="next"' in page
    _count, last = _queries(client, url + "?page=2")
    assert last.count(">SR-") == 6


def test_queue_filter_bar_follows_the_filters_the_language_and_the_segments(
    client, manager, django_capture_on_commit_callbacks
):
    """The filter bar is cached (it is the same for every manager): what it shows
    still follows the query string, the language and an edited segment name."""
    from portal.taxonomy.models import Segment

    client.force_login(manager)
    url = reverse("support:work_queue")
    assert '<option value="open" selected>' in client.get(url, {"status": "open"}).text
    assert '<option value="open" selected>' not in client.get(url).text
    assert '<option value="sme" selected>' in client.get(url, {"segment": "sme"}).text
    assert "Select a valid choice" in client.get(url, {"segment": "nope"}).text
    segment = Segment.objects.get(code="sme")
    with django_capture_on_commit_callbacks(execute=True):
        segment.name = "Small business"
        segment.save()
    assert ">Small business</option>" in client.get(url).text
    with django_capture_on_commit_callbacks(execute=True):
        segment.name_zh_hans = "小企业"
        segment.save()
    chinese = client.get(url.replace("/en/", "/zh-hans/")).text
    assert ">小企业</option>" in chinese
