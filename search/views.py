"""The search results page."""

from django.shortcuts import render
from haystack.query import SearchQuerySet


def search_page(request):
    query = request.GET.get("q", "").strip()[:200]
    results = SearchQuerySet().auto_query(query)[:20] if query else []
    return render(request, "search/results.html", {"query": query, "results": results})
