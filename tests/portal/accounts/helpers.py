"""Sign-in helpers for view tests: a session that has just re-entered its password."""

from django.urls import reverse

# The password of tests.portal.companies.factories.UserFactory.
PASSWORD = "correct horse 42"  # noqa: S105 (test-only)


def reauthenticate(client, *, next_url: str = "", password: str = PASSWORD):
    """Confirm the password on allauth's reauthentication page, as a person would.

    With `next_url` the page resumes the request allauth suspended there (a POST is
    replayed); returns the page's response.
    """
    url = reverse("account_reauthenticate")
    if next_url:
        url += f"?next={next_url}"
    return client.post(url, {"password": password, "next": next_url})


def sign_in_recently(client, user) -> None:
    """Sign `user` in and confirm the password, so sensitive changes go through."""
    client.force_login(user)
    response = reauthenticate(client)
    assert response.status_code == 302, response.content[:500]
