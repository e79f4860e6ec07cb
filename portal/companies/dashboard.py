"""Sections that other apps add to the member dashboard (/<lang>/company/).

An app registers a section once, in its AppConfig.ready():

    from portal.companies.dashboard import DashboardSection, register_section
    register_section(DashboardSection(
        key="trials", template="trials/dashboard_section.html",
        permission=PortalPermission.VIEW_TRIALS, context=trials_for_dashboard))

The section is shown only to members holding `permission`; `context(request)`
returns the template's extra context (read through selectors, scoped as usual).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from portal.companies import permissions


@dataclass(frozen=True)
class DashboardSection:
    key: str
    template: str
    permission: permissions.PortalPermission | None = None
    context: Callable[[object], dict] = field(default=lambda request: {})
    order: int = 100


_SECTIONS: dict[str, DashboardSection] = {}


def register_section(section: DashboardSection) -> None:
    """Add (or replace, by key) a dashboard section."""
    _SECTIONS[section.key] = section


def sections_for(request) -> list[str]:
    """The rendered sections the requesting member may see, in order."""
    rendered = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        if section.permission is not None and not permissions.has_permission(
            request.user, section.permission
        ):
            continue
        rendered.append(
            render_to_string(
                section.template, section.context(request), request=request
            )
        )
    return rendered
