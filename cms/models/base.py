"""What every portal page shares."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """Abstract base of all portal pages: a summary and an optional hero image."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in listings and search results."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # Serving a page asks twice (the audience hook, then Wagtail's own check);
        # the queryset keeps its rows for the second, and anything chained on it
        # (the admin's privacy views) queries afresh.
        if not hasattr(self, "_view_restrictions"):
            self._view_restrictions = super().get_view_restrictions()
        return self._view_restrictions

    def clean(self):
        super().clean()
        # The admin only offers allowed page types; this also stops code and
        # imports from building a tree the templates and selectors do not expect.
        parent = self.get_parent() if self.depth and self.depth > 1 else None
        if parent is not None and not self.can_exist_under(parent.specific):
            raise ValidationError(
                _(
                    "A %(child)s cannot be placed under a %(parent)s. Choose a "
                    "parent page of a type this page allows."
                )
                % {
                    "child": self._meta.verbose_name,
                    "parent": parent.specific_class._meta.verbose_name,
                }
            )


class IndexPage(BasePage):
    """Abstract base of listing pages (products, solutions, events, knowledge)."""

    max_count_per_parent = 1
    parent_page_types = ["cms.HomePage"]

    class Meta:
        abstract = True
