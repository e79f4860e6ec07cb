"""The demo seed: its content, its users and groups, and that it is idempotent."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision, WorkflowPage

from cms.models import (
    EventPage,
    HomePage,
    KnowledgeArticlePage,
    KnowledgeCategory,
    ProductPage,
    SegmentPage,
    SolutionPage,
)
from portal.support.models import (
    RequestEvent,
    SelfServedAttempt,
    ServiceRequest,
    SlaTimer,
)

pytestmark = pytest.mark.django_db


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "users": get_user_model().objects.count(),
        "categories": KnowledgeCategory.objects.count(),
        "service requests": ServiceRequest.objects.count(),
        "request events": RequestEvent.objects.count(),
        "sla timers": SlaTimer.objects.count(),
        "self-served": SelfServedAttempt.objects.count(),
    }


def test_seed_twice_changes_nothing():
    before = _counts()
    assert before["service requests"] > 0 and before["self-served"] > 0
    call_command("seed_demo", verbosity=0)
    assert _counts() == before


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_seed_content_in_each_language(language):
    def live(model):
        return model.objects.live().filter(locale__language_code=language).count()

    assert live(HomePage) == 1
    assert live(SegmentPage) == 3
    assert live(SolutionPage) >= 8
    assert live(ProductPage) == 15
    assert live(KnowledgeArticlePage) == 40
    assert live(EventPage) == 5


def test_products_cover_every_family_with_demo_and_manual():
    products = ProductPage.objects.filter(locale__language_code="en")
    assert set(products.values_list("family", flat=True)) == {
        "connectivity", "mobile", "cloud", "iot", "security", "uc",
    }  # fmt: skip
    assert products.filter(trial_available=True).exclude(trial_terms="").exists()
    assert products.filter(is_hot=True).exists()
    for product in products:
        assert 3 <= product.walkthrough_steps.count() <= 5, product
        assert product.manuals.exists(), product


def test_events_are_upcoming():
    from django.utils import timezone

    assert EventPage.objects.filter(starts_at__gt=timezone.now()).count() == 10


def test_moderation_workflow_on_both_home_pages():
    for home in HomePage.objects.all():
        assert (
            WorkflowPage.objects.get(page=home).workflow.name == "Moderators approval"
        )
        assert home.get_workflow().name == "Moderators approval"


def test_demo_users_one_per_role():
    User = get_user_model()
    editor = User.objects.get(email="editor@example-telecom.test")
    reviewer = User.objects.get(email="reviewer@example-telecom.test")
    admin = User.objects.get(email="admin@example-telecom.test")
    assert editor.check_password("editor-demo-2026")
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    assert list(reviewer.groups.values_list("name", flat=True)) == ["Moderators"]
    assert admin.is_superuser and not editor.is_superuser


def test_seed_prints_the_demo_credentials(capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "editor@example-telecom.test" in out
    assert "reviewer-demo-2026" in out
