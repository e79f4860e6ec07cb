"""Build the demo site of the fictional operator, idempotently, in both languages."""

from django.core.management.base import BaseCommand
from django.db import transaction

from cms.demo.site import build_demo_site
from cms.demo.users import ensure_demo_users
from portal.appointments.demo import seed_appointments
from portal.companies.demo import ensure_staff_mfa, seed_companies
from portal.support.demo import seed_requests, seed_support
from portal.trials.demo import seed_trials


class Command(BaseCommand):
    help = "Create or update the demo site, its content and one demo user per role."

    def handle(self, *args, **options):
        with transaction.atomic():
            build_demo_site()
            seed_support()
            seed_companies()
            users = ensure_demo_users()
            ensure_staff_mfa()
            seed_trials()
            seed_appointments()
            seed_requests()
        self.stdout.write(self.style.SUCCESS("Demo site is ready: /en/ and /zh-hans/"))
        self.stdout.write("Demo users (development only, never use in production):")
        for user in users:
            self.stdout.write(f"  {user.role:<24} {user.email:<36} {user.password}")
