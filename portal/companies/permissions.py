"""The one module that decides who may do what in the portal.

Views, APIs, templates, lists, counts, exports and search call these functions and
never re-implement a rule. Customers act through their company membership: a tier
(or a company's custom role) gives a set of `PortalPermission`s, a pending company
cannot start trials, raise requests or order, and a scoped member acts only within
the sites granted to them as guardian object permissions. Operator staff see the
companies assigned to them (account manager), their team's (team lead) or all
(operator admin), read-only on the customer side, and work on the service requests
of those companies, assigned to them or queued to their teams.

Results are memoised on the user object, which Django builds afresh for every
request: a downgrade takes effect on the member's very next request, and a list page
costs a constant number of queries however many rows it checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, models
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from portal.companies.models import (
    Company,
    CompanySite,
    CompanySiteUserObjectPermission,
    CompanyStatus,
    Membership,
    MemberTier,
    StaffGroup,
    Team,
)

if TYPE_CHECKING:
    from wagtail.models import Page

SITE_ACCESS_CODENAME = "access_companysite"
SITE_ACCESS_PERMISSION = f"companies.{SITE_ACCESS_CODENAME}"


class PortalPermission(models.TextChoices):
    """The catalogue of customer permissions that tiers and custom roles grant."""

    VIEW_SERVICES = "view_services", _("View services")
    RAISE_REQUESTS = "raise_requests", _("Raise service requests")
    VIEW_REQUESTS = "view_requests", _("View service requests")
    START_TRIALS = "start_trials", _("Start trials")
    VIEW_TRIALS = "view_trials", _("View trials")
    VIEW_CREDENTIALS = "view_credentials", _("View trial credentials")
    ORDER = "order", _("Order")
    VIEW_BILLS = "view_bills", _("View bills")
    BOOK_APPOINTMENTS = "book_appointments", _("Book appointments")
    MANAGE_MEMBERS = "manage_members", _("Manage members and invitations")
    MANAGE_COMPANY = "manage_company", _("Manage company details and roles")
    VIEW_AUDIT_LOG = "view_audit_log", _("View the company's audit log")


P = PortalPermission

#: What each tier may do. A custom role replaces its member's tier set entirely.
#: - admin: everything, including company details, roles and the audit log;
#: - manager: everything a customer does day to day, and members below admin;
#: - operator: services, requests, trials and appointments, no orders or bills;
#: - viewer: read-only on services, requests and trials;
#: - billing: services and bills.
TIER_PERMISSIONS: dict[MemberTier, frozenset[PortalPermission]] = {
    MemberTier.ADMIN: frozenset(PortalPermission),
    MemberTier.MANAGER: frozenset(
        {
            P.VIEW_SERVICES,
            P.RAISE_REQUESTS,
            P.VIEW_REQUESTS,
            P.START_TRIALS,
            P.VIEW_TRIALS,
            P.VIEW_CREDENTIALS,
            P.ORDER,
            P.VIEW_BILLS,
            P.BOOK_APPOINTMENTS,
            P.MANAGE_MEMBERS,
        }
    ),
    MemberTier.OPERATOR: frozenset(
        {
            P.VIEW_SERVICES,
            P.RAISE_REQUESTS,
            P.VIEW_REQUESTS,
            P.START_TRIALS,
            P.VIEW_TRIALS,
            P.VIEW_CREDENTIALS,
            P.BOOK_APPOINTMENTS,
        }
    ),
    MemberTier.VIEWER: frozenset({P.VIEW_SERVICES, P.VIEW_REQUESTS, P.VIEW_TRIALS}),
    MemberTier.BILLING: frozenset({P.VIEW_SERVICES, P.VIEW_BILLS}),
}

#: Permissions that only members of a verified company may use.
VERIFIED_ONLY: frozenset[PortalPermission] = frozenset(
    {P.START_TRIALS, P.RAISE_REQUESTS, P.ORDER}
)

#: What operator staff may do on the customer side of a company they may see.
STAFF_PERMISSIONS: frozenset[PortalPermission] = frozenset(
    {P.VIEW_SERVICES, P.VIEW_REQUESTS, P.VIEW_TRIALS, P.VIEW_BILLS, P.VIEW_AUDIT_LOG}
)

_STAFF_ROLE_GROUPS = frozenset(StaffGroup.values)
_MEMBERSHIP_CACHE = "_portal_membership"
_GROUPS_CACHE = "_portal_groups"
_SITES_CACHE = "_portal_site_ids"
_COMPANIES_CACHE = "_portal_staff_company_ids"
_TEAMS_CACHE = "_portal_team_ids"


def _authenticated(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False))


def forget_cached_permissions(user) -> None:
    """Drop what this module memoised on `user` (services call it after changes)."""
    for attr in (
        _MEMBERSHIP_CACHE,
        _GROUPS_CACHE,
        _SITES_CACHE,
        _COMPANIES_CACHE,
        _TEAMS_CACHE,
    ):
        user.__dict__.pop(attr, None)


# --- Customers ---------------------------------------------------------------


def membership_for(user) -> Membership | None:
    """The user's active membership of a pending or verified company, or None.

    One query per request (memoised on the user); the company and its segment
    (shown on most company pages) are joined in.
    """
    if not _authenticated(user):
        return None
    if _MEMBERSHIP_CACHE not in user.__dict__:
        try:
            # get() reads without ordering: there is at most one row (one-to-one).
            membership = Membership.objects.select_related(
                "company__segment", "role"
            ).get(
                user_id=user.pk,
                is_active=True,
                company__status__in=[CompanyStatus.PENDING, CompanyStatus.VERIFIED],
            )
        except Membership.DoesNotExist:
            membership = None
        user.__dict__[_MEMBERSHIP_CACHE] = membership
    return user.__dict__[_MEMBERSHIP_CACHE]


def membership_permissions(membership: Membership) -> frozenset[PortalPermission]:
    """The permissions a membership grants, before verification and scope rules."""
    if membership.role_id is not None and membership.role is not None:
        return frozenset(
            PortalPermission(code)
            for code in membership.role.permissions
            if code in PortalPermission.values
        )
    return TIER_PERMISSIONS[MemberTier(membership.tier)]


def permissions_for(user) -> frozenset[PortalPermission]:
    """Everything the user may do in their own company right now (for menus, pages)."""
    membership = membership_for(user)
    if membership is None:
        return frozenset()
    granted = membership_permissions(membership)
    if not membership.company.is_verified:
        granted -= VERIFIED_ONLY
    return granted


def scoped_site_ids(user) -> frozenset[int] | None:
    """Ids of the sites a scoped member may act in; None when the member is unscoped.

    Read from guardian's direct foreign-key table for CompanySite, never accepting
    global permissions: only object grants put a site in scope.
    """
    membership = membership_for(user)
    if membership is None:
        return frozenset()
    if not membership.is_scoped:
        return None
    if _SITES_CACHE not in user.__dict__:
        user.__dict__[_SITES_CACHE] = frozenset(
            CompanySiteUserObjectPermission.objects.filter(
                user_id=user.pk,
                permission__codename=SITE_ACCESS_CODENAME,
                permission__content_type__app_label="companies",
                content_object__company_id=membership.company_id,
            ).values_list("content_object_id", flat=True)
        )
    return user.__dict__[_SITES_CACHE]


def has_permission(
    user,
    perm: PortalPermission | str,
    *,
    company: Company | None = None,
    site: CompanySite | None = None,
) -> bool:
    """May `user` use `perm` in `company` (default: their own), at `site` if given?

    Members: the tier or role must grant it, the company must be verified for
    start_trials, raise_requests and order, and a scoped member passes a site check
    only for sites in scope. Staff: read permissions on companies they may see.
    Pass the site of the object acted upon whenever it has one.
    """
    perm = PortalPermission(perm)
    if site is not None and company is not None and site.company_id != company.pk:
        return False
    company_id = (
        company.pk if company is not None else (site.company_id if site else None)
    )
    membership = membership_for(user)
    if membership is not None:
        if company_id is not None and company_id != membership.company_id:
            return False
        if perm not in permissions_for(user):
            return False
        if site is not None:
            allowed = scoped_site_ids(user)
            if allowed is not None and site.pk not in allowed:
                return False
        return True
    if is_staff_member(user) and perm in STAFF_PERMISSIONS and company_id is not None:
        if is_operator_admin(user):
            return True
        return staff_companies(user).filter(pk=company_id).exists()
    return False


def scope_queryset(
    user,
    queryset: QuerySet,
    *,
    perm: PortalPermission | str,
    company_field: str = "company",
    site_field: str | None = None,
) -> QuerySet:
    """`queryset` narrowed to what `user` may see with `perm`: company first, then sites.

    `company_field` and `site_field` are lookups from the queryset's model to
    Company and CompanySite ("company", "service__site"). Scoped members see only
    rows whose site is in scope (rows without a site are hidden from them when
    `site_field` is given). Staff see rows of the companies they may see.
    """
    perm = PortalPermission(perm)
    membership = membership_for(user)
    if membership is not None:
        if perm not in permissions_for(user):
            return queryset.none()
        queryset = queryset.filter(**{company_field: membership.company_id})
        if site_field is not None:
            allowed = scoped_site_ids(user)
            if allowed is not None:
                queryset = queryset.filter(**{f"{site_field}__in": sorted(allowed)})
        return queryset
    if is_staff_member(user) and perm in STAFF_PERMISSIONS:
        if is_operator_admin(user):
            return queryset
        return queryset.filter(
            **{f"{company_field}__in": staff_companies(user).values("pk")}
        )
    return queryset.none()


def sites_for(user, *, company: Company | None = None) -> QuerySet[CompanySite]:
    """The company sites the user may act at (all of them for unscoped members)."""
    membership = membership_for(user)
    if membership is not None:
        if company is not None and company.pk != membership.company_id:
            return CompanySite.objects.none()
        sites = CompanySite.objects.filter(company_id=membership.company_id)
        allowed = scoped_site_ids(user)
        return sites if allowed is None else sites.filter(pk__in=sorted(allowed))
    if company is not None and can_see_company(user, company=company):
        return CompanySite.objects.filter(company=company)
    return CompanySite.objects.none()


# --- Operator staff ----------------------------------------------------------


def _group_names(user) -> frozenset[str]:
    if not _authenticated(user):
        return frozenset()
    if _GROUPS_CACHE not in user.__dict__:
        user.__dict__[_GROUPS_CACHE] = _read_groups(user)
    return frozenset(user.__dict__[_GROUPS_CACHE].values())


def _read_groups(user) -> dict[int, str]:
    """{id: name} of the user's groups. Read on every signed-in page (the header
    asks whether the user is staff), as one plain statement: building the ORM
    query took three times as long as running it."""
    through = get_user_model().groups.through
    quote = connection.ops.quote_name
    group_id = quote(through._meta.get_field("group").column)
    user_id = quote(through._meta.get_field("user").column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT g.id, g.name FROM {quote(Group._meta.db_table)} g "  # noqa: S608 (no input)
            f"JOIN {quote(through._meta.db_table)} m ON m.{group_id} = g.id "
            f"WHERE m.{user_id} = %s",
            [user.pk],
        )
        return dict(cursor.fetchall())


def _group_ids(user) -> frozenset[int]:
    _group_names(user)
    return frozenset(user.__dict__.get(_GROUPS_CACHE, {}))


def is_operator_admin(user) -> bool:
    """Operator admins (and superusers) see and manage every company."""
    if not _authenticated(user) or not user.is_active:
        return False
    return user.is_superuser or (
        user.is_staff and StaffGroup.OPERATOR_ADMINS in _group_names(user)
    )


def is_account_manager(user) -> bool:
    """Account managers see the companies assigned to them."""
    return (
        _authenticated(user)
        and user.is_active
        and user.is_staff
        and StaffGroup.ACCOUNT_MANAGERS in _group_names(user)
    )


def is_team_lead(user) -> bool:
    """Team leads see the companies of their teams' account managers."""
    return (
        _authenticated(user)
        and user.is_active
        and user.is_staff
        and StaffGroup.TEAM_LEADS in _group_names(user)
    )


