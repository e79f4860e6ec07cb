"""The boundary to the operator's provisioning system, in one module.

The built-in adapter issues console credentials itself and records what it did; a
real system plugs in by naming another class in settings.TRIALS_PROVISIONING_ADAPTER
with the same methods. Services never call anything else to provision, revoke or
read usage.
"""

import hashlib
import secrets
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from portal.trials.models import ProvisioningRecord, Trial, TrialCredential


@dataclass(frozen=True)
class IssuedCredential:
    """What the customer is shown once: the secret is never stored in clear."""

    credential: TrialCredential
    secret: str
    activation_url: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class BuiltInProvisioning:
    """Issues console logins for trials without an outside system."""

    name = "built-in"
    console_url = "https://console.telecom.example/"

    def provision(self, *, trial: Trial) -> IssuedCredential:
        """Set the trial's resources up and issue its first credential."""
        issued = self._issue(trial=trial)
        self._record(
            trial,
            "provision",
            {
                "login": issued.credential.login,
                "allocations": {a.kind: a.amount for a in trial.allocations.all()},
            },
        )
        return issued

    def reissue(self, *, trial: Trial) -> IssuedCredential:
        """Revoke the current credential and issue a new one."""
        self._revoke_credentials(trial)
        issued = self._issue(trial=trial)
        self._record(trial, "reissue", {"login": issued.credential.login})
        return issued

    def revoke(self, *, trial: Trial) -> int:
        """Switch the trial's resources off; returns how many credentials were revoked."""
        count = self._revoke_credentials(trial)
        self._record(trial, "revoke", {"credentials": count})
        return count

    def record_usage(self, *, trial: Trial, kind: str, used: str, source: str) -> None:
        """Keep a trace of a usage figure received from the network."""
        self._record(trial, "usage", {"kind": kind, "used": used, "source": source})

    def _issue(self, *, trial: Trial) -> IssuedCredential:
        secret = secrets.token_urlsafe(12)
        token = secrets.token_urlsafe(24)
        login = f"{trial.product_code.lower()}-{trial.company_id}-{trial.pk}"
        credential = TrialCredential.objects.create(
            trial=trial,
            login=login,
            secret_hash=make_password(secret),
            activation_token_hash=hash_token(token),
            console_url=self.console_url,
        )
        path = reverse("trials:activate", kwargs={"token": token})
        activation_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
        return IssuedCredential(credential, secret, activation_url)

    @staticmethod
    def _revoke_credentials(trial: Trial) -> int:
        return trial.credentials.filter(revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )

    def _record(self, trial: Trial, action: str, detail: dict) -> None:
        ProvisioningRecord.objects.create(
            trial=trial, action=action, adapter=self.name, detail=detail
        )


@cache
def adapter() -> BuiltInProvisioning:
    """The configured provisioning adapter (the built-in one by default)."""
    path = getattr(settings, "TRIALS_PROVISIONING_ADAPTER", None)
    return import_string(path)() if path else BuiltInProvisioning()
