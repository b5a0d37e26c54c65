"""Banks v2 under Alembic: named banks with kind/threshold/min_quality, their entries (signal
type, hex value, quality, note, tags), and the change log that matchers follow by version.

Three starting points, all ending at the same schema, in one transaction:

* an empty database (or an audit log file that holds no banks yet): everything is created;
* a bank store written before Alembic by bank schema v2 (the `bank_schema` table with version
  2): the tables are already right; `bank_schema` is dropped, this version table replaces it;
* a bank store of bank schema v1 (SQLite only: one `algorithm` column and a bare
  `banks_version` counter): the rows are copied into the v2 tables, keeping their entry ids
  (matchers key their indexes on them), and the v1 tables are dropped.

The banks keep their own version table (`bank_alembic_version`, see rempart.banks.schema), so
they evolve independently of the audit log even when both live in one SQLite file.

Revision ID: 0001_banks_v2
Revises:
"""

from sqlalchemy import inspect

from alembic import op

revision = "0001_banks_v2"
down_revision = None
branch_labels = ("banks",)
depends_on = None

LOCK_KEY = 0x52454D5042414E4B  # "REMPBANK": pg advisory lock serialising bank writers (see rempart.banks.postgres)

# ---------------------------------------------------------------- SQLite

SQLITE = [
    """CREATE TABLE IF NOT EXISTS banks (
    name TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'block' CHECK (kind IN ('block', 'allow')),
    threshold INTEGER NOT NULL,
    min_quality INTEGER NOT NULL DEFAULT 50,
    enabled INTEGER NOT NULL,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS bank_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: matchers key their index on it
    bank TEXT NOT NULL REFERENCES banks(name) ON DELETE CASCADE,
    signal_type TEXT NOT NULL CHECK (signal_type IN ('pdq', 'md5', 'sha256')),
    value TEXT NOT NULL,
    quality INTEGER,
    note TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    added_at TEXT NOT NULL,
    UNIQUE (bank, signal_type, value)
)""",
    "CREATE INDEX IF NOT EXISTS bank_entries_by_value ON bank_entries(value)",
    """CREATE TABLE IF NOT EXISTS bank_changes (
    version INTEGER PRIMARY KEY AUTOINCREMENT,
    op TEXT NOT NULL,
    bank TEXT NOT NULL,
    entry_id INTEGER,
    signal_type TEXT,
    value TEXT
)""",
    "CREATE TABLE IF NOT EXISTS bank_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO bank_meta(key, value) VALUES ('pruned_through', 0)",
    """CREATE TRIGGER IF NOT EXISTS bank_entries_insert_logged AFTER INSERT ON bank_entries BEGIN
    INSERT INTO bank_changes(op, bank, entry_id, signal_type, value) VALUES ('add', NEW.bank, NEW.id, NEW.signal_type, NEW.value);
END""",
    """CREATE TRIGGER IF NOT EXISTS bank_entries_delete_logged AFTER DELETE ON bank_entries BEGIN
    INSERT INTO bank_changes(op, bank, entry_id, signal_type, value) VALUES ('remove', OLD.bank, OLD.id, OLD.signal_type, OLD.value);
END""",
    """CREATE TRIGGER IF NOT EXISTS bank_entries_update_logged AFTER UPDATE ON bank_entries BEGIN
    INSERT INTO bank_changes(op, bank, entry_id, signal_type, value) VALUES ('remove', OLD.bank, OLD.id, OLD.signal_type, OLD.value);
    INSERT INTO bank_changes(op, bank, entry_id, signal_type, value) VALUES ('add', NEW.bank, NEW.id, NEW.signal_type, NEW.value);
END""",
] + [
    f"CREATE TRIGGER IF NOT EXISTS banks_{o.lower()}_logged AFTER {o} ON banks BEGIN "
    f"INSERT INTO bank_changes(op, bank) VALUES ('bank', {'OLD' if o == 'DELETE' else 'NEW'}.name); END"
    for o in ("INSERT", "UPDATE", "DELETE")
]

