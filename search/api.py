"""The JSON search API used by the search box and other parts of the portal."""

from django.http import JsonResponse
from haystack.query import SearchQuerySet


def search_api(request):
    query = request.GET.get("q", "").strip()
    if not query:
        return JsonResponse({"error": "The parameter q is required."}, status=400)
    results = SearchQuerySet().auto_query(query)[:10]
    return JsonResponse(
        {
            "query": query,
            "total": len(results),
            "results": [
                {
                    "title": r.title,
                    "url": r.url,
                    "type": r.content_type,
                    "score": r.score,
                }
                for r in results
            ],
        }
    )
