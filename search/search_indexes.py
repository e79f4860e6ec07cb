"""Haystack indexes over the portal's content: pages, product manuals and the
request types customers can file.

Only live pages are indexed, and each document carries an `audience` (the keys of
who may see it, see search.audience); queries are always filtered by it. Results
are rendered from stored fields alone, so a search never touches the database.
"""

import html

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from haystack import indexes
from wagtail.models import Page, PageViewRestriction

from cms.models import (
    EventPage,
    KnowledgeArticlePage,
    ProductManual,
    ProductPage,
    SolutionPage,
)
from search import audience
from search.models import RequestTypeInChinese, RequestTypeInEnglish


class PortalIndex(indexes.SearchIndex):
    """Fields every searchable document has; subclasses say how to fill them."""

    text = indexes.CharField(document=True)
    title = indexes.CharField()
    # Titles of linked translations, so a query in one language finds the other.
    alt_titles = indexes.CharField(null=True)
    url = indexes.CharField(indexed=False)
    summary = indexes.CharField(indexed=False, null=True)
    external_id = indexes.CharField(indexed=False, null=True)
    type = indexes.FacetCharField()
    language = indexes.FacetCharField()
    family = indexes.FacetCharField(null=True)
    category = indexes.FacetCharField(null=True)
    segments = indexes.MultiValueField(null=True)
    audience = indexes.MultiValueField()
    published = indexes.DateTimeField(null=True)

    type_name = ""

    def get_updated_field(self):
        return None


class PageIndex(PortalIndex):
    """A Wagtail page: live, not behind a password or a plain sign-in wall."""

    def index_queryset(self, using=None):
        hidden = PageViewRestriction.objects.exclude(
            restriction_type=PageViewRestriction.GROUPS
        ).values_list("page__path", flat=True)
        queryset = self.get_model().objects.live().select_related("locale")
        for path in hidden:
            queryset = queryset.exclude(path__startswith=path)
        return self.prefetch(queryset)

    def prefetch(self, queryset):
        return queryset

    def prepare_title(self, obj):
        return obj.title

    def prepare_alt_titles(self, obj):
        translations = (
            Page.objects.live()
            .filter(translation_key=obj.translation_key)
            .exclude(pk=obj.pk)
            .values_list("title", flat=True)
        )
        return " ".join(translations)

    def prepare_text(self, obj):
        body = self.body_text(obj)
        # A body that opens with the summary would count its words twice.
        summary = "" if obj.summary and body.startswith(obj.summary) else obj.summary
        parts = [obj.title, summary, body]
        return "\n".join(part for part in parts if part)

    def body_text(self, obj) -> str:
        body = getattr(obj, "body", None)
        return streamfield_text(body)

    def prepare_url(self, obj):
        return obj.get_url() or obj.url_path

    def prepare_summary(self, obj):
        return obj.summary

    def prepare_type(self, obj):
        return self.type_name

    def prepare_language(self, obj):
        return obj.locale.language_code

    def prepare_segments(self, obj):
        segments = getattr(obj, "segments", None)
        return [s.code for s in segments.all()] if segments is not None else []

    def prepare_audience(self, obj):
        return sorted(audience.page_audience(obj))

    def prepare_published(self, obj):
        return obj.last_published_at or obj.first_published_at


def streamfield_text(value) -> str:
    """Plain text of a StreamField: rendered HTML with the tags stripped."""
    if not value:
        return ""
    from django.utils.html import strip_tags

    rendered = value.render_as_block().replace("<", " <")
    # Entities unescaped: "it&#x27;s" would index the words "x27" and "s", and
    # snippets (escaped again when shown) would print the entity.
    return " ".join(html.unescape(strip_tags(rendered)).split())


class KnowledgeArticleIndex(PageIndex, indexes.Indexable):
    type_name = "article"

    def get_model(self):
        return KnowledgeArticlePage

    def prefetch(self, queryset):
        return queryset.select_related("category").prefetch_related(
            "segments", "restricted_segments", "tagged_items__tag"
        )

    def prepare_text(self, obj):
        tags = " ".join(item.tag.name for item in obj.tagged_items.all())
        return "\n".join(filter(None, [super().prepare_text(obj), tags]))

    def prepare_external_id(self, obj):
        return obj.external_id

    def prepare_category(self, obj):
        return obj.category.slug if obj.category else None