SQLITE_V1_MOVE = [
    "DROP TRIGGER IF EXISTS banks_insert_bumps_version",
    "DROP TRIGGER IF EXISTS banks_update_bumps_version",
    "DROP TRIGGER IF EXISTS banks_delete_bumps_version",
    "ALTER TABLE bank_entries RENAME TO bank_entries_v1",
    "ALTER TABLE banks RENAME TO banks_v1",
]
SQLITE_V1_COPY = [
    "INSERT INTO banks(name, source, threshold, enabled, created_at) "
    "SELECT name, source, threshold, enabled, created_at FROM banks_v1",
    "INSERT INTO bank_entries(id, bank, signal_type, value, quality, note, added_at) "
    "SELECT id, bank, algorithm, value, quality, note, added_at FROM bank_entries_v1",
    "DROP TABLE bank_entries_v1",
    "DROP TABLE banks_v1",
    "DROP TABLE banks_version",
]

# ---------------------------------------------------------------- PostgreSQL

POSTGRES = [
    """CREATE TABLE IF NOT EXISTS banks (
    name TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'block' CHECK (kind IN ('block', 'allow')),
    threshold INTEGER NOT NULL,
    min_quality INTEGER NOT NULL DEFAULT 50,
    enabled BOOLEAN NOT NULL,
    created_at TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS bank_entries (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bank TEXT NOT NULL REFERENCES banks(name) ON DELETE CASCADE,
    signal_type TEXT NOT NULL CHECK (signal_type IN ('pdq', 'md5', 'sha256')),
    value TEXT NOT NULL,
    quality INTEGER,
    note TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    added_at TEXT NOT NULL,
    UNIQUE (bank, signal_type, value)
)""",
    "CREATE INDEX IF NOT EXISTS bank_entries_by_value ON bank_entries(value)",
    """CREATE TABLE IF NOT EXISTS bank_changes (
    version BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    op TEXT NOT NULL,
    bank TEXT NOT NULL,
    entry_id BIGINT,
    signal_type TEXT,
    value TEXT
)""",
    "CREATE TABLE IF NOT EXISTS bank_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)",
    "INSERT INTO bank_meta(key, value) VALUES ('pruned_through', 0) ON CONFLICT DO NOTHING",
    # Change-log versions come from a sequence, whose values do not commit in order: the
    # advisory lock makes bank writers commit one after another, so versions appear in order.
    f"""CREATE OR REPLACE FUNCTION rempart_bank_entry_logged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({LOCK_KEY});
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO bank_changes(op, bank, entry_id, signal_type, value)
        VALUES ('remove', OLD.bank, OLD.id, OLD.signal_type, OLD.value);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO bank_changes(op, bank, entry_id, signal_type, value)
        VALUES ('add', NEW.bank, NEW.id, NEW.signal_type, NEW.value);
    END IF;
    RETURN NULL;
END $$""",
    f"""CREATE OR REPLACE FUNCTION rempart_bank_logged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({LOCK_KEY});
    INSERT INTO bank_changes(op, bank) VALUES ('bank', CASE WHEN TG_OP = 'DELETE' THEN OLD.name ELSE NEW.name END);
    RETURN NULL;
END $$""",
    "CREATE OR REPLACE TRIGGER bank_entries_logged AFTER INSERT OR UPDATE OR DELETE ON bank_entries "
    "FOR EACH ROW EXECUTE FUNCTION rempart_bank_entry_logged()",
    "CREATE OR REPLACE TRIGGER banks_logged AFTER INSERT OR UPDATE OR DELETE ON banks "
    "FOR EACH ROW EXECUTE FUNCTION rempart_bank_logged()",
]


def _legacy_version(bind) -> int | None:
    """The pre-Alembic `bank_schema` version, or None without that table."""
    if not inspect(bind).has_table("bank_schema"):
        return None
    row = bind.exec_driver_sql("SELECT version FROM bank_schema").fetchone()
    if row is not None and row[0] != 2:
        raise RuntimeError(f"bank schema version {row[0]}: this Rempart upgrades version 1 and 2 stores only")
    return 2


def upgrade() -> None:
    bind = op.get_bind()
    run = bind.exec_driver_sql  # plain DDL: no bind-parameter parsing of the trigger bodies
    legacy = _legacy_version(bind)
    if bind.dialect.name == "sqlite":
        v1 = legacy is None and inspect(bind).has_table("banks_version")
        for sql in (SQLITE_V1_MOVE if v1 else []) + SQLITE + (SQLITE_V1_COPY if v1 else []):
            run(sql)
    else:
        for sql in POSTGRES:
            run(sql)
    if legacy is not None:
        run("DROP TABLE bank_schema")


def downgrade() -> None:
    raise NotImplementedError("bank stores are upgraded only; restore a backup to go back")