def is_staff_member(user) -> bool:
    """Any operator staff role, content editors and reviewers included."""
    if not _authenticated(user) or not user.is_active:
        return False
    return user.is_superuser or (bool(_STAFF_ROLE_GROUPS & _group_names(user)))


def _staff_company_ids(user) -> QuerySet:
    """Ids of the companies a staff user other than an operator admin may see (a
    subquery; a team lead's join may repeat an id)."""
    condition = Q()
    if is_account_manager(user):
        condition |= Q(account_manager_id=user.pk)
    if is_team_lead(user):
        condition |= Q(account_manager__teams__lead_id=user.pk) | Q(
            account_manager_id=user.pk
        )
    if not condition:
        return Company.objects.none().values("pk")
    return Company.objects.filter(condition).values("pk")


def staff_company_ids(user) -> frozenset[int]:
    """Ids of the companies a staff user other than an operator admin may see,
    read once per user object (memoised, like `staff_team_ids`)."""
    if _COMPANIES_CACHE not in user.__dict__:
        user.__dict__[_COMPANIES_CACHE] = frozenset(
            _staff_company_ids(user).values_list("pk", flat=True)
        )
    return user.__dict__[_COMPANIES_CACHE]


def staff_companies(user) -> QuerySet[Company]:
    """The companies a staff user may see: all, their team's or their own accounts."""
    if is_operator_admin(user):
        return Company.objects.all()
    return Company.objects.filter(pk__in=_staff_company_ids(user))


