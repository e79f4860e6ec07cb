"""Keeps the search index in step with the content, through the task queue.

Saving, publishing, unpublishing, moving or deleting an indexed object (or changing
a page's view restriction) enqueues a task after the transaction commits, so an
editor's request never waits for the index.
"""

from django.db import models, transaction
from haystack.signals import BaseSignalProcessor
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move


class QueuedSignalProcessor(BaseSignalProcessor):
    def setup(self):
        models.signals.post_save.connect(self.enqueue_save)
        models.signals.post_delete.connect(self.enqueue_delete)
        page_published.connect(self.enqueue_save)
        page_unpublished.connect(self.enqueue_save)
        post_page_move.connect(self.enqueue_subtree)
        for signal in (models.signals.post_save, models.signals.post_delete):
            signal.connect(self.enqueue_restriction, sender=PageViewRestriction)
        models.signals.m2m_changed.connect(
            self.enqueue_restriction, sender=PageViewRestriction.groups.through
        )

    def teardown(self):
        models.signals.post_save.disconnect(self.enqueue_save)
        models.signals.post_delete.disconnect(self.enqueue_delete)
        page_published.disconnect(self.enqueue_save)
        page_unpublished.disconnect(self.enqueue_save)
        post_page_move.disconnect(self.enqueue_subtree)
        for signal in (models.signals.post_save, models.signals.post_delete):
            signal.disconnect(self.enqueue_restriction, sender=PageViewRestriction)
        models.signals.m2m_changed.disconnect(
            self.enqueue_restriction, sender=PageViewRestriction.groups.through
        )

    def _indexed_models(self, model) -> list:
        """The indexed models an object of this model is stored as: the model
        itself, or its proxies (a request type, once per language)."""
        concrete = model._meta.concrete_model
        return [
            indexed
            for indexed in self.connections["default"]
            .get_unified_index()
            .get_indexed_models()
            if indexed is model
            or (indexed._meta.proxy and indexed._meta.concrete_model is concrete)
        ]

    def enqueue_save(self, sender, instance, **kwargs):
        if isinstance(instance, Page) and type(instance) is Page:
            instance = instance.specific_deferred
        from search.tasks import index_object

        pk = instance.pk
        for model in self._indexed_models(type(instance)):
            label = model._meta.label_lower
            transaction.on_commit(lambda label=label: index_object.enqueue(label, pk))

    def enqueue_delete(self, sender, instance, **kwargs):
        from search.tasks import remove_object

        pk = instance.pk
        for model in self._indexed_models(sender):
            label = model._meta.label_lower
            transaction.on_commit(lambda label=label: remove_object.enqueue(label, pk))

    def enqueue_subtree(self, sender, instance, **kwargs):
        from search.tasks import index_subtree

        pk = instance.pk
        transaction.on_commit(lambda: index_subtree.enqueue(pk))

    def enqueue_restriction(self, sender, instance, **kwargs):
        if kwargs.get("action", "post_").startswith("pre_"):
            return
        page_id = getattr(instance, "page_id", None)
        if page_id is None:
            return
        self.enqueue_subtree(sender, Page(pk=page_id))
