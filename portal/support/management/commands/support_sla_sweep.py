"""Fire due SLA timers; run beside the task worker (once, or in a loop)."""

import time

from django.core.management.base import BaseCommand

from portal.support.timers import timers_sweep


class Command(BaseCommand):
    help = "Fire every SLA timer that is due. With --loop N, repeat every N seconds."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=int, default=0, metavar="SECONDS")

    def handle(self, *args, loop=0, **options):
        while True:
            fired = timers_sweep()
            if fired or options["verbosity"] > 1:
                self.stdout.write(f"Fired {fired} SLA timer(s).")
            if not loop:
                return
            time.sleep(loop)
