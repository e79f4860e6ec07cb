"""Import (or migrate) a knowledge base from a JSON Lines file.

    python manage.py import_kb FILE.jsonl [--dry-run]

One JSON object a line: {"id", "title", "body", "language" ("en"|"zh-hans"),
"category", "tags": [], "segments": []}. Articles are created or updated by `id`
per language, published and indexed. A bad line is reported with its number and
reason and nothing of it is written; the exit code is 1 if any line failed.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from search import services


class Command(BaseCommand):
    help = (
        "Create or update knowledge articles from a JSON Lines file, then index them."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the .jsonl file to import.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every line and report what would change, without writing.",
        )

    def handle(self, *args, file, dry_run, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                lines = handle.readlines()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        failures = []
        touched: list[int] = []
        show_progress = options.get("verbosity", 1) > 0
        for number, line in enumerate(
            tqdm(lines, desc="import", unit="line", disable=not show_progress), 1
        ):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                with transaction.atomic():
                    outcome, page_id = services.knowledge_article_import(
                        record=record, dry_run=dry_run
                    )
            except json.JSONDecodeError as error:
                failures.append((number, f"not valid JSON ({error.msg})"))
                continue
            except services.RecordError as error:
                failures.append((number, str(error)))
                continue
            counts[outcome] += 1
            if page_id is not None and outcome != "unchanged":
                touched.append(page_id)
        for number, reason in failures:
            self.stderr.write(f"{file}:{number}: {reason}")
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{counts['created']} articles {verb} created, {counts['updated']} "
            f"updated, {counts['unchanged']} unchanged, {len(failures)} lines failed."
        )
        if touched:
            with tqdm(
                total=len(touched), desc="index", unit="doc", disable=not show_progress
            ) as progress:
                services.pages_index(page_ids=touched, progress=progress)
        if failures:
            raise CommandError(
                f"{len(failures)} of {len(lines)} lines could not be imported; "
                "fix them and run the import again (it is safe to repeat).",
                returncode=1,
            )
