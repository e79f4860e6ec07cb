"""Give the Editors and Moderators groups their content permissions (idempotent)."""

from django.core.management.base import BaseCommand

from cms.services import editor_groups_configure


class Command(BaseCommand):
    help = "Configure the Editors and Moderators groups: content permissions only."

    def handle(self, *args, **options):
        groups = editor_groups_configure()
        self.stdout.write(f"Configured groups: {', '.join(sorted(groups))}")