def can_see_company(user, *, company: Company) -> bool:
    """May the user see this company at all (member of it, or staff who may)."""
    membership = membership_for(user)
    if membership is not None:
        return membership.company_id == company.pk
    if is_operator_admin(user):
        return True
    return staff_companies(user).filter(pk=company.pk).exists()


def can_work_requests(user) -> bool:
    """Account managers, team leads and operator admins work on service requests."""
    return is_account_manager(user) or is_team_lead(user) or is_operator_admin(user)


def staff_team_ids(user) -> frozenset[int]:
    """Ids of the staff teams the user is a member or the lead of (memoised)."""
    if not _authenticated(user):
        return frozenset()
    if _TEAMS_CACHE not in user.__dict__:
        user.__dict__[_TEAMS_CACHE] = frozenset(
            Team.objects.filter(Q(members=user.pk) | Q(lead_id=user.pk)).values_list(
                "pk", flat=True
            )
        )
    return user.__dict__[_TEAMS_CACHE]


def scope_staff_work(
    user,
    queryset: QuerySet,
    *,
    company_field: str = "company",
    assignee_field: str = "assignee",
    team_field: str = "team",
) -> QuerySet:
    """`queryset` narrowed to the work a staff user takes on: rows of the companies
    they may see, rows assigned to them and rows queued to one of their teams (all
    rows for operator admins, none for other users).

    One OR of the three rules over lists of ids, each term served by an index on
    its column that also holds the status (filter `queryset` by status before
    calling): SQLite answers it with a MULTI-INDEX OR; PostgreSQL walks the queue
    index or ORs bitmap scans, as its estimates say (a subquery inside the OR
    would be a filter on every row to it). It had been a UNION ALL of three
    subqueries, which cost the ORM three querysets to build and compile: an
    eighth of the work queue's instructions.
    """
    if not can_work_requests(user):
        return queryset.none()
    if is_operator_admin(user):
        return queryset
    rule = Q(**{f"{company_field}__in": sorted(staff_company_ids(user))}) | Q(
        **{assignee_field: user.pk}
    )
    teams = staff_team_ids(user)
    if teams:
        rule |= Q(**{f"{team_field}__in": sorted(teams)})
    return queryset.filter(rule)


