"""Forms of service requests; a request type's own fields become form fields here."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.support.blocks import FieldKind
from portal.support.models import RequestType, field_label


def _field_for(value: dict) -> forms.Field:
    common = {
        "label": field_label(value),
        "required": bool(value.get("required")),
        "help_text": value.get("help_text") or "",
    }
    kind = value.get("kind")
    if kind == FieldKind.TEXTAREA:
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 4}), max_length=4000, **common
        )
    if kind == FieldKind.NUMBER:
        return forms.IntegerField(min_value=0, max_value=100000, **common)
    if kind == FieldKind.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if kind == FieldKind.CHOICE:
        options = [
            c.strip() for c in (value.get("choices") or "").splitlines() if c.strip()
        ]
        return forms.ChoiceField(
            choices=[("", "—")] + [(c, c) for c in options], **common
        )
    return forms.CharField(max_length=300, **common)


class RequestForm(forms.Form):
    """Subject, site, the type's own questions and an optional attachment."""

    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-deflect": "1"}),
    )
    site = forms.ModelChoiceField(label=_("Site"), queryset=None, required=False)
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False)

    def __init__(self, *args, request_type: RequestType, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.request_type = request_type
        self.fields["site"].queryset = sites
        if request_type.needs_site:
            self.fields["site"].required = True
        else:
            del self.fields["site"]
        self.answer_names = []
        for block in request_type.fields:
            name = f"answer_{block.value['name']}"
            self.fields[name] = _field_for(dict(block.value))
            self.answer_names.append((name, block.value["name"]))

    def answers(self) -> dict:
        result = {}
        for form_name, key in self.answer_names:
            value = self.cleaned_data.get(form_name)
            if value not in (None, ""):
                result[key] = (
                    value.isoformat() if hasattr(value, "isoformat") else value
                )
        return result


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=8000, widget=forms.Textarea(attrs={"rows": 4})
    )
    attachment = forms.FileField(label=_("Attachment (optional)"), required=False)


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        coerce=int,
        choices=[(i, str(i)) for i in range(5, 0, -1)],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label=_("What is still wrong?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Account manager"), queryset=None)
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, *args, managers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = managers


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(required=False, label=_("Status"))
    priority = forms.ChoiceField(required=False, label=_("Priority"))
    segment = forms.ChoiceField(required=False, label=_("Segment"))
    company = forms.CharField(required=False, label=_("Company"), max_length=100)
    breached = forms.BooleanField(required=False, label=_("Breached only"))
    mine = forms.BooleanField(required=False, label=_("Mine only"))

    def __init__(self, *args, **kwargs):
        from portal.support.models import (
            ACTIVE_STATUSES,
            STAFF_STATUS_LABELS,
            RequestStatus,
        )
        from portal.support.routing import Priority
        from portal.taxonomy.models import Segment

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any"))] + [
            (s.value, STAFF_STATUS_LABELS[s])
            for s in RequestStatus
            if s in ACTIVE_STATUSES
        ]
        self.fields["priority"].choices = [("", _("Any"))] + list(Priority.choices)
        # A callable: the segments are read only when a segment filter is validated
        # or the bar is rendered (the work queue caches the rendered bar).
        self.fields["segment"].choices = lambda: (
            [("", _("Any"))] + [(s.code, s.label) for s in Segment.objects.all()]
        )
