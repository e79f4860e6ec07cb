"""Who may see an indexed document, as keys shared with the permission module.

A document's audience is "public", or the segment keys of a restricted article
("segment:sme") plus the group keys of Wagtail's "private, for these groups"
restrictions ("group:12"). Which keys a user holds is decided only by
portal.companies.permissions.audience_keys_for_user; "*" means every document.
"""

from collections.abc import Iterable

PUBLIC = "public"
EVERYTHING = "*"


def page_audience(page) -> set[str]:
    """The audience keys of a live page (restrictions of ancestors included)."""
    keys: set[str] = set()
    restricted_segments = getattr(page, "restricted_segments", None)
    if restricted_segments is not None:
        keys |= {f"segment:{s.code}" for s in restricted_segments.all()}
    group_restricted = False
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == restriction.GROUPS:
            group_restricted = True
            keys |= {
                f"group:{pk}" for pk in restriction.groups.values_list("pk", flat=True)
            }
    if group_restricted:
        # With both kinds of restriction a reader needs both; the company groups are
        # the narrower rule, so they alone open the document in search.
        keys = {key for key in keys if key.startswith("group:")}
    return keys or {PUBLIC}


def keys_for_user(user) -> frozenset[str]:
    """The audience keys a user holds, from the one permission module."""
    from portal.companies.permissions import audience_keys_for_user

    return frozenset(audience_keys_for_user(user)) | {PUBLIC}


def allows(document_audience: Iterable[str], user_keys: Iterable[str]) -> bool:
    """True when a document with this audience may be shown to these keys."""
    user_keys = set(user_keys)
    return EVERYTHING in user_keys or bool(set(document_audience) & user_keys)
