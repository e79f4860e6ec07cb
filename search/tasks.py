"""Background tasks that update the search index."""

from django.apps import apps
from django_tasks import task
from haystack import connections


def _index_for(label: str):
    model = apps.get_model(label)
    return model, connections["default"].get_unified_index().get_index(model)


@task()
def index_object(label: str, pk: int) -> None:
    """Index one object if it may be public, otherwise remove it from the index."""
    model, index = _index_for(label)
    obj = index.index_queryset().filter(pk=pk).first()
    if obj is None:
        index.remove_object(f"{label}.{pk}")
    else:
        index.update_object(obj)


@task()
def remove_object(label: str, pk: int) -> None:
    _model, index = _index_for(label)
    index.remove_object(f"{label}.{pk}")
