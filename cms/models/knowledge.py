from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms import selectors
from cms.blocks import BodyBlock
from cms.models.base import BasePage, IndexPage
from portal.taxonomy.models import BilingualName


@register_snippet
class KnowledgeCategory(BilingualName):
    """A topic of the knowledge base (billing, faults, mobile, ...)."""

    slug = models.SlugField(_("slug"), unique=True, max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("knowledge category")
        verbose_name_plural = _("knowledge categories")


class KnowledgeIndexPage(IndexPage):
    """The knowledge base's front page: categories and recent articles."""

    subpage_types = ["cms.KnowledgeArticlePage"]

    class Meta:
        verbose_name = _("knowledge base index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = selectors.knowledge_categories_with_articles(
            locale=self.locale
        )
        return context


class KnowledgeArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.KnowledgeArticlePage",
        related_name="tagged_items",
        on_delete=models.CASCADE,
    )


class KnowledgeArticlePage(BasePage):
    """A self-help article; `external_id` keeps the id an imported article had."""

    external_id = models.CharField(
        _("external id"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Id of the article in the system it was imported from."),
    )
    category = models.ForeignKey(
        KnowledgeCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    products = ParentalManyToManyField(
        "cms.ProductPage", verbose_name=_("products"), blank=True, related_name="+"
    )
    segments = ParentalManyToManyField(
        "taxonomy.Segment", verbose_name=_("segments"), blank=True
    )
    tags = ClusterTaggableManager(through=KnowledgeArticleTag, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    # Empty means public. Otherwise only signed-in members of verified companies in
    # these segments (and operator staff) may read it; the decision itself lives in
    # portal.companies.permissions. Company-only articles use Wagtail's own
    # "private, for these groups" restriction with the company's group.
    restricted_segments = ParentalManyToManyField(
        "taxonomy.Segment",
        verbose_name=_("only for these segments"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for a public article."),
    )

    parent_page_types = ["cms.KnowledgeIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("category"),
        FieldPanel("products"),
        FieldPanel("segments", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("body"),
        FieldPanel("restricted_segments", widget=forms.CheckboxSelectMultiple),
    ]
    promote_panels = BasePage.promote_panels + [FieldPanel("external_id")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("knowledge article")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = selectors.related_articles(article=self)
        return context


class ArticleFeedback(models.Model):
    """A reader's answer to “did this answer your question?”, with the query that
    led them to the article when they came from search."""

    article = models.ForeignKey(
        KnowledgeArticlePage, on_delete=models.CASCADE, related_name="feedback"
    )
    helpful = models.BooleanField(_("helpful"))
    query = models.CharField(_("search query"), max_length=200, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("article feedback")
        verbose_name_plural = _("article feedback")

    def __str__(self):
        return f"{self.article_id}: {'yes' if self.helpful else 'no'}"
