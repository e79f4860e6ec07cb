"""Keeps the search index in step with the content, through the task queue.

Saving or deleting an indexed object enqueues a task after the transaction commits,
so an editor's publish never waits for the index.
"""

from django.db import models, transaction
from haystack.signals import BaseSignalProcessor
from wagtail.signals import page_published, page_unpublished, post_page_move


class QueuedSignalProcessor(BaseSignalProcessor):
    def setup(self):
        models.signals.post_save.connect(self.enqueue_save)
        models.signals.post_delete.connect(self.enqueue_delete)
        page_published.connect(self.enqueue_save)
        page_unpublished.connect(self.enqueue_save)
        post_page_move.connect(self.enqueue_save)

    def teardown(self):
        models.signals.post_save.disconnect(self.enqueue_save)
        models.signals.post_delete.disconnect(self.enqueue_delete)
        page_published.disconnect(self.enqueue_save)
        page_unpublished.disconnect(self.enqueue_save)
        post_page_move.disconnect(self.enqueue_save)

    def _indexed(self, sender) -> bool:
        from haystack.exceptions import NotHandled

        try:
            self.connections["default"].get_unified_index().get_index(sender)
        except NotHandled:
            return False
        return True

    def enqueue_save(self, sender, instance, **kwargs):
        instance = getattr(instance, "specific", instance)
        model = type(instance)
        if not self._indexed(model):
            return
        from search.tasks import index_object

        label = model._meta.label_lower
        transaction.on_commit(lambda: index_object.enqueue(label, instance.pk))

    def enqueue_delete(self, sender, instance, **kwargs):
        if not self._indexed(sender):
            return
        from search.tasks import remove_object

        label = sender._meta.label_lower
        transaction.on_commit(lambda: remove_object.enqueue(label, instance.pk))
