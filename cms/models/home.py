from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from cms import selectors
from cms.blocks import BodyBlock
from cms.models.base import BasePage


class HomePage(BasePage):
    """The portal's front page in one language: segment choice, hot products, events."""

    hero_title = models.CharField(_("hero title"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.SegmentPage",
        "cms.SolutionIndexPage",
        "cms.ProductIndexPage",
        "cms.EventIndexPage",
        "cms.KnowledgeIndexPage",
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["segments"] = selectors.segment_pages_for_locale(locale=self.locale)
        context["hot_products"] = selectors.hot_products(locale=self.locale)
        context["upcoming_events"] = selectors.upcoming_events(locale=self.locale)
        return context
