"""The shared vocabularies: customer segments, industries and regions.

Pages, companies, trials and requests all refer to these rows, so a segment or an
industry is spelled one way everywhere.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class SegmentCode(models.TextChoices):
    SME = "sme", _("SME")
    ENTERPRISE = "enterprise", _("Large enterprise")
    GOVERNMENT = "government", _("Government & public sector")


class BilingualName(models.Model):
    """A name in English and Simplified Chinese, shown in the active language."""

    name = models.CharField(_("name (English)"), max_length=100)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=100, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        if (get_language() or "").startswith("zh") and self.name_zh_hans:
            return self.name_zh_hans
        return self.name


class Segment(BilingualName):
    """One of the three customer segments; the rows are created by a migration."""

    code = models.CharField(
        _("code"), max_length=20, primary_key=True, choices=SegmentCode.choices
    )
    self_service = models.BooleanField(
        _("fully self-service"),
        default=False,
        help_text=_("SMEs buy standard packages without an account manager."),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("segment")
        verbose_name_plural = _("segments")


class Industry(BilingualName):
    """An industry cluster that SME offers and solutions are grouped by."""

    slug = models.SlugField(_("slug"), unique=True)
    icon = models.CharField(_("icon"), max_length=40, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("industry")
        verbose_name_plural = _("industries")


class Region(BilingualName):
    """A sales and service region; teams, calendars and companies belong to one."""

    code = models.SlugField(_("code"), unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
