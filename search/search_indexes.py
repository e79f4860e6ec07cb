"""Haystack indexes over the portal's public content."""

from haystack import indexes

from cms.models import EventPage, KnowledgeArticlePage, ProductPage, SolutionPage


class PageIndex(indexes.SearchIndex):
    text = indexes.CharField(document=True)
    title = indexes.CharField(model_attr="title", boost=2.0)
    url = indexes.CharField(indexed=False)
    language = indexes.FacetCharField()
    content_type = indexes.FacetCharField()
    segments = indexes.MultiValueField(faceted=True)
    summary = indexes.CharField(model_attr="summary", indexed=False)
    published = indexes.DateTimeField(model_attr="last_published_at", null=True)

    type_name = ""

    def index_queryset(self, using=None):
        return self.get_model().objects.live().public().select_related("locale")

    def prepare_text(self, obj):
        return "\n".join(filter(None, [obj.title, obj.summary, self.body_text(obj)]))

    def body_text(self, obj) -> str:
        body = getattr(obj, "body", None)
        return body.render_as_block().replace("<", " <") if body else ""

    def prepare_url(self, obj):
        return obj.get_url()

    def prepare_language(self, obj):
        return obj.locale.language_code

    def prepare_content_type(self, obj):
        return self.type_name

    def prepare_segments(self, obj):
        segments = getattr(obj, "segments", None)
        return [s.code for s in segments.all()] if segments is not None else []


class KnowledgeArticleIndex(PageIndex, indexes.Indexable):
    type_name = "article"

    def get_model(self):
        return KnowledgeArticlePage


class ProductIndex(PageIndex, indexes.Indexable):
    type_name = "product"

    def get_model(self):
        return ProductPage


class SolutionIndex(PageIndex, indexes.Indexable):
    type_name = "solution"

    def get_model(self):
        return SolutionPage


class EventIndex(PageIndex, indexes.Indexable):
    type_name = "event"

    def get_model(self):
        return EventPage
