"""Fixtures shared by the whole suite.

The demo site is seeded once per test database (per xdist worker); tests run in a
transaction that is rolled back, so they all start from the same seeded state.
Transactional tests, which pytest-django runs last, must build what they need.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_by_default():
    """Each test starts in English: a view that activated Chinese must not leak
    into the next test's `reverse()` on the same worker."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def locales():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en"), Locale.objects.get(
        language_code="zh-hans"
    )
