"""Append-only, hash-chained audit log (SQLite v1).

Each record is chained to the previous one:

    record_hash = sha256(prev_hash_bytes || frame(seq, ts, kind, payload)).hexdigest()

where `prev_hash_bytes` is the 32 raw bytes of the previous record's hash (64 zeros, hex, for
the first record) and `frame` is an unambiguous length-prefixed encoding of the four stored
fields (see `record_hash`). `payload` is stored as canonical JSON text, so the hash covers
exactly the bytes kept in the database and an external tool can re-verify the file.

What verification can and cannot prove:
  * A changed byte in any field, a deleted middle record, swapped or reordered records are
    detected and the affected `seq` is named.
  * A truncated tail (the last N records deleted) leaves a valid, shorter chain. Only a head
    recorded elsewhere (`head()` exported to another system, a log line, a ticket) catches it:
    `verify(expected_head=(seq, hash))`.
  * Someone with write access who rewrites the whole chain from a point on is likewise only
    caught by an external head. Anchor heads outside the database.
  * Dropped append-only triggers are restored on open and reported by that opener's
    `verify()` (and logged); a later opener no longer sees that they were dropped.

The payload never holds images: `append` refuses bytes (and base64 data URIs); the gate
passes hashes and signals only.

SQL lives in `SqliteAuditBackend` so that a PostgreSQL backend can be added later; the
chain logic in `AuditLog` does not touch SQL.
"""

from __future__ import annotations

import binascii
import hashlib
import json
import logging
import math
import numbers
import re
import sqlite3
import struct
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rempart.errors import AuditIntegrityError, StorageError
from rempart.storage.sqlite import open_sqlite

_log = logging.getLogger(__name__)

GENESIS_HASH = "0" * 64
MAX_PAYLOAD_BYTES = 256 * 1024  # a guard: audit records hold hashes and signals, not blobs
_KIND_RE = re.compile(r"^[a-z][a-z0-9_.:-]{0,63}$")
_HEX64_RE = re.compile(rb"^[0-9a-f]{64}$")
_PAGE = 5000  # rows per read; bounds memory and lock hold time


# --------------------------------------------------------------------------- hashing


def canonical_json(obj: Any) -> str:
    """The one JSON form the log stores and hashes."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


_FRAME = struct.Struct(">QIII")


def _hash_raw(prev_raw: bytes, seq: int, ts: bytes, kind: bytes, payload: bytes) -> bytes:
    h = hashlib.sha256(prev_raw)
    h.update(_FRAME.pack(seq, len(ts), len(kind), len(payload)))
    h.update(ts)
    h.update(kind)
    h.update(payload)
    return h.digest()


def record_hash(prev_hash: str, seq: int, ts: str, kind: str, payload: str) -> str:
    """sha256(prev(32 raw bytes) || u64be seq || u32be len(ts) || u32be len(kind) || u32be len(payload)
    || ts || kind || payload), strings as UTF-8, `payload` the stored canonical JSON text."""
    return _hash_raw(
        bytes.fromhex(prev_hash), seq, ts.encode("utf-8"), kind.encode("utf-8"), payload.encode("utf-8")
    ).hex()


# --------------------------------------------------------------------------- payload guard


def _clean(value: Any, path: str) -> Any:
    """Check a payload is plain JSON data; refuse anything that could carry image bytes."""
    if value is None or isinstance(value, (bool, str)):
        if isinstance(value, str):
            if value.startswith("data:") and ";base64," in value[:200]:
                raise TypeError(f"audit payload {path} looks like a base64 data URI: images are never stored, pass hashes")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as e:
                raise TypeError(f"audit payload {path} is not valid Unicode text ({e.reason})") from None
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"audit payload {path} is {type(value).__name__}: the audit log never stores image bytes; "
            "pass hashes and signals (e.g. sha256/PDQ hex) instead"
        )
    if isinstance(value, numbers.Integral):
        return int(value)  # numpy integers included
    if isinstance(value, numbers.Real):
        f = float(value)
        if not math.isfinite(f):
            raise TypeError(f"audit payload {path} is {f}: not representable in JSON")
        return f
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(f"audit payload {path} has a non-string key {k!r}")
            out[k] = _clean(v, f"{path}[{k!r}]")
        return out
    if isinstance(value, (list, tuple)):
        return [_clean(v, f"{path}[{i}]") for i, v in enumerate(value)]
    raise TypeError(
        f"audit payload {path} is a {type(value).__module__}.{type(value).__name__}: only JSON data "
        "(dict, list, str, int, float, bool, None) is stored; never arrays or image data"
    )


def encode_payload(payload: dict) -> str:
    if not isinstance(payload, dict):
        raise TypeError(f"audit payload must be a dict, not {type(payload).__name__}")
    text = canonical_json(_clean(payload, "payload"))
    if len(text.encode("utf-8")) > MAX_PAYLOAD_BYTES:
        raise ValueError(f"audit payload is {len(text)} characters, over the {MAX_PAYLOAD_BYTES}-byte limit")
    return text


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)  # no slots: the CLI serialises these via __dict__
class Problem:
    """One verification finding. seq=0 means the log as a whole (schema, head)."""

    seq: int
    kind_of_problem: str  # see PROBLEM_KINDS
    message: str


class ProblemCollector:
    """Counts every finding but keeps at most `limit`, so a wrecked log cannot exhaust memory."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0
        self.problems: list[Problem] = []

    def __call__(self, seq: int, kind: str, msg: str) -> None:
        self.count += 1
        if len(self.problems) < self.limit:
            self.problems.append(Problem(seq, kind, msg))

    @property
    def truncated(self) -> bool:
        return self.count > len(self.problems)


