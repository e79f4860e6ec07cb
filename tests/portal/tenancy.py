"""Classification of every portal route for the cross-tenant matrix.

tests/portal/companies/test_cross_tenant.py walks the URL resolver; a route that is
not classified here fails it. To add a route of your app:

- `COMPANY_OBJECT`: it shows or changes one object of a company. Give `make`, a
  function `make(victim) -> kwargs` that creates (or picks) the object in the
  victim company (`victim.company`, `victim.admin`, `victim.site`, ...) and returns
  the URL kwargs. Every outside actor, for every HTTP method, must get a 404, a 405
  or a redirect to sign-in, see none of `victim.markers`, and change nothing.
- `OWN_COMPANY`: it works on the requester's own company only (lists, forms); the
  outsiders' responses must not contain the victim's markers and change nothing.
  A route with URL arguments that are not company objects (a product code, a
  request type) gives a `make(victim) -> kwargs` too.
- `PUBLIC`, `ACCOUNT` (the user's own account), `TOKEN` (bearer links tested by
  their own misuse tests), `STAFF` (admin pages, tested by their app).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    COMPANY_OBJECT = "company-object"
    OWN_COMPANY = "own-company"
    PUBLIC = "public"
    ACCOUNT = "account"
    TOKEN = "token"
    STAFF = "staff"


@dataclass(frozen=True)
class Route:
    kind: Kind
    make: Callable[[object], dict] | None = None
    note: str = ""


def _member_pk(victim):
    return {"pk": victim.viewer.membership.pk}


def _invitation_pk(victim):
    return {"pk": victim.invitation.pk}


def _role_pk(victim):
    return {"pk": victim.role.pk}


def _site_pk(victim):
    return {"pk": victim.site.pk}


def _trial_product(victim):
    """A public product with a trial policy (the seeded demo has several)."""
    from portal.trials.models import TrialPolicy

    return {"product_code": TrialPolicy.objects.order_by("pk")[0].product_code}


def _request_type(victim):
    """A public request type that every verified company may raise."""
    return {"slug": "report-fault"}


OBJ = Kind.COMPANY_OBJECT

ROUTES: dict[str, Route] = {
    # Company accounts (issue 3).
    "companies:dashboard": Route(Kind.OWN_COMPANY),
    "companies:register": Route(Kind.ACCOUNT),
    "companies:edit": Route(Kind.OWN_COMPANY),
    "companies:resubmit": Route(Kind.OWN_COMPANY, note="rejected companies only"),
    "companies:members": Route(Kind.OWN_COMPANY),
    "companies:member_edit": Route(OBJ, _member_pk),
    "companies:member_deactivate": Route(OBJ, _member_pk),
    "companies:member_reactivate": Route(OBJ, _member_pk),
    "companies:invitation_create": Route(Kind.OWN_COMPANY),
    "companies:invitation_resend": Route(OBJ, _invitation_pk),
    "companies:invitation_revoke": Route(OBJ, _invitation_pk),
    "companies:invitation_accept": Route(Kind.TOKEN),
    "companies:roles": Route(Kind.OWN_COMPANY),
    "companies:role_edit": Route(OBJ, _role_pk),
    "companies:role_delete": Route(OBJ, _role_pk),
    "companies:sites": Route(Kind.OWN_COMPANY),
    "companies:site_edit": Route(OBJ, _site_pk),
    "companies:audit": Route(Kind.OWN_COMPANY),
    # Search (issue 4): results are filtered by audience keys.
    "search:results": Route(Kind.PUBLIC),
    "search:feedback": Route(Kind.PUBLIC),
    "search_api:search": Route(Kind.PUBLIC),
    "search_api:autocomplete": Route(Kind.PUBLIC),
    "documents:page_pdf": Route(Kind.PUBLIC, note="page PDFs follow page access"),
    # Wagtail and allauth.
    "wagtail_serve": Route(Kind.PUBLIC, note="page access: before_serve_page hook"),
    "wagtailcore_login": Route(Kind.ACCOUNT),
    "portal_frontend_login": Route(Kind.ACCOUNT),
    "wagtailcore_authenticate_with_password": Route(Kind.PUBLIC),
}

# Trials (issue 6).
from tests.portal.trials.tenancy import quote_kwargs, trial_kwargs  # noqa: E402

ROUTES.update(
    {
        "trials:list": Route(Kind.OWN_COMPANY),
        "trials:start": Route(Kind.OWN_COMPANY, _trial_product),
        "trials:reissue": Route(OBJ, trial_kwargs),
        "trials:cancel": Route(OBJ, trial_kwargs),
        "trials:extend": Route(OBJ, trial_kwargs),
        "trials:convert": Route(OBJ, trial_kwargs),
        "trials:agreement_pdf": Route(OBJ, trial_kwargs),
        "trials:quote": Route(OBJ, quote_kwargs),
        "trials:quote_accept": Route(OBJ, quote_kwargs),
        "trials:quote_discount": Route(OBJ, quote_kwargs),
        "trials:quote_pdf": Route(OBJ, quote_kwargs),
        "trials:activate": Route(Kind.TOKEN),
        "trials:manager": Route(Kind.STAFF),
        "trials:decide": Route(Kind.STAFF, note="account manager of the company only"),
    }
)

# Service requests (issue 5).
from tests.portal.support.tenancy import (  # noqa: E402
    attachment_kwargs,
    request_action_kwargs,
    request_kwargs,
)

ROUTES.update(
    {
        "support:request_list": Route(Kind.OWN_COMPANY),
        "support:request_new": Route(Kind.OWN_COMPANY),
        "support:request_create": Route(Kind.OWN_COMPANY, _request_type),
        "support:self_served": Route(Kind.OWN_COMPANY),
        "support:notifications": Route(Kind.ACCOUNT),
        "support:request_detail": Route(Kind.COMPANY_OBJECT, request_kwargs),
        "support:request_action": Route(Kind.COMPANY_OBJECT, request_action_kwargs),
        "support:attachment_download": Route(Kind.COMPANY_OBJECT, attachment_kwargs),
        "support:work_queue": Route(Kind.STAFF),
        "support:team": Route(Kind.STAFF),
        "support:work_detail": Route(
            Kind.STAFF, note="tests/portal/support/test_views.py"
        ),
    }
)

# Appointments (issues 5 and 6).
from tests.portal.appointments.tenancy import (  # noqa: E402
    appointment_kwargs,
    work_action_kwargs,
)

ROUTES.update(
    {
        "appointments:list": Route(Kind.OWN_COMPANY),
        "appointments:book": Route(Kind.OWN_COMPANY),
        "appointments:detail": Route(Kind.COMPANY_OBJECT, appointment_kwargs),
        "appointments:reschedule": Route(Kind.COMPANY_OBJECT, appointment_kwargs),
        "appointments:cancel": Route(Kind.COMPANY_OBJECT, appointment_kwargs),
        "appointments:ics": Route(Kind.COMPANY_OBJECT, appointment_kwargs),
        "appointments:accept": Route(Kind.COMPANY_OBJECT, appointment_kwargs),
        "appointments:work_propose": Route(
            Kind.STAFF,
            note="the company's manager only; tests/portal/appointments/test_views.py",
        ),
        "appointments:work": Route(
            Kind.STAFF, note="tests/portal/appointments/test_views.py"
        ),
        # Staff only, but an outsider (other managers included) must get a 404.
        "appointments:work_action": Route(Kind.COMPANY_OBJECT, work_action_kwargs),
    }
)

# Service requests (issue 5) and trials (issue 6): their owners replace these
# OWN_COMPANY placeholders by COMPANY_OBJECT entries with a `make` function.
_PENDING_OWNER = "to be given a `make` by the app's owner"
for _name in (
    "support:request_list",
    "support:request_new",
    "support:request_create",
    "support:self_served",
    "support:notifications",
    "support:attachment_download",
    "support:request_detail",
    "support:request_action",
    "support:work_queue",
    "support:team",
    "support:work_detail",
    "trials:list",
    "trials:start",
    "trials:reissue",
    "trials:cancel",
    "trials:extend",
    "trials:convert",
    "trials:agreement_pdf",
    "trials:quote",
    "trials:quote_accept",
    "trials:quote_discount",
    "trials:quote_pdf",
    "trials:activate",
    "trials:manager",
    "trials:decide",
):
    ROUTES.setdefault(_name, Route(Kind.OWN_COMPANY, note=_PENDING_OWNER))

# Prefixes of third-party route trees that classify themselves (admin sites,
# allauth account pages, documents, language switch, media).
THIRD_PARTY_PREFIXES = (
    "admin/",
    "django-admin/",
    "documents/",
    "i18n/",
    "^media/",
    "media/",
    "en/accounts/",
    "static/",
)
