"""Forms of appointments: book a slot, move it, cancel it."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from zoneinfo import ZoneInfo

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portal.appointments.models import MAX_NOTES, AppointmentKind
from portal.appointments.slots import Slot


def _slot_choices(slots: Sequence[Slot], zone: str) -> list[tuple[str, list]]:
    """Slots grouped by local day: [(day label, [(key, "09:00–10:00"), ...]), ...]."""
    tz = ZoneInfo(zone)
    groups = []
    for day, items in groupby(slots, key=lambda s: s.starts_at.astimezone(tz).date()):
        label = f"{date_format(day, 'l')}, {date_format(day, 'DATE_FORMAT')}"
        groups.append(
            (
                label,
                [
                    (
                        slot.key,
                        f"{slot.starts_at.astimezone(tz):%H:%M}–"
                        f"{slot.ends_at.astimezone(tz):%H:%M}",
                    )
                    for slot in items
                ],
            )
        )
    return groups


class SlotMixin:
    """A `slot` radio field over proposed slots, with the days for the template."""

    def _add_slot_field(self, slots: Sequence[Slot], zone: str) -> None:
        self.time_zone = zone
        self.slot_days = _slot_choices(slots, zone)
        self.fields["slot"] = forms.ChoiceField(
            label=_("Time"),
            choices=[choice for _day, items in self.slot_days for choice in items],
            widget=forms.RadioSelect,
            error_messages={
                "required": _("Choose one of the proposed times."),
                "invalid_choice": _(
                    "This time is no longer proposed. Choose one of the times shown."
                ),
            },
        )

    def slot_groups(self) -> list[tuple[str, list]]:
        """(day label, radio buttons of that day) for the template to lay out."""
        radios = {radio.data["value"]: radio for radio in self["slot"]}
        return [
            (day, [radios[key] for key, _label in items])
            for day, items in self.slot_days
        ]


class BookingForm(SlotMixin, forms.Form):
    """What the appointment is about and which proposed slot; depends on the kind."""

    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)
    product = forms.ModelChoiceField(label=_("Product"), queryset=None, required=False)
    service_request = forms.ModelChoiceField(
        label=_("About request"), queryset=None, required=False
    )
    notes = forms.CharField(
        label=_("What should we prepare? (optional)"),
        required=False,
        max_length=MAX_NOTES,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args,
        kind: str,
        sites,
        products,
        requests,
        slots: Sequence[Slot],
        zone: str,
        site_required: bool,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["site"].queryset = sites
        self.fields["site"].required = site_required
        self.fields["service_request"].queryset = requests
        if kind == AppointmentKind.LIVE_DEMO:
            self.fields["product"].queryset = products
            self.fields["product"].required = True
        else:
            del self.fields["product"]
        self._add_slot_field(slots, zone)


class ProposalForm(SlotMixin, forms.Form):
    """The account manager's proposal to a customer: the time, where or how."""

    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)
    product = forms.ModelChoiceField(label=_("Product"), queryset=None, required=False)
    video_link = forms.URLField(
        label=_("Video link (optional)"),
        required=False,
        assume_scheme="https",
        help_text=_("For meetings online: the https:// address of the video call."),
    )
    notes = forms.CharField(
        label=_("Agenda (optional)"),
        required=False,
        max_length=MAX_NOTES,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, kind: str, sites, products, slots, zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["site"].required = kind == AppointmentKind.SITE_SURVEY
        if kind == AppointmentKind.LIVE_DEMO:
            self.fields["product"].queryset = products
            self.fields["product"].required = True
        else:
            del self.fields["product"]
        self._add_slot_field(slots, zone)


class RescheduleForm(SlotMixin, forms.Form):
    def __init__(self, *args, slots: Sequence[Slot], zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_slot_field(slots, zone)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you cancel?"),
        max_length=MAX_NOTES,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the appointment is cancelled.")},
    )
