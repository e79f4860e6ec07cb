import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/en/", "/zh-hans/", "/en/sme/", "/en/enterprise/", "/zh-hans/government/"]
)
def test_seeded_pages_render(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"<main" in response.content


def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] in ("/en/", "/zh-hans/")
