"""The Editors group edits content and nothing else; Moderators also publish."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from cms.models import KnowledgeCategory, ProductPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.get(email="editor@example-telecom.test")


@pytest.fixture
def reviewer():
    return get_user_model().objects.get(email="reviewer@example-telecom.test")


def test_editor_can_edit_content_but_not_publish(editor):
    product = ProductPage.objects.filter(locale__language_code="en").first()
    permissions = product.permissions_for_user(editor)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert editor.has_perm("wagtailadmin.access_admin")
    for codename in ("add_image", "change_image", "add_document", "change_document"):
        app = "wagtailimages" if "image" in codename else "wagtaildocs"
        assert editor.has_perm(f"{app}.{codename}")
    meta = KnowledgeCategory._meta
    assert editor.has_perm(f"{meta.app_label}.change_{meta.model_name}")


@pytest.mark.parametrize(
    "permission",
    [
        "accounts.change_user",
        "accounts.add_user",
        "auth.change_group",
        "wagtailcore.change_site",
        "wagtailcore.add_locale",
        "wagtailcore.add_workflow",
        "wagtailredirects.add_redirect",
    ],
)
def test_editor_cannot_administer(editor, permission):
    assert not editor.has_perm(permission)


def test_reviewer_can_publish(reviewer):
    product = ProductPage.objects.filter(locale__language_code="en").first()
    assert product.permissions_for_user(reviewer).can_publish()
    assert not reviewer.has_perm("accounts.change_user")


def test_editor_admin_has_no_user_or_settings_menu(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/users/").status_code in (302, 403)
    assert client.get("/admin/sites/").status_code in (302, 403)
    page = Page.objects.get(slug="products", locale__language_code="en")
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_editor_cannot_change_business_rules_kept_as_snippets(editor):
    from wagtail.snippets.models import get_snippet_models

    others = [m for m in get_snippet_models() if m._meta.app_label != "cms"]
    for model in others:
        meta = model._meta
        assert not editor.has_perm(f"{meta.app_label}.change_{meta.model_name}"), model
