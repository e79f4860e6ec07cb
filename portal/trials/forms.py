"""Forms of the trials pages; one integer field per quota of the product's policy."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.trials.models import QuotaKind, TrialPolicy


class TrialRequestForm(forms.Form):
    use_case = forms.CharField(
        label=_("What do you want to try it for?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args, policy: TrialPolicy, **kwargs):
        super().__init__(*args, **kwargs)
        for quota in policy.quotas.all():
            self.fields[f"quota_{quota.kind}"] = forms.IntegerField(
                label=f"{QuotaKind(quota.kind).label} ({quota.unit})",
                min_value=1,
                max_value=quota.max_amount,
                initial=quota.default_amount,
                help_text=_("Up to %(limit)s is approved at once.")
                % {"limit": quota.auto_approve_limit},
            )

    def requested(self) -> dict[str, int]:
        return {
            name.removeprefix("quota_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("quota_")
        }


class ConvertForm(forms.Form):
    def __init__(self, *args, allocations, **kwargs):
        super().__init__(*args, **kwargs)
        for allocation in allocations:
            self.fields[f"qty_{allocation.kind}"] = forms.IntegerField(
                label=f"{allocation.get_kind_display()} ({allocation.unit})",
                min_value=1,
                max_value=100000,
                initial=allocation.amount,
            )

    def quantities(self) -> dict[str, int]:
        return {k.removeprefix("qty_"): v for k, v in self.cleaned_data.items()}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ExtensionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need more time?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DiscountForm(forms.Form):
    percent = forms.DecimalField(
        label=_("Discount (%)"), min_value=0, max_value=50, decimal_places=2
    )
