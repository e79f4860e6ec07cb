"""The JSON search API: results with facets, and title autocomplete for the search box."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from search import selectors, services
from search.forms import AutocompleteForm, SearchParamsForm, error_text


@require_GET
def search_api(request):
    """GET /api/search/?q=...&limit=10&type=&segment=&language=&page=&sort=."""
    form = SearchParamsForm(request.GET, require_query=True)
    if not form.is_valid():
        return JsonResponse(
            {"error": _("Invalid search parameters."), "reason": error_text(form)},
            status=400,
        )
    data = form.cleaned_data
    result = selectors.search_run(
        query=data["q"],
        user=request.user,
        filters=form.filters(),
        sort=data.get("sort") or "relevance",
        page=data.get("page") or 1,
        per_page=data.get("limit") or 10,
    )
    outcome = result.outcome
    services.query_log_record(
        query=data["q"], language=data.get("language") or "", total=outcome.total
    )
    return JsonResponse(
        {
            "query": data["q"],
            "total": outcome.total,
            "results": [
                {
                    "title": hit.title,
                    "url": hit.url,
                    "type": hit.type,
                    "external_id": hit.external_id,
                    "score": hit.score,
                    "snippet": hit.snippet,
                    "language": hit.language,
                }
                for hit in outcome.hits
            ],
            "facets": outcome.facets,
            "suggestion": outcome.suggestion,
            "promoted": [
                {"title": p.title, "url": p.url, "description": p.description}
                for p in result.promotions
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def autocomplete_api(request):
    """GET /api/search/autocomplete/?q=prefix: matching titles as the user types."""
    form = AutocompleteForm(request.GET)
    if not form.is_valid():
        return JsonResponse(
            {
                "error": _("Invalid autocomplete parameters."),
                "reason": error_text(form),
            },
            status=400,
        )
    data = form.cleaned_data
    suggestions = selectors.autocomplete_titles(
        prefix=data["q"],
        user=request.user,
        language=data.get("language") or "",
        limit=data.get("limit") or 8,
    )
    return JsonResponse(
        {
            "query": data["q"],
            "results": [
                {"title": s.title, "url": s.url, "type": s.type} for s in suggestions
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
