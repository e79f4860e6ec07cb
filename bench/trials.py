"""Benchmark of trials and their PDFs: python -m bench.trials

Builds a throwaway deployment (bench/scale.py), then measures in its Django process
the render time of a trial agreement (budget < 1 s) and of a 20-page product manual
(budget < 5 s), gives one company 200 trials, and requests that company's trials
page (first and last page) through gunicorn at concurrency 1 and 16 (budget p95 <
300 ms at concurrency 16). Exit status 1 when a budget fails.
"""

from __future__ import annotations

import argparse
import json
import sys

from bench import scale

POPULATE = r"""
import json, subprocess, tempfile, time
from datetime import timedelta
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

print("RESULT" + json.dumps({{"agreement_s": agreement_s, "agreement_pages": pages(agreement),
    "manual_s": manual_s, "manual_pages": pages(manual), "session": session_for(user),
    "trials": Trial.objects.filter(company=company).count()}}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--sections", type=int, default=22)
    scale.add_arguments(parser)
    args = parser.parse_args()

    deployment = scale.prepare(args)
    report = scale.Report()
    try:
        print(f"Adding {args.trials} trials, rendering the PDFs …", flush=True)
        result = json.loads(
            scale.populate(
                deployment,
                POPULATE.format(trials=args.trials, sections=args.sections),
                marker="RESULT",
            )
        )
        for label, key, pages_key, budget in (
            ("trial agreement", "agreement_s", "agreement_pages", 1.0),
            ("product manual", "manual_s", "manual_pages", 5.0),
        ):
            report.check(
                label,
                result[key],
                budget,
                f"{label:<16} {result[pages_key]:3d} pages  {result[key]:6.2f} s"
                f"  budget < {budget:.0f} s",
            )
        deployment.start(task_worker=False)
        trials = result["trials"]
        report.pages(
            deployment,
            [
                (f"trials page ({trials})", "/en/trials/", [result["session"]]),
                (
                    f"trials page ({trials}) p.10",
                    "/en/trials/?page=10",
                    [result["session"]],
                ),
            ],
            duration=args.duration,
            budget_ms=300,
        )
    finally:
        scale.finish(deployment, args)
    return report.exit_status


if __name__ == "__main__":
    sys.exit(main())
