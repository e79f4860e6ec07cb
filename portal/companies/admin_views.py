"""Operator staff's pages in the Wagtail admin: companies (list, verify, reject,
reclassify, assign, and a read-only view of members, tiers and scopes) and staff
teams. Staff see only what the permission module allows; writes go through services.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.permission_policies.base import BasePermissionPolicy

from portal.accounts.models import User
from portal.companies import permissions, selectors, services
from portal.companies.forms import RejectForm
from portal.companies.models import CompanyStatus, StaffGroup, Team
from portal.taxonomy.models import Segment


class ClassifyForm(forms.Form):
    segment = forms.ModelChoiceField(
        label=gettext_lazy("Segment"), queryset=Segment.objects.all(), empty_label=None
    )


class AssignForm(forms.Form):
    account_manager = forms.ModelChoiceField(
        label=gettext_lazy("Account manager"),
        queryset=User.objects.none(),
        required=False,
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        managers = User.objects.filter(
            is_staff=True, is_active=True, groups__name=StaffGroup.ACCOUNT_MANAGERS
        )
        if not permissions.is_operator_admin(actor):
            managers = managers.filter(teams__lead=actor)
        self.fields["account_manager"].queryset = managers.distinct()


def _require_staff(request):
    if not permissions.can_manage_companies(request.user):
        raise PermissionDenied


def company_index(request):
    """Companies the staff user may see, pending first, filterable by status."""
    _require_staff(request)
    companies = selectors.staff_company_list(user=request.user).order_by(
        "status", "legal_name"
    )
    status = request.GET.get("status")
    if status in CompanyStatus.values:
        companies = companies.filter(status=status)
    query = (request.GET.get("q") or "").strip()
    if query:
        companies = companies.filter(legal_name__icontains=query)
    page = Paginator(companies, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "companies/admin/index.html",
        {
            "page_obj": page,
            "status": status,
            "query": query,
            "statuses": CompanyStatus.choices,
            "header_title": _("Companies"),
        },
    )


@require_http_methods(["GET", "POST"])
def company_detail(request, pk: int):
    """One company: details, members, and the staff decisions."""
    _require_staff(request)
    company = get_object_or_404(selectors.staff_company_list(user=request.user), pk=pk)
    action = request.POST.get("action") if request.method == "POST" else None
    reject_form = RejectForm(request.POST if action == "reject" else None)
    classify_form = ClassifyForm(
        request.POST if action == "classify" else None,
        initial={"segment": company.segment_id},
    )
    assign_form = AssignForm(
        request.POST if action == "assign" else None,
        actor=request.user,
        initial={"account_manager": company.account_manager_id},
    )
    if action is not None:
        try:
            done = _apply(
                request, company, action, reject_form, classify_form, assign_form
            )
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if done:
                messages.success(request, done)
                return redirect("companies_admin:detail", pk=company.pk)
    return TemplateResponse(
        request,
        "companies/admin/detail.html",
        {
            "company": company,
            "members": selectors.staff_member_list(user=request.user, company=company),
            "roles": [
                (role, permissions.permission_labels(role.permissions))
                for role in company.roles.all()
            ],
            "sites": company.sites.all(),
            "events": selectors.audit_list(user=request.user, company=company)[:20],
            "reject_form": reject_form,
            "classify_form": classify_form,
            "assign_form": assign_form,
            "can_assign": permissions.can_assign_account_manager(request.user),
            "header_title": company.legal_name,
        },
    )


def _apply(request, company, action, reject_form, classify_form, assign_form):
    actor = request.user
    if action == "verify":
        services.company_verify(actor=actor, company=company, request=request)
        return _("%(name)s is verified.") % {"name": company.legal_name}
    if action == "reject" and reject_form.is_valid():
        services.company_reject(
            actor=actor,
            company=company,
            reason=reject_form.cleaned_data["reason"],
            request=request,
        )
        return _("%(name)s was rejected.") % {"name": company.legal_name}
    if action == "classify" and classify_form.is_valid():
        services.company_reclassify(
            actor=actor,
            company=company,
            segment=classify_form.cleaned_data["segment"],
            request=request,
        )
        return _("The segment was changed.")
    if action == "assign" and assign_form.is_valid():
        services.company_assign(
            actor=actor,
            company=company,
            account_manager=assign_form.cleaned_data["account_manager"],
            request=request,
        )
        return _("The account manager was changed.")
    return None


# --- Staff teams -------------------------------------------------------------


class TeamPermissionPolicy(BasePermissionPolicy):
    """Wagtail's questions about teams, answered by `permissions.can_manage_teams`."""

    def user_has_permission(self, user, action):
        return permissions.can_manage_teams(user)

    def user_has_any_permission(self, user, actions):
        return permissions.can_manage_teams(user)

    def users_with_any_permission(self, actions):
        return permissions.team_managers()


class TeamForm(WagtailAdminModelForm):
    """A team: only team leads can lead it, only account managers can be members."""

    class Meta:
        model = Team
        fields = ["name", "segment", "region", "lead", "members"]
        widgets = {"members": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = selectors.staff_in_group(
            group=StaffGroup.TEAM_LEADS
        )
        self.fields["members"].queryset = selectors.staff_in_group(
            group=StaffGroup.ACCOUNT_MANAGERS
        )


def _team_save(view):
    return services.team_save(
        actor=view.request.user,
        team=view.form.instance,
        members=view.form.cleaned_data["members"],
        request=view.request,
    )


class TeamCreateView(generic.CreateView):
    def save_instance(self):
        return _team_save(self)


class TeamEditView(generic.EditView):
    def save_instance(self):
        return _team_save(self)


class TeamDeleteView(generic.DeleteView):
    def delete_action(self):
        services.team_delete(
            actor=self.request.user, team=self.object, request=self.request
        )
