"""The operator's branding on documents, and PDFs of pages generated in the background."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="doc-full")
class DocumentBranding(BaseGenericSetting):
    """How the operator signs its PDFs: names in both languages, address and colour."""

    operator_name = models.CharField(
        _("operator name (English)"), max_length=120, default="Example Telecom"
    )
    operator_name_zh_hans = models.CharField(
        _("operator name (Chinese)"), max_length=120, default="示例电信"
    )
    address = models.CharField(
        _("address"),
        max_length=250,
        default="1 Example Road, Pudong, Shanghai · 上海市浦东新区示例路1号",
    )
    phone = models.CharField(_("phone"), max_length=40, default="+86 21 1000 1000")
    email = models.EmailField(_("e-mail"), default="business@telecom.example")
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#0b4f8a",
        help_text=_("A hex colour such as #0b4f8a, used for headings and rules."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("operator_name"), FieldPanel("operator_name_zh_hans")],
            heading=_("Operator"),
        ),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("brand_colour"),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = _("document branding")


class PagePdfStatus(models.TextChoices):
    PENDING = "pending", _("Being generated")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class PagePdf(models.Model):
    """A PDF of one published revision of a page in one language.

    Generated once by the task queue and shared by every reader allowed to see the
    page; a new publish makes a new row, so a stale PDF is never served.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    revision_key = models.CharField(max_length=40)
    status = models.CharField(
        max_length=10, choices=PagePdfStatus.choices, default=PagePdfStatus.PENDING
    )
    file_name = models.CharField(max_length=200, blank=True)
    size = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "revision_key"], name="documents_one_pdf_per_revision"
            )
        ]
        verbose_name = _("page PDF")
        verbose_name_plural = _("page PDFs")

    def __str__(self):
        return f"PDF of page {self.page_id} ({self.status})"
