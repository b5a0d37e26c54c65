"""Audit v2: redaction columns, the Merkle tree tables, and triggers that let exactly one
UPDATE through (retention's redaction). No record is rewritten or re-hashed.

  audit_records  + redacted (0/1), leaf_hash, redaction_tag (set on redacted rows only)
                 + a partial index over the audit.redaction records (verify reads them first)
  merkle_leaves(seq, leaf_hash), merkle_nodes(level, idx, hash)   (may exist from audit v1's tree)

A trigger that is missing when this runs is left missing: the store then reports it as
tampering and restores it, instead of this migration hiding it.

Revision ID: 0002_audit_v2
Revises: 0001_audit_v1
"""

from alembic import op
from sqlalchemy import inspect

revision = "0002_audit_v2"
down_revision = "0001_audit_v1"
branch_labels = None
depends_on = None

REDACTION_INDEX = ("CREATE INDEX IF NOT EXISTS audit_records_redactions ON audit_records (seq) "
                   "WHERE kind = 'audit.redaction'")

# ---------------------------------------------------------------- SQLite

SQLITE_V1_UPDATE_TRIGGER = ("CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records "
                            "BEGIN SELECT RAISE(ABORT, 'rempart audit log is append-only: UPDATE refused'); END")
SQLITE_REDACTION_ONLY = (
    "OLD.redacted = 0 AND NEW.redacted = 1 AND NEW.payload = '' AND NEW.seq = OLD.seq "
    "AND NEW.ts IS OLD.ts AND NEW.kind IS OLD.kind AND NEW.prev_hash IS OLD.prev_hash "
    "AND NEW.record_hash IS OLD.record_hash AND OLD.leaf_hash IS NULL AND OLD.redaction_tag IS NULL "
    "AND typeof(NEW.leaf_hash) = 'blob' AND length(NEW.leaf_hash) = 32 "
    "AND typeof(NEW.redaction_tag) = 'blob' AND length(NEW.redaction_tag) = 32 "
    "AND OLD.kind <> 'audit.redaction'"
)
SQLITE_UPDATE_TRIGGER = ("CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records "
                         f"WHEN NOT ({SQLITE_REDACTION_ONLY}) "
                         "BEGIN SELECT RAISE(ABORT, 'rempart audit log is append-only: UPDATE refused'); END")
SQLITE_TREE = {
    "merkle_leaves": "CREATE TABLE merkle_leaves (seq INTEGER PRIMARY KEY, leaf_hash BLOB NOT NULL)",
    "merkle_nodes": ("CREATE TABLE merkle_nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, "
                     "PRIMARY KEY (level, idx)) WITHOUT ROWID"),
}


def _sqlite_tree_triggers(table: str) -> list[str]:
    return [f"CREATE TRIGGER {table}_no_{op_.lower()} BEFORE {op_} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'rempart Merkle tree is append-only: {op_} refused'); END"
            for op_ in ("UPDATE", "DELETE")]


def _upgrade_sqlite(bind) -> None:
    cols = {c["name"] for c in inspect(bind).get_columns("audit_records")}
    for name, decl in (("redacted", "INTEGER NOT NULL DEFAULT 0"), ("leaf_hash", "BLOB"),
                       ("redaction_tag", "BLOB")):
        if name not in cols:
            op.execute(f"ALTER TABLE audit_records ADD COLUMN {name} {decl}")
    op.execute(REDACTION_INDEX)
    row = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type='trigger' "
                               "AND name='audit_records_no_update'").fetchone()
    if row is not None and row[0] == SQLITE_V1_UPDATE_TRIGGER:
        op.execute("DROP TRIGGER audit_records_no_update")
        op.execute(SQLITE_UPDATE_TRIGGER)
    for table, ddl in SQLITE_TREE.items():
        if not inspect(bind).has_table(table):
            op.execute(ddl)
            for sql in _sqlite_tree_triggers(table):
                op.execute(sql)


# ---------------------------------------------------------------- PostgreSQL

PG_FUNCTIONS = {
    "rempart_audit_no_update": """
BEGIN
  IF OLD.redacted = 0 AND NEW.redacted = 1 AND NEW.payload = ''
     AND NEW.seq = OLD.seq AND NEW.ts = OLD.ts AND NEW.kind = OLD.kind
     AND NEW.prev_hash = OLD.prev_hash AND NEW.record_hash = OLD.record_hash
     AND OLD.leaf_hash IS NULL AND OLD.redaction_tag IS NULL
     AND octet_length(NEW.leaf_hash) = 32 AND octet_length(NEW.redaction_tag) = 32
     AND OLD.kind <> 'audit.redaction' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'rempart audit log is append-only: UPDATE refused';
END
""",
    "rempart_append_only": """
BEGIN
  RAISE EXCEPTION 'rempart % is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
""",
}
# name -> (table, timing/events, per, function)
PG_TRIGGERS = {
    "audit_records_no_update": ("audit_records", "BEFORE UPDATE", "ROW", "rempart_audit_no_update"),
    "audit_records_no_delete": ("audit_records", "BEFORE DELETE", "ROW", "rempart_append_only"),
    "audit_records_no_truncate": ("audit_records", "BEFORE TRUNCATE", "STATEMENT", "rempart_append_only"),
    **{f"{t}_no_{o.lower()}": (t, f"BEFORE {o}", "STATEMENT" if o == "TRUNCATE" else "ROW", "rempart_append_only")
       for t in ("merkle_leaves", "merkle_nodes") for o in ("UPDATE", "DELETE", "TRUNCATE")},
}


def _upgrade_postgres() -> None:
    op.execute("ALTER TABLE audit_records ADD COLUMN redacted SMALLINT NOT NULL DEFAULT 0, "
               "ADD COLUMN leaf_hash BYTEA, ADD COLUMN redaction_tag BYTEA")
    op.execute(REDACTION_INDEX)
    op.execute("CREATE TABLE merkle_leaves (seq BIGINT PRIMARY KEY, leaf_hash BYTEA NOT NULL)")
    op.execute("CREATE TABLE merkle_nodes (level INTEGER NOT NULL, idx BIGINT NOT NULL, hash BYTEA NOT NULL, "
               "PRIMARY KEY (level, idx))")
    for name, body in PG_FUNCTIONS.items():
        op.execute(f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body${body}$body$")
    for name, (table, when, per, fn) in PG_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} ON {table} FOR EACH {per} EXECUTE FUNCTION {fn}()")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _upgrade_sqlite(bind)
    else:
        _upgrade_postgres()


def downgrade() -> None:
    raise NotImplementedError("the audit store is append-only: no downgrade")
