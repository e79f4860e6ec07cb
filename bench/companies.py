"""Benchmark of company accounts at scale: python -m bench.companies

Builds a throwaway deployment (bench/scale.py), adds 2,000 companies with 40,000
members (one company has 2,000 of them) and 200,000 scoped site permissions
(guardian's direct foreign-key table), then requests a scoped member's dashboard,
a company administrator's members page, and the first and ninth page of members of
the large company, through gunicorn at concurrency 1 and 16.
Budget: p95 under 100 ms at concurrency 16 (exit status 1 when over).
"""

from __future__ import annotations

import argparse
import json
import sys

from bench import scale

POPULATE = r"""
import json, random
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from portal.accounts.models import User
from portal.companies.models import (Company, CompanySite, Membership, MemberTier,
    CompanySiteUserObjectPermission)
from portal.companies.credit_code import credit_code_check_character
from portal.taxonomy.models import Segment

COMPANIES, MEMBERS, GRANTS, BIG, SITES = {companies}, {members}, {grants}, {big}, 6
random.seed(7)
segments = list(Segment.objects.all())
perm = Permission.objects.get(codename="access_companysite")
with transaction.atomic():
    groups = Group.objects.bulk_create(
        [Group(name=f"Bench company {{i}}") for i in range(COMPANIES)])
    companies = Company.objects.bulk_create([
        Company(legal_name=f"Bench Company {{i}}",
                registration_number=(b := f"91440000{{i:09d}}") + credit_code_check_character(b),
                segment=segments[i % len(segments)], status="verified", group=groups[i])
        for i in range(COMPANIES)])
    sites = CompanySite.objects.bulk_create([
        CompanySite(company=c, name=f"Site {{n}}") for c in companies for n in range(SITES)])
    by_company = {{}}
    for site in sites:
        by_company.setdefault(site.company_id, []).append(site)
    users = User.objects.bulk_create([
        User(email=f"bench{{i}}@bench.example", password="!") for i in range(MEMBERS)],
        batch_size=5000)
    # Company 0 has BIG members (16 administrators); the others share the rest and
    # have one administrator each.
    per = (MEMBERS - BIG) // (COMPANIES - 1)
    memberships = []
    for i, user in enumerate(users):
        k = 0 if i < BIG else min(1 + (i - BIG) // per, COMPANIES - 1)
        admin = i < 16 if k == 0 else (i - BIG) % per == 0
        memberships.append(Membership(company=companies[k], user=user,
            tier=MemberTier.ADMIN if admin else random.choice(
                [MemberTier.MANAGER, MemberTier.OPERATOR, MemberTier.VIEWER]),
            is_scoped=not admin))
    Membership.objects.bulk_create(memberships, batch_size=5000)
    grants = []
    scoped = [m for m in memberships if m.is_scoped]
    k = 0
    while len(grants) < GRANTS:
        m = scoped[k % len(scoped)]
        site = by_company[m.company_id][(k // len(scoped)) % SITES]
        grants.append(CompanySiteUserObjectPermission(
            user_id=m.user_id, permission=perm, content_object=site))
        k += 1
    CompanySiteUserObjectPermission.objects.bulk_create(grants, batch_size=10000)

admins = [m.user for m in memberships[BIG:] if m.tier == MemberTier.ADMIN][::100][:16]
big_admins = [m.user for m in memberships[:16]]
members = [m.user for m in scoped][::1000][:16]
print("SESSIONS" + json.dumps({{
    "admins": [session_for(u) for u in admins],
    "big_admins": [session_for(u) for u in big_admins],
    "members": [session_for(u) for u in members]}}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=2_000)
    parser.add_argument("--members", type=int, default=40_000)
    parser.add_argument("--grants", type=int, default=200_000)
    parser.add_argument(
        "--big", type=int, default=2_000, help="members of the one large company"
    )
    scale.add_arguments(parser)
    args = parser.parse_args()

    deployment = scale.prepare(args)
    report = scale.Report()
    try:
        print(
            f"Adding {args.companies:,} companies, {args.members:,} members and "
            f"{args.grants:,} site permissions …",
            flush=True,
        )
        sessions = json.loads(
            scale.populate(
                deployment,
                POPULATE.format(
                    companies=args.companies,
                    members=args.members,
                    grants=args.grants,
                    big=args.big,
                ),
                marker="SESSIONS",
            )
        )
        deployment.start(task_worker=False)
        report.pages(
            deployment,
            [
                ("member dashboard", "/en/company/", sessions["members"]),
                ("members page", "/en/company/members/", sessions["admins"]),
                (
                    f"members page ({args.big:,})",
                    "/en/company/members/",
                    sessions["big_admins"],
                ),
                (
                    f"members page ({args.big:,}) p.9",
                    "/en/company/members/?page=9",
                    sessions["big_admins"],
                ),
            ],
            duration=args.duration,
            budget_ms=100,
        )
    finally:
        scale.finish(deployment, args)
    return report.exit_status


if __name__ == "__main__":
    sys.exit(main())
