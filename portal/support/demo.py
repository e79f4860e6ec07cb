"""Demo data of service requests: SLA policies, calendars and the eight request types.

Idempotent: `manage.py seed_demo` calls `seed_support()` on every run.
"""

from datetime import date, time

from portal.support.models import (
    BusinessCalendar,
    CalendarDay,
    RequestType,
    RequestTypePriorityRule,
    SlaPolicy,
)
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
