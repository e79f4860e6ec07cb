"""Import usage figures from the network: a CSV of login,kind,used per line."""

import csv
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError

from portal.trials import services
from portal.trials.models import TrialCredential


class Command(BaseCommand):
    help = "Record trial usage against quotas from a CSV file with columns login,kind,used."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file, **options):
        try:
            handle = open(file, newline="", encoding="utf-8")  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        recorded, skipped = 0, 0
        with handle:
            for line_no, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    used = Decimal(row["used"])
                    trial_id = (
                        TrialCredential.objects.filter(login=row["login"])
                        .values_list("trial_id", flat=True)
                        .first()
                    )
                    if trial_id is None:
                        raise services.TrialError(f"unknown login {row['login']}")
                    services.trial_usage_record(
                        trial_id=trial_id, kind=row["kind"], used=used, source=file
                    )
                except (KeyError, InvalidOperation, services.TrialError) as error:
                    skipped += 1
                    self.stderr.write(f"line {line_no}: skipped ({error})")
                else:
                    recorded += 1
        self.stdout.write(f"{recorded} usage figures recorded, {skipped} skipped.")
