"""Who may see an indexed document, as keys shared with the permission module.

A document's audience is a set of *clauses*, all of which a reader must satisfy; a
clause is one or more keys joined by "|", any one of which satisfies it. A public
page has the single clause "public". An article restricted to segments has the clause
"segment:sme|segment:enterprise"; each Wagtail "private, for these groups"
restriction on the page or an ancestor adds a clause of its group keys
("group:12|group:14"). So an article restricted to a segment and to a company group
is shown only to a member of that group whose company is in that segment, as
`permissions.page_access` decides for the page itself. Which keys a user holds is
decided only by portal.companies.permissions.audience_keys_for_user; "*" means every
document.
"""

from collections.abc import Iterable

PUBLIC = "public"
EVERYTHING = "*"
ANY_OF = "|"


def clause(keys: Iterable[str]) -> str:
    """One clause: satisfied by any of these keys."""
    return ANY_OF.join(sorted(set(keys)))


def segments_audience(codes: Iterable[str]) -> set[str]:
    """The audience of something offered to these segments' companies (nobody's
    but staff's when there is none)."""
    return {clause(f"segment:{code}" for code in codes) or EVERYTHING}


def page_audience(page) -> set[str]:
    """The audience clauses of a live page (restrictions of ancestors included)."""
    clauses: set[str] = set()
    restricted_segments = getattr(page, "restricted_segments", None)
    if restricted_segments is not None:
        codes = [s.code for s in restricted_segments.all()]
        if codes:
            clauses.add(clause(f"segment:{code}" for code in codes))
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == restriction.GROUPS:
            group_ids = list(restriction.groups.values_list("pk", flat=True))
            # A group restriction naming no group admits nobody but staff.
            clauses.add(clause(f"group:{pk}" for pk in group_ids) or EVERYTHING)
    return clauses or {PUBLIC}


def keys_for_user(user) -> frozenset[str]:
    """The audience keys a user holds, from the one permission module."""
    from portal.companies.permissions import audience_keys_for_user

    return frozenset(audience_keys_for_user(user)) | {PUBLIC}


def clause_satisfied(document_clause: str, user_keys: Iterable[str]) -> bool:
    """True when the user holds one of the clause's keys."""
    return not set(document_clause.split(ANY_OF)).isdisjoint(user_keys)


def allows(document_audience: Iterable[str], user_keys: Iterable[str]) -> bool:
    """True when a document with these clauses may be shown to these keys."""
    user_keys = set(user_keys)
    if EVERYTHING in user_keys:
        return True
    clauses = [c for c in document_audience if c]
    return bool(clauses) and all(clause_satisfied(c, user_keys) for c in clauses)
