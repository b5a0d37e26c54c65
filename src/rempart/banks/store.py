"""Hash banks: named lists of hashes of known abusive images (SQLite v1).

A bank holds hashes only (PDQ and SHA-256 hex), never images. Each bank has a PDQ match
threshold (Hamming distance, 31 by default as ThreatExchange recommends) and can be
disabled without deleting it.

SQL lives in `SqliteBankBackend`; `BankStore` validates and never writes SQL, so a
PostgreSQL backend can be added later. Every change to the two tables bumps a version
counter (by trigger, so even edits made with the sqlite3 shell count), which the detector
polls to know when to reload.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

from rempart.errors import InputError, RempartError, StorageError
from rempart.request.images import DecodedImage
from rempart.signals.hashes.compute import PDQ_MIN_QUALITY, normalize_hex256, pdq_hash
from rempart.storage.sqlite import open_sqlite

BANK_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
ALGORITHMS = ("pdq", "sha256")
MAX_THRESHOLD = 96  # random PDQ hashes differ by ~128 bits; beyond ~40 false positives explode
DEFAULT_THRESHOLD = 31


class BankError(RempartError):
    """A bank operation was refused: bad name, bad hash, duplicate bank."""

    code = "BANK_INVALID"
    http_status = 400


class UnknownBankError(BankError):
    code = "BANK_UNKNOWN"
    http_status = 404


@dataclass(frozen=True)  # no slots: the CLI renders these via __dict__
class BankInfo:
    name: str
    source: str
    threshold: int
    enabled: bool
    created_at: str
    entries: int = 0  # number of hashes, both algorithms
    pdq_entries: int = 0
    sha256_entries: int = 0


@dataclass(frozen=True)
class BankEntry:
    id: int
    bank: str
    algorithm: str
    value: str
    quality: int | None
    note: str | None
    added_at: str


@dataclass(frozen=True)
class BankSnapshot:
    """A consistent read of the store for the matcher: version plus entries of enabled banks."""

    version: int
    banks: dict[str, BankInfo]
    entries: list[tuple[int, str, str, str]]  # (id, bank, algorithm, value)


# --------------------------------------------------------------------------- SQLite backend

_SCHEMA = """
CREATE TABLE IF NOT EXISTS banks (
    name TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    threshold INTEGER NOT NULL,
    enabled INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bank_entries (
    id INTEGER PRIMARY KEY,
    bank TEXT NOT NULL REFERENCES banks(name) ON DELETE CASCADE,
    algorithm TEXT NOT NULL CHECK (algorithm IN ('pdq', 'sha256')),
    value TEXT NOT NULL,
    quality INTEGER,
    note TEXT,
    added_at TEXT NOT NULL,
    UNIQUE (bank, algorithm, value)
);
CREATE INDEX IF NOT EXISTS bank_entries_by_value ON bank_entries(algorithm, value);
CREATE TABLE IF NOT EXISTS banks_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT OR IGNORE INTO banks_version(id, version) VALUES (1, 0);
"""
_BUMP = "UPDATE banks_version SET version = version + 1 WHERE id = 1;"
_TRIGGERS = "\n".join(
    f"CREATE TRIGGER IF NOT EXISTS {t}_{op.lower()}_bumps_version AFTER {op} ON {t} BEGIN {_BUMP} END;"
    for t in ("banks", "bank_entries")
    for op in ("INSERT", "UPDATE", "DELETE")
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SqliteBankBackend:
    """All SQL of the bank store. One connection, serialised by a lock."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._conn = open_sqlite(self.path, "bank store", foreign_keys=True)
        try:
            self._conn.executescript(_SCHEMA + _TRIGGERS)
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise StorageError(f"bank store {self.path!r} cannot be opened as an SQLite database: {e}") from None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _tx(self, fn, *, write: bool):
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    out = fn(self._conn)
                    self._conn.execute("COMMIT")
                    return out
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as e:
                raise StorageError(f"bank store {self.path!r}: {e}") from None

    def insert_bank(self, name: str, source: str, threshold: int, enabled: bool, created_at: str) -> bool:
        def fn(c):
            cur = c.execute(
                "INSERT OR IGNORE INTO banks(name, source, threshold, enabled, created_at) VALUES (?,?,?,?,?)",
                (name, source, threshold, int(enabled), created_at),
            )
            return cur.rowcount == 1

        return self._tx(fn, write=True)

    def update_bank(self, name: str, **fields) -> bool:
        cols = ", ".join(f"{k}=?" for k in fields)  # keys come from BankStore, never from users
        return self._tx(
            lambda c: c.execute(f"UPDATE banks SET {cols} WHERE name=?", (*fields.values(), name)).rowcount == 1,
            write=True,
        )

    def delete_bank(self, name: str) -> bool:
        return self._tx(lambda c: c.execute("DELETE FROM banks WHERE name=?", (name,)).rowcount == 1, write=True)

    _BANK_SELECT = (
        "SELECT b.name, b.source, b.threshold, b.enabled, b.created_at, "
        "COUNT(e.id), COALESCE(SUM(e.algorithm='pdq'), 0), COALESCE(SUM(e.algorithm='sha256'), 0) "
        "FROM banks b LEFT JOIN bank_entries e ON e.bank = b.name "
    )

    def banks(self, name: str | None = None) -> list[tuple]:
        where, args = ("WHERE b.name=? ", (name,)) if name is not None else ("", ())
        sql = self._BANK_SELECT + where + "GROUP BY b.name ORDER BY b.name"
        return self._tx(lambda c: c.execute(sql, args).fetchall(), write=False)

    def insert_entries(self, bank: str, rows: Sequence[tuple], added_at: str) -> int:
        def fn(c):
            if c.execute("SELECT 1 FROM banks WHERE name=?", (bank,)).fetchone() is None:
                raise LookupError(bank)
            cur = c.executemany(
                "INSERT OR IGNORE INTO bank_entries(bank, algorithm, value, quality, note, added_at) "
                "VALUES (?,?,?,?,?,?)",
                [(bank, a, v, q, n, added_at) for a, v, q, n in rows],
            )
            return cur.rowcount

        return self._tx(fn, write=True)

    def delete_entry(self, bank: str, algorithm: str, value: str) -> bool:
        return self._tx(
            lambda c: c.execute(
                "DELETE FROM bank_entries WHERE bank=? AND algorithm=? AND value=?", (bank, algorithm, value)
            ).rowcount == 1,
            write=True,
        )

    def entries(self, enabled_only: bool, bank: str | None) -> list[tuple]:
        sql = (
            "SELECT e.id, e.bank, e.algorithm, e.value, e.quality, e.note, e.added_at "
            "FROM bank_entries e JOIN banks b ON b.name = e.bank WHERE 1=1"
        )
        args: list = []
        if enabled_only:
            sql += " AND b.enabled = 1"
        if bank is not None:
            sql += " AND e.bank = ?"
            args.append(bank)
        return self._tx(lambda c: c.execute(sql + " ORDER BY e.id", args).fetchall(), write=False)

    def version(self) -> int:
        with self._lock:
            try:
                return self._conn.execute("SELECT version FROM banks_version WHERE id=1").fetchone()[0]
            except sqlite3.Error as e:
                raise StorageError(f"bank store {self.path!r}: {e}") from None

    def snapshot(self) -> tuple[int, list[tuple], list[tuple]]:
        """Version, banks and entries of enabled banks, read in one transaction."""

        def fn(c):
            version = c.execute("SELECT version FROM banks_version WHERE id=1").fetchone()[0]
            banks = c.execute(self._BANK_SELECT + "GROUP BY b.name ORDER BY b.name").fetchall()
            rows = c.execute(
                "SELECT e.id, e.bank, e.algorithm, e.value FROM bank_entries e "
                "JOIN banks b ON b.name = e.bank WHERE b.enabled = 1 ORDER BY e.id"
            ).fetchall()
            return version, banks, rows

        return self._tx(fn, write=False)


# --------------------------------------------------------------------------- the store


def _bank_info(row: tuple) -> BankInfo:
    name, source, threshold, enabled, created_at, n, n_pdq, n_sha = row
    return BankInfo(name, source, int(threshold), bool(enabled), created_at, int(n), int(n_pdq), int(n_sha))


class BankStore:
    """Named hash banks. Thread-safe. `path` may be the audit log's file or its own."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self._db = SqliteBankBackend(path)

    @property
    def path(self) -> str:
        return self._db.path

    def close(self) -> None:
        self._db.close()

    # validation

    @staticmethod
    def _check_name(name: str) -> str:
        if not isinstance(name, str) or not BANK_NAME_RE.fullmatch(name):
            raise BankError(
                f"invalid bank name {name!r}: use 1-64 of a-z, 0-9, '_' and '-', starting with a letter or digit",
                code="BANK_NAME_INVALID",
            )
        return name

    @staticmethod
    def _check_threshold(threshold: int) -> int:
        if isinstance(threshold, bool) or not isinstance(threshold, int) or not 0 <= threshold <= MAX_THRESHOLD:
            raise BankError(f"PDQ threshold must be an integer 0..{MAX_THRESHOLD}, got {threshold!r}",
                            code="BANK_THRESHOLD_INVALID")
        return threshold

    def _require(self, name: str) -> BankInfo:
        rows = self._db.banks(self._check_name(name))
        if not rows:
            known = ", ".join(b.name for b in self.list_banks()) or "none"
            raise UnknownBankError(f"unknown bank {name!r} (known: {known})")
        return _bank_info(rows[0])

    # banks

    def create_bank(self, name: str, source: str = "platform", threshold: int = DEFAULT_THRESHOLD,
                    enabled: bool = True) -> BankInfo:
        self._check_name(name)
        self._check_threshold(threshold)
        if not isinstance(source, str) or not source.strip() or len(source) > 200:
            raise BankError(f"bank source must be a short non-empty text, got {source!r:.80}")
        if not self._db.insert_bank(name, source.strip(), threshold, bool(enabled), _now()):
            raise BankError(f"bank {name!r} already exists", code="BANK_EXISTS")
        return self.get_bank(name)

    def get_bank(self, name: str) -> BankInfo:
        return self._require(name)

    def list_banks(self) -> list[BankInfo]:
        return [_bank_info(r) for r in self._db.banks()]

    def set_enabled(self, name: str, enabled: bool) -> None:
        self._require(name)
        self._db.update_bank(name, enabled=int(bool(enabled)))

    def set_threshold(self, name: str, threshold: int) -> None:
        self._require(name)
        self._db.update_bank(name, threshold=self._check_threshold(threshold))

    def delete_bank(self, name: str) -> None:
        """Delete a bank and all its entries."""
        self._require(name)
        self._db.delete_bank(name)

    # entries

    def add_hashes(self, bank: str, hashes: Iterable[Sequence], *, min_pdq_quality: int = PDQ_MIN_QUALITY) -> int:
        """Add (algorithm, value[, quality[, note]]) tuples in one transaction; returns how many
        were new (re-adding is a no-op). A PDQ hash with a known quality below `min_pdq_quality`
        is refused: weak hashes match unrelated flat pictures."""
        self._check_name(bank)
        rows = []
        for i, h in enumerate(hashes):
            if isinstance(h, (str, bytes)) or not 2 <= len(h) <= 4:
                raise BankError(f"hash #{i}: expected (algorithm, value[, quality[, note]]), got {h!r:.100}",
                                code="HASH_INVALID")
            algorithm, value, quality, note = (*h, None, None)[:4]
            if algorithm not in ALGORITHMS:
                raise BankError(f"hash #{i}: algorithm must be one of {ALGORITHMS}, got {algorithm!r}",
                                code="HASH_INVALID")
            try:
                value = normalize_hex256(value, f"hash #{i} ({algorithm})")
            except ValueError as e:
                raise BankError(str(e), code="HASH_INVALID") from None
            if quality is not None:
                if isinstance(quality, bool) or not isinstance(quality, int) or not 0 <= quality <= 100:
                    raise BankError(f"hash #{i}: quality must be an integer 0..100 or None, got {quality!r}",
                                    code="HASH_INVALID")
                if algorithm == "pdq" and quality < min_pdq_quality:
                    raise InputError(f"hash #{i}: PDQ quality {quality} is below {min_pdq_quality}: too weak to "
                                     "match on", code="HASH_LOW_QUALITY")
            if note is not None and not isinstance(note, str):
                raise BankError(f"hash #{i}: note must be text", code="HASH_INVALID")
            rows.append((algorithm, value, quality, note))
        try:
            return self._db.insert_entries(bank, rows, _now())
        except LookupError:
            self._require(bank)  # raises UnknownBankError with the list of known banks
            raise

    def add_image(self, bank: str, image: DecodedImage, note: str | None = None) -> dict:
        """Bank an image by its hashes: SHA-256 of the encoded bytes and PDQ of its first view.

        The SHA-256 is always stored. A PDQ of quality below 50 (flat, tiny or featureless
        picture) is refused with InputError(code="HASH_LOW_QUALITY") after the SHA-256 is stored.
        """
        self._require(bank)
        pdq, quality = pdq_hash(image.views[0].pixels)
        added = self.add_hashes(bank, [("sha256", image.sha256, None, note)])
        if quality < PDQ_MIN_QUALITY:
            raise InputError(
                f"PDQ quality {quality} is below {PDQ_MIN_QUALITY}: the picture is too flat or small for a "
                f"perceptual hash; only its SHA-256 was added to bank {bank!r}",
                code="HASH_LOW_QUALITY",
            )
        added += self.add_hashes(bank, [("pdq", pdq, quality, note)])
        return {"sha256": image.sha256, "pdq": pdq, "pdq_quality": quality, "added": added}

    def remove(self, bank: str, algorithm: str, value: str) -> bool:
        """Remove one hash; returns False when it was not in the bank."""
        self._require(bank)
        if algorithm not in ALGORITHMS:
            raise BankError(f"algorithm must be one of {ALGORITHMS}, got {algorithm!r}", code="HASH_INVALID")
        try:
            value = normalize_hex256(value)
        except ValueError as e:
            raise BankError(str(e), code="HASH_INVALID") from None
        return self._db.delete_entry(bank, algorithm, value)

    def all_entries(self, enabled_only: bool = True, bank: str | None = None) -> list[BankEntry]:
        if bank is not None:
            self._require(bank)
        return [BankEntry(*r) for r in self._db.entries(enabled_only, bank)]

    # for the matcher

    def version(self) -> int:
        """Changes whenever a bank or entry changes (in any process)."""
        return self._db.version()

    def snapshot(self) -> BankSnapshot:
        version, banks, rows = self._db.snapshot()
        return BankSnapshot(version, {b.name: b for b in map(_bank_info, banks)}, rows)
