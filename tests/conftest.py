"""Shared fixtures. Image fixtures are the benign sample photos bundled with the demo
(public-domain / CC0, no nudity, no children) or pictures drawn in the tests."""

from __future__ import annotations

import io
import os
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from PIL import Image

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "rempart" / "demo" / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def person_photo() -> bytes:
    """An adult woman's portrait (NASA astronaut, public domain)."""
    return (SAMPLES / "astronaut.jpg").read_bytes()


@pytest.fixture(scope="session")
def object_photo() -> bytes:
    """A cup of coffee: no person."""
    return (SAMPLES / "coffee.jpg").read_bytes()


def png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


# --------------------------------------------------------------------------- PostgreSQL
# PostgreSQL runs at 127.0.0.1 on developer machines and in CI. The PostgreSQL tests must run
# there, so an unreachable server is a test *error*, not a skip. Set REMPART_TEST_PG_DSN to
# point elsewhere; set REMPART_SKIP_PG=1 to skip them knowingly (never in CI).

PG_ADMIN_DSN = os.environ.get("REMPART_TEST_PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture
def pg_dsn() -> Iterator[str]:
    """A postgresql:// URL of a fresh, empty PostgreSQL database, dropped after the test."""
    if os.environ.get("REMPART_SKIP_PG") == "1":
        pytest.skip("REMPART_SKIP_PG=1")
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    name = f"rempart_t_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(PG_ADMIN_DSN, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as err:
        pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_DSN} ({err}); set REMPART_SKIP_PG=1 to skip knowingly")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    params = conninfo_to_dict(PG_ADMIN_DSN)
    auth = params.get("user", "postgres") + (f":{params['password']}" if params.get("password") else "")
    try:
        # A URL: Rempart's stores select PostgreSQL by the postgresql:// scheme.
        yield f"postgresql://{auth}@{params.get('host', '127.0.0.1')}:{params.get('port', 5432)}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
