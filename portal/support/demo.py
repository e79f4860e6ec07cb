"""Demo data of service requests: SLA policies, calendars, the eight request types,
and a dozen requests in the states a reviewer should see.

Idempotent: `manage.py seed_demo` calls `seed_support()` and `seed_requests()` on
every run.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone

from portal.companies import permissions
from portal.companies.models import CompanySite
from portal.support import services
from portal.support.models import (
    AccountManagerAbsence,
    BusinessCalendar,
    CalendarDay,
    RequestType,
    RequestTypePriorityRule,
    SelfServedAttempt,
    ServiceRequest,
    SlaPolicy,
    SlaTimer,
)
from portal.support.sla import subtract_business_time
from portal.support.timers import calendar_for, timer_fire, timers_reschedule
from portal.taxonomy.models import Segment

POLICIES = [
    # name, first response, resolution, turnover (business minutes)
    ("Critical fault", 60, 480, 120),
    ("Standard", 240, 2160, 240),
    ("Project", 480, 5400, 480),
]

# 2026 public holidays of mainland China and their make-up working days.
HOLIDAYS_2026 = [
    (date(2026, 1, 1), "New Year's Day"),
    *[(date(2026, 2, d), "Spring Festival") for d in range(16, 23)],
    (date(2026, 4, 5), "Qingming Festival"),
    *[(date(2026, 5, d), "Labour Day") for d in range(1, 6)],
    (date(2026, 6, 19), "Dragon Boat Festival"),
    (date(2026, 9, 25), "Mid-Autumn Festival"),
    *[(date(2026, 10, d), "National Day") for d in range(1, 8)],
]
WORKDAYS_2026 = [
    date(2026, 2, 14),
    date(2026, 2, 28),
    date(2026, 9, 27),
    date(2026, 10, 10),
]


def _field(name, label, label_zh, kind="text", required=True, choices=""):
    return {
        "type": "field",
        "value": {
            "name": name,
            "label": label,
            "label_zh_hans": label_zh,
            "kind": kind,
            "required": required,
            "choices": choices,
            "help_text": "",
        },
    }


ALL = ("sme", "enterprise", "government")
BIG = ("enterprise", "government")

REQUEST_TYPES = [
    {
        "slug": "report-fault",
        "description": "A line, a service or equipment not working: we diagnose and repair it within the SLA.",
        "description_zh_hans": "线路、业务或设备故障：我们在服务等级时限内诊断并修复。",
        "name": "Report a fault",
        "name_zh_hans": "故障报修",
        "handling": "account_manager",
        "policy": "Critical fault",
        "priority": "high",
        "segments": ALL,
        "fields": [
            _field("service", "Affected service or line number", "受影响的业务或号码"),
            _field("started", "When did it start?", "故障开始时间", "date"),
            _field(
                "impact",
                "Impact",
                "影响范围",
                "choice",
                choices="Whole site down\nSlow or intermittent\nOne user affected",
            ),
            _field("details", "What happens?", "故障现象", "textarea"),
        ],
        "rules": [("government", "", "urgent"), ("", "platinum", "urgent")],
    },
    {
        "slug": "change-bandwidth",
        "description": "Raise or lower the bandwidth of a broadband or leased line, online and at once.",
        "description_zh_hans": "在线调整宽带或专线带宽，即时生效。",
        "name": "Change bandwidth",
        "name_zh_hans": "带宽变更",
        "handling": "self_service",
        "segments": ALL,
        "next_steps": "The new bandwidth is active within 4 working hours; "
        "the change appears on your next bill.",
        "next_steps_zh": "新带宽将在4个工作小时内生效，费用变更体现在下期账单。",
        "fields": [
            _field("circuit", "Circuit ID", "专线编号"),
            _field(
                "bandwidth",
                "New bandwidth",
                "新带宽",
                "choice",
                choices="100 Mbps\n200 Mbps\n500 Mbps\n1 Gbps",
            ),
        ],
    },
    {
        "slug": "add-mobile-lines",
        "description": "Order more mobile numbers and SIM cards on your company plan.",
        "description_zh_hans": "在公司套餐下新增手机号码和SIM卡。",
        "name": "Add mobile lines",
        "name_zh_hans": "新增移动号码",
        "handling": "self_service",
        "segments": ALL,
        "next_steps": "SIM cards are posted to the site within 2 working days.",
        "next_steps_zh": "SIM卡将在2个工作日内寄送到所选地点。",
        "fields": [
            _field("quantity", "How many lines?", "号码数量", "number"),
            _field(
                "plan",
                "Plan",
                "套餐",
                "choice",
                choices="Business 50\nBusiness 100\nUnlimited",
            ),
        ],
    },
    {
        "slug": "move-premises",
        "description": "Moving office: we move your lines and equipment to the new address.",
        "description_zh_hans": "办公室搬迁：将您的线路和设备迁移到新地址。",
        "name": "Move premises",
        "name_zh_hans": "搬迁移机",
        "handling": "account_manager",
        "policy": "Project",
        "segments": ALL,
        "fields": [
            _field("new_address", "New address", "新地址", "textarea"),
            _field("move_date", "Moving date", "搬迁日期", "date"),
        ],
        "rules": [("", "gold", "high"), ("", "platinum", "high")],
    },
    {
        "slug": "billing-question",
        "description": "A question about an invoice, a charge or a payment.",
        "description_zh_hans": "关于发票、费用或付款的问题。",
        "name": "Billing question",
        "name_zh_hans": "账单咨询",
        "handling": "account_manager",
        "policy": "Standard",
        "priority": "low",
        "segments": ALL,
        "needs_site": False,
        "fields": [
            _field("invoice", "Invoice number", "发票号码", required=False),
            _field("question", "Your question", "您的问题", "textarea"),
        ],
    },
    {
        "slug": "custom-solution",
        "description": "Tell us what you need; your account manager prepares a tailored solution.",
        "description_zh_hans": "告诉我们您的需求，客户经理为您定制方案。",
        "name": "Custom solution enquiry",
        "name_zh_hans": "定制方案咨询",
        "handling": "account_manager",
        "policy": "Project",
        "segments": BIG,
        "needs_site": False,
        "fields": [
            _field(
                "goal", "What do you want to achieve?", "您希望实现什么？", "textarea"
            ),
            _field("budget", "Budget range", "预算范围", required=False),
        ],
        "rules": [("government", "", "high")],
    },
    {
        "slug": "trial-extension",
        "description": "Ask for more time on a product trial.",
        "description_zh_hans": "申请延长产品试用期。",
        "name": "Trial extension",
        "name_zh_hans": "试用延期",
        "handling": "account_manager",
        "policy": "Standard",
        "segments": ALL,
        "needs_site": False,
        "fields": [
            _field("trial", "Which trial?", "哪个试用？"),
            _field("reason", "Why do you need more time?", "延期原因", "textarea"),
        ],
    },
    {
        "slug": "site-survey",
        "description": "An engineer visits your site before an installation.",
        "description_zh_hans": "安装前由工程师上门勘查。",
        "name": "Book a site survey",
        "name_zh_hans": "预约现场勘查",
        "handling": "account_manager",
        "policy": "Standard",
        "segments": ALL,
        "fields": [
            _field("purpose", "What should be surveyed?", "勘查内容", "textarea"),
            _field(
                "preferred_date", "Preferred date", "期望日期", "date", required=False
            ),
        ],
    },
]


def seed_support() -> None:
    """Create or update the demo SLA policies, calendar and request types."""
    policies = {}
    for name, response, resolution, turnover in POLICIES:
        policies[name], _ = SlaPolicy.objects.update_or_create(
            name=name,
            defaults={
                "first_response_minutes": response,
                "resolution_minutes": resolution,
                "turnover_minutes": turnover,
            },
        )
    calendar, _ = BusinessCalendar.objects.update_or_create(
        region=None,
        defaults={
            "name": "Mainland China",
            "time_zone": "Asia/Shanghai",
            "day_start": time(9),
            "day_end": time(18),
            "weekdays": [0, 1, 2, 3, 4],
        },
    )
    for day, name in HOLIDAYS_2026:
        CalendarDay.objects.update_or_create(
            calendar=calendar, date=day, defaults={"name": name, "kind": "holiday"}
        )
    for day in WORKDAYS_2026:
        CalendarDay.objects.update_or_create(
            calendar=calendar,
            date=day,
            defaults={"name": "Make-up working day", "kind": "workday"},
        )
    segments = {s.code: s for s in Segment.objects.all()}
    for order, spec in enumerate(REQUEST_TYPES):
        request_type, _ = RequestType.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "name_zh_hans": spec["name_zh_hans"],
                "description": spec["description"],
                "description_zh_hans": spec["description_zh_hans"],
                "handling": spec["handling"],
                "sla_policy": policies.get(spec.get("policy")),
                "base_priority": spec.get("priority", "normal"),
                "needs_site": spec.get("needs_site", True),
                "next_steps": spec.get("next_steps", ""),
                "next_steps_zh_hans": spec.get("next_steps_zh", ""),
                "fields": spec["fields"],
                "sort_order": order,
            },
        )
        RequestTypePriorityRule.objects.filter(request_type=request_type).delete()
        for segment, band, priority in spec.get("rules", []):
            RequestTypePriorityRule.objects.create(
                request_type=request_type,
                segment=segments.get(segment),
                value_band=band,
                priority=priority,
            )
        # Parental many-to-many changes are written by save().
        request_type.segments.set(
            [segments[code] for code in spec["segments"] if code in segments]
        )
        request_type.save()


# --- Demo requests -------------------------------------------------------------
#
# A small set of requests in the states a reviewer should see, raised and worked
# through the real services (routing, timeline, due dates, timers, notifications).
# Each is keyed by its requester and a fixed idempotency key ("demo-..."), the key
# `request_submit` already takes, so seeding again finds it and changes nothing.


class DemoState(StrEnum):
    ACCEPTED = "accepted"  # self-service: accepted automatically
    NEW = "new"  # routed to the named manager, untouched
    BREACHED = "breached"  # first response missed: escalated to the team lead
    QUEUED = "queued"  # manager away: waiting in the team queue
    CLAIMED = "claimed"  # manager away: claimed by the team lead and answered
    REPLIED = "replied"  # the manager replied
    WAITING = "waiting"  # the manager asked the customer: clock paused
    RESOLVED = "resolved"  # resolved, waiting for the customer to confirm
    RATED = "rated"  # resolved, confirmed and rated by the customer


@dataclass(frozen=True)
class DemoRequest:
    """One demo request: who raises what, and how far it has been worked.

    A `timedelta` answer is a date that many days from the seeding day.
    """

    key: str
    requester: str  # e-mail address of a demo customer
    request_type: str  # slug
    subject: str
    answers: dict
    state: DemoState
    site: str | None = None
    reply: str = ""  # the manager's reply (or question, when waiting)
    resolution: str = ""
    rating: int | None = None
    rating_comment: str = ""


def _customer(local: str) -> str:
    return f"{local}.example-customer.test"


DEMO_REQUESTS = [
    DemoRequest(
        "demo-jade-bandwidth",
        _customer("operator-branch@jade"),
        "change-bandwidth",
        "Raise the West Lake branch line to 500 Mbps",
        {"circuit": "HZ-WL-0117", "bandwidth": "500 Mbps"},
        DemoState.ACCEPTED,
        site="Hangzhou West Lake branch",
    ),
    DemoRequest(
        "demo-jade-advisers",
        _customer("manager-branch@jade"),
        "add-mobile-lines",
        "Eight mobile lines for the new wealth advisers",
        {"quantity": 8, "plan": "Business 100"},
        DemoState.ACCEPTED,
        site="Shanghai Pudong branch",
    ),
    DemoRequest(
        "demo-jade-terminals",
        _customer("admin@jade"),
        "add-mobile-lines",
        "Two data SIMs for the West Lake card terminals",
        {"quantity": 2, "plan": "Business 50"},
        DemoState.ACCEPTED,
        site="Hangzhou West Lake branch",
    ),
    DemoRequest(
        "demo-jade-outage",
        _customer("manager-branch@jade"),
        "report-fault",
        "Pudong branch: card payments and ATMs offline",
        {
            "service": "MPLS VPN circuit SH-PD-0042",
            "started": timedelta(0),
            "impact": "Whole site down",
            "details": "The counters and both ATMs show 'host unreachable'; "
            "the 4G backup did not take over.",
        },
        DemoState.NEW,
        site="Shanghai Pudong branch",
    ),
    DemoRequest(
        "demo-civic-halls",
        _customer("admin@civic"),
        "custom-solution",
        "Queue tickets and free Wi-Fi for 12 district service halls",
        {
            "goal": "Citizens take a ticket on their phone and wait in the hall's "
            "free Wi-Fi; the bureau sees waiting times per hall.",
            "budget": "CNY 1.2-1.5 million",
        },
        DemoState.NEW,
    ),
    DemoRequest(
        "demo-summit-5g",
        _customer("admin@summit"),
        "custom-solution",
        "Private 5G for the new assembly hall",
        {
            "goal": "Connect 60 AGVs and 200 sensors in Hall 3 with under 20 ms "
            "latency, separate from the office network.",
            "budget": "To be agreed after a site survey",
        },
        DemoState.BREACHED,
    ),
    DemoRequest(
        "demo-jade-move",
        _customer("admin@jade"),
        "move-premises",
        "Move the West Lake branch to Wulin Square",
        {
            "new_address": "18 Wulin Square, Xiacheng District, Hangzhou",
            "move_date": timedelta(days=45),
        },
        DemoState.QUEUED,
        site="Hangzhou West Lake branch",
    ),
    DemoRequest(
        "demo-jade-fapiao",
        _customer("admin@jade"),
        "billing-question",
        "October VAT invoice is missing the Pudong branch lines",
        {
            "invoice": "INV-2026-10-3381",
            "question": "The October fapiao lists the head office lines only; "
            "our auditors need the 14 Pudong branch lines on it too.",
        },
        DemoState.CLAIMED,
        reply="I have asked billing to reissue the October fapiao with all 14 "
        "Pudong branch lines; it reaches you by e-mail within two working days.",
    ),
    DemoRequest(
        "demo-pearl-lease",
        _customer("admin@pearl"),
        "billing-question",
        "Printer lease charged twice on this month's bill",
        {
            "invoice": "INV-2026-11-1210",
            "question": "The colour printer lease appears on two lines.",
        },
        DemoState.REPLIED,
        reply="Thank you, I can see the duplicate line. I have asked for a credit "
        "note and will confirm here once billing has issued it.",
    ),
    DemoRequest(
        "demo-harbour-trial",
        _customer("manager@harbour"),
        "trial-extension",
        "Two more weeks of the Cloud Backup trial",
        {
            "trial": "Cloud Backup",
            "reason": "The tills of our second shop are installed only next week, "
            "and we want to test a restore there too.",
        },
        DemoState.WAITING,
        reply="Happy to help. Which tills should we add to the trial, and until "
        "which date would you like it to run?",
    ),
    DemoRequest(
        "demo-health-hotline",
        _customer("admin@health"),
        "billing-question",
        "Hotline numbers billed at the business rate",
        {
            "invoice": "INV-2026-11-0907",
            "question": "The 12320 hotline numbers should be on the public service "
            "tariff.",
        },
        DemoState.RESOLVED,
        reply="You are right; I have asked billing to move the numbers.",
        resolution="The 12320 numbers are on the public service tariff now, and "
        "this month's difference is credited on your next bill.",
    ),
    DemoRequest(
        "demo-harbour-card-rate",
        _customer("admin@harbour"),
        "billing-question",
        "Card payment line billed at the wrong rate",
        {
            "invoice": "INV-2026-11-0311",
            "question": "The card terminal line is billed at CNY 120 instead of "
            "the CNY 60 in our contract.",
        },
        DemoState.RATED,
        reply="Checked against your contract: the line should be CNY 60.",
        resolution="The rate is corrected and CNY 60 is credited on the next bill.",
        rating=5,
        rating_comment="Quick and clear, thank you.",
    ),
    DemoRequest(
        "demo-summit-cost-centres",
        _customer("admin@summit"),
        "billing-question",
        "Split the bill by production hall",
        {
            "invoice": "",
            "question": "Finance wants one cost centre per hall on the monthly bill.",
        },
        DemoState.RATED,
        resolution="Each hall's lines now carry their own cost centre; the next "
        "bill's CSV shows the split.",
        rating=4,
        rating_comment="The split works; the CSV is what finance needed.",
    ),
]

# Questions that a suggested article answered ("this solved it"): no request raised.
# (requester, request type slug, what they typed, article slug)
SELF_SERVED = [
    (
        _customer("operator@harbour"),
        "report-fault",
        "router light blinking red",
        "internet-down-checklist",
    ),
    (
        _customer("admin@pearl"),
        "billing-question",
        "how do I get a fapiao",
        "request-a-fapiao",
    ),
    (
        _customer("admin@civic"),
        "report-fault",
        "desk phones say no service",
        "phone-line-no-dial-tone",
    ),
    (
        _customer("admin@summit"),
        "billing-question",
        "first bill higher than quote",
        "why-is-my-first-bill-higher",
    ),
]

#: The out-of-office note of the demo absence that sends requests to the team queue.
AWAY_NOTE = "Demo: customer visits in Suzhou"


def seed_requests() -> None:
    """Raise and work the demo requests and self-served questions not seeded yet.

    Called by `manage.py seed_demo` after the companies, their users and the request
    types exist. Timers that fall due because a request was dated back are fired
    here, once, as the SLA sweep would.
    """
    User = get_user_model()
    raised = []
    for spec in DEMO_REQUESTS:
        requester = User.objects.filter(email=spec.requester).first()
        if (
            requester is None
            or ServiceRequest.objects.filter(
                requester=requester, idempotency_key=spec.key
            ).exists()
        ):
            continue
        raised.append(STATE_STEPS[spec.state](spec, requester))
    _fire_due_timers(raised)
    for email, type_slug, subject, article in SELF_SERVED:
        _self_served(
            User.objects.filter(email=email).first(), type_slug, subject, article
        )


def _submit(spec: DemoRequest, requester) -> ServiceRequest:
    today = timezone.localdate()
    answers = {
        name: (today + value).isoformat() if isinstance(value, timedelta) else value
        for name, value in spec.answers.items()
    }
    site = (
        CompanySite.objects.get(company__memberships__user=requester, name=spec.site)
        if spec.site
        else None
    )
    request, _created = services.request_submit(
        user=requester,
        request_type=RequestType.objects.get(slug=spec.request_type),
        subject=spec.subject,
        answers=answers,
        idempotency_key=spec.key,
        site=site,
    )
    return request


def _raised_at(request: ServiceRequest, moment: datetime) -> ServiceRequest:
    """Date a just-raised request back to `moment`, as if the customer raised it then:
    its start, its first timeline events and notifications move by the same amount,
    and the due dates and timers are worked out again from the new start."""
    shift = request.created_at - moment
    ServiceRequest.objects.filter(pk=request.pk).update(
        created_at=moment, clock_running_since=moment
    )
    request.events.update(created_at=F("created_at") - shift)
    request.notifications.update(created_at=F("created_at") - shift)
    request.refresh_from_db()
    services.set_due_dates(request)  # from the new start
    timers_reschedule(request=request)
    return request


def _business_hours_ago(request: ServiceRequest, hours: float) -> datetime:
    calendar = calendar_for(region_id=request.company.region_id)
    return subtract_business_time(timezone.now(), timedelta(hours=hours), calendar)


@contextmanager
def _manager_away(company):
    """The company's account manager is out of the office today while requests are
    raised (routing reads absences of the current day), and the absence then moves
    to the last working day, the day those requests are dated back to."""
    absence, _ = AccountManagerAbsence.objects.get_or_create(
        user_id=company.account_manager_id,
        note=AWAY_NOTE,
        defaults={"starts_on": timezone.localdate(), "ends_on": timezone.localdate()},
    )
    absence.starts_on = absence.ends_on = timezone.localdate()
    absence.save()
    yield
    calendar = calendar_for(region_id=company.region_id)
    absence.starts_on = absence.ends_on = _last_working_evening(calendar).date()
    absence.save()


def _last_working_evening(calendar) -> datetime:
    """Half an hour after the end of the last working day before today."""
    day = timezone.now().astimezone(calendar.tz).date() - timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    closing = datetime.combine(day, calendar.day_end, tzinfo=calendar.tz)
    return closing + timedelta(minutes=30)


def _raised_while_away(spec: DemoRequest, requester) -> ServiceRequest:
    company = permissions.membership_for(requester).company
    with _manager_away(company):
        request = _submit(spec, requester)
    calendar = calendar_for(region_id=company.region_id)
    # Dated back into the manager's day away, so the routing decision that the
    # timeline explains ("out of the office") matches the out-of-office dates.
    return _raised_at(request, _last_working_evening(calendar))


# --- One step per state --------------------------------------------------------


def _accepted(spec, requester):
    return _submit(spec, requester)


def _new(spec, requester):
    return _submit(spec, requester)


def _breached(spec, requester):
    request = _submit(spec, requester)
    # Raised a day and a half of business time ago and never answered: the first
    # response target is missed, the resolution target is not yet near.
    # `seed_requests` then fires the due timers: one warning, one escalation.
    return _raised_at(request, _business_hours_ago(request, 13.5))


def _queued(spec, requester):
    return _raised_while_away(spec, requester)


def _claimed(spec, requester):
    request = _raised_while_away(spec, requester)
    lead = request.team.lead
    services.request_claim(request_id=request.pk, user=lead)
    services.request_reply(request_id=request.pk, actor=lead, body=spec.reply)
    return request


def _replied(spec, requester):
    request = _submit(spec, requester)
    services.request_reply(
        request_id=request.pk, actor=request.assignee, body=spec.reply
    )
    return request


def _waiting(spec, requester):
    request = _submit(spec, requester)
    services.request_ask_customer(
        request_id=request.pk, actor=request.assignee, body=spec.reply
    )
    return request


def _resolved(spec, requester):
    request = _submit(spec, requester)
    # Raised three business hours ago, within the targets, so that the operator
    # report's response and resolution times are not all zero.
    request = _raised_at(request, _business_hours_ago(request, 3))
    if spec.reply:
        services.request_reply(
            request_id=request.pk, actor=request.assignee, body=spec.reply
        )
    return services.request_resolve(
        request_id=request.pk, actor=request.assignee, body=spec.resolution
    )


def _rated(spec, requester):
    request = _resolved(spec, requester)
    services.request_confirm(request_id=request.pk, user=requester)
    return services.request_rate(
        request_id=request.pk,
        user=requester,
        rating=spec.rating,
        comment=spec.rating_comment,
    )


STATE_STEPS = {
    DemoState.ACCEPTED: _accepted,
    DemoState.NEW: _new,
    DemoState.BREACHED: _breached,
    DemoState.QUEUED: _queued,
    DemoState.CLAIMED: _claimed,
    DemoState.REPLIED: _replied,
    DemoState.WAITING: _waiting,
    DemoState.RESOLVED: _resolved,
    DemoState.RATED: _rated,
}


def _fire_due_timers(requests: list[ServiceRequest]) -> None:
    """Fire, in order and once, the timers of `requests` already due (the sweep's
    work), so no dated-back request is left with an overdue timer."""
    due = SlaTimer.objects.filter(
        request__in=[r.pk for r in requests],
        fired_at__isnull=True,
        cancelled_at__isnull=True,
        due_at__lte=timezone.now(),
    ).order_by("due_at", "pk")
    for timer_id in list(due.values_list("pk", flat=True)):
        timer_fire(timer_id=timer_id)


def _self_served(user, type_slug: str, subject: str, article_slug: str) -> None:
    from cms.models import KnowledgeArticlePage

    if (
        user is None
        or SelfServedAttempt.objects.filter(user=user, subject=subject).exists()
    ):
        return
    article = (
        KnowledgeArticlePage.objects.live()
        .filter(locale__language_code="en", slug=article_slug)
        .first()
    )
    if article is None:
        return
    services.self_served_record(
        user=user,
        subject=subject,
        article_url=article.get_url(),
        article_title=article.title,
        request_type=RequestType.objects.filter(slug=type_slug).first(),
    )
