"""Customer pages of a company: dashboard, registration, members, roles, audit.

Views are thin: `member_view` decides access through the permission module (a
signed-in outsider gets a 404, an anonymous visitor the sign-in page), forms
validate input and one service call does the work. Changes to members, invitations,
roles and company details need a recent authentication (allauth's reauthentication
flow), asked for after the access check.
"""

from __future__ import annotations

from functools import wraps

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.companies import dashboard, permissions, selectors, services
from portal.companies.audit import AuditAction, audit_record
from portal.companies.forms import (
    CompanyForm,
    InvitationForm,
    MemberForm,
    RoleForm,
    SiteForm,
)
from portal.companies.models import CompanyStatus, Membership
from portal.companies.permissions import PortalPermission as P

MEMBERS_PAGE_SIZE = 25


def member_view(perm: P | None):
    """Require sign-in, then `perm` in the user's own company; else 404 (audited)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = permissions.membership_for(request.user)
            if membership is None or (
                perm is not None and not permissions.has_permission(request.user, perm)
            ):
                _deny(request)
            return view(request, *args, membership=membership, **kwargs)

        return wrapper

    return decorator


# allauth's check on its own, for views that look their object up first: an outsider
# must get the 404 before any password prompt. A stale session raises
# ReauthenticationRequired; allauth's middleware sends the user to confirm their
# password and then replays this POST.
_require_recent_authentication = reauthentication_required(allow_get=True)(
    lambda request: None
)


def _deny(request):
    membership = permissions.membership_for(request.user)
    audit_record(
        action=AuditAction.ACCESS_DENIED,
        request=request,
        company=membership.company if membership else None,
        target=request.path[:255],
        data={"method": request.method},
    )
    raise Http404


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _grant_form_kwargs(request) -> dict:
    return {
        "roles": selectors.role_list(user=request.user),
        "sites": selectors.site_list(user=request.user),
    }


# --- Dashboard and registration ---------------------------------------------


@login_required
def company_dashboard(request):
    """The member's home: company, status, their permissions and links."""
    membership = permissions.membership_for(request.user)
    if membership is None:
        former = (
            Membership.objects.select_related("company")
            .filter(user=request.user)
            .first()
        )
        return render(
            request,
            "companies/no_company.html",
            {
                "former": former,
                "rejected": former is not None
                and former.company.status == CompanyStatus.REJECTED,
                "can_resubmit": permissions.rejected_company_for(request.user)
                is not None,
            },
        )
    granted = permissions.permissions_for(request.user)
    return render(
        request,
        "companies/dashboard.html",
        {
            "membership": membership,
            "company": membership.company,
            "granted": [perm for perm in P if perm in granted],
            "held_unverified": [
                perm
                for perm in P
                if perm in permissions.VERIFIED_ONLY
                and perm in permissions.membership_permissions(membership)
                and perm not in granted
            ],
            "sites": selectors.site_list(user=request.user),
            "scoped": membership.is_scoped,
            "sections": dashboard.sections_for(request),
            "can": {perm.value: perm in granted for perm in P},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def company_register(request):
    """Register the user's company; they become its first administrator."""
    if Membership.objects.filter(user=request.user).exists():
        messages.info(request, _("You already belong to a company."))
        return redirect("companies:dashboard")
    form = CompanyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.company_register(
                user=request.user, details=form.details(), request=request
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your company is registered. Our staff will verify it, usually "
                    "within one working day; you can invite colleagues meanwhile."
                ),
            )
            return redirect("companies:dashboard")
    return render(request, "companies/register.html", {"form": form})


@member_view(P.MANAGE_COMPANY)
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def company_edit(request, *, membership):
    """The company's declared details (administrators)."""
    company = membership.company
    form = CompanyForm(request.POST or None, instance=company, segment_editable=False)
    if request.method == "POST" and form.is_valid():
        try:
            services.company_update(
                actor=request.user,
                company=company,
                details=form.details(),
                request=request,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The company details were saved."))
            return redirect("companies:edit")
    return render(
        request,
        "companies/company_edit.html",
        {"form": form, "company": company, "section": "company"},
    )


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def company_resubmit(request):
    """A rejected company's administrator corrects the details and resubmits."""
    company = permissions.rejected_company_for(request.user)
    if company is None:
        _deny(request)
    form = CompanyForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        try:
            services.company_resubmit(
                actor=request.user, details=form.details(), request=request
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your corrections were sent. Our staff will check your company "
                    "again, usually within one working day."
                ),
            )
            return redirect("companies:dashboard")
    return render(
        request,
        "companies/company_resubmit.html",
        {"form": form, "rejected_company": company},
    )


# --- Members and invitations -------------------------------------------------


@member_view(P.MANAGE_MEMBERS)
def member_list(request, *, membership):
    """Members (a page at a time) and open invitations."""
    members = Paginator(
        selectors.member_rows(user=request.user), MEMBERS_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    members.object_list = selectors.with_site_names(members.object_list)
    return render(
        request,
        "companies/members.html",
        {
            "company": membership.company,
            "members": members,
            "invitations": selectors.invitation_list(user=request.user),
            "section": "members",
        },
    )


@member_view(P.MANAGE_MEMBERS)
@require_http_methods(["GET", "POST"])
def member_edit(request, pk: int, *, membership):
    """Change one member's tier, role and sites."""
    try:
        target = selectors.member_get(user=request.user, pk=pk)
    except Membership.DoesNotExist:
        _deny(request)
    _require_recent_authentication(request)
    site_ids = [grant.content_object_id for grant in target.user.site_grants]
    initial = {
        "tier": target.tier,
        "role": target.role_id,
        "scoped": target.is_scoped,
        "sites": site_ids,
    }
    form = MemberForm(
        request.POST or None, initial=initial, **_grant_form_kwargs(request)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.member_update(
                actor=request.user,
                membership=target,
                tier=data["tier"],
                role=data["role"],
                scoped=data["scoped"],
                sites=data["sites"],
                request=request,
            )
        except PermissionDenied:
            _deny(request)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                _("%(email)s's access was changed.") % {"email": target.user.email},
            )
            return redirect("companies:members")
    return render(
        request,
        "companies/member_edit.html",
        {
            "company": membership.company,
            "target": target,
            "form": form,
            "can_manage": permissions.can_manage_member(
                request.user, membership=target
            ),
            "section": "members",
        },
    )


def _member_action(request, pk, service, success):
    try:
        target = selectors.member_get(user=request.user, pk=pk)
        _require_recent_authentication(request)
        service(actor=request.user, membership=target, request=request)
    except (Membership.DoesNotExist, PermissionDenied):
        _deny(request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success % {"email": target.user.email})
    return redirect("companies:members")


@member_view(P.MANAGE_MEMBERS)
@require_POST
def member_deactivate(request, pk: int, *, membership):
    return _member_action(
        request,
        pk,
        services.member_deactivate,
        _("%(email)s was deactivated and signed out everywhere."),
    )


@member_view(P.MANAGE_MEMBERS)
@require_POST
def member_reactivate(request, pk: int, *, membership):
    return _member_action(
        request, pk, services.member_reactivate, _("%(email)s was reactivated.")
    )


@member_view(P.MANAGE_MEMBERS)
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def invitation_create(request, *, membership):
    """Invite a colleague (the members page links here)."""
    form = InvitationForm(request.POST or None, **_grant_form_kwargs(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.invitation_create(
                actor=request.user,
                email=data["email"],
                tier=data["tier"],
                role=data["role"],
                scoped=data["scoped"],
                sites=data["sites"],
                request=request,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": data["email"]},
            )
            return redirect("companies:members")
    return render(
        request,
        "companies/invitation_form.html",
        {"company": membership.company, "form": form, "section": "members"},
    )


def _invitation_action(request, pk, service, success):
    invitation = get_object_or_404(
        selectors.invitation_list(user=request.user, pending_only=False), pk=pk
    )
    _require_recent_authentication(request)
    try:
        service(actor=request.user, invitation=invitation, request=request)
    except PermissionDenied:
        _deny(request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success % {"email": invitation.email})
    return redirect("companies:members")


@member_view(P.MANAGE_MEMBERS)
@require_POST
def invitation_resend(request, pk: int, *, membership):
    return _invitation_action(
        request,
        pk,
        services.invitation_resend,
        _("A new invitation link was sent to %(email)s; older links no longer work."),
    )


@member_view(P.MANAGE_MEMBERS)
@require_POST
def invitation_revoke(request, pk: int, *, membership):
    return _invitation_action(
        request,
        pk,
        services.invitation_revoke,
        _("The invitation to %(email)s was withdrawn."),
    )


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token: str):
    """The link in the invitation e-mail: sign in or sign up, then join."""
    try:
        invitation = services.invitation_from_token(token)
    except services.InvitationError as error:
        return render(
            request, "companies/invitation_invalid.html", {"error": error}, status=410
        )
    if not request.user.is_authenticated:
        return render(
            request,
            "companies/invitation_accept.html",
            {"invitation": invitation, "next": request.get_full_path()},
        )
    if request.method == "POST":
        try:
            services.invitation_accept(user=request.user, token=token, request=request)
        except services.InvitationError as error:
            return render(
                request,
                "companies/invitation_invalid.html",
                {"error": error},
                status=403 if error.code == "other_address" else 410,
            )
        messages.success(
            request,
            _("Welcome to %(company)s.") % {"company": invitation.company.legal_name},
        )
        return redirect("companies:dashboard")
    return render(
        request,
        "companies/invitation_accept.html",
        {
            "invitation": invitation,
            "wrong_address": request.user.email.lower() != invitation.email.lower(),
        },
    )


# --- Roles, sites and audit --------------------------------------------------


@member_view(P.MANAGE_COMPANY)
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def role_list(request, *, membership):
    """Custom roles and a form to add one."""
    form = RoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.role_save(
                actor=request.user,
                company=membership.company,
                name=form.cleaned_data["name"],
                permission_codes=form.cleaned_data["permissions"],
                request=request,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The role was saved."))
            return redirect("companies:roles")
    return render(
        request,
        "companies/roles.html",
        {
            "company": membership.company,
            "roles": selectors.role_list(user=request.user),
            "form": form,
            "section": "roles",
        },
    )


@member_view(P.MANAGE_COMPANY)
@require_http_methods(["GET", "POST"])
def role_edit(request, pk: int, *, membership):
    role = get_object_or_404(selectors.role_list(user=request.user), pk=pk)
    _require_recent_authentication(request)
    form = RoleForm(
        request.POST or None,
        initial={"name": role.name, "permissions": role.permissions},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.role_save(
                actor=request.user,
                company=membership.company,
                role=role,
                name=form.cleaned_data["name"],
                permission_codes=form.cleaned_data["permissions"],
                request=request,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The role was saved."))
            return redirect("companies:roles")
    return render(
        request,
        "companies/role_edit.html",
        {"company": membership.company, "role": role, "form": form, "section": "roles"},
    )


@member_view(P.MANAGE_COMPANY)
@require_POST
def role_delete(request, pk: int, *, membership):
    role = get_object_or_404(selectors.role_list(user=request.user), pk=pk)
    _require_recent_authentication(request)
    try:
        services.role_delete(actor=request.user, role=role, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The role was deleted."))
    return redirect("companies:roles")


@member_view(P.MANAGE_COMPANY)
@require_http_methods(["GET", "POST"])
def site_list(request, *, membership):
    """Sites and branches of the company, and a form to add one."""
    form = SiteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.site_save(
            actor=request.user,
            company=membership.company,
            name=form.cleaned_data["name"],
            address=form.cleaned_data["address"],
            request=request,
        )
        messages.success(request, _("The site was saved."))
        return redirect("companies:sites")
    return render(
        request,
        "companies/sites.html",
        {
            "company": membership.company,
            "sites": selectors.site_list(user=request.user),
            "form": form,
            "section": "sites",
        },
    )


@member_view(P.MANAGE_COMPANY)
@require_http_methods(["GET", "POST"])
def site_edit(request, pk: int, *, membership):
    site = get_object_or_404(selectors.site_list(user=request.user), pk=pk)
    form = SiteForm(
        request.POST or None, initial={"name": site.name, "address": site.address}
    )
    if request.method == "POST" and form.is_valid():
        services.site_save(
            actor=request.user,
            company=membership.company,
            site=site,
            name=form.cleaned_data["name"],
            address=form.cleaned_data["address"],
            region=site.region,
            request=request,
        )
        messages.success(request, _("The site was saved."))
        return redirect("companies:sites")
    return render(
        request,
        "companies/site_edit.html",
        {"company": membership.company, "site": site, "form": form, "section": "sites"},
    )


@member_view(P.VIEW_AUDIT_LOG)
def audit_log(request, *, membership):
    """The company's audit log, newest first, 50 a page."""
    page = Paginator(selectors.audit_list(user=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "companies/audit.html",
        {"company": membership.company, "page_obj": page, "section": "audit"},
    )
