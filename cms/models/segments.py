from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from cms import selectors
from cms.blocks import BodyBlock
from cms.models.base import BasePage


class SegmentPage(BasePage):
    """A segment's landing page: SME offers by industry, or custom solutions and
    procurement documents for large enterprise and government."""

    segment = models.ForeignKey(
        "taxonomy.Segment", verbose_name=_("segment"), on_delete=models.PROTECT
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    compliance = RichTextField(
        _("compliance and certifications"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
    )
    account_manager_text = models.TextField(
        _("account manager call to action"),
        blank=True,
        help_text=_("Shown to segments served by a named account manager."),
    )

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("segment"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("compliance"),
        FieldPanel("account_manager_text"),
        InlinePanel("procurement_documents", label=_("Procurement documents")),
    ]

    class Meta:
        verbose_name = _("segment page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        offers = selectors.segment_offers(segment=self.segment, locale=self.locale)
        context.update(offers)
        context["upcoming_events"] = selectors.upcoming_events(
            locale=self.locale, segment=self.segment
        )
        context["hot_products"] = selectors.hot_products(
            locale=self.locale, segment=self.segment
        )
        context["procurement_documents"] = selectors.procurement_documents(
            segment_page=self
        )
        return context


class ProcurementDocument(Orderable):
    """A tender, framework agreement or compliance document offered for download."""

    page = ParentalKey(SegmentPage, related_name="procurement_documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("description")]

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
