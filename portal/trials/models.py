"""Product trials: the per-product policy, trials and what was provisioned for them,
and the quotes and orders a converted trial leads to."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class QuotaKind(models.TextChoices):
    SIM_CARDS = "sim_cards", _("SIM cards")
    DATA_PER_SIM = "data_per_sim", _("Mobile data per SIM")
    SEATS = "seats", _("Seats")
    STORAGE = "storage", _("Storage")
    BANDWIDTH = "bandwidth", _("Bandwidth")
    LEASED_LINES = "leased_lines", _("Leased lines")


class QuotaUnit(models.TextChoices):
    PIECES = "pcs", _("pieces")
    GB = "GB", _("GB")
    SEATS = "seats", _("seats")
    MBIT_S = "Mbit/s", _("Mbit/s")
    LINES = "lines", _("lines")


class TrialPolicy(ClusterableModel):
    """How one product may be tried: length, quotas, limits, who may ask and who approves.

    Attached to the product pages of every language by their shared product code.
    """

    product_code = models.CharField(
        _("product code"),
        max_length=40,
        unique=True,
        help_text=_("The product code of the product page, e.g. CLOUD-DRIVE."),
    )
    is_active = models.BooleanField(_("trials open"), default=True)
    duration_days = models.PositiveSmallIntegerField(_("duration in days"), default=30)
    max_active_per_company = models.PositiveSmallIntegerField(
        _("trials a company may hold at once"),
        default=2,
        help_text=_("Counts the company's open trials of every product."),
    )
    max_per_company_per_year = models.PositiveSmallIntegerField(
        _("trials of this product per company per year"), default=1
    )
    eligible_segments = models.ManyToManyField(
        "taxonomy.Segment",
        verbose_name=_("segments that may ask"),
        related_name="+",
        blank=True,
    )
    auto_approve_segments = models.ManyToManyField(
        "taxonomy.Segment",
        verbose_name=_("segments approved automatically"),
        related_name="+",
        blank=True,
        help_text=_(
            "Other eligible segments wait for their account manager's approval."
        ),
    )
    extension_days = models.PositiveSmallIntegerField(
        _("extension in days"),
        default=14,
        help_text=_("One extension of this length may be requested; 0 for none."),
    )
    quote_validity_days = models.PositiveSmallIntegerField(
        _("quote validity in days"), default=30
    )
    contract_months = models.PositiveSmallIntegerField(
        _("contract length in months"), default=12
    )

    panels = [
        FieldPanel("product_code"),
        FieldPanel("is_active"),
        MultiFieldPanel(
            [
                FieldPanel("duration_days"),
                FieldPanel("extension_days"),
                FieldPanel("max_active_per_company"),
                FieldPanel("max_per_company_per_year"),
            ],
            heading=_("Length and limits"),
        ),
        MultiFieldPanel(
            [FieldPanel("eligible_segments"), FieldPanel("auto_approve_segments")],
            heading=_("Who may ask, who approves"),
        ),
        InlinePanel("quotas", label=_("Quotas")),
        MultiFieldPanel(
            [FieldPanel("quote_validity_days"), FieldPanel("contract_months")],
            heading=_("Conversion to a quote"),
        ),
    ]

    class Meta:
        ordering = ["product_code"]
        verbose_name = _("trial policy")
        verbose_name_plural = _("trial policies")

    def __str__(self):
        return self.product_code


class TrialQuota(Orderable):
    """One resource a trial includes, with the limits that decide approval."""

    policy = ParentalKey(TrialPolicy, on_delete=models.CASCADE, related_name="quotas")
    kind = models.CharField(_("kind"), max_length=20, choices=QuotaKind.choices)
    unit = models.CharField(_("unit"), max_length=10, choices=QuotaUnit.choices)
    default_amount = models.PositiveIntegerField(_("offered amount"))
    auto_approve_limit = models.PositiveIntegerField(
        _("approved automatically up to"),
        help_text=_("Asking for more needs the account manager's approval."),
    )
    max_amount = models.PositiveIntegerField(
        _("maximum"), help_text=_("Asking for more is refused.")
    )
    list_price = models.DecimalField(
        _("list price per unit per month (CNY)"),
        max_digits=10,
        decimal_places=2,
        default=0,
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("unit"),
        FieldPanel("default_amount"),
        FieldPanel("auto_approve_limit"),
        FieldPanel("max_amount"),
        FieldPanel("list_price"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("quota")
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "kind"], name="trials_one_quota_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.default_amount} {self.unit}"


class TrialState(models.TextChoices):
    REQUESTED = "requested", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    PROVISIONING = "provisioning", _("Being set up")
    ACTIVE = "active", _("Active")
    EXPIRING = "expiring", _("Ending soon")
    EXPIRED = "expired", _("Expired")
    CONVERTED = "converted", _("Converted")
    CANCELLED = "cancelled", _("Cancelled")


class ExtensionState(models.TextChoices):
    NONE = "", _("Not requested")
    REQUESTED = "requested", _("Requested")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class Trial(models.Model):
    """A company's trial of one product; its state changes only through `lifecycle`."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="trials"
    )
    policy = models.ForeignKey(
        TrialPolicy, on_delete=models.PROTECT, related_name="trials"
    )
    product_code = models.CharField(_("product code"), max_length=40, db_index=True)
    product_title = models.CharField(_("product"), max_length=255)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    use_case = models.TextField(_("use case"), max_length=2000)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=TrialState.choices,
        default=TrialState.REQUESTED,
        db_index=True,
    )
    approval_reason = models.CharField(
        _("why approval is needed"), max_length=300, blank=True
    )
    decision_note = models.TextField(_("decision note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True, db_index=True)
    extension_state = models.CharField(
        max_length=10,
        choices=ExtensionState.choices,
        default=ExtensionState.NONE,
        blank=True,
    )
    extension_reason = models.TextField(blank=True)
    reminder_7_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_1_sent_at = models.DateTimeField(null=True, blank=True)
    expiry_queued_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("trial")
        verbose_name_plural = _("trials")
        indexes = [models.Index(fields=["company", "state"])]

    def __str__(self):
        return f"{self.product_title} ({self.get_state_display()})"


class TrialAllocation(models.Model):
    """What a trial was given of one quota, and how much of it has been used."""

    trial = models.ForeignKey(
        Trial, on_delete=models.CASCADE, related_name="allocations"
    )
    kind = models.CharField(max_length=20, choices=QuotaKind.choices)
    unit = models.CharField(max_length=10, choices=QuotaUnit.choices)
    amount = models.PositiveIntegerField()
    used = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    list_price = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    usage_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["trial", "kind"], name="trials_one_allocation_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.used}/{self.amount} {self.unit}"

    @property
    def used_percent(self) -> int:
        if not self.amount:
            return 0
        return min(100, round(float(self.used) * 100 / self.amount))


class TrialCredential(models.Model):
    """Console access issued for a trial; the secret is kept only as a hash."""

    trial = models.ForeignKey(
        Trial, on_delete=models.CASCADE, related_name="credentials"
    )
    login = models.CharField(max_length=150)
    secret_hash = models.CharField(max_length=200)
    activation_token_hash = models.CharField(max_length=64, db_index=True)
    console_url = models.URLField()
    issued_at = models.DateTimeField(auto_now_add=True)
    activated_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]

    def __str__(self):
        return self.login


class ProvisioningRecord(models.Model):
    """What the provisioning adapter did for a trial, for support and reconciliation."""

    trial = models.ForeignKey(
        Trial, on_delete=models.CASCADE, related_name="provisioning"
    )
    action = models.CharField(max_length=30)
    adapter = models.CharField(max_length=100)
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.action} for trial {self.trial_id}"


