"""Read functions behind the CMS pages.

Page `get_context` methods call these instead of querying inline, so each listing is
built in one place with a fixed number of queries however much content there is.
"""

from collections import OrderedDict

from django.utils import timezone
from wagtail.models import Locale, Page

from portal.taxonomy.models import Industry, Segment


def _live(model, *, locale: Locale):
    return model.objects.live().public().filter(locale=locale)


def _with_hero(pages):
    """Pages with their hero image and its renditions, for cards that show it."""
    return pages.select_related("hero_image").prefetch_related("hero_image__renditions")


def segment_pages_for_locale(*, locale: Locale):
    """The three segment landing pages of a language, in segment order."""
    from cms.models import SegmentPage

    return list(
        _live(SegmentPage, locale=locale)
        .select_related("segment", "hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("segment__sort_order")
    )


def hot_products(*, locale: Locale, segment: Segment | None = None, limit: int = 6):
    """Products editors flagged as hot, optionally for one segment."""
    from cms.models import ProductPage

    products = _live(ProductPage, locale=locale).filter(is_hot=True)
    if segment is not None:
        products = products.filter(segments=segment)
    return list(products.order_by("title")[:limit])


def upcoming_events(
    *, locale: Locale, segment: Segment | None = None, limit: int | None = 4
):
    """Events that have not ended yet, soonest first."""
    from cms.models import EventPage

    events = _live(EventPage, locale=locale).filter(starts_at__gte=timezone.now())
    if segment is not None:
        events = events.filter(segments=segment)
    events = events.order_by("starts_at")
    return list(events[:limit] if limit else events)


def past_events(*, locale: Locale, limit: int = 10):
    from cms.models import EventPage

    return list(
        _live(EventPage, locale=locale)
        .filter(starts_at__lt=timezone.now())
        .order_by("-starts_at")[:limit]
    )


def segment_offers(*, segment: Segment, locale: Locale) -> dict:
    """What a segment page offers.

    SMEs get standard packages grouped by industry cluster; large enterprises and
    government get custom solutions with their case studies first.
    """
    from cms.models import ProductPage, SolutionPage

    solutions = list(
        _with_hero(_live(SolutionPage, locale=locale))
        .filter(segments=segment)
        .prefetch_related("industries", "case_studies")
        .order_by("-is_custom", "title")
    )
    offers = {"solutions": solutions, "industry_clusters": []}
    if segment.self_service:
        products = list(
            _live(ProductPage, locale=locale)
            .filter(segments=segment)
            .prefetch_related("industries")
            .order_by("title")
        )
        clusters = OrderedDict((industry, []) for industry in Industry.objects.all())
        for product in products:
            for industry in product.industries.all():
                clusters.setdefault(industry, []).append(product)
        offers["industry_clusters"] = [
            {"industry": industry, "products": items}
            for industry, items in clusters.items()
        ]
        offers["standard_packages"] = [p for p in products if p.is_standard_package]
    offers["case_studies"] = [
        case for solution in solutions for case in solution.case_studies.all()
    ]
    return offers


def products_by_family(*, locale: Locale):
    """Live products of a language grouped by product family, in family order."""
    from cms.models import ProductFamily, ProductPage

    groups = OrderedDict((value, []) for value, _label in ProductFamily.choices)
    for product in _live(ProductPage, locale=locale).order_by("title"):
        groups[product.family].append(product)
    return [
        {"family": ProductFamily(value), "products": items}
        for value, items in groups.items()
        if items
    ]


def solutions_for_locale(*, locale: Locale):
    from cms.models import SolutionPage

    return list(
        _with_hero(_live(SolutionPage, locale=locale))
        .prefetch_related("segments", "industries")
        .order_by("title")
    )


def products_in_solution(*, solution):
    """The live products a solution bundles, in the language of the solution.

    A row may point at the product in another language (translations copy their
    rows), so products are matched by translation key in one query.
    """
    from cms.models import ProductPage

    rows = list(
        solution.solution_products.select_related("product").order_by("sort_order")
    )
    by_key = {
        product.translation_key: product
        for product in _live(ProductPage, locale=solution.locale).filter(
            translation_key__in=[row.product.translation_key for row in rows]
        )
    }
    return [
        {"product": by_key[row.product.translation_key], "role": row.role}
        for row in rows
        if row.product.translation_key in by_key
    ]


def walkthrough_steps(*, product) -> list:
    """A product's demo walkthrough steps, with their screenshots' renditions."""
    return list(
        product.walkthrough_steps.select_related("image")
        .prefetch_related("image__renditions")
        .order_by("sort_order")
    )


def product_manuals(*, product) -> list:
    """A product's downloadable manuals, guides and datasheets."""
    return list(product.manuals.select_related("document").order_by("sort_order"))


def procurement_documents(*, segment_page) -> list:
    """The documents a segment page offers for download, with their files."""
    return list(
        segment_page.procurement_documents.select_related("document").order_by(
            "sort_order"
        )
    )


def translation_links(*, page, languages) -> dict:
    """URL of each language's live version of `page`, falling back to that
    language's home page; one query however many languages there are."""
    from cms.models import HomePage

    urls = {}
    translations = (
        Page.objects.live()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    )
    for translation in translations:
        urls[translation.locale.language_code] = translation
    missing = [code for code in languages if code not in urls]
    if missing:
        for home in (
            HomePage.objects.live()
            .filter(locale__language_code__in=missing)
            .select_related("locale")
        ):
            urls.setdefault(home.locale.language_code, home)
    return urls


def solutions_using_product(*, product):
    from cms.models import SolutionPage

    return list(
        _with_hero(_live(SolutionPage, locale=product.locale))
        .filter(solution_products__product__translation_key=product.translation_key)
        .distinct()
        .order_by("title")
    )


def articles_about_product(*, product, limit: int = 5):
    from cms.models import KnowledgeArticlePage

    return list(
        _live(KnowledgeArticlePage, locale=product.locale)
        .filter(products__translation_key=product.translation_key)
        .distinct()
        .order_by("title")[:limit]
    )


def knowledge_categories_with_articles(*, locale: Locale, per_category: int = 8):
    """Knowledge categories that have live articles, each with its newest articles."""
    from cms.models import KnowledgeArticlePage

    articles = (
        _live(KnowledgeArticlePage, locale=locale)
        .select_related("category")
        .order_by("-first_published_at")
    )
    grouped = OrderedDict()
    for article in articles:
        grouped.setdefault(article.category, []).append(article)
    ordered = sorted(grouped.items(), key=lambda item: (item[0] is None, str(item[0])))
    return [
        {"category": category, "articles": items[:per_category], "count": len(items)}
        for category, items in ordered
    ]


def related_articles(*, article, limit: int = 5):
    from cms.models import KnowledgeArticlePage

    if article.category_id is None:
        return []
    return list(
        _live(KnowledgeArticlePage, locale=article.locale)
        .filter(category_id=article.category_id)
        .exclude(pk=article.pk)
        .order_by("title")[:limit]
    )


def navigation_for_locale(*, locale: Locale) -> dict:
    """Top navigation: the home page, segment pages and the main index pages."""
    from cms.models import (
        EventIndexPage,
        HomePage,
        KnowledgeIndexPage,
        ProductIndexPage,
        SolutionIndexPage,
    )

    home = _live(HomePage, locale=locale).first()
    if home is None:
        return {}
    sections = {}
    for key, model in (
        ("solutions", SolutionIndexPage),
        ("products", ProductIndexPage),
        ("events", EventIndexPage),
        ("knowledge", KnowledgeIndexPage),
    ):
        sections[key] = _live(model, locale=locale).first()
    return {
        "home": home,
        "segments": segment_pages_for_locale(locale=locale),
        **sections,
    }
