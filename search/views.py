"""The search results page and the article feedback endpoint (never page-cached)."""

from django.conf import settings
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.models import KnowledgeArticlePage, KnowledgeCategory
from cms.models.products import ProductFamily
from portal.companies.permissions import can_view_page
from portal.taxonomy.models import SegmentCode
from search import selectors, services
from search.forms import SORT_CHOICES, TYPE_CHOICES, FeedbackForm, SearchParamsForm

PER_PAGE = 10


def _facet_labels() -> dict[str, dict[str, str]]:
    categories = {c.slug: c.label for c in KnowledgeCategory.objects.all()}
    return {
        "type": dict(TYPE_CHOICES),
        "segments": dict(SegmentCode.choices),
        "family": dict(ProductFamily.choices),
        "language": dict(settings.LANGUAGES),
        "category": categories,
    }


FACETS = [
    # (index field, query parameter, heading)
    ("type", "type"),
    ("segments", "segment"),
    ("family", "family"),
    ("language", "language"),
    ("category", "category"),
]


def _url(params, **changes) -> str:
    query = params.copy()
    for name, value in changes.items():
        if value in (None, ""):
            query.pop(name, None)
        else:
            query[name] = value
    return "?" + query.urlencode()


def _facet_groups(result, params, labels) -> list[dict]:
    """Facet headings with their options, counts and the links that toggle them."""
    headings = {
        "type": _("Content type"),
        "segments": _("Segment"),
        "family": _("Product family"),
        "language": _("Language"),
        "category": _("Category"),
    }
    groups = []
    for field, param in FACETS:
        counts = result.outcome.facets.get(field, {})
        if not counts:
            continue
        selected = params.get(param, "")
        options = [
            {
                "label": labels[field].get(value, value),
                "count": count,
                "selected": value == selected,
                "url": _url(
                    params, **{param: "" if value == selected else value, "page": ""}
                ),
            }
            for value, count in counts.items()
        ]
        groups.append({"name": param, "heading": headings[field], "options": options})
    return groups


def _result_rows(hits, labels) -> list[dict]:
    """Each hit with its type and language as the reader's words, not codes."""
    return [
        {
            "hit": hit,
            "type": labels["type"].get(hit.type, hit.type),
            "language": labels["language"].get(hit.language, hit.language),
        }
        for hit in hits
    ]


def search_page(request):
    """Results with snippets, facets, sorting, pagination and “did you mean”."""
    form = SearchParamsForm(request.GET)
    context = {"form": form, "query": request.GET.get("q", "")[:200]}
    if not form.is_valid():
        context["errors"] = form.errors
        return render(request, "search/results.html", context, status=400)
    data = form.cleaned_data
    query = data["q"]
    if not query:
        return render(request, "search/results.html", context)
    params = request.GET.copy()
    result = selectors.search_run(
        query=query,
        user=request.user,
        filters=form.filters(),
        sort=data.get("sort") or "relevance",
        page=data.get("page") or 1,
        per_page=PER_PAGE,
    )
    services.query_log_record(
        query=query, language=data.get("language") or "", total=result.outcome.total
    )
    page = result.page
    sort = data.get("sort") or "relevance"
    labels = _facet_labels()
    context.update(
        {
            "query": query,
            "result": result,
            "rows": _result_rows(result.outcome.hits, labels),
            "facet_groups": _facet_groups(result, params, labels),
            "sort_links": [
                {
                    "label": label,
                    "url": _url(params, sort=value, page=""),
                    "active": value == sort,
                }
                for value, label in SORT_CHOICES
            ],
            "suggestion_url": (
                _url(params, q=result.outcome.suggestion, page="")
                if result.outcome.suggestion
                else ""
            ),
            "previous_url": _url(params, page=page - 1) if page > 1 else "",
            "next_url": _url(params, page=page + 1) if page < result.page_count else "",
            "active_filters": any(params.get(p) for _f, p in FACETS),
            "clear_url": _url(params, **{p: "" for _f, p in FACETS}, page=""),
        }
    )
    response = render(request, "search/results.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


def _readable_article(request, article_id: int):
    article = KnowledgeArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:
        return None
    return article if can_view_page(request.user, article) else None


@require_http_methods(["GET", "POST"])
def article_feedback(request):
    """“Did this answer your question?”: JSON for the article's script, a page without it.

    GET ?format=json hands the script a CSRF token (the article page itself is cached
    for anonymous visitors, so it cannot carry one); GET with an answer shows a form
    to confirm it and add a comment; POST stores it.
    """
    wants_json = request.GET.get(
        "format"
    ) == "json" or "application/json" in request.headers.get("Accept", "")
    if request.method == "GET" and request.GET.get("format") == "json":
        return JsonResponse({"csrfToken": get_token(request)})
    form = FeedbackForm(request.POST if request.method == "POST" else request.GET)
    if not form.is_valid():
        if wants_json:
            return JsonResponse(
                {
                    "error": _("Please answer yes or no."),
                    "reason": form.errors.get_json_data(),
                },
                status=400,
            )
        return render(request, "search/feedback.html", {"form": form}, status=400)
    article = _readable_article(request, form.cleaned_data["article"])
    if article is None:
        if wants_json:
            return JsonResponse(
                {"error": _("This article does not exist.")}, status=404
            )
        return render(
            request, "search/feedback.html", {"form": form, "missing": True}, status=404
        )
    if request.method == "GET":
        return render(
            request, "search/feedback.html", {"form": form, "article": article}
        )
    services.article_feedback_record(
        article=article,
        helpful=form.cleaned_data["helpful"],
        query=form.cleaned_data["query"],
        comment=form.cleaned_data["comment"],
        user=request.user,
    )
    if wants_json:
        return JsonResponse(
            {"saved": True, "message": _("Thank you for your feedback.")}
        )
    return render(request, "search/feedback.html", {"saved": True, "article": article})
