from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms import selectors
from cms.blocks import BodyBlock
from cms.models.base import BasePage, IndexPage


class EventKind(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    LAUNCH = "launch", _("Product launch")
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")


class EventIndexPage(IndexPage):
    """Upcoming and past events."""

    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = selectors.upcoming_events(
            locale=self.locale, limit=None
        )
        context["past_events"] = selectors.past_events(locale=self.locale)
        return context


class EventPage(BasePage):
    """A webinar, launch or conference; upcoming ones are promoted as hot events."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    location = models.CharField(
        _("location"),
        max_length=200,
        blank=True,
        help_text=_("Empty for online events."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    segments = ParentalManyToManyField(
        "taxonomy.Segment", verbose_name=_("segments"), blank=True
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("location"),
        FieldPanel("registration_url"),
        FieldPanel("segments", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.FilterField("starts_at")]

    class Meta:
        verbose_name = _("event page")
