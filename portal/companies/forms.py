"""Forms of the company pages: input validation only, the rules live in services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.companies.credit_code import validate_registration_number
from portal.companies.models import Company, MemberTier
from portal.companies.permissions import PortalPermission
from portal.companies.services import CompanyDetails


class CompanyForm(forms.ModelForm):
    """Registration and editing of a company's declared details."""

    class Meta:
        model = Company
        fields = [
            "legal_name",
            "registration_number",
            "country",
            "segment",
            "industry",
            "size_band",
            "region",
            "billing_address",
        ]
        widgets = {
            "billing_address": forms.Textarea(attrs={"rows": 3}),
            "segment": forms.RadioSelect,
        }
        help_texts = {
            "country": _("Two-letter country code, for example CN."),
            "segment": _("Our staff may reclassify your company after checking it."),
        }

    def __init__(self, *args, segment_editable: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["segment"].empty_label = None
        if not segment_editable:
            del self.fields["segment"]

    def clean_country(self):
        country = self.cleaned_data["country"].strip().upper()
        if len(country) != 2 or not country.isalpha():
            raise ValidationError(_("Enter a two-letter country code such as CN."))
        return country

    def clean(self):
        cleaned = super().clean()
        number = (cleaned.get("registration_number") or "").strip().upper()
        if cleaned.get("country") and number:
            try:
                validate_registration_number(country=cleaned["country"], number=number)
            except ValidationError as error:
                self.add_error("registration_number", error)
            cleaned["registration_number"] = number
        return cleaned

    def _post_clean(self):
        # The model's unique checks run in the service, inside its transaction.
        pass

    def details(self) -> CompanyDetails:
        data = self.cleaned_data
        return CompanyDetails(
            legal_name=data["legal_name"],
            registration_number=data["registration_number"],
            country=data["country"],
            segment=data.get("segment", getattr(self.instance, "segment", None)),
            industry=data.get("industry"),
            size_band=data["size_band"],
            region=data.get("region"),
            billing_address=data.get("billing_address", ""),
        )


class _GrantForm(forms.Form):
    tier = forms.ChoiceField(
        label=_("Tier"), choices=MemberTier.choices, initial=MemberTier.VIEWER
    )
    role = forms.ModelChoiceField(
        label=_("Custom role"),
        queryset=None,
        required=False,
        help_text=_("A custom role replaces the tier's permissions."),
    )
    scoped = forms.BooleanField(label=_("Limit to some sites"), required=False)
    sites = forms.ModelMultipleChoiceField(
        label=_("Sites"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, roles, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = roles
        self.fields["sites"].queryset = sites


class InvitationForm(_GrantForm):
    email = forms.EmailField(label=_("E-mail address"))
    field_order = ["email", "tier", "role", "scoped", "sites"]


class MemberForm(_GrantForm):
    pass


class RoleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    permissions = forms.MultipleChoiceField(
        label=_("Permissions"),
        choices=PortalPermission.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class SiteForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    address = forms.CharField(
        label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason given to the customer"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
