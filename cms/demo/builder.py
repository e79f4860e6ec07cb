"""Idempotent building blocks of the demo site: find-or-create pages by slug,
publish them only when their content changed, and keep their Chinese
translations in step."""

import json

from django.db import transaction
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, Site

# Keys that differ between two saves of the same content (block ids, row ids).
_VOLATILE_KEYS = {"id", "pk", "page", "sort_order"}


def locales() -> tuple[Locale, Locale]:
    en, _ = Locale.objects.get_or_create(language_code="en")
    zh, _ = Locale.objects.get_or_create(language_code="zh-hans")
    return en, zh


def _normalise(value):
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {
            key: _normalise(item)
            for key, item in value.items()
            if key not in _VOLATILE_KEYS
        }
    if isinstance(value, list):
        items = [_normalise(item) for item in value]
        if all(isinstance(item, int | str) for item in items):
            return sorted(items, key=str)  # many-to-many ids: order is irrelevant
        return items
    return value


def _snapshot(page, names) -> dict:
    data = page.serializable_data()
    return {name: _normalise(data.get(name)) for name in names}


def _apply(page, fields: dict):
    for name, value in fields.items():
        setattr(page, name, value)


def _publish_if_changed(page, fields: dict, *, created: bool) -> bool:
    """Apply `fields`; save a revision and publish only when something changed."""
    before = None if created else _snapshot(page, fields)
    _apply(page, fields)
    if (
        before is not None
        and page.live
        and not page.has_unpublished_changes
        and before == _snapshot(page, fields)
    ):
        return False
    page.save_revision().publish()
    return True


def upsert_page(parent: Page, model, *, slug: str, fields: dict):
    """Create or update the child of `parent` with this slug, and publish it."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, locale=parent.locale, title=fields["title"])
        _apply(page, fields)
        parent.add_child(instance=page)
        _publish_if_changed(page, fields, created=True)
        return page
    page = existing.specific
    _publish_if_changed(page, fields, created=False)
    return page


def upsert_translation(page, locale: Locale, *, fields: dict):
    """Create or update the translation of `page` into `locale`, and publish it."""
    translation = page.get_translation_or_none(locale)
    with transaction.atomic():
        created = translation is None
        if created:
            # Child objects that the translation's own fields replace are not
            # copied: they would be deleted at once, after Wagtail had queued a
            # reference-index task for each (which then fails, finding them gone).
            children = {r.get_accessor_name() for r in get_all_child_relations(page)}
            replaced = [name for name in fields if name in children]
            translation = page.copy_for_translation(
                locale, copy_parents=True, exclude_fields=replaced
            )
        translation = translation.specific
        _publish_if_changed(translation, fields, created=created)
    return translation


def ensure_home(model, *, fields: dict):
    """The English home page as the default site's root, replacing Wagtail's welcome page."""
    en, _zh = locales()
    root = Page.get_first_root_node()
    # Wagtail's migrations create a plain "Welcome" page (and a site) at slug "home".
    for welcome in root.get_children().filter(slug="home"):
        if welcome.specific_class is Page:
            welcome.delete()
    home = model.objects.filter(locale=en, depth=2).first()
    if home is None:
        home = model(slug="home", locale=en, title=fields["title"])
        _apply(home, fields)
        root.add_child(instance=home)
        _publish_if_changed(home, fields, created=True)
    else:
        _publish_if_changed(home, fields, created=False)
    site = Site.objects.filter(is_default_site=True).first()
    wanted = {
        "hostname": "localhost",
        "port": 80,
        "root_page_id": home.pk,
        "site_name": "Business Portal",
    }
    if site is None or any(getattr(site, k) != v for k, v in wanted.items()):
        Site.objects.update_or_create(is_default_site=True, defaults=wanted)
    return home


def update_or_create_quietly(model, *, lookup: dict, values: dict):
    """Like `update_or_create`, but saves only when a value differs (no signals)."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **values)
    changed = [
        name for name, value in values.items() if getattr(instance, name) != value
    ]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save(update_fields=changed)
    return instance
