"""Benchmark of service requests at scale: python -m bench.requests

Builds a throwaway deployment (bench/scale.py), adds 2,000 companies served by 50
account managers and 200,000 requests, then requests an account manager's work
queue (first and fifth page), an operator admin's queue (every company) and a
customer's request list through gunicorn at concurrency 1 and 16.
Budget: p95 under 100 ms at concurrency 16 (exit status 1 when over). It also prints
routing decisions per second: the pure rule table, and with the facts read from the
database.
"""

from __future__ import annotations

import argparse
import json
import sys

from bench import scale

POPULATE = r"""
import json, random, time
from datetime import timedelta
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from portal.accounts.models import User
from portal.companies.models import Company, CompanySite, Membership, MemberTier, StaffGroup, Team
from portal.companies.credit_code import credit_code_check_character
from portal.support.models import RequestType, ServiceRequest
from portal.support.routing import RoutingFacts, route
from portal.support.services import routing_facts_for
from portal.taxonomy.models import Region, Segment

COMPANIES, REQUESTS, MANAGERS = {companies}, {requests}, 50
random.seed(11)
segments = list(Segment.objects.all())
regions = list(Region.objects.all())
types = list(RequestType.objects.all())
am_group = Group.objects.get(name=StaffGroup.ACCOUNT_MANAGERS)
admin = User.objects.get(email="admin@example-telecom.test")
now = timezone.now()
with transaction.atomic():
    managers = User.objects.bulk_create([
        User(email=f"am{{i}}@bench.example", password="!", is_staff=True)
        for i in range(MANAGERS)])
    am_group.user_set.add(*managers)
    for s in segments:
        for r in regions:
            team = Team.objects.create(name=f"{{s.code}} {{r.code}}", segment=s, region=r)
            team.members.set(managers[: MANAGERS // 2])
    companies = Company.objects.bulk_create([
        Company(legal_name=f"Bench Requests {{i}}",
                registration_number=(b := f"91330000{{i:09d}}") + credit_code_check_character(b),
                segment=segments[i % len(segments)], region=regions[i % len(regions)],
                status="verified", account_manager=managers[i % MANAGERS],
                value_band=random.choice(["standard", "silver", "gold", "platinum"]))
        for i in range(COMPANIES)])
    sites = CompanySite.objects.bulk_create([CompanySite(company=c, name="HQ") for c in companies])
    customers = User.objects.bulk_create([
        User(email=f"customer{{i}}@bench.example", password="!") for i in range(COMPANIES)])
    Membership.objects.bulk_create([
        Membership(company=c, user=u, tier=MemberTier.ADMIN)
        for c, u in zip(companies, customers)])
    statuses = ["closed"] * 6 + ["resolved", "assigned", "assigned", "open", "waiting_customer"]
    rows = []
    for i in range(REQUESTS):
        k = i % COMPANIES
        status = random.choice(statuses)
        created = now - timedelta(minutes=random.randint(1, 200000))
        active = status in ("open", "assigned", "waiting_customer")
        rows.append(ServiceRequest(
            company=companies[k], site=sites[k], requester=customers[k],
            request_type=types[i % len(types)], subject=f"Bench request {{i}}",
            idempotency_key=f"bench-{{i}}", status=status,
            priority=random.choice(["low", "normal", "high", "urgent"]),
            handling="account_manager",
            assignee=None if status == "open" else managers[k % MANAGERS],
            routing_rule="named_manager",
            # Asking the customer pauses the resolution clock (no due time).
            resolution_due_at=created + timedelta(days=3)
            if status in ("open", "assigned") else None,
            first_response_due_at=created + timedelta(hours=4),
        ))
        if len(rows) == 20000:
            ServiceRequest.objects.bulk_create(rows)
            rows = []
    ServiceRequest.objects.bulk_create(rows)

facts = [RoutingFacts(handling="account_manager", segment=s.code, value_band=b,
                      manager_id=1, manager_absent=a, manager_open=o, manager_capacity=20,
                      team_id=3, team_lead_id=2)
         for s in segments for b in ("standard", "gold") for a in (False, True) for o in (3, 25)]
started = time.perf_counter(); n = 0
while time.perf_counter() - started < 2:
    for f in facts:
        route(f); n += 1
pure = n / (time.perf_counter() - started)
started = time.perf_counter(); n = 0
sample = list(Company.objects.all()[:200])
while time.perf_counter() - started < 3:
    c = sample[n % len(sample)]
    route(routing_facts_for(company=c, request_type=types[n % len(types)])); n += 1
with_db = n / (time.perf_counter() - started)
print("SESSIONS" + json.dumps({{
    "managers": [session_for(u) for u in managers[:16]],
    "admin": [session_for(admin)],
    "customers": [session_for(u) for u in customers[:16]],
    "routing_pure": pure, "routing_db": with_db}}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=2_000)
    parser.add_argument("--requests", type=int, default=200_000)
    scale.add_arguments(parser)
    args = parser.parse_args()

    deployment = scale.prepare(args)
    report = scale.Report()
    try:
        print(
            f"Adding {args.companies:,} companies, 50 managers and "
            f"{args.requests:,} requests …",
            flush=True,
        )
        data = json.loads(
            scale.populate(
                deployment,
                POPULATE.format(companies=args.companies, requests=args.requests),
                marker="SESSIONS",
            )
        )
        print(
            f"routing decisions/s: {data['routing_pure']:,.0f} (rule table), "
            f"{data['routing_db']:,.0f} (with facts read from the database)  "
            f"({scale.load_average()})",
            flush=True,
        )
        deployment.start(task_worker=False)
        report.pages(
            deployment,
            [
                ("manager work queue", "/en/requests/work/", data["managers"]),
                ("manager queue p.5", "/en/requests/work/?page=5", data["managers"]),
                ("admin work queue", "/en/requests/work/", data["admin"]),
                ("customer list", "/en/requests/", data["customers"]),
            ],
            duration=args.duration,
            budget_ms=100,
        )
    finally:
        scale.finish(deployment, args)
    return report.exit_status


if __name__ == "__main__":
    sys.exit(main())