PROBLEM_KINDS = {
    "modified": "stored fields do not hash to the stored record_hash",
    "record_hash_modified": "only the stored record_hash field was changed (the next record links to the true hash)",
    "broken_link": "prev_hash is not the previous record's record_hash",
    "reordered": "prev_hash points at another record than the previous one",
    "missing": "a gap in seq: records deleted",
    "bad_genesis": "first record does not start the chain",
    "malformed": "a field is not of the expected form (hex hash, UTF-8 text, integer seq)",
    "truncated": "the log ends before the expected head: tail deleted",
    "head_mismatch": "the record at the expected head seq has another hash",
    "triggers_missing": "the append-only triggers had been dropped",
}


class ProblemReport:
    """Shared by the verification reports: needs `ok` and `problems`; `subject` names what was verified."""

    subject = "audit log"
    ok: bool
    problems: list[Problem]

    @property
    def bad_seqs(self) -> list[int]:
        return sorted({p.seq for p in self.problems if p.seq > 0})

    def raise_if_failed(self) -> None:
        if not self.ok:
            first = "; ".join(f"seq {p.seq}: {p.kind_of_problem}" for p in self.problems[:5])
            raise AuditIntegrityError(
                f"{self.subject} failed verification: {len(self.problems)} problem(s), first: {first}"
            )


@dataclass
class VerifyReport(ProblemReport):
    ok: bool
    checked: int
    problems: list[Problem] = field(default_factory=list)
    head: tuple[int, str] = (0, GENESIS_HASH)  # last record seen (seq, stored hash)
    problems_truncated: bool = False  # more problems were found than reported



