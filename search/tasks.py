"""Background tasks that update the search index."""

from django.apps import apps
from django_tasks import task
from haystack import connections
from haystack.exceptions import NotHandled


def _index_for(model):
    try:
        return connections["default"].get_unified_index().get_index(model)
    except NotHandled:
        return None


def _refresh(model, pk: int) -> None:
    """Index one object if it may be searched, otherwise remove it from the index."""
    index = _index_for(model)
    if index is None:
        return
    obj = index.index_queryset().filter(pk=pk).first()
    if obj is None:
        index.remove_object(f"{model._meta.label_lower}.{pk}")
    else:
        index.update_object(obj)


def _refresh_related(model, pk: int) -> None:
    """What shows this object's data: its translations and a product's manuals."""
    from wagtail.models import Page

    from cms.models import ProductManual, ProductPage

    if not issubclass(model, Page):
        return
    page = Page.objects.filter(pk=pk).first()
    if page is None:
        return
    for translation in page.get_translations().specific():
        _refresh(type(translation), translation.pk)
    if issubclass(model, ProductPage):
        for manual_pk in ProductManual.objects.filter(page_id=pk).values_list(
            "pk", flat=True
        ):
            _refresh(ProductManual, manual_pk)


@task()
def index_object(label: str, pk: int) -> None:
    """Bring one object (and what repeats its data) up to date in the index."""
    model = apps.get_model(label)
    _refresh(model, pk)
    _refresh_related(model, pk)


@task()
def remove_object(label: str, pk: int) -> None:
    index = _index_for(apps.get_model(label))
    if index is not None:
        index.remove_object(f"{label}.{pk}")


@task()
def index_subtree(page_id: int) -> None:
    """Re-index a page and its descendants (after a move or a restriction change)."""
    from wagtail.models import Page

    root = Page.objects.filter(pk=page_id).first()
    if root is None:
        return
    for page in Page.objects.descendant_of(root, inclusive=True).specific():
        _refresh(type(page), page.pk)
        _refresh_related(type(page), page.pk)