class ProductIndex(PageIndex, indexes.Indexable):
    type_name = "product"

    def get_model(self):
        return ProductPage

    def prefetch(self, queryset):
        return queryset.prefetch_related("segments")

    def prepare_text(self, obj):
        features = streamfield_text(obj.features)
        return "\n".join(
            filter(None, [super().prepare_text(obj), obj.product_code, features])
        )

    def prepare_external_id(self, obj):
        return obj.product_code

    def prepare_family(self, obj):
        return obj.family


class SolutionIndex(PageIndex, indexes.Indexable):
    type_name = "solution"

    def get_model(self):
        return SolutionPage

    def prefetch(self, queryset):
        return queryset.prefetch_related("segments")


class EventIndex(PageIndex, indexes.Indexable):
    type_name = "event"

    def get_model(self):
        return EventPage

    def prefetch(self, queryset):
        return queryset.prefetch_related("segments")


class ProductManualIndex(PortalIndex, indexes.Indexable):
    """Manuals, guides and datasheets: their titles and descriptions."""

    type_name = "document"

    def get_model(self):
        return ProductManual

    def index_queryset(self, using=None):
        live_products = ProductIndex().index_queryset()
        return (
            ProductManual.objects.filter(page__in=live_products.values("pk"))
            .select_related("document", "page", "page__locale")
            .prefetch_related(Prefetch("page__segments"))
        )

    def prepare_title(self, obj):
        return obj.display_title

    def prepare_text(self, obj):
        parts = [obj.display_title, obj.description, obj.page.title]
        return "\n".join(part for part in parts if part)

    def prepare_url(self, obj):
        return obj.document.url

    def prepare_summary(self, obj):
        return obj.description

    def prepare_external_id(self, obj):
        return obj.page.product_code

    def prepare_type(self, obj):
        return self.type_name

    def prepare_language(self, obj):
        return obj.page.locale.language_code

    def prepare_family(self, obj):
        return obj.page.family

    def prepare_segments(self, obj):
        return [s.code for s in obj.page.segments.all()]

    def prepare_audience(self, obj):
        return sorted(audience.page_audience(obj.page))

    def prepare_published(self, obj):
        return obj.document.created_at


class RequestTypeIndex(PortalIndex):
    """A request type a customer can file, in one language (search.models says
    why through a proxy per language): found by its name, description and the
    questions its form asks, and linked to that form."""

    type_name = "request"
    language_code = "en"

    def index_queryset(self, using=None):
        # Offered types only; a type offered to no segment is offered to nobody.
        return (
            self.get_model()
            .objects.filter(is_active=True, segments__isnull=False)
            .distinct()
            .prefetch_related("segments")
        )

    def full_prepare(self, obj, with_string_facet=True):
        with translation.override(self.language_code):
            return super().full_prepare(obj, with_string_facet)

    def prepare_title(self, obj):
        return obj.label

    def prepare_alt_titles(self, obj):
        with translation.override("en" if self.language_code != "en" else "zh-hans"):
            other = obj.label
        return other if other != obj.label else ""

    def prepare_text(self, obj):
        parts = [obj.label, obj.description_label, *obj.field_labels().values()]
        return "\n".join(part for part in parts if part)

    def prepare_url(self, obj):
        return reverse("support:request_create", args=[obj.slug])

    def prepare_summary(self, obj):
        return obj.description_label

    def prepare_type(self, obj):
        return self.type_name

    def prepare_language(self, obj):
        return self.language_code

    def prepare_segments(self, obj):
        return sorted(s.code for s in obj.segments.all())

    def prepare_audience(self, obj):
        return sorted(audience.segments_audience(self.prepare_segments(obj)))


class EnglishRequestTypeIndex(RequestTypeIndex, indexes.Indexable):
    language_code = "en"

    def get_model(self):
        return RequestTypeInEnglish


class ChineseRequestTypeIndex(RequestTypeIndex, indexes.Indexable):
    language_code = "zh-hans"

    def get_model(self):
        return RequestTypeInChinese
