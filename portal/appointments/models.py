"""Appointments of customers with their account manager: site surveys, solution
workshops and live product demos.

Writes go through `portal.appointments.services`, reads through
`portal.appointments.selectors`; who may see or do what is decided by
`portal.companies.permissions`.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AppointmentKind(models.TextChoices):
    SITE_SURVEY = "site_survey", _("Site survey")
    SOLUTION_WORKSHOP = "solution_workshop", _("Solution workshop")
    LIVE_DEMO = "live_demo", _("Live product demo")


#: How long each kind of appointment takes; slots are proposed at this length.
DURATIONS: dict[str, timedelta] = {
    AppointmentKind.SITE_SURVEY: timedelta(hours=2),
    AppointmentKind.SOLUTION_WORKSHOP: timedelta(hours=2),
    AppointmentKind.LIVE_DEMO: timedelta(hours=1),
}


class AppointmentStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed by your account manager")
    BOOKED = "booked", _("Booked")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    CANCELLED = "cancelled", _("Cancelled")
    COMPLETED = "completed", _("Completed")


#: Statuses in which an appointment holds its slot in the manager's diary.
ACTIVE_STATUSES = (
    AppointmentStatus.PROPOSED,
    AppointmentStatus.BOOKED,
    AppointmentStatus.RESCHEDULED,
)


#: The longest notes or reason for cancelling a customer may write.
MAX_NOTES = 2000


def new_uid() -> str:
    return f"{uuid.uuid4().hex}@appointments.portal"


class Appointment(models.Model):
    """A meeting of a customer with their account manager in one proposed slot.

    `uid` and `sequence` identify the calendar event across reschedules: every
    change the attendees are told about increments the sequence (RFC 5545).
    """

    company = models.ForeignKey(
        "companies.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="appointments",
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    account_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account manager"),
        on_delete=models.PROTECT,
        related_name="managed_appointments",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AppointmentKind.choices)
    product = models.ForeignKey(
        "cms.ProductPage",
        verbose_name=_("product"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    site = models.ForeignKey(
        "companies.CompanySite",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
    )
    service_request = models.ForeignKey(
        "support.ServiceRequest",
        verbose_name=_("service request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    # The zone the slots were proposed in: pages and e-mails show times in it.
    time_zone = models.CharField(_("time zone"), max_length=50)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AppointmentStatus.choices,
        default=AppointmentStatus.BOOKED,
        db_index=True,
    )
    location = models.CharField(_("location"), max_length=300, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=MAX_NOTES)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uid = models.CharField(max_length=100, unique=True, default=new_uid)
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        constraints = [
            # The database refuses a second active appointment of a manager at the
            # same start, whatever the application checked before.
            models.UniqueConstraint(
                fields=["account_manager", "starts_at"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="appointments_one_active_per_manager_start",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="appointments_end_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["account_manager", "starts_at"]),
            models.Index(fields=["company", "-starts_at"]),
        ]

    def __str__(self):
        return f"{self.reference} {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("appointments:detail", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        return f"AP-{self.pk:06d}" if self.pk else ""

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES
