"""Business customers as companies: sites, members with tiers and roles, staff teams.

Who may do what is decided in `portal.companies.permissions`, never here; writes go
through `portal.companies.services`.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from portal.companies.credit_code import validate_registration_number
from portal.labels import Labels


class CompanyStatus(models.TextChoices):
    PENDING = "pending", _("Pending verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class SizeBand(models.TextChoices):
    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-249", _("50–249 employees")
    LARGE = "250-999", _("250–999 employees")
    HUGE = "1000+", _("1,000 employees or more")


class ValueBand(models.TextChoices):
    """The customer's value to the operator; request routing uses it as priority."""

    STANDARD = "standard", _("Standard")
    SILVER = "silver", _("Silver")
    GOLD = "gold", _("Gold")
    PLATINUM = "platinum", _("Platinum")


class StaffGroup(models.TextChoices):
    """Names of the Django groups that give operator staff their roles."""

    OPERATOR_ADMINS = "Operator admins", _("Operator admins")
    ACCOUNT_MANAGERS = "Account managers", _("Account managers")
    TEAM_LEADS = "Team leads", _("Team leads")
    EDITORS = "Editors", _("Editors")
    MODERATORS = "Moderators", _("Moderators")


class Company(models.Model):
    """A business customer; starts pending and is verified or rejected by staff."""

    legal_name = models.CharField(_("legal name"), max_length=200)
    registration_number = models.CharField(
        _("registration number"),
        max_length=50,
        help_text=_(
            "For China the 18-character unified social credit code; "
            "elsewhere the company's registration number."
        ),
    )
    country = models.CharField(_("country"), max_length=2, default="CN")
    segment = models.ForeignKey(
        "taxonomy.Segment",
        verbose_name=_("segment"),
        on_delete=models.PROTECT,
        related_name="companies",
    )
    industry = models.ForeignKey(
        "taxonomy.Industry",
        verbose_name=_("industry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="companies",
    )
    size_band = models.CharField(
        _("size"), max_length=10, choices=SizeBand.choices, default=SizeBand.MICRO
    )
    region = models.ForeignKey(
        "taxonomy.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="companies",
    )
    billing_address = models.TextField(_("billing address"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CompanyStatus.choices,
        default=CompanyStatus.PENDING,
        db_index=True,
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    account_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_companies",
        limit_choices_to={"is_staff": True},
    )
    value_band = models.CharField(
        _("value band"),
        max_length=10,
        choices=ValueBand.choices,
        default=ValueBand.STANDARD,
    )
    # One Django group per company, kept equal to its active members; Wagtail's
    # "private, for these groups" page restriction uses it.
    group = models.OneToOneField(
        Group,
        verbose_name=_("members group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="company",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["legal_name"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "registration_number"],
                name="company_unique_registration_number",
            )
        ]

    def __str__(self):
        return self.legal_name

    def clean(self):
        validate_registration_number(
            country=self.country, number=self.registration_number
        )

    @property
    def is_verified(self) -> bool:
        return self.status == CompanyStatus.VERIFIED


class CompanySite(models.Model):
    """A site or branch of a company; scoped members act only within their sites."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="sites")
    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    region = models.ForeignKey(
        "taxonomy.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["company", "name"]
        verbose_name = _("company site")
        verbose_name_plural = _("company sites")
        # The guardian object permission that puts a site in a member's scope.
        permissions = [("access_companysite", _("Can act within this site"))]

    def __str__(self):
        return self.name


class CompanySiteUserObjectPermission(UserObjectPermissionBase):
    """Direct foreign-key table of guardian: deleting a site deletes its grants."""

    content_object = models.ForeignKey(CompanySite, on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        unique_together = ["user", "permission", "content_object"]


class CompanySiteGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(CompanySite, on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        unique_together = ["group", "permission", "content_object"]


class MemberTier(models.TextChoices):
    ADMIN = "admin", _("Company administrator")
    MANAGER = "manager", _("Manager")
    OPERATOR = "operator", _("Operator")
    VIEWER = "viewer", _("Viewer")
    BILLING = "billing", _("Billing")


_TIER_LABELS = Labels.of(MemberTier)


class CompanyRole(models.Model):
    """A company's own role: a named subset of the portal permission catalogue."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="roles")
    name = models.CharField(_("name"), max_length=100)
    permissions = models.JSONField(
        _("permissions"),
        default=list,
        help_text=_("Codes from portal.companies.permissions.PortalPermission."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["company", "name"]
        verbose_name = _("company role")
        verbose_name_plural = _("company roles")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "name"], name="company_role_unique_name"
            )
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A user's place in a company: tier, optional custom role and site scope."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="memberships"
    )
    # One company per user: a person who changes employer gets a new account.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    tier = models.CharField(
        _("tier"), max_length=10, choices=MemberTier.choices, default=MemberTier.VIEWER
    )
    role = models.ForeignKey(
        CompanyRole,
        verbose_name=_("custom role"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
        help_text=_("When set, the role's permissions replace the tier's."),
    )
    # Scoped members act only within the sites granted to them via guardian.
    is_scoped = models.BooleanField(_("limited to some sites"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["company", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        indexes = [models.Index(fields=["company", "tier", "is_active"])]

    def __str__(self):
        return f"{self.user} @ {self.company} ({self.get_tier_display()})"

    @property
    def tier_label(self) -> str:
        """The tier's name; cheaper than get_tier_display(), which rebuilds the
        choices dict on every call (noticeable on a page of members)."""
        return _TIER_LABELS[self.tier]


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    REVOKED = "revoked", _("Revoked")


class Invitation(models.Model):
    """An invitation to join a company, bound to one e-mail address, used once."""

    company = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    tier = models.CharField(_("tier"), max_length=10, choices=MemberTier.choices)
    role = models.ForeignKey(
        CompanyRole, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sites = models.ManyToManyField(CompanySite, blank=True, related_name="+")
    status = models.CharField(
        max_length=10,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Bumped on resend so that earlier links stop working.
    nonce = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.company}"

    @property
    def tier_label(self) -> str:
        return _TIER_LABELS[self.tier]


class Team(models.Model):
    """A team of account managers led by a team lead, by segment and region."""

    name = models.CharField(_("name"), max_length=100)
    segment = models.ForeignKey(
        "taxonomy.Segment",
        verbose_name=_("segment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.ForeignKey(
        "taxonomy.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("team lead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_teams",
        limit_choices_to={"is_staff": True},
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account managers"),
        blank=True,
        related_name="teams",
        limit_choices_to={"is_staff": True},
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name


class AuditEvent(models.Model):
    """One line of the audit log; the application only ever appends.

    Written through `portal.companies.audit.audit_record`.
    """

    created_at = models.DateTimeField(_("when (UTC)"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=60, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text so the entry survives the user's deletion and records failed
    # sign-ins of addresses that have no account.
    actor_email = models.CharField(_("who (e-mail)"), max_length=254, blank=True)
    company = models.ForeignKey(
        Company,
        verbose_name=_("company"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    target = models.CharField(_("object"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("from"), null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["company", "-created_at"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.actor_email}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Audit events cannot be deleted.")

    @property
    def action_label(self) -> str:
        """The action in words, translated (see audit.action_label)."""
        from portal.companies.audit import action_label

        return action_label(self.action)
