"""Benchmark of trials and their PDFs: python -m bench.trials

Builds a throwaway deployment (bench/deployment.py), then measures in its Django
process the render time of a trial agreement (budget < 1 s) and of a 20-page product
manual (budget < 5 s), gives one company 200 trials, and requests that company's
trials page at concurrency 16 through gunicorn for its p95 latency (budget < 300 ms).
"""

from __future__ import annotations

import argparse
import json

from bench.companies import measure
from bench.deployment import Deployment

POPULATE = r"""
import json, subprocess, tempfile, time
from datetime import timedelta
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from cms.demo.builder import upsert_page
from cms.models import ProductIndexPage, ProductPage
from portal.companies.models import Company, Membership
from portal.documents import pdf, services as document_services
from portal.documents.selectors import document_branding
from portal.trials.models import Trial, TrialAllocation, TrialPolicy, TrialState

admin = Membership.objects.select_related("user", "company").get(
    user__email="admin@pearl.example-customer.test")
company, user = admin.company, admin.user
policy = TrialPolicy.objects.get(product_code="MOB-TEAM-50")
now = timezone.now()
states = [TrialState.ACTIVE, TrialState.EXPIRED, TrialState.CONVERTED, TrialState.REQUESTED]
trials = Trial.objects.bulk_create([
    Trial(company=company, policy=policy, product_code="MOB-TEAM-50",
          product_title=f"Team Mobile 50 #{{i}}", requested_by=user, use_case="bench",
          state=states[i % 4], starts_at=now, ends_at=now + timedelta(days=i % 30))
    for i in range({trials})])
TrialAllocation.objects.bulk_create([
    TrialAllocation(trial=t, kind=k, unit=u, amount=a, used=a // 2)
    for t in trials for k, u, a in (("sim_cards", "pcs", 5), ("data_per_sim", "GB", 10))])

def timed(render):
    best = None
    for _ in range(3):
        started = time.perf_counter()
        content = render()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best, content

def pages(content):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content); handle.flush()
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True).stdout
    return int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))

trial = trials[0]
agreement_s, agreement = timed(lambda: pdf.render_pdf("documents/trial_agreement.html", {{
    "trial": trial, "allocations": trial.allocations.all(),
    "branding": document_branding(), "generated_at": now}}))

body = []
for n in range({sections}):
    body.append(("heading", f"Chapter {{n + 1}}: configuring the service 第 {{n + 1}} 章"))
    body += [("paragraph", "<p>" + "Set the spending cap per line in the Business Console, "
              "then review the usage report every month. 在企业控制台为每条线路设置上限。" * 12
              + "</p>")] * 3
index = ProductIndexPage.objects.filter(locale__language_code="en").first()
manual_page = upsert_page(index, ProductPage, slug="bench-manual", fields={{
    "title": "Bench manual", "product_code": "BENCH-MANUAL", "family": "mobile", "body": body}})
manual_s, manual = timed(lambda: document_services.page_pdf_render(page=manual_page))

store = SessionStore()
store["_auth_user_id"] = str(user.pk)
store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
store["_auth_user_hash"] = user.get_session_auth_hash()
store.create()
print("RESULT" + json.dumps({{"agreement_s": agreement_s, "agreement_pages": pages(agreement),
    "manual_s": manual_s, "manual_pages": pages(manual), "session": store.session_key,
    "trials": Trial.objects.filter(company=company).count()}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--sections", type=int, default=22)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    deployment = Deployment(workers=args.workers)
    try:
        print("Building the deployment (migrate, seed)…", flush=True)
        deployment.build()
        output = deployment.manage(
            "shell",
            "-c",
            POPULATE.format(trials=args.trials, sections=args.sections),
        ).stdout
        result = json.loads(output.split("RESULT", 1)[1].strip().splitlines()[0])
        for label, key, pages_key, budget in (
            ("trial agreement", "agreement_s", "agreement_pages", 1.0),
            ("product manual", "manual_s", "manual_pages", 5.0),
        ):
            verdict = "OK" if result[key] < budget else "OVER BUDGET"
            print(
                f"{label:<16} {result[pages_key]:3d} pages  {result[key]:6.2f} s"
                f"  ({verdict}, budget < {budget:.0f} s)",
                flush=True,
            )
        deployment.start(task_worker=False)
        timing = measure(
            deployment.base_url,
            "/en/trials/",
            [result["session"]],
            requests=args.requests,
        )
        verdict = "OK" if timing["p95"] < 300 else "OVER BUDGET"
        print(
            f"trials page ({result['trials']} trials) p50 {timing['p50']:6.1f} ms"
            f"  p95 {timing['p95']:6.1f} ms  max {timing['max']:6.1f} ms"
            f"  ({verdict}, budget p95 < 300)",
            flush=True,
        )
    finally:
        deployment.stop()


if __name__ == "__main__":
    main()