# --------------------------------------------------------------------------- SQLite backend

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_records (
    seq INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    record_hash TEXT NOT NULL
);
"""
_TRIGGERS = {
    "audit_records_no_update": "CREATE TRIGGER IF NOT EXISTS audit_records_no_update BEFORE UPDATE ON audit_records "
    "BEGIN SELECT RAISE(ABORT, 'rempart audit log is append-only: UPDATE refused'); END;",
    "audit_records_no_delete": "CREATE TRIGGER IF NOT EXISTS audit_records_no_delete BEFORE DELETE ON audit_records "
    "BEGIN SELECT RAISE(ABORT, 'rempart audit log is append-only: DELETE refused'); END;",
}


class SqliteAuditBackend:
    """All SQL of the audit log. Rows are (seq, ts, kind, payload, prev_hash, record_hash)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._conn = open_sqlite(self.path, "audit log")
        self._lock = threading.RLock()
        try:
            with self._lock:
                self._conn.execute(_SCHEMA)
                present = {
                    r[0]
                    for r in self._conn.execute(
                        "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_records'"
                    )
                }
                n = self._conn.execute("SELECT EXISTS(SELECT 1 FROM audit_records)").fetchone()[0]
                # Triggers missing on a non-empty log is evidence of tampering: remember it for verify().
                self.triggers_were_missing = bool(n) and not set(_TRIGGERS) <= present
                if self.triggers_were_missing:
                    _log.warning("audit log %s: append-only triggers were missing; restored them", self.path)
                for sql in _TRIGGERS.values():
                    self._conn.execute(sql)
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise StorageError(f"audit log {self.path!r} is not a usable database: {e}") from None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def triggers_present(self) -> bool:
        with self._lock:
            try:
                names = {r[0] for r in self._conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_records'")}
            except sqlite3.DatabaseError as e:
                raise AuditIntegrityError(f"audit log {self.path!r}: cannot read the schema: {e}") from None
        return set(_TRIGGERS) <= names

    def _fail(self, action: str, e: sqlite3.Error) -> StorageError:
        return StorageError(f"audit log {self.path!r}: {action} failed: {e}")

    def append(self, build: Callable[[int, str], list[tuple]]) -> list[tuple]:
        """In one write transaction: read the head, let `build(seq, hash)` make rows, insert them.

        BEGIN IMMEDIATE takes the write lock before reading the head, so two processes appending
        to the same file cannot fork the chain.
        """
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    seq, h = self._head()
                    rows = build(seq, h)
                    self._conn.executemany(
                        "INSERT INTO audit_records(seq, ts, kind, payload, prev_hash, record_hash) VALUES (?,?,?,?,?,?)",
                        rows,
                    )
                    self._conn.execute("COMMIT")
                    return rows
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as e:
                raise self._fail("append", e) from None

    def _head(self) -> tuple[int, str]:
        row = self._conn.execute("SELECT seq, record_hash FROM audit_records ORDER BY seq DESC LIMIT 1").fetchone()
        return (0, GENESIS_HASH) if row is None else (row[0], row[1])

    def head(self) -> tuple[int, str]:
        with self._lock:
            try:
                return self._head()
            except sqlite3.Error as e:
                raise self._fail("reading head", e) from None

    def get(self, seq: int) -> tuple | None:
        with self._lock:
            try:
                return self._conn.execute(
                    "SELECT seq, ts, kind, payload, prev_hash, record_hash FROM audit_records WHERE seq=?", (seq,)
                ).fetchone()
            except sqlite3.Error as e:
                raise self._fail(f"reading seq {seq}", e) from None

    def pages(self, start: int, raw: bool) -> Iterator[list[tuple]]:
        """Keyset-paginated scan by seq. raw=True returns every column as bytes (seq as int) so
        that verify hashes exactly the stored bytes, even invalid UTF-8."""
        cols = (
            "seq, CAST(ts AS BLOB), CAST(kind AS BLOB), CAST(payload AS BLOB), CAST(prev_hash AS BLOB), "
            "CAST(record_hash AS BLOB)"
            if raw
            else "seq, ts, kind, payload, prev_hash, record_hash"
        )
        sql = f"SELECT {cols} FROM audit_records WHERE seq >= ? ORDER BY seq LIMIT {_PAGE}"
        nxt = start
        while True:
            with self._lock:  # held per page only, so appends interleave with a long verify
                try:
                    rows = self._conn.execute(sql, (nxt,)).fetchall()
                except sqlite3.ProgrammingError as e:  # e.g. the log was closed: a bug, not corruption
                    raise StorageError(f"audit log {self.path!r}: {e}") from None
                except sqlite3.DatabaseError as e:
                    raise AuditIntegrityError(
                        f"audit log {self.path!r} is unreadable from seq {nxt} on (corrupt database file?): {e}"
                    ) from None
            if not rows:
                return
            yield rows
            last = rows[-1][0]
            if not isinstance(last, int):
                raise AuditIntegrityError(f"audit log {self.path!r}: non-integer seq {last!r} after seq {nxt}")
            if len(rows) < _PAGE:
                return
            nxt = last + 1


# --------------------------------------------------------------------------- the log


def _span(a: int, b: int) -> str:
    return f"record {a}" if a == b else f"records {a}..{b}"


def _utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


class AuditLog:
    """Tamper-evident, append-only log of gate decisions. Thread-safe.

    >>> log = AuditLog(":memory:")
    >>> log.append("decision", {"verdict": "block", "sha256": "ab" * 32})
    1
    >>> log.verify().ok
    True
    """

    def __init__(self, path: str | Path = ":memory:", *, clock: Callable[[], str] = _utc_now) -> None:
        self._backend = SqliteAuditBackend(path)
        self._clock = clock

    @property
    def path(self) -> str:
        return self._backend.path

    def close(self) -> None:
        self._backend.close()

    def __enter__(self) -> "AuditLog":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # writing

    def _prepare(self, kind: str, payload: dict) -> tuple[str, str]:
        if not isinstance(kind, str) or not _KIND_RE.fullmatch(kind):
            raise ValueError(f"audit kind must match {_KIND_RE.pattern}, got {kind!r}")
        return kind, encode_payload(payload)

    def append(self, kind: str, payload: dict) -> int:
        """Append one record in its own transaction; returns its seq."""
        return self.append_many([(kind, payload)])[0]

    def append_many(self, items: Iterable[tuple[str, dict]]) -> list[int]:
        """Append several records in one transaction (all or none); returns their seqs."""
        prepared = [self._prepare(k, p) for k, p in items]  # validate before taking the write lock
        if not prepared:
            return []

        def build(seq: int, prev: str) -> list[tuple]:
            rows, ts = [], self._clock()
            prev_raw = bytes.fromhex(prev)
            for kind, payload in prepared:
                seq += 1
                raw = _hash_raw(prev_raw, seq, ts.encode(), kind.encode(), payload.encode())
                h = raw.hex()
                rows.append((seq, ts, kind, payload, prev, h))
                prev, prev_raw = h, raw
            return rows

        return [r[0] for r in self._backend.append(build)]

    # reading

    @staticmethod
    def _row_dict(row: tuple) -> dict:
        seq, ts, kind, payload, prev, h = row
        return {"seq": seq, "ts": ts, "kind": kind, "payload": json.loads(payload), "prev_hash": prev, "record_hash": h}

    def get(self, seq: int) -> dict:
        row = self._backend.get(seq)
        if row is None:
            raise KeyError(f"no audit record with seq {seq}")
        return self._row_dict(row)

    def iter_records(self, start: int = 1) -> Iterator[dict]:
        for page in self._backend.pages(start, raw=False):
            for row in page:
                yield self._row_dict(row)

    def head(self) -> tuple[int, str]:
        """(seq, record_hash) of the last record; (0, GENESIS_HASH) when empty. Export it
        elsewhere regularly: it is what makes tail truncation detectable."""
        return self._backend.head()

    # verification

    def verify(self, expected_head: tuple[int, str] | None = None, *, max_problems: int = 1000) -> VerifyReport:
        """Re-hash the whole chain, streaming. Never raises for tampering (see the report);
        raises AuditIntegrityError when the file itself cannot be read."""
        report = ProblemCollector(max_problems)
        problems = report.problems

        triggers_ok = not self._backend.triggers_were_missing and self._backend.triggers_present()

        unhex, hash_raw, hex_ok = binascii.unhexlify, _hash_raw, _HEX64_RE.fullmatch
        prev_seq, prev_stored = 0, GENESIS_HASH.encode()  # stored hash (hex bytes) of the previous record
        prev_computed = GENESIS_HASH.encode()
        prev_modified = False
        recent: OrderedDict[bytes, int] = OrderedDict()  # stored hash -> seq, last few records
        dangling: dict[bytes, int] = {}  # prev_hash of badly linked records -> their seq
        checked = 0

        for page in self._backend.pages(1, raw=True):
            for seq, ts, kind, payload, prev, stored in page:
                checked += 1
                if (ts is None or kind is None or payload is None or prev is None or stored is None
                        or not hex_ok(prev) or not hex_ok(stored) or not isinstance(seq, int)):
                    report(seq, "malformed", "a field is NULL or a hash is not 64 lowercase hex digits")
                    prev_seq, prev_stored, prev_computed, prev_modified = seq, stored or b"", b"", True
                    continue

                # 1. content: do the stored fields hash to the stored hash?
                computed = hash_raw(unhex(prev), seq, ts, kind, payload).hex().encode()
                modified = computed != stored
                if modified:
                    report(seq, "modified", "changed: the stored fields do not hash to the stored record_hash")

                # 2. position: seq continuity and the link to the previous record
                if seq != prev_seq + 1:
                    missing = _span(prev_seq + 1, seq - 1)
                    if prev_seq == 0:
                        report(1, "bad_genesis", f"log starts at seq {seq}, not 1: {missing} missing (deleted)")
                    else:
                        report(prev_seq + 1, "missing", f"{missing} missing (deleted) before seq {seq}")
                elif prev != prev_stored:
                    if prev_modified and prev == prev_computed:
                        # The previous record's content is intact and we link to its true hash:
                        # only its record_hash field was edited. Re-label it instead of blaming us.
                        for i in range(len(problems) - 1, -1, -1):
                            if problems[i].seq == prev_seq and problems[i].kind_of_problem == "modified":
                                problems[i] = Problem(prev_seq, "record_hash_modified",
                                                      "record_hash field changed (the content itself is intact)")
                                break
                    elif prev_seq == 0:
                        report(seq, "bad_genesis", "seq 1 does not link to the genesis hash")
                    elif prev in recent:
                        report(seq, "reordered", f"links to seq {recent[prev]}, not to seq {prev_seq}: records moved")
                    else:
                        report(seq, "broken_link", f"prev_hash is not the record_hash of seq {prev_seq}")
                        dangling[prev] = seq
                if dangling and stored in dangling:
                    report(dangling.pop(stored), "reordered",
                           f"links to the record now at seq {seq} (later): records moved")

                recent[stored] = seq
                if len(recent) > 4096:
                    recent.popitem(last=False)
                prev_seq, prev_stored, prev_computed, prev_modified = seq, stored, computed, modified

        head = (prev_seq, prev_stored.decode("ascii", "replace"))
        if expected_head is not None:
            eseq, ehash = int(expected_head[0]), str(expected_head[1]).lower()
            if prev_seq < eseq:
                report(prev_seq + 1, "truncated",
                       f"log ends at seq {prev_seq} but the expected head is seq {eseq}: "
                       f"{_span(prev_seq + 1, eseq)} missing (tail deleted)")
            else:
                row = self._backend.get(eseq)
                if row is None or row[5] != ehash:
                    report(eseq, "head_mismatch", f"does not have the expected head hash {ehash[:16]}…: records rewritten")

        if not triggers_ok:  # listed last: record-level findings matter more to a reader
            report(0, "triggers_missing", "the append-only UPDATE/DELETE triggers had been dropped "
                                          "(restored when the log was opened)")

        return VerifyReport(
            ok=report.count == 0, checked=checked, problems=problems, head=head,
            problems_truncated=report.truncated,
        )
