"""Run the trial sweep now and, with --schedule, start the worker's periodic sweep."""

from django.core.management.base import BaseCommand

from portal.trials import services
from portal.trials.tasks import schedule_sweep


class Command(BaseCommand):
    help = "Send due trial reminders, queue expiries, and optionally schedule the periodic sweep."

    def add_arguments(self, parser):
        parser.add_argument("--schedule", action="store_true")

    def handle(self, *args, schedule=False, **options):
        counts = services.trial_sweep()
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in counts.items()))
        if schedule:
            queued = schedule_sweep()
            self.stdout.write(
                "Periodic sweep queued." if queued else "A sweep is already queued."
            )
