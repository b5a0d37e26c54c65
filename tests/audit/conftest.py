"""Audit fixtures: the same tests run on SQLite and on PostgreSQL (through the shared `pg_dsn`)."""

import pytest


def pg_url_of(dsn: str) -> str:
    """`pg_dsn` is a key=value conninfo; AuditLog selects PostgreSQL by a postgresql:// URL."""
    from psycopg.conninfo import conninfo_to_dict

    d = conninfo_to_dict(dsn)
    auth = d.get("user", "postgres") + (f":{d['password']}" if d.get("password") else "")
    return f"postgresql://{auth}@{d.get('host', '127.0.0.1')}:{d.get('port', 5432)}/{d['dbname']}"


@pytest.fixture
def pg_url(pg_dsn):
    return pg_url_of(pg_dsn)


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    """An SQLite file path or a postgresql:// URL of a fresh database."""
    if request.param == "sqlite":
        return str(tmp_path / "audit.db")
    return pg_url_of(request.getfixturevalue("pg_dsn"))
