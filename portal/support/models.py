"""Service requests: types, calendars, SLA policies, requests and their timeline.

Writes go through `portal.support.services`, reads through `portal.support.selectors`;
who may see or do what is decided by `portal.companies.permissions`.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField

from portal.companies.models import ValueBand
from portal.labels import Labels
from portal.support.blocks import RequestFieldBlock
from portal.support.routing import Handling, Priority, explain
from portal.support.sla import WorkingCalendar
from portal.taxonomy.models import BilingualName

# --- Calendars and SLA policies ----------------------------------------------


def validate_time_zone(value: str) -> None:
    if value not in available_timezones():
        raise ValidationError(
            _("%(value)s is not a time zone; use a name such as Asia/Shanghai."),
            params={"value": value},
        )


def validate_weekdays(value) -> None:
    if not isinstance(value, list) or not all(
        isinstance(day, int) and 0 <= day <= 6 for day in value
    ):
        raise ValidationError(
            _("List the working weekdays as numbers, 0 for Monday to 6 for Sunday.")
        )


def default_weekdays() -> list[int]:
    return [0, 1, 2, 3, 4]


class BusinessCalendar(ClusterableModel):
    """Working hours and public holidays of a region; the SLA clock runs on it.

    The calendar without a region is the default for companies without one.
    """

    name = models.CharField(_("name"), max_length=100)
    region = models.OneToOneField(
        "taxonomy.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="business_calendar",
        help_text=_("Leave empty for the default calendar."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=50,
        default="Asia/Shanghai",
        validators=[validate_time_zone],
    )
    day_start = models.TimeField(_("working day starts"), default=time(9, 0))
    day_end = models.TimeField(_("working day ends"), default=time(18, 0))
    weekdays = models.JSONField(
        _("working weekdays"),
        default=default_weekdays,
        validators=[validate_weekdays],
        help_text=_("0 is Monday, 6 is Sunday, for example [0, 1, 2, 3, 4]."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("region"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldPanel("day_start"),
                FieldPanel("day_end"),
                FieldPanel("weekdays"),
            ],
            heading=_("Working hours"),
        ),
        InlinePanel("days", heading=_("Public holidays and make-up working days")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("business calendar")
        verbose_name_plural = _("business calendars")

    def __str__(self):
        return self.name

    def clean(self):
        if (
            self.region_id is None
            and BusinessCalendar.objects.filter(region__isnull=True)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {"region": _("A default calendar exists already; choose a region.")}
            )
        if self.day_start and self.day_end and self.day_end <= self.day_start:
            raise ValidationError(
                {"day_end": _("The working day must end after it starts.")}
            )

    def working_calendar(self) -> WorkingCalendar:
        """The calendar as the plain value the SLA arithmetic works on."""
        days = list(self.days.all())
        return WorkingCalendar(
            time_zone=self.time_zone,
            day_start=self.day_start,
            day_end=self.day_end,
            weekdays=frozenset(self.weekdays),
            holidays=frozenset(
                d.date for d in days if d.kind == CalendarDay.Kind.HOLIDAY
            ),
            extra_workdays=frozenset(
                d.date for d in days if d.kind == CalendarDay.Kind.WORKDAY
            ),
        )


class CalendarDay(models.Model):
    """A public holiday, or a weekend day that is worked, in one calendar."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Public holiday")
        WORKDAY = "workday", _("Make-up working day")

    calendar = ParentalKey(
        BusinessCalendar, on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("date"))
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.HOLIDAY
    )
    name = models.CharField(_("name"), max_length=100, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")
        constraints = [
            models.UniqueConstraint(
                fields=["calendar", "date"], name="support_calendar_day_unique"
            )
        ]

    def __str__(self):
        return f"{self.date} {self.name}"


class SlaPolicy(models.Model):
    """First-response and resolution targets in business minutes, and what follows."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    first_response_minutes = models.PositiveIntegerField(
        _("first response within (business minutes)"), default=240
    )
    resolution_minutes = models.PositiveIntegerField(
        _("resolution within (business minutes)"), default=2160
    )
    warning_percent = models.PositiveSmallIntegerField(
        _("warn the assignee at (% of a target)"), default=80
    )
    turnover_minutes = models.PositiveIntegerField(
        _("reassign if untouched after a breach for (business minutes)"),
        default=240,
    )

    class Meta:
        ordering = ["first_response_minutes"]
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")

    def __str__(self):
        return self.name

    def clean(self):
        if not 1 <= self.warning_percent <= 99:
            raise ValidationError(
                {"warning_percent": _("Choose a percentage between 1 and 99.")}
            )

    @property
    def first_response_target(self) -> timedelta:
        return timedelta(minutes=self.first_response_minutes)

    @property
    def resolution_target(self) -> timedelta:
        return timedelta(minutes=self.resolution_minutes)

    @property
    def turnover_after(self) -> timedelta:
        return timedelta(minutes=self.turnover_minutes)


# --- Request types -----------------------------------------------------------


class RequestType(ClusterableModel, BilingualName):
    """What customers can ask for: its form, audience, handling, priority and SLA."""

    slug = models.SlugField(_("slug"), unique=True)
    description = models.TextField(_("description (English)"), blank=True)
    description_zh_hans = models.TextField(_("description (Chinese)"), blank=True)
    fields = StreamField(
        [("field", RequestFieldBlock())],
        verbose_name=_("fields the customer fills in"),
        blank=True,
        use_json_field=True,
    )
    segments = ParentalManyToManyField(
        "taxonomy.Segment",
        verbose_name=_("offered to segments"),
        related_name="request_types",
        blank=True,
    )
    handling = models.CharField(
        _("handling"),
        max_length=20,
        choices=Handling.choices,
        default=Handling.ACCOUNT_MANAGER,
    )
    next_steps = models.TextField(
        _("next steps (English)"),
        blank=True,
        help_text=_("Shown to the customer when a self-service request is accepted."),
    )
    next_steps_zh_hans = models.TextField(_("next steps (Chinese)"), blank=True)
    base_priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    sla_policy = models.ForeignKey(
        SlaPolicy,
        verbose_name=_("SLA policy"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="request_types",
        help_text=_("Required for requests handled by an account manager."),
    )
    needs_site = models.BooleanField(
        _("asks for a site"),
        default=True,
        help_text=_("The customer chooses which of their sites the request is about."),
    )
    is_active = models.BooleanField(_("offered"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("name_zh_hans"),
                FieldPanel("slug"),
                FieldPanel("description"),
                FieldPanel("description_zh_hans"),
            ],
            heading=_("Name"),
        ),
        FieldPanel("fields"),
        MultiFieldPanel(
            [
                FieldPanel("segments"),
                FieldPanel("handling"),
                FieldPanel("needs_site"),
                FieldPanel("next_steps"),
                FieldPanel("next_steps_zh_hans"),
                FieldPanel("is_active"),
                FieldPanel("sort_order"),
            ],
            heading=_("Audience and handling"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("base_priority"),
                InlinePanel("priority_rules", heading=_("Priority rules")),
                FieldPanel("sla_policy"),
            ],
            heading=_("Priority and SLA"),
        ),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("request type")
        verbose_name_plural = _("request types")

    def clean(self):
        if self.handling == Handling.ACCOUNT_MANAGER and self.sla_policy_id is None:
            raise ValidationError(
                {
                    "sla_policy": _(
                        "Choose an SLA policy for requests handled by people."
                    )
                }
            )

    @property
    def is_self_service(self) -> bool:
        return self.handling == Handling.SELF_SERVICE

    @property
    def description_label(self) -> str:
        if (get_language() or "").startswith("zh") and self.description_zh_hans:
            return self.description_zh_hans
        return self.description

    @property
    def next_steps_label(self) -> str:
        if (get_language() or "").startswith("zh") and self.next_steps_zh_hans:
            return self.next_steps_zh_hans
        return self.next_steps

    def field_labels(self) -> dict[str, str]:
        """Each question's internal name -> its label in the active language."""
        return {block.value["name"]: field_label(block.value) for block in self.fields}


def field_label(value: dict) -> str:
    """A request field's label in the active language (English when untranslated)."""
    if (get_language() or "").startswith("zh") and value.get("label_zh_hans"):
        return value["label_zh_hans"]
    return value["label"]


class RequestTypePriorityRule(models.Model):
    """Raise a request type's priority for a segment and/or a value band."""

    request_type = ParentalKey(
        RequestType, on_delete=models.CASCADE, related_name="priority_rules"
    )
    segment = models.ForeignKey(
        "taxonomy.Segment",
        verbose_name=_("segment"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    value_band = models.CharField(
        _("value band"), max_length=10, choices=ValueBand.choices, blank=True
    )
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices)

    panels = [FieldPanel("segment"), FieldPanel("value_band"), FieldPanel("priority")]

    class Meta:
        verbose_name = _("priority rule")
        verbose_name_plural = _("priority rules")

    def __str__(self):
        return f"{self.segment_id or '*'}/{self.value_band or '*'} → {self.priority}"


# --- Account manager availability --------------------------------------------


class AccountManagerAvailability(models.Model):
    """How many open requests an account manager takes before routing skips them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account manager"),
        on_delete=models.CASCADE,
        related_name="request_availability",
        limit_choices_to={"is_staff": True},
    )
    max_open_requests = models.PositiveIntegerField(
        _("maximum open requests"), default=20
    )

    DEFAULT_CAPACITY = 20

    class Meta:
        verbose_name = _("account manager capacity")
        verbose_name_plural = _("account manager capacities")

    def __str__(self):
        return f"{self.user}: {self.max_open_requests}"


class AccountManagerAbsence(models.Model):
    """Out-of-office dates; routing sends the manager's requests to the team queue."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account manager"),
        on_delete=models.CASCADE,
        related_name="request_absences",
        limit_choices_to={"is_staff": True},
    )
    starts_on = models.DateField(_("first day away"))
    ends_on = models.DateField(_("last day away"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("out-of-office period")
        verbose_name_plural = _("out-of-office periods")
        indexes = [models.Index(fields=["user", "starts_on", "ends_on"])]

    def __str__(self):
        return f"{self.user}: {self.starts_on} – {self.ends_on}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The last day must be on or after the first day.")}
            )

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


