"""Wagtail page types of the portal, one module per kind of page."""

from cms.models.cache import PageCacheGeneration
from cms.models.events import EventIndexPage, EventKind, EventPage
from cms.models.home import HomePage
from cms.models.knowledge import (
    ArticleFeedback,
    KnowledgeArticlePage,
    KnowledgeArticleTag,
    KnowledgeCategory,
    KnowledgeIndexPage,
)
from cms.models.products import (
    ManualKind,
    ProductFamily,
    ProductIndexPage,
    ProductManual,
    ProductPage,
    WalkthroughStep,
)
from cms.models.segments import ProcurementDocument, SegmentPage
from cms.models.solutions import (
    CaseStudy,
    SolutionIndexPage,
    SolutionPage,
    SolutionProduct,
)

__all__ = [
    "ArticleFeedback",
    "CaseStudy",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "HomePage",
    "KnowledgeArticlePage",
    "KnowledgeArticleTag",
    "KnowledgeCategory",
    "KnowledgeIndexPage",
    "ManualKind",
    "PageCacheGeneration",
    "ProcurementDocument",
    "ProductFamily",
    "ProductIndexPage",
    "ProductManual",
    "ProductPage",
    "SegmentPage",
    "SolutionIndexPage",
    "SolutionPage",
    "SolutionProduct",
    "WalkthroughStep",
]
