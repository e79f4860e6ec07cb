from django.db import models


class PageCacheGeneration(models.Model):
    """A single counter that names the current generation of cached pages.

    It lives in the database rather than the cache so that every web process, even
    with a per-process memory cache, sees an editor's publish on its next request.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "page cache generation"

    def __str__(self):
        return str(self.value)