class TrialNotice(models.Model):
    """An in-portal message about a trial (reminders, decisions, expiry)."""

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=30)
    message = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.message[:60]


class QuoteStatus(models.TextChoices):
    OFFERED = "offered", _("Offered")
    ACCEPTED = "accepted", _("Accepted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Quote(models.Model):
    """An offer made from a converted trial; accepting it online places an order."""

    number = models.CharField(max_length=30, unique=True)
    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="quotes"
    )
    trial = models.OneToOneField(
        Trial, on_delete=models.SET_NULL, null=True, blank=True, related_name="quote"
    )
    status = models.CharField(
        max_length=10, choices=QuoteStatus.choices, default=QuoteStatus.OFFERED
    )
    valid_until = models.DateField()
    contract_months = models.PositiveSmallIntegerField(default=12)
    discount_percent = models.DecimalField(max_digits=5, decimal_places=2, default=0)
    # The company's details as quoted, so later edits do not change the offer.
    company_name = models.CharField(max_length=200)
    company_registration = models.CharField(max_length=50, blank=True)
    billing_address = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("quote")

    def __str__(self):
        return self.number


class QuoteLine(models.Model):
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="lines")
    product_code = models.CharField(max_length=40)
    description = models.CharField(max_length=255)
    quantity = models.PositiveIntegerField()
    unit = models.CharField(max_length=10)
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.description

    @property
    def amount(self):
        return self.quantity * self.unit_price


class Order(models.Model):
    """An accepted quote handed to the operator's back office through `ordering`."""

    quote = models.OneToOneField(Quote, on_delete=models.PROTECT, related_name="order")
    company = models.ForeignKey(
        "companies.Company", on_delete=models.PROTECT, related_name="orders"
    )
    number = models.CharField(max_length=30, unique=True)
    back_office_reference = models.CharField(max_length=100, blank=True)
    total_monthly = models.DecimalField(max_digits=12, decimal_places=2)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    placed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-placed_at"]

    def __str__(self):
        return self.number