def can_manage_companies(user) -> bool:
    """May the user verify, reject, reclassify and assign companies in the admin."""
    return is_operator_admin(user) or is_team_lead(user) or is_account_manager(user)


def can_assign_account_manager(user) -> bool:
    """Assignments are made by operator admins and team leads only."""
    return is_operator_admin(user) or is_team_lead(user)


def can_manage_teams(user) -> bool:
    """Staff teams (lead, account managers, segment, region) are operator admins'."""
    return is_operator_admin(user)


def team_managers():
    """The users `can_manage_teams` allows, as a queryset (Wagtail asks for it)."""
    from portal.accounts.models import User

    admins = Q(is_superuser=True) | Q(
        is_staff=True, groups__name=StaffGroup.OPERATOR_ADMINS
    )
    return User.objects.filter(admins, is_active=True).distinct()


def rejected_company_for(user) -> Company | None:
    """The rejected company this user may correct and resubmit, or None.

    Rejected companies fall outside `membership_for`; their active members whose
    tier or role manages the company may still fix its details and send them back.
    """
    if not _authenticated(user):
        return None
    membership = (
        Membership.objects.select_related("company", "role")
        .filter(user_id=user.pk, is_active=True, company__status=CompanyStatus.REJECTED)
        .first()
    )
    if membership is None or P.MANAGE_COMPANY not in membership_permissions(membership):
        return None
    return membership.company


