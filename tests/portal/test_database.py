"""How the portal opens its embedded database."""

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper

SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"


@pytest.mark.skipif(not SQLITE, reason="the SQLite settings")
def test_sqlite_connections_write_ahead_and_read_through_a_memory_map(
    tmp_path, django_db_blocker
):
    database = DatabaseWrapper(
        {**settings.DATABASES["default"], "NAME": str(tmp_path / "portal.sqlite3")},
        alias="probe",
    )
    try:
        with django_db_blocker.unblock(), database.cursor() as cursor:
            pragmas = {}
            for name in ("journal_mode", "synchronous", "mmap_size"):
                cursor.execute(f"PRAGMA {name}")
                pragmas[name] = cursor.fetchone()[0]
    finally:
        database.close()
    assert pragmas == {"journal_mode": "wal", "synchronous": 1, "mmap_size": 268435456}
