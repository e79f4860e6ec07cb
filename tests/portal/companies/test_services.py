"""Company services: registration, invitations, member rules and their audit trail."""

import re
from importlib import import_module

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from portal.companies import services
from portal.companies.models import (
    AuditEvent,
    CompanyStatus,
    InvitationStatus,
    Membership,
    MemberTier,
    StaffGroup,
)
from portal.companies.permissions import PortalPermission as P
from portal.companies.permissions import has_permission, membership_for
from portal.taxonomy.models import Segment
from tests.portal.companies.factories import (
    CompanyFactory,
    SiteFactory,
    UserFactory,
    credit_code,
    member,
    staff,
)

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as the next request will load it (nothing memoised)."""
    return type(user).objects.get(pk=user.pk)


def details(**overrides):
    values = {
        "legal_name": "Blue River Logistics Co., Ltd.",
        "registration_number": credit_code(987654),
        "country": "CN",
        "segment": Segment.objects.get(code="enterprise"),
        "industry": None,
        "size_band": "50-249",
        "region": None,
        "billing_address": "1 River Road, Hangzhou",
    }
    values.update(overrides)
    return services.CompanyDetails(**values)


def invite(admin, email, tier=MemberTier.VIEWER, **kwargs):
    with pytest.MonkeyPatch.context():
        invitation = services.invitation_create(
            actor=admin, email=email, tier=tier, **kwargs
        )
    return invitation


def test_register_makes_pending_company_with_admin_and_group():
    user = UserFactory()
    company = services.company_register(user=user, details=details())
    assert company.status == CompanyStatus.PENDING
    membership = membership_for(fresh(user))
    assert membership.tier == MemberTier.ADMIN
    assert company.group in user.groups.all()
    assert AuditEvent.objects.filter(action="company.registered", company=company)
    with pytest.raises(ValidationError):
        services.company_register(user=UserFactory(), details=details())
    with pytest.raises(ValidationError):
        services.company_register(
            user=UserFactory(), details=details(registration_number="911100001234")
        )


def test_verify_and_reject_by_staff_who_may_see_it():
    manager = staff(StaffGroup.ACCOUNT_MANAGERS)
    stranger = staff(StaffGroup.ACCOUNT_MANAGERS)
    company = CompanyFactory(status=CompanyStatus.PENDING, account_manager=manager)
    with pytest.raises(PermissionDenied):
        services.company_verify(actor=stranger, company=company)
    with pytest.raises(ValidationError):
        services.company_reject(actor=manager, company=company, reason=" ")
    services.company_reject(actor=manager, company=company, reason="Licence unreadable")
    company.refresh_from_db()
    assert company.status == CompanyStatus.REJECTED
    services.company_verify(actor=manager, company=company)
    company.refresh_from_db()
    assert company.is_verified and company.verified_at
    assert AuditEvent.objects.filter(company=company, action="company.verified")


def test_invitation_accept_joins_with_tier_and_scope(
    django_capture_on_commit_callbacks,
):
    company = CompanyFactory()
    site = SiteFactory(company=company)
    admin = member(company, MemberTier.ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            actor=admin,
            email="new.colleague@example.com",
            tier=MemberTier.OPERATOR,
            scoped=True,
            sites=[site],
        )
    assert len(mail.outbox) == 1
    token = re.search(r"/invitations/accept/([^/\s]+)/", mail.outbox[0].body)[1]
    assert services.invitation_from_token(token) == invitation
    colleague = UserFactory(email="new.colleague@example.com")
    membership = services.invitation_accept(user=colleague, token=token)
    assert membership.tier == MemberTier.OPERATOR and membership.is_scoped
    colleague = fresh(colleague)
    assert has_permission(colleague, P.RAISE_REQUESTS, site=site)
    assert not has_permission(
        colleague, P.RAISE_REQUESTS, site=SiteFactory(company=company)
    )
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED


def test_invitation_misuse_is_refused():
    company = CompanyFactory()
    admin = member(company, MemberTier.ADMIN)
    invitation = services.invitation_create(
        actor=admin, email="a@example.com", tier=MemberTier.VIEWER
    )
    token = services.invitation_token(invitation)
    # Another address.
    with pytest.raises(services.InvitationError) as error:
        services.invitation_accept(user=UserFactory(email="b@example.com"), token=token)
    assert error.value.code == "other_address"
    # Tampered.
    with pytest.raises(services.InvitationError):
        services.invitation_accept(
            user=UserFactory(email="c@example.com"), token=token[:-2] + "xx"
        )
    # Expired.
    with time_machine.travel(timezone.now() + services.INVITATION_MAX_AGE * 1.1):
        with pytest.raises(services.InvitationError) as error:
            services.invitation_accept(
                user=UserFactory(email="a@example.com"), token=token
            )
        assert error.value.code == "expired"
    # Resent: the old link stops working, the new one works once.
    services.invitation_resend(actor=admin, invitation=invitation)
    invitation.refresh_from_db()
    user = UserFactory(email="A@example.com")
    with pytest.raises(services.InvitationError) as error:
        services.invitation_accept(user=user, token=token)
    assert error.value.code == "replaced"
    new_token = services.invitation_token(invitation)
    services.invitation_accept(user=user, token=new_token)
    with pytest.raises(services.InvitationError) as error:
        services.invitation_accept(user=user, token=new_token)
    assert error.value.code == "used"
    # Revoked.
    revoked = services.invitation_create(
        actor=admin, email="d@example.com", tier=MemberTier.VIEWER
    )
    services.invitation_revoke(actor=admin, invitation=revoked)
    with pytest.raises(services.InvitationError) as error:
        services.invitation_accept(
            user=UserFactory(email="d@example.com"),
            token=services.invitation_token(revoked),
        )
    assert error.value.code == "revoked"
    assert AuditEvent.objects.filter(action="invitation.refused").count() >= 3


def test_no_one_grants_more_than_they_hold():
    company = CompanyFactory()
    manager = member(company, MemberTier.MANAGER)
    with pytest.raises(ValidationError):
        services.invitation_create(
            actor=manager, email="x@example.com", tier=MemberTier.ADMIN
        )
    viewer = member(company, MemberTier.VIEWER)
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            actor=viewer, email="y@example.com", tier=MemberTier.VIEWER
        )
    admin = member(company, MemberTier.ADMIN)
    with pytest.raises(PermissionDenied):
        services.member_update(
            actor=manager,
            membership=admin.membership,
            tier=MemberTier.VIEWER,
        )
    # A manager cannot raise themselves to admin.
    with pytest.raises(ValidationError):
        services.member_update(
            actor=manager, membership=manager.membership, tier=MemberTier.ADMIN
        )


def test_last_admin_is_protected():
    company = CompanyFactory()
    admin = member(company, MemberTier.ADMIN)
    with pytest.raises(ValidationError):
        services.member_update(
            actor=admin, membership=admin.membership, tier=MemberTier.MANAGER
        )
    with pytest.raises(ValidationError):
        services.member_deactivate(actor=admin, membership=admin.membership)
    second = member(company, MemberTier.ADMIN)
    services.member_update(
        actor=second, membership=admin.membership, tier=MemberTier.MANAGER
    )
    with pytest.raises(ValidationError):
        services.member_deactivate(actor=second, membership=second.membership)
    assert (
        Membership.objects.filter(company=company, tier=MemberTier.ADMIN).count() == 1
    )


def _session_store():
    """The configured session engine's store (the database, or the database
    behind Redis), so that an ended session is checked where a request reads it."""
    return import_module(settings.SESSION_ENGINE).SessionStore()


def _session_for(user) -> str:
    store = _session_store()
    store["_auth_user_id"] = str(user.pk)
    store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    store["_auth_user_hash"] = user.get_session_auth_hash()
    store.create()
    UserSession.objects.create(
        user=user, session_key=store.session_key, ip="127.0.0.1", user_agent="test"
    )
    return store.session_key


def test_downgrade_and_deactivation_take_effect_at_once():
    company = CompanyFactory()
    admin = member(company, MemberTier.ADMIN)
    user = member(company, MemberTier.MANAGER)
    session_key = _session_for(user)
    assert has_permission(user, P.ORDER)
    services.member_update(
        actor=admin, membership=user.membership, tier=MemberTier.VIEWER
    )
    assert not has_permission(fresh(user), P.ORDER)
    assert not _session_store().exists(session_key)
    session_key = _session_for(user)
    services.member_deactivate(actor=admin, membership=user.membership)
    assert membership_for(fresh(user)) is None
    assert not _session_store().exists(session_key)
    assert company.group not in fresh(user).groups.all()


def test_custom_role_replaces_tier_permissions():
    company = CompanyFactory()
    admin = member(company, MemberTier.ADMIN)
    role = services.role_save(
        actor=admin,
        company=company,
        name="Auditor",
        permission_codes=["view_bills", "view_audit_log"],
    )
    user = member(company, MemberTier.VIEWER)
    services.member_update(
        actor=admin, membership=user.membership, tier=MemberTier.VIEWER, role=role
    )
    user = fresh(user)
    assert has_permission(user, P.VIEW_AUDIT_LOG)
    assert not has_permission(user, P.VIEW_SERVICES)
    with pytest.raises(ValidationError):
        services.role_delete(actor=admin, role=role)