# --- Requests ----------------------------------------------------------------


class RequestStatus(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted automatically")
    OPEN = "open", _("Waiting for an account manager")
    ASSIGNED = "assigned", _("In progress")
    WAITING_CUSTOMER = "waiting_customer", _("Waiting for your answer")
    RESOLVED = "resolved", _("Resolved, please confirm")
    CLOSED = "closed", _("Closed")


#: Statuses as staff read them (the choice labels speak to the customer).
STAFF_STATUS_LABELS = {
    RequestStatus.ACCEPTED: _("Accepted automatically"),
    RequestStatus.OPEN: _("New, not claimed"),
    RequestStatus.ASSIGNED: _("In progress"),
    RequestStatus.WAITING_CUSTOMER: _("Waiting for the customer"),
    RequestStatus.RESOLVED: _("Resolved, awaiting the customer's confirmation"),
    RequestStatus.CLOSED: _("Closed"),
}
_STATUS_LABELS = Labels.of(RequestStatus)
_STAFF_STATUS_LABELS = Labels(STAFF_STATUS_LABELS)
_PRIORITY_LABELS = Labels.of(Priority)

#: Statuses in which a request still needs work from the operator or the customer.
ACTIVE_STATUSES = (
    RequestStatus.OPEN,
    RequestStatus.ASSIGNED,
    RequestStatus.WAITING_CUSTOMER,
)

#: The work queue's order (selectors.work_queue), paused clocks last; the request's
#: key breaks ties.
QUEUE_ORDER_COLUMNS = ("resolution_due_at", "priority_order", "created_at")


class ServiceRequest(models.Model):
    """A customer's request, its routing decision and the state of its SLA clocks."""

    company = models.ForeignKey(
        "companies.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="service_requests",
    )
    site = models.ForeignKey(
        "companies.CompanySite",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_requests",
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("raised by"),
        on_delete=models.PROTECT,
        related_name="service_requests",
    )
    request_type = models.ForeignKey(
        RequestType,
        verbose_name=_("type"),
        on_delete=models.PROTECT,
        related_name="requests",
    )
    subject = models.CharField(_("subject"), max_length=200)
    answers = models.JSONField(_("details"), default=dict, blank=True)
    idempotency_key = models.CharField(max_length=64)
    # No index on status alone: with a handful of values it only tempts SQLite's
    # planner away from the queue index below.
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices)
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    # Computed by the database from `priority` (0 urgent to 3 low), so that the
    # queue's order is stored, indexed columns.
    priority_order = models.GeneratedField(
        expression=Case(
            When(priority=Priority.URGENT, then=Value(0)),
            When(priority=Priority.HIGH, then=Value(1)),
            When(priority=Priority.NORMAL, then=Value(2)),
            default=Value(3),
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )
    handling = models.CharField(_("handling"), max_length=20, choices=Handling.choices)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_requests",
    )
    team = models.ForeignKey(
        "companies.Team",
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_requests",
    )
    routing_rule = models.CharField(_("routing rule"), max_length=40, blank=True)
    routing_facts = models.JSONField(default=dict, blank=True)
    sla_policy = models.ForeignKey(
        SlaPolicy, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # SLA clocks: the first response clock stops at the first reply; the resolution
    # clock pauses while waiting for the customer (elapsed + running_since).
    first_response_due_at = models.DateTimeField(null=True, blank=True)
    first_responded_at = models.DateTimeField(null=True, blank=True)
    resolution_due_at = models.DateTimeField(null=True, blank=True)
    resolution_elapsed = models.DurationField(default=timedelta)
    clock_running_since = models.DateTimeField(null=True, blank=True)
    response_breached = models.BooleanField(default=False)
    resolution_breached = models.BooleanField(default=False)
    escalated_at = models.DateTimeField(null=True, blank=True)
    turned_over_at = models.DateTimeField(null=True, blank=True)
    last_staff_action_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    rating_comment = models.TextField(blank=True)
    created_at = models.DateTimeField(_("raised at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        constraints = [
            models.UniqueConstraint(
                fields=["requester", "idempotency_key"],
                name="support_request_idempotent_submit",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="support_request_rating_1_to_5",
            ),
        ]
        indexes = [
            models.Index(fields=["company", "-created_at"]),
            # Who works on a request (permissions.scope_staff_work), then the
            # queue's order: the queue sorts its keys inside these indexes and
            # reads table rows for one page only (selectors.queue_rows).
            *(
                models.Index(
                    fields=[column, "status", *QUEUE_ORDER_COLUMNS],
                    name=f"support_request_{column}_queue",
                )
                for column in ("company", "assignee", "team")
            ),
            # The work queue's order (selectors.work_queue). Not a partial index
            # on the active statuses: SQLite ignores those for bound parameters.
            # PostgreSQL walks this index for a manager's queue, filtering on
            # the columns it includes rather than on every row's heap tuple (an
            # index-only scan; SQLite ignores INCLUDE and uses the indexes above).
            models.Index(
                fields=QUEUE_ORDER_COLUMNS,
                include=["id", "status", "company", "assignee", "team"],
                name="support_request_queue",
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.subject}"

    def get_absolute_url(self):
        return reverse("support:request_detail", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        return f"SR-{self.pk:07d}" if self.pk else ""

    # Label tables rather than get_FOO_display(), which rebuilds the choices dict
    # on every call: these are read for each row of the queue and request lists.
    @property
    def status_label(self) -> str:
        return _STATUS_LABELS[self.status]

    @property
    def staff_status_label(self) -> str:
        return _STAFF_STATUS_LABELS[self.status]

    @property
    def priority_label(self) -> str:
        return _PRIORITY_LABELS[self.priority]

    def labelled_answers(self) -> list[tuple[str, object]]:
        """The customer's answers under their questions' labels; an answer whose
        question was removed from the type since keeps its internal name."""
        labels = self.request_type.field_labels()
        return [(labels.get(key, key), value) for key, value in self.answers.items()]

    @property
    def routing_explanation(self) -> str:
        if not self.routing_rule:
            return ""
        return explain(self.routing_rule, self.routing_facts)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Raised")
    ROUTED = "routed", _("Routed")
    CLAIMED = "claimed", _("Claimed")
    ASSIGNED = "assigned", _("Assigned")
    TRANSFERRED = "transferred", _("Transferred")
    REPLY = "reply", _("Reply")
    NOTE = "note", _("Internal note")
    QUESTION = "question", _("Question to the customer")
    ANSWER = "answer", _("Customer's answer")
    COMMENT = "comment", _("Comment")
    RESOLVED = "resolved", _("Resolved")
    CONFIRMED = "confirmed", _("Confirmed")
    REOPENED = "reopened", _("Reopened")
    RATED = "rated", _("Rated")
    WARNED = "warned", _("SLA warning")
    ESCALATED = "escalated", _("Escalated")
    TURNED_OVER = "turned_over", _("Reassigned after breach")


class RequestEvent(models.Model):
    """One line of a request's timeline; internal events are for staff only."""

    request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(blank=True)
    internal = models.BooleanField(default=False)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["request", "created_at"])]

    def __str__(self):
        return f"{self.request_id} {self.kind}"


def attachment_path(instance, filename: str) -> str:
    # The stored name never reuses the customer's file name: no path tricks.
    from uuid import uuid4

    return f"support/{instance.request_id}/{uuid4().hex}"


class Attachment(models.Model):
    """A file added to a request; served only as a download to people who may see it."""

    request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    event = models.ForeignKey(
        RequestEvent,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attachments",
    )
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    internal = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("support:attachment_download", kwargs={"pk": self.pk})


class TimerKind(models.TextChoices):
    RESPONSE_WARNING = "response_warning", _("First response warning")
    RESPONSE_BREACH = "response_breach", _("First response breach")
    RESOLUTION_WARNING = "resolution_warning", _("Resolution warning")
    RESOLUTION_BREACH = "resolution_breach", _("Resolution breach")
    TURNOVER = "turnover", _("Turnover")


class SlaTimer(models.Model):
    """A due SLA event stored in the database so it survives restarts.

    Fired at most once: the firing locks the row and sets `fired_at`; a pause
    cancels pending timers and a resume schedules new ones.
    """

    request = models.ForeignKey(
        ServiceRequest, on_delete=models.CASCADE, related_name="timers"
    )
    kind = models.CharField(max_length=20, choices=TimerKind.choices)
    due_at = models.DateTimeField()
    fired_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind"],
                condition=Q(fired_at__isnull=True, cancelled_at__isnull=True),
                name="support_one_pending_timer_per_kind",
            )
        ]
        indexes = [
            models.Index(
                fields=["due_at"],
                condition=Q(fired_at__isnull=True, cancelled_at__isnull=True),
                name="support_pending_timers",
            )
        ]

    def __str__(self):
        return f"{self.request_id} {self.kind} @ {self.due_at:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    """An in-portal notification of something the user must act on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    request = models.ForeignKey(
        ServiceRequest,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(max_length=30)
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at", "-created_at"])]

    def __str__(self):
        return self.message


class SelfServedAttempt(models.Model):
    """A customer's question answered by a suggested article: no request was raised."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    request_type = models.ForeignKey(
        RequestType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(max_length=200)
    article_url = models.CharField(max_length=300)
    article_title = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject
