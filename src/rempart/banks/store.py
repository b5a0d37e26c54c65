"""Hash banks: named lists of hashes of known abusive images, in SQLite or PostgreSQL.

A bank holds hashes only, never images:

* name (``[a-z0-9][a-z0-9_-]{0,63}``), ``source`` (one of SOURCES: who reported it), ``kind``
  (``block``: known abusive images; ``allow``: known false positives whose match cancels the
  block matches of the same image), its own PDQ ``threshold`` (Hamming distance, 31 by default
  as ThreatExchange recommends), ``min_quality`` (PDQ hashes below it are refused on add and
  never matched for this bank; 50 by default) and an ``enabled`` flag.
* entries: ``signal_type`` (``pdq``, ``md5``, ``sha256``: python-threatexchange's names), hex
  ``value``, PDQ ``quality`` (None when unknown, e.g. imported lists), ``note``, ``tags``,
  ``added_at``.

Public API (the contract other modules build on; `rempart.banks.formats` imports through it):

    store = BankStore("rempart.sqlite")                 # or BankStore("postgresql://...")
    store.create_bank(name, source=..., threshold=31, kind="block", min_quality=50, enabled=True)
    store.get_bank(name) / list_banks() / set_enabled / set_threshold / delete_bank
    store.add_hashes(name, rows) -> int                 # all-or-nothing; rows: HashRow or tuples
                                                        # (signal_type, value[, quality[, note[, tags]]])
    store.add_image(name, image) -> dict                # hashes of a DecodedImage (robust variants)
    store.remove(name, signal_type, value) -> bool
    store.withdraw(value, signal_type=None) -> list[(bank, signal_type)]   # from every bank
    store.all_entries(enabled_only=True, bank=None) -> list[BankEntry]
    store.version() / changes_since(version) / scan(on_page)   # for the matcher

`add_hashes` validates every row before writing any, and writes them in one transaction, so
an import with one bad row leaves the bank untouched.

SQL lives in backends (`SqliteBankBackend` here, `rempart.banks.postgres.PostgresBankBackend`);
`BankStore` validates and never writes SQL. The schema is an Alembic tree of its own
(rempart/storage/migrations/banks, run by `rempart.banks.schema` when a store opens). Every change to a bank or an entry appends a row
to the ``bank_changes`` log (by trigger, so even edits made with a SQL shell count); the
log's last row number is the store's version. A matcher polls the version and applies only
the rows after the one it has seen, so adding or withdrawing a hash never rebuilds an index.
The log keeps its last CHANGES_KEPT rows; a matcher that fell further behind rebuilds.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Protocol, Sequence

from rempart.errors import InputError, RempartError, StorageError
from rempart.request.images import DecodedImage
from rempart.signals.hashes.compute import PDQ_MIN_QUALITY, md5_hex, pdq_hash
from rempart.storage.sqlite import open_sqlite

BANK_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
SIGNAL_TYPES = ("pdq", "md5", "sha256")  # python-threatexchange's signal type names
ALGORITHMS = SIGNAL_TYPES  # v1 name
HEX_LENGTH = {"pdq": 64, "md5": 32, "sha256": 64}
SOURCES = ("victim", "trusted_flagger", "ncmec", "stopncii", "platform_takedown")
KINDS = ("block", "allow")
MAX_THRESHOLD = 96  # random PDQ hashes differ by ~128 bits; beyond ~40 false positives explode
DEFAULT_THRESHOLD = 31
DEFAULT_SOURCE = "platform_takedown"
CHANGES_KEPT = 100_000  # change-log rows kept for matchers catching up
MAX_NOTE = 1000
MAX_TAGS = 32
_HEX = re.compile(r"^[0-9a-f]+$")


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
    entries: int = 0  # number of hashes, all signal types
    pdq_entries: int = 0
    sha256_entries: int = 0
    md5_entries: int = 0
    kind: str = "block"
    min_quality: int = PDQ_MIN_QUALITY


@dataclass(frozen=True)
class BankEntry:
    id: int
    bank: str
    signal_type: str
    value: str
    quality: int | None
    note: str | None
    added_at: str
    tags: tuple[str, ...] = ()

    @property
    def algorithm(self) -> str:  # v1 name, kept for callers of the first API
        return self.signal_type


class HashRow(NamedTuple):
    """One hash to add. Plain tuples in this order are accepted too."""

    signal_type: str
    value: str
    quality: int | None = None
    note: str | None = None
    tags: tuple[str, ...] = ()


class Change(NamedTuple):
    """One row of the change log. op: 'add' / 'remove' (an entry) or 'bank' (a bank's settings)."""

    version: int
    op: str
    bank: str
    entry_id: int | None
    signal_type: str | None
    value: str | None


@dataclass(frozen=True)
class BankSnapshot:
    """A consistent read of the store: version, all banks and the (id, bank, type, value) rows."""

    version: int
    banks: dict[str, BankInfo]
    entries: list[tuple[int, str, str, str]] = field(default_factory=list)


class BankBackend(Protocol):
    """What a storage backend provides. Bank rows are (name, source, kind, threshold,
    min_quality, enabled, created_at[, n, n_pdq, n_md5, n_sha256]); entry rows are (id, bank,
    signal_type, value, quality, note, tags_json, added_at)."""

    path: str

    def close(self) -> None: ...
    def insert_bank(self, row: tuple) -> bool: ...
    def update_bank(self, name: str, **fields) -> bool: ...
    def delete_bank(self, name: str) -> bool: ...
    def banks(self, name: str | None = None, counts: bool = True) -> list[tuple]: ...
    def insert_entries(self, bank: str, rows: Sequence[tuple], added_at: str) -> int: ...
    def delete_entry(self, bank: str, signal_type: str, value: str) -> bool: ...
    def delete_value(self, value: str, signal_type: str | None) -> list[tuple[str, str]]: ...
    def entries(self, enabled_only: bool, bank: str | None) -> list[tuple]: ...
    def version(self) -> int: ...
    def changes_since(self, version: int, limit: int) -> list[tuple] | None: ...
    def scan(self, on_page: Callable[[list[tuple]], None], page: int) -> tuple[int, list[tuple]]: ...


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- SQLite backend

_COUNTS = (
    ", COUNT(e.id), COALESCE(SUM(e.signal_type='pdq'), 0), COALESCE(SUM(e.signal_type='md5'), 0), "
    "COALESCE(SUM(e.signal_type='sha256'), 0) FROM banks b LEFT JOIN bank_entries e ON e.bank = b.name "
)
_BANK_COLS = "b.name, b.source, b.kind, b.threshold, b.min_quality, b.enabled, b.created_at"


class SqliteBankBackend:
    """All SQL of the SQLite bank store. One connection, serialised by a lock."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._conn = open_sqlite(self.path, "bank store", foreign_keys=True)
        try:
            self._create()
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise StorageError(f"bank store {self.path!r} cannot be opened as an SQLite database: {e}") from None
        except BaseException:
            self._conn.close()
            raise

    def _create(self) -> None:
        from rempart.banks.schema import upgrade_sqlite

        upgrade_sqlite(self._conn)  # Alembic, its own version table; also upgrades pre-Alembic stores

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _tx(self, fn, *, write: bool):
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    out = fn(self._conn)
                    if write:
                        self._prune(self._conn)
                    self._conn.execute("COMMIT")
                    return out
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as e:
                raise StorageError(f"bank store {self.path!r}: {e}") from None

    @staticmethod
    def _prune(c: sqlite3.Connection) -> None:
        top = c.execute("SELECT COALESCE(MAX(version), 0) FROM bank_changes").fetchone()[0]
        cut = top - CHANGES_KEPT
        if cut > c.execute("SELECT value FROM bank_meta WHERE key='pruned_through'").fetchone()[0]:
            c.execute("DELETE FROM bank_changes WHERE version <= ?", (cut,))
            c.execute("UPDATE bank_meta SET value=? WHERE key='pruned_through'", (cut,))

    def insert_bank(self, row: tuple) -> bool:
        return self._tx(
            lambda c: c.execute(
                "INSERT OR IGNORE INTO banks(name, source, kind, threshold, min_quality, enabled, created_at) "
                "VALUES (?,?,?,?,?,?,?)", row).rowcount == 1,
            write=True,
        )

    def update_bank(self, name: str, **fields) -> bool:
        cols = ", ".join(f"{k}=?" for k in fields)  # keys come from BankStore, never from users
        return self._tx(
            lambda c: c.execute(f"UPDATE banks SET {cols} WHERE name=?", (*fields.values(), name)).rowcount == 1,
            write=True,
        )

    def delete_bank(self, name: str) -> bool:
        return self._tx(lambda c: c.execute("DELETE FROM banks WHERE name=?", (name,)).rowcount == 1, write=True)

    def banks(self, name: str | None = None, counts: bool = True) -> list[tuple]:
        where, args = ("WHERE b.name=? ", (name,)) if name is not None else ("", ())
        sql = ("SELECT " + _BANK_COLS + _COUNTS + where + "GROUP BY b.name ORDER BY b.name") if counts else (
            "SELECT " + _BANK_COLS + " FROM banks b " + where + "ORDER BY b.name")
        return self._tx(lambda c: c.execute(sql, args).fetchall(), write=False)

    def insert_entries(self, bank: str, rows: Sequence[tuple], added_at: str) -> int:
        def fn(c):
            if c.execute("SELECT 1 FROM banks WHERE name=?", (bank,)).fetchone() is None:
                raise LookupError(bank)
            cur = c.executemany(
                "INSERT OR IGNORE INTO bank_entries(bank, signal_type, value, quality, note, tags, added_at) "
                "VALUES (?,?,?,?,?,?,?)",
                [(bank, *r, added_at) for r in rows],
            )
            return cur.rowcount

        return self._tx(fn, write=True)

    def delete_entry(self, bank: str, signal_type: str, value: str) -> bool:
        return self._tx(
            lambda c: c.execute(
                "DELETE FROM bank_entries WHERE bank=? AND signal_type=? AND value=?", (bank, signal_type, value)
            ).rowcount == 1,
            write=True,
        )

    def delete_value(self, value: str, signal_type: str | None) -> list[tuple[str, str]]:
        sql, args = "DELETE FROM bank_entries WHERE value=?", [value]
        if signal_type is not None:
            sql, args = sql + " AND signal_type=?", [value, signal_type]
        return self._tx(lambda c: c.execute(sql + " RETURNING bank, signal_type", args).fetchall(), write=True)

    def entries(self, enabled_only: bool, bank: str | None) -> list[tuple]:
        sql = (
            "SELECT e.id, e.bank, e.signal_type, e.value, e.quality, e.note, e.tags, e.added_at "
            "FROM bank_entries e JOIN banks b ON b.name = e.bank WHERE 1=1"
        )
        args: list = []
        if enabled_only:
            sql += " AND b.enabled = 1"
        if bank is not None:
            sql += " AND e.bank = ?"
            args.append(bank)
        return self._tx(lambda c: c.execute(sql + " ORDER BY e.id", args).fetchall(), write=False)

    @staticmethod
    def _version(c: sqlite3.Connection) -> int:
        return c.execute(
            "SELECT MAX((SELECT COALESCE(MAX(version), 0) FROM bank_changes), "
            "(SELECT value FROM bank_meta WHERE key='pruned_through'))"
        ).fetchone()[0]

    def version(self) -> int:
        return self._tx(self._version, write=False)

    def changes_since(self, version: int, limit: int) -> list[tuple] | None:
        def fn(c):
            if version < c.execute("SELECT value FROM bank_meta WHERE key='pruned_through'").fetchone()[0]:
                return None
            rows = c.execute(
                "SELECT version, op, bank, entry_id, signal_type, value FROM bank_changes WHERE version > ? "
                "ORDER BY version LIMIT ?", (version, limit + 1)).fetchall()
            return None if len(rows) > limit else rows

        return self._tx(fn, write=False)

    def scan(self, on_page: Callable[[list[tuple]], None], page: int) -> tuple[int, list[tuple]]:
        """Version, bank settings and every (id, bank, signal_type, value, quality) row, by pages,
        all read in one transaction."""

        def fn(c):
            version = self._version(c)
            banks = c.execute("SELECT " + _BANK_COLS + " FROM banks b ORDER BY b.name").fetchall()
            cur = c.execute("SELECT id, bank, signal_type, value, quality FROM bank_entries ORDER BY id")
            while rows := cur.fetchmany(page):
                on_page(rows)
            return version, banks

        return self._tx(fn, write=False)


# --------------------------------------------------------------------------- the store


def _bank_info(row: tuple) -> BankInfo:
    name, source, kind, threshold, min_quality, enabled, created_at, *counts = row
    n, n_pdq, n_md5, n_sha = (int(x) for x in counts) if counts else (0, 0, 0, 0)
    return BankInfo(name, source, int(threshold), bool(enabled), created_at, n, n_pdq, n_sha, n_md5, kind,
                    int(min_quality))


def _entry(row: tuple) -> BankEntry:
    eid, bank, signal_type, value, quality, note, tags, added_at = row
    return BankEntry(int(eid), bank, signal_type, value, quality, note, added_at, tuple(json.loads(tags or "[]")))


def normalize_hash(signal_type: str, value: str, what: str = "hash") -> str:
    """Lower-case hex of the right length for the signal type; BankError(HASH_INVALID) if not."""
    if signal_type not in SIGNAL_TYPES:
        raise BankError(f"{what}: signal type must be one of {', '.join(SIGNAL_TYPES)}, got {signal_type!r:.40}",
                        code="HASH_INVALID")
    v = value.strip().lower() if isinstance(value, str) else value
    if not isinstance(v, str) or len(v) != HEX_LENGTH[signal_type] or not _HEX.fullmatch(v):
        raise BankError(f"{what}: {signal_type} must be {HEX_LENGTH[signal_type]} hex digits, got {value!r:.80}",
                        code="HASH_INVALID")
    return v


_PG_KEYWORDS = re.compile(r"^\s*(\w+\s*=\s*\S+\s*)+$")  # libpq "host=... dbname=..." form


def is_postgres_location(location: str | Path) -> bool:
    loc = str(location)
    return loc.startswith(("postgresql://", "postgres://")) or (
        bool(_PG_KEYWORDS.fullmatch(loc)) and ("dbname=" in loc or "host=" in loc))


def open_backend(location: str | Path) -> BankBackend:
    loc = str(location)
    if is_postgres_location(loc):
        from rempart.banks.postgres import PostgresBankBackend

        return PostgresBankBackend(loc)
    return SqliteBankBackend(loc)


class BankStore:
    """Named hash banks. Thread-safe. `location`: an SQLite file (may be the audit log's),
    ":memory:", or PostgreSQL: a postgresql:// URL or a libpq "host=... dbname=..." string."""

    def __init__(self, location: str | Path = ":memory:") -> None:
        self._db = open_backend(location)

    @property
    def path(self) -> str:
        return self._db.path

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "BankStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
    def _check_int(value: int, what: str, hi: int, code: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= hi:
            raise BankError(f"{what} must be an integer 0..{hi}, got {value!r}", code=code)
        return value

    def _require(self, name: str) -> BankInfo:
        rows = self._db.banks(self._check_name(name), counts=False)
        if not rows:
            known = ", ".join(r[0] for r in self._db.banks(counts=False)) or "none"
            raise UnknownBankError(f"unknown bank {name!r} (known: {known})")
        return _bank_info(rows[0])

    # banks

    def create_bank(self, name: str, source: str = DEFAULT_SOURCE, threshold: int = DEFAULT_THRESHOLD,
                    enabled: bool = True, *, kind: str = "block", min_quality: int = PDQ_MIN_QUALITY) -> BankInfo:
        self._check_name(name)
        self._check_int(threshold, "PDQ threshold", MAX_THRESHOLD, "BANK_THRESHOLD_INVALID")
        self._check_int(min_quality, "minimum PDQ quality", 100, "BANK_INVALID")
        if source not in SOURCES:
            raise BankError(f"bank source must be one of {', '.join(SOURCES)}, got {source!r:.80}",
                            code="BANK_SOURCE_INVALID")
        if kind not in KINDS:
            raise BankError(f"bank kind must be 'block' or 'allow', got {kind!r:.40}")
        if not self._db.insert_bank((name, source, kind, threshold, min_quality, bool(enabled), _now())):
            raise BankError(f"bank {name!r} already exists", code="BANK_EXISTS")
        return self.get_bank(name)

    def get_bank(self, name: str) -> BankInfo:
        self._check_name(name)
        rows = self._db.banks(name)
        if not rows:
            self._require(name)
        return _bank_info(rows[0])

    def list_banks(self) -> list[BankInfo]:
        return [_bank_info(r) for r in self._db.banks()]

    def bank_settings(self) -> dict[str, BankInfo]:
        """Banks without their entry counts (cheap, for matchers)."""
        return {r[0]: _bank_info(r) for r in self._db.banks(counts=False)}

    def set_enabled(self, name: str, enabled: bool) -> None:
        self._require(name)
        self._db.update_bank(name, enabled=bool(enabled))

    def set_threshold(self, name: str, threshold: int) -> None:
        self._require(name)
        self._db.update_bank(name, threshold=self._check_int(threshold, "PDQ threshold", MAX_THRESHOLD,
                                                             "BANK_THRESHOLD_INVALID"))

    def delete_bank(self, name: str) -> None:
        """Delete a bank and all its entries."""
        self._require(name)
        self._db.delete_bank(name)

    # entries

    def _check_row(self, i: int, h, min_quality: int) -> tuple:
        if isinstance(h, (str, bytes)) or not isinstance(h, Sequence) or not 2 <= len(h) <= 5:
            raise BankError(f"hash #{i}: expected (signal_type, value[, quality[, note[, tags]]]), got {h!r:.100}",
                            code="HASH_INVALID")
        signal_type, value, quality, note, tags = (*h, None, None, ())[:5]
        value = normalize_hash(signal_type, value, f"hash #{i}")
        if quality is not None:
            if isinstance(quality, bool) or not isinstance(quality, int) or not 0 <= quality <= 100:
                raise BankError(f"hash #{i}: quality must be an integer 0..100 or None, got {quality!r}",
                                code="HASH_INVALID")
            if signal_type == "pdq" and quality < min_quality:
                raise InputError(f"hash #{i}: PDQ quality {quality} is below the bank's minimum {min_quality}: "
                                 "too weak to match on (flat or featureless picture)", code="HASH_LOW_QUALITY")
        if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE):
            raise BankError(f"hash #{i}: note must be text of at most {MAX_NOTE} characters", code="HASH_INVALID")
        tags = tuple(tags or ())
        if len(tags) > MAX_TAGS or not all(isinstance(t, str) and 0 < len(t) <= 100 for t in tags):
            raise BankError(f"hash #{i}: tags must be at most {MAX_TAGS} short texts", code="HASH_INVALID")
        return signal_type, value, quality, note, json.dumps(list(tags))

    def add_hashes(self, bank: str, hashes: Iterable[Sequence], *, min_pdq_quality: int | None = None) -> int:
        """Add HashRow / (signal_type, value[, quality[, note[, tags]]]) rows in one transaction;
        returns how many were new (re-adding is a no-op). Every row is checked first: one bad
        row raises BankError/InputError with its number and nothing is written. A PDQ hash of
        known quality below the bank's minimum (or `min_pdq_quality`) is refused: weak hashes
        match unrelated flat pictures. Unknown quality (None) is accepted."""
        info = self._require(bank)
        floor = info.min_quality if min_pdq_quality is None else min_pdq_quality
        rows = [self._check_row(i, h, floor) for i, h in enumerate(hashes)]
        if not rows:
            return 0
        try:
            return self._db.insert_entries(bank, rows, _now())
        except LookupError:  # deleted meanwhile
            self._require(bank)
            raise

    def add_image(self, bank: str, image: DecodedImage, note: str | None = None, *,
                  encoded: bytes | None = None) -> dict:
        """Bank an image by its hashes: SHA-256 and MD5 of the file (MD5 when the encoded bytes
        are known: `image.source` or `encoded`), and PDQ of its first view plus the robust
        hasher's bank-side variants (unpadded, central crops).

        A picture whose PDQ quality is below the bank's minimum (flat, tiny, featureless) is
        refused with InputError(code="HASH_LOW_QUALITY") after its exact hashes are stored.
        """
        info = self._require(bank)
        exact: list[tuple] = [("sha256", image.sha256, None, note)]
        encoded = encoded if encoded is not None else getattr(image, "source", b"")
        if encoded:
            exact.append(("md5", md5_hex(encoded), None, note))
        added = self.add_hashes(bank, exact)
        pdq, quality = pdq_hash(image.views[0].pixels)
        if quality < info.min_quality:
            raise InputError(
                f"PDQ quality {quality} is below {info.min_quality}: the picture is too flat or small for a "
                f"perceptual hash; only its exact hashes were added to bank {bank!r}",
                code="HASH_LOW_QUALITY",
            )
        variants = [("original", pdq, quality)] + [v for v in robust_bank_variants(image) if v[1] != pdq]
        kept = [v for v in variants if v[2] >= info.min_quality]
        added += self.add_hashes(bank, [("pdq", h, q, note, (f"variant:{v}",)) for v, h, q in kept])
        return {"sha256": image.sha256, "pdq": pdq, "pdq_quality": quality, "added": added,
                "variants": [v for v, _, _ in kept]}

    def remove(self, bank: str, signal_type: str, value: str) -> bool:
        """Remove one hash from one bank; returns False when it was not there."""
        self._require(bank)
        return self._db.delete_entry(bank, signal_type, normalize_hash(signal_type, value))

    def withdraw(self, value: str, signal_type: str | None = None) -> list[tuple[str, str]]:
        """Remove a hash from every bank (a victim withdrawing a report). Returns the (bank,
        signal_type) pairs it was removed from. Matchers in every process stop matching it
        at their next version check (at most their refresh interval, 200 ms by default)."""
        if signal_type is None:
            v = value.strip().lower() if isinstance(value, str) else value
            types = [t for t in SIGNAL_TYPES if isinstance(v, str) and len(v) == HEX_LENGTH[t]]
            if not types:
                raise BankError(f"withdraw: expected a 32 or 64 hex digit hash, got {value!r:.80}",
                                code="HASH_INVALID")
            value = normalize_hash(types[0], value)
        else:
            value = normalize_hash(signal_type, value)
        return sorted(self._db.delete_value(value, signal_type))

    def all_entries(self, enabled_only: bool = True, bank: str | None = None) -> list[BankEntry]:
        if bank is not None:
            self._require(bank)
        return [_entry(r) for r in self._db.entries(enabled_only, bank)]

    # for matchers

    def version(self) -> int:
        """Changes whenever a bank or entry changes (in any process)."""
        return self._db.version()

    def changes_since(self, version: int, limit: int = 50_000) -> list[Change] | None:
        """Change-log rows after `version`, oldest first; None when the log no longer reaches
        back that far or holds more than `limit` rows (the caller should rebuild)."""
        rows = self._db.changes_since(int(version), limit)
        return None if rows is None else [Change(*r) for r in rows]

    def scan(self, on_page: Callable[[list[tuple]], None], page: int = 100_000) -> tuple[int, dict[str, BankInfo]]:
        """Feed every entry as (id, bank, signal_type, value, quality) rows, by pages, to
        `on_page`; returns the version and the banks of that same consistent read."""
        version, banks = self._db.scan(on_page, page)
        return version, {r[0]: _bank_info(r) for r in banks}

    def snapshot(self) -> BankSnapshot:
        """Version, all banks, and the (id, bank, signal_type, value) rows of enabled banks."""
        rows: list[tuple] = []
        version, banks = self.scan(lambda page: rows.extend(r[:4] for r in page))
        enabled = {n for n, b in banks.items() if b.enabled}
        return BankSnapshot(version, banks, [r for r in rows if r[1] in enabled])


def robust_bank_variants(image: DecodedImage) -> list[tuple[str, str, int]]:
    """(variant, pdq hex, quality) of the rotated/flipped/cropped variants to store for an
    image, from the robust hasher when it is installed; [] without it."""
    try:
        from rempart.signals.hashes import robust
    except ImportError:
        return []
    return [(v.variant, v.pdq, int(v.quality)) for v in robust.bank_hashes(image)]
