"""Idempotent building blocks of the demo site: find-or-create pages by slug,
publish them, and keep their Chinese translations in step."""

from django.db import transaction
from wagtail.models import Locale, Page, Site


def locales() -> tuple[Locale, Locale]:
    en, _ = Locale.objects.get_or_create(language_code="en")
    zh, _ = Locale.objects.get_or_create(language_code="zh-hans")
    return en, zh


def _apply(page, fields: dict):
    relations = {}
    for name, value in fields.items():
        if name.endswith("__m2m"):
            relations[name[: -len("__m2m")]] = value
        else:
            setattr(page, name, value)
    for name, value in relations.items():
        getattr(page, name).set(value)


def upsert_page(parent: Page, model, *, slug: str, fields: dict):
    """Create or update the child of `parent` with this slug, and publish it."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, locale=parent.locale, **_scalar(fields))
        _apply(page, _m2m(fields))
        parent.add_child(instance=page)
    else:
        page = existing.specific
        _apply(page, fields)
    page.save_revision().publish()
    return page


def upsert_translation(page, locale: Locale, *, fields: dict):
    """Create or update the translation of `page` into `locale`, and publish it."""
    translation = page.get_translation_or_none(locale)
    with transaction.atomic():
        if translation is None:
            translation = page.copy_for_translation(locale, copy_parents=True)
        translation = translation.specific
        _apply(translation, fields)
        translation.save_revision().publish()
    return translation


def _scalar(fields):
    return {k: v for k, v in fields.items() if not k.endswith("__m2m")}


def _m2m(fields):
    return {k: v for k, v in fields.items() if k.endswith("__m2m")}


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
        home = model(slug="home", locale=en, **fields)
        root.add_child(instance=home)
    else:
        _apply(home, fields)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Business Portal",
        },
    )
    return home
