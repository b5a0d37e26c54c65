"""Audit v1: the hash-chained records table and its append-only triggers.

Files written by audit v1 (before Alembic) already hold this schema and have no version table;
upgrading them runs this revision as a no-op (the table exists, nothing is touched: a trigger an
attacker dropped stays dropped, so the store still reports it) and then 0002.

Revision ID: 0001_audit_v1
Revises:
"""

from alembic import op

revision = "0001_audit_v1"
down_revision = None
branch_labels = None
depends_on = None

SQLITE = [
    """CREATE TABLE audit_records (
    seq INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    record_hash TEXT NOT NULL
)""",
    "CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records "
    "BEGIN SELECT RAISE(ABORT, 'rempart audit log is append-only: UPDATE refused'); END",
    "CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records "
    "BEGIN SELECT RAISE(ABORT, 'rempart audit log is append-only: DELETE refused'); END",
]

POSTGRES = [
    """CREATE TABLE audit_records (
    seq BIGINT PRIMARY KEY,
    ts TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    record_hash TEXT NOT NULL
)""",
    # Triggers are created in 0002, in their final form: PostgreSQL never had audit v1.
]


def _has_table(name: str) -> bool:
    from sqlalchemy import inspect

    return inspect(op.get_bind()).has_table(name)


def upgrade() -> None:
    if _has_table("audit_records"):
        return  # an audit v1 file: keep it exactly as it is
    for sql in SQLITE if op.get_bind().dialect.name == "sqlite" else POSTGRES:
        op.execute(sql)


def downgrade() -> None:
    raise NotImplementedError("the audit store is append-only: no downgrade")
