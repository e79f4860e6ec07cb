"""Benchmark of company accounts at scale: python -m bench.companies

Builds a throwaway deployment (bench/deployment.py), adds 2,000 companies with
40,000 members and 200,000 scoped site permissions (guardian's direct foreign-key
table), then requests a member's dashboard and a company administrator's members
page at concurrency 16 through gunicorn and prints the p95 latencies.
Budget: p95 under 100 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from bench.deployment import Deployment

POPULATE = r"""
import json, random
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction
from portal.accounts.models import User
from portal.companies.models import (Company, CompanySite, Membership, MemberTier,
    CompanySiteUserObjectPermission)
from portal.companies.credit_code import credit_code_check_character
from portal.taxonomy.models import Segment

COMPANIES, MEMBERS, GRANTS, SITES = {companies}, {members}, {grants}, 6
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
        User(email=f"bench{{i}}@bench.example", password="!") for i in range(MEMBERS)])
    per = MEMBERS // COMPANIES
    memberships = []
    for i, user in enumerate(users):
        company = companies[i // per]
        admin = i % per == 0
        memberships.append(Membership(company=company, user=user,
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

def session_for(user):
    store = SessionStore()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    return store.session_key

admins = [m.user for m in memberships if m.tier == MemberTier.ADMIN][::100][:16]
members = [m.user for m in scoped][::1000][:16]
print("SESSIONS" + json.dumps({{"admins": [session_for(u) for u in admins],
                               "members": [session_for(u) for u in members]}}))
"""


def _fetch(base_url: str, path: str, session_key: str) -> float:
    request = urllib.request.Request(
        base_url + path, headers={"Cookie": f"sessionid={session_key}"}
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as reply:
        reply.read()
        if reply.status != 200:
            raise RuntimeError(f"{path}: HTTP {reply.status}")
    return (time.perf_counter() - started) * 1000


def measure(base_url: str, path: str, sessions: list[str], *, requests: int) -> dict:
    """Latencies (ms) of `requests` GETs of `path` at concurrency 16."""
    for key in sessions:  # warm-up: one request per session and worker
        _fetch(base_url, path, key)
    with ThreadPoolExecutor(max_workers=16) as pool:
        timings = list(
            pool.map(
                lambda i: _fetch(base_url, path, sessions[i % len(sessions)]),
                range(requests),
            )
        )
    timings.sort()
    return {
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "max": timings[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=2_000)
    parser.add_argument("--members", type=int, default=40_000)
    parser.add_argument("--grants", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    deployment = Deployment(workers=args.workers)
    try:
        print("Building the deployment (migrate, seed)…", flush=True)
        deployment.build()
        print("Adding companies, members and site permissions…", flush=True)
        started = time.perf_counter()
        output = deployment.manage(
            "shell",
            "-c",
            POPULATE.format(
                companies=args.companies, members=args.members, grants=args.grants
            ),
        ).stdout
        print(f"  done in {time.perf_counter() - started:.0f} s", flush=True)
        sessions = json.loads(output.split("SESSIONS", 1)[1].strip().splitlines()[0])
        deployment.start(task_worker=False)
        budget = 100.0
        for label, path, keys in (
            ("member dashboard", "/en/company/", sessions["members"]),
            ("members page", "/en/company/members/", sessions["admins"]),
        ):
            result = measure(deployment.base_url, path, keys, requests=args.requests)
            verdict = "OK" if result["p95"] < budget else "OVER BUDGET"
            print(
                f"{label:<18} p50 {result['p50']:6.1f} ms  p95 {result['p95']:6.1f} ms"
                f"  max {result['max']:6.1f} ms  ({verdict}, budget p95 < {budget:.0f})",
                flush=True,
            )
    finally:
        deployment.stop()


if __name__ == "__main__":
    main()