def can_handle_appointment(
    user, *, company: Company, account_manager_id: int | None
) -> bool:
    """May staff complete or cancel a company's appointment: the manager it is with,
    or a team lead or operator admin who may see the company."""
    if account_manager_id == user.pk and (
        is_account_manager(user) or is_team_lead(user)
    ):
        return True
    if is_team_lead(user) or is_operator_admin(user):
        return can_see_company(user, company=company)
    return False


# --- Member management rules -------------------------------------------------


def permission_labels(codes) -> list[str]:
    """The catalogue labels of permission codes, in catalogue order (for display)."""
    wanted = set(codes)
    return [str(perm.label) for perm in PortalPermission if perm.value in wanted]


def grantable_permissions(user) -> frozenset[PortalPermission]:
    """What `user` may hand out to others: never more than they hold themselves."""
    if not has_permission(user, P.MANAGE_MEMBERS):
        return frozenset()
    return membership_permissions(membership_for(user))


def can_grant(
    user,
    *,
    tier: MemberTier | str,
    role_permissions: frozenset[PortalPermission] | None = None,
) -> bool:
    """May `user` give someone this tier (and custom role)? Admin only by admins."""
    membership = membership_for(user)
    if membership is None or not has_permission(user, P.MANAGE_MEMBERS):
        return False
    if tier == MemberTier.ADMIN and membership.tier != MemberTier.ADMIN:
        return False
    wanted = (
        role_permissions
        if role_permissions is not None
        else TIER_PERMISSIONS[MemberTier(tier)]
    )
    return wanted <= grantable_permissions(user)


def can_manage_member(user, *, membership: Membership) -> bool:
    """May `user` change or deactivate `membership` (a manager cannot touch admins)?"""
    own = membership_for(user)
    if own is None or own.company_id != membership.company_id:
        return False
    if not has_permission(user, P.MANAGE_MEMBERS):
        return False
    if membership.tier == MemberTier.ADMIN and own.tier != MemberTier.ADMIN:
        return False
    return membership_permissions(membership) <= grantable_permissions(user) or (
        own.tier == MemberTier.ADMIN
    )


# --- Content audiences -------------------------------------------------------


def audience_keys_for_user(user) -> set[str]:
    """Audience keys the user may read: "public", "segment:<code>", "group:<id>".

    Operator staff get "*" (every audience). Search indexes store a document's keys
    and filter results by these; `can_view_page` applies the same rules to pages.
    """
    keys = {"public"}
    if not _authenticated(user):
        return keys
    if is_staff_member(user):
        keys.add("*")
    membership = membership_for(user)
    if membership is not None and membership.company.is_verified:
        keys.add(f"segment:{membership.company.segment_id}")
    keys.update(f"group:{group_id}" for group_id in _group_ids(user))
    return keys


def page_access(user, page: Page, *, request=None) -> str:
    """'ok', 'login' (sign-in could help), 'password' or 'denied' for this page."""
    from wagtail.models import PageViewRestriction

    from cms.models import KnowledgeArticlePage

    keys = audience_keys_for_user(user)
    if "*" in keys:
        return "ok"
    specific = page.specific_deferred
    if isinstance(specific, KnowledgeArticlePage):
        codes = {
            f"segment:{code}"
            for code in specific.restricted_segments.values_list("code", flat=True)
        }
        if codes and not codes & keys:
            return "login" if not _authenticated(user) else "denied"
    for restriction in page.get_view_restrictions():
        kind = restriction.restriction_type
        if kind == PageViewRestriction.PASSWORD:
            if request is not None and not restriction.accept_request(request):
                return "password"
            continue
        if not _authenticated(user):
            return "login"
        if kind == PageViewRestriction.GROUPS:
            group_ids = set(restriction.groups.values_list("pk", flat=True))
            if not group_ids & _group_ids(user):
                return "denied"
    return "ok"


def can_view_page(user, page: Page, *, request=None) -> bool:
    """May the user read this page: segment restrictions and Wagtail's own ones.

    Password restrictions are checked only when the request is given.
    """
    return page_access(user, page, request=request) == "ok"
