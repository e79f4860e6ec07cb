"""The knowledge base import command."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cms.models import KnowledgeArticlePage
from tests.search.conftest import api

pytestmark = pytest.mark.django_db


def write(tmp_path, lines):
    path = tmp_path / "kb.jsonl"
    path.write_text(
        "\n".join(
            line if isinstance(line, str) else json.dumps(line) for line in lines
        ),
        encoding="utf-8",
    )
    return str(path)


GOOD = {
    "id": "kb-1",
    "title": "Activate roaming",
    "body": "Open the app.\n\nChoose roaming zvkmarker.",
    "language": "en",
    "category": "Mobile",
    "tags": ["roaming"],
    "segments": ["sme"],
}
GOOD_ZH = {
    **GOOD,
    "title": "开通漫游",
    "body": "打开应用 zvkmarker",
    "language": "zh-hans",
}


def test_good_and_bad_lines(tmp_path, client, search_index, capsys):
    path = write(
        tmp_path,
        [
            GOOD,
            "{not json",
            {**GOOD, "id": "kb-2", "language": "fr"},
            {**GOOD, "id": "kb-3", "segments": ["martians"]},
            GOOD_ZH,
            {**GOOD, "id": "", "title": "No id"},
        ],
    )
    with pytest.raises(CommandError) as failure:
        call_command("import_kb", path, verbosity=0)
    assert failure.value.returncode == 1
    errors = capsys.readouterr().err
    assert ":2: not valid JSON" in errors
    assert ':3: "language" must be one of' in errors
    assert ":4: unknown segments: martians" in errors
    assert ':6: "id" must be a non-empty string' in errors
    pages = KnowledgeArticlePage.objects.filter(external_id="kb-1")
    assert sorted(p.locale.language_code for p in pages) == ["en", "zh-hans"]
    assert all(p.live for p in pages)
    assert not KnowledgeArticlePage.objects.filter(external_id__in=["kb-2", "kb-3"])
    en = pages.get(locale__language_code="en")
    assert en.category.name == "Mobile"
    assert [t.name for t in en.tags.all()] == ["roaming"]
    assert api(client, q="zvkmarker")["total"] == 2


def test_import_is_idempotent_and_updates(tmp_path, client, search_index, capsys):
    path = write(tmp_path, [GOOD])
    call_command("import_kb", path, verbosity=0)
    call_command("import_kb", path, verbosity=0)
    assert "0 created, 0 updated, 1 unchanged" in capsys.readouterr().out.replace(
        "articles were ", ""
    )
    assert KnowledgeArticlePage.objects.filter(external_id="kb-1").count() == 1
    call_command(
        "import_kb",
        write(tmp_path, [{**GOOD, "title": "Turn on roaming"}]),
        verbosity=0,
    )
    page = KnowledgeArticlePage.objects.get(external_id="kb-1")
    assert page.title == "Turn on roaming"
    assert [r["title"] for r in api(client, q="zvkmarker")["results"]] == [
        "Turn on roaming"
    ]


def test_dry_run_writes_nothing(tmp_path, search_index, capsys):
    call_command("import_kb", write(tmp_path, [GOOD]), "--dry-run", verbosity=0)
    assert "1 articles would be created" in capsys.readouterr().out
    assert not KnowledgeArticlePage.objects.filter(external_id="kb-1").exists()


def test_missing_file_is_reported(search_index):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_kb", "/nonexistent/kb.jsonl", verbosity=0)
