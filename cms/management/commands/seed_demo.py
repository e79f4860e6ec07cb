"""Build the demo site of the fictional operator, idempotently, in both languages."""

from django.core.management.base import BaseCommand
from django.db import transaction

from cms import models as cms_models
from cms.demo import content
from cms.demo.builder import ensure_home, locales, upsert_page, upsert_translation
from portal.taxonomy.models import Segment


class Command(BaseCommand):
    help = "Create or update the demo site, its content and one demo user per role."

    @transaction.atomic
    def handle(self, *args, **options):
        _en, zh = locales()
        home_fields = {k: v for k, v in content.HOME.items() if k != "zh"}
        home = ensure_home(cms_models.HomePage, fields=home_fields)
        upsert_translation(home, zh, fields=content.HOME["zh"])

        for item in content.SEGMENTS:
            fields = {
                k: v for k, v in item.items() if k not in ("zh", "slug", "segment")
            }
            fields["segment"] = Segment.objects.get(code=item["segment"])
            page = upsert_page(
                home, cms_models.SegmentPage, slug=item["slug"], fields=fields
            )
            upsert_translation(page, zh, fields=item["zh"])

        for slug, model_name, title, title_zh in content.INDEXES:
            model = getattr(cms_models, model_name)
            page = upsert_page(home, model, slug=slug, fields={"title": title})
            upsert_translation(page, zh, fields={"title": title_zh})

        self.stdout.write(
            self.style.SUCCESS("Demo site is ready at http://127.0.0.1:8000/en/")
        )
