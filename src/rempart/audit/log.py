"""Append-only, hash-chained audit log, on SQLite or PostgreSQL (rempart.storage).

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

  * Retention redacts records (`redact`): the payload goes, the hashes stay, so the chain and
    every Merkle proof still verify; see "redaction" below for what stays checkable.

The payload never holds images: `append` refuses bytes (and base64 data URIs); the gate
passes hashes and signals only.

SQL lives in the storage backends (`rempart.storage.base.AuditStore`); the chain logic in
`AuditLog` does not touch SQL.
"""

from __future__ import annotations

import binascii
import hashlib
import json
import math
import numbers
import re
import struct
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rempart.errors import AuditIntegrityError
from rempart.storage.base import AuditStore, WriteTx, open_audit_store
from rempart.storage.sqlite import SqliteAuditStore as SqliteAuditBackend  # noqa: F401  (public name, v1)


GENESIS_HASH = "0" * 64
MAX_PAYLOAD_BYTES = 256 * 1024  # a guard: audit records hold hashes and signals, not blobs
_KIND_RE = re.compile(r"^[a-z][a-z0-9_.:-]{0,63}$")
_HEX64_RE = re.compile(rb"^[0-9a-f]{64}$")


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
    "triggers_missing": "the append-only triggers had been dropped or altered",
    "unredacted": "a redacted record's payload was put back",
    "redaction_modified": "a redacted record's ts, kind, hashes or marker changed after its redaction",
    "redaction_unrecorded": "a payload was deleted without an audit.redaction record",
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



# --------------------------------------------------------------------------- redaction
# Retention deletes a record's payload but keeps everything a proof needs. Without the payload
# neither the chain hash nor the leaf hash of that record can be recomputed, so redaction stores
# the leaf hash in the row and a per-row tag binding (seq, ts, kind, record_hash, leaf_hash); the
# "audit.redaction" record appended in the same transaction commits to the SHA-256 of those tags.
# That record is chained and in the Merkle tree, so a later change to a redacted row (its ts,
# kind, hashes or marker), a payload put back, or a payload deleted without such a record, is
# found by verify() and named.

REDACTION_KIND = "audit.redaction"
_TAG_DOMAIN = b"rempart.audit.redaction.v1\n"
_TAG_FRAME = struct.Struct(">QII")
_LEAF_PREFIX = b"\x00"
_MAX_RANGES_PER_RECORD = 4000  # keeps one redaction record far below MAX_PAYLOAD_BYTES


def leaf_hash_raw(seq: int, ts: bytes, kind: bytes, payload: bytes) -> bytes:
    """RFC 6962 leaf hash of a record: SHA-256(0x00 || frame(seq, ts, kind, payload)); the
    chain's frame without the previous hash (see rempart.audit.tree)."""
    return hashlib.sha256(_LEAF_PREFIX + _FRAME.pack(seq, len(ts), len(kind), len(payload)) + ts + kind
                          + payload).digest()


def redaction_tag(seq: int, ts: bytes, kind: bytes, record_hash_hex: bytes, leaf: bytes) -> bytes:
    """What a redaction commits to for one row: everything that stays once the payload is gone."""
    return hashlib.sha256(_TAG_DOMAIN + _TAG_FRAME.pack(seq, len(ts), len(kind)) + ts + kind + record_hash_hex
                          + leaf).digest()


def compress_seqs(seqs: Iterable[int]) -> list[list[int]]:
    """Sorted seqs as inclusive [first, last] ranges: [1, 2, 3, 7] -> [[1, 3], [7, 7]]."""
    out: list[list[int]] = []
    for s in sorted(set(seqs)):
        if out and s == out[-1][1] + 1:
            out[-1][1] = s
        else:
            out.append([s, s])
    return out


def expand_ranges(ranges: Iterable[Iterable[int]]) -> Iterator[int]:
    for a, b in ranges:
        yield from range(a, b + 1)


class _Redaction:
    """One audit.redaction record, as verify() re-checks it."""

    __slots__ = ("seq", "ranges", "count", "digest", "hasher", "seen", "named")

    def __init__(self, seq: int, ranges: list[tuple[int, int]], count: int, digest: str) -> None:
        self.seq, self.ranges, self.count, self.digest = seq, ranges, count, digest
        self.hasher = hashlib.sha256()
        self.seen = 0
        self.named = False  # a per-row problem already names what went wrong

    @classmethod
    def parse(cls, seq: int, payload: str | bytes | None) -> "_Redaction | None":
        try:
            p = json.loads(payload)
            ranges = [(int(a), int(b)) for a, b in p["seqs"]]
            if any(a > b or a < 1 or b >= seq for a, b in ranges):
                return None
            return cls(seq, ranges, int(p["count"]), str(p["digest"]))
        except (TypeError, ValueError, KeyError):
            return None  # the chain check reports this record as modified/malformed

    def describe(self) -> str:
        spans = ", ".join(_span(a, b) for a, b in self.ranges[:3]) + (" …" if len(self.ranges) > 3 else "")
        return spans


class _RedactionIndex:
    """Which redaction record covers a seq; looked up in ascending seq order, O(1) amortised."""

    def __init__(self, entries: list[_Redaction]) -> None:
        self.entries = entries
        self.intervals = sorted((a, b, e) for e in entries for a, b in e.ranges)
        self._i = 0

    def covering(self, seq: int) -> _Redaction | None:
        iv, i = self.intervals, self._i
        while i < len(iv) and iv[i][1] < seq:
            i += 1
        self._i = i
        return iv[i][2] if i < len(iv) and iv[i][0] <= seq else None

    @property
    def next_start(self) -> float:
        """First seq that may be covered from the current position (inf when none)."""
        return self.intervals[self._i][0] if self._i < len(self.intervals) else math.inf


# --------------------------------------------------------------------------- the log


def _span(a: int, b: int) -> str:
    return f"record {a}" if a == b else f"records {a}..{b}"


def _utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


class AuditLog:
    """Tamper-evident, append-only log of gate decisions. Thread-safe.

    `path_or_url` is an SQLite file (or ":memory:") or a `postgresql://` URL.

    >>> log = AuditLog(":memory:")
    >>> log.append("decision", {"verdict": "block", "sha256": "ab" * 32})
    1
    >>> log.verify().ok
    True
    """

    def __init__(self, path_or_url: str | Path = ":memory:", *, clock: Callable[[], str] = _utc_now) -> None:
        self._backend: AuditStore = open_audit_store(path_or_url)
        self._clock = clock

    @property
    def path(self) -> str:
        return self._backend.path

    @property
    def storage(self) -> AuditStore:
        """The backend, for the Merkle tree that lives in the same database."""
        return self._backend

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
        with self._backend.write() as tx:
            rows = self._chain(tx, prepared)
            tx.insert(rows)
        return [r[0] for r in rows]

    def _chain(self, tx: WriteTx, prepared: list[tuple[str, str]]) -> list[tuple]:
        """Rows for `prepared` (kind, payload text) chained onto the head read in `tx`."""
        seq, prev = tx.head() or (0, GENESIS_HASH)
        rows, ts = [], self._clock()
        prev_raw = bytes.fromhex(prev)
        tsb = ts.encode()
        for kind, payload in prepared:
            seq += 1
            raw = _hash_raw(prev_raw, seq, tsb, kind.encode(), payload.encode())
            h = raw.hex()
            rows.append((seq, ts, kind, payload, prev, h))
            prev, prev_raw = h, raw
        return rows

    def redact(self, seqs: Iterable[int], reason: str) -> int:
        """Delete the payloads of records `seqs` (retention), keeping what every proof needs.

        In one transaction: each record is first checked against its chain hash (a tampered
        record is never laundered by redaction), its payload is replaced by '' and marked
        redacted, its leaf hash and redaction tag are stored, and one "audit.redaction" record
        {seqs: [[first, last], ...], count, reason, digest} is appended (several if the ranges
        are very fragmented). Already-redacted records and redaction records are skipped.
        Returns the number of records redacted. KeyError for a seq the log does not hold."""
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError("a redaction needs a reason")
        wanted = sorted({_as_seq(s) for s in seqs})
        if not wanted:
            return 0
        with self._backend.write() as tx:
            head = (tx.head() or (0, GENESIS_HASH))[0]
            if wanted[0] < 1 or wanted[-1] > head:
                bad = next(s for s in wanted if not 1 <= s <= head)
                raise KeyError(f"no audit record with seq {bad} (the log holds 1..{head})")
            rows = tx.fetch_for_redaction(wanted)
            if len(rows) != len(wanted):
                have = {r[0] for r in rows}
                raise AuditIntegrityError(f"seq {next(s for s in wanted if s not in have)}: record missing from "
                                          "the audit log (deleted?); refusing to redact")
            updates, tags = [], []
            for seq, ts, kind, payload, prev, stored, red in rows:
                if red or kind == REDACTION_KIND.encode():
                    continue
                if not _HEX64_RE.fullmatch(prev or b"") or \
                        _hash_raw(bytes.fromhex(prev.decode()), seq, ts, kind, payload).hex().encode() != stored:
                    raise AuditIntegrityError(f"seq {seq}: record does not match its chain hash (tampered?); "
                                              "refusing to redact it, run `rempart audit verify`")
                leaf = leaf_hash_raw(seq, ts, kind, payload)
                tag = redaction_tag(seq, ts, kind, stored, leaf)
                updates.append((leaf, tag, seq))
                tags.append((seq, tag))
            if not updates:
                return 0
            tx.redact(updates)
            records = []
            ranges = compress_seqs(s for s, _ in tags)
            by_seq = dict(tags)
            for i in range(0, len(ranges), _MAX_RANGES_PER_RECORD):
                part = ranges[i:i + _MAX_RANGES_PER_RECORD]
                digest = hashlib.sha256(b"".join(by_seq[s] for s in expand_ranges(part) if s in by_seq))
                count = sum(1 for s in expand_ranges(part) if s in by_seq)
                records.append((REDACTION_KIND, encode_payload(
                    {"seqs": part, "count": count, "reason": reason, "digest": digest.hexdigest()})))
            tx.insert(self._chain(tx, records))
        return len(updates)

    # reading

    @staticmethod
    def _row_dict(row: tuple) -> dict:
        seq, ts, kind, payload, prev, h, redacted, leaf = row
        if redacted:
            leaf_hex = bytes(leaf).hex() if leaf is not None else None
            body = None
        else:
            leaf_hex = leaf_hash_raw(seq, ts.encode(), kind.encode(), payload.encode()).hex()
            body = json.loads(payload)
        return {"seq": seq, "ts": ts, "kind": kind, "payload": body, "redacted": bool(redacted),
                "prev_hash": prev, "record_hash": h, "leaf_hash": leaf_hex}

    def get(self, seq: int) -> dict:
        row = self._backend.get(seq)
        if row is None:
            raise KeyError(f"no audit record with seq {seq}")
        return self._row_dict(row)

    def iter_records(self, start: int = 1, end: int | None = None) -> Iterator[dict]:
        """Records start..end (inclusive; end None = to the head) as dicts: seq, ts, kind,
        payload (None when redacted), redacted, prev_hash, record_hash, leaf_hash (hex)."""
        for page in self._backend.pages(start, end, raw=False):
            for row in page:
                yield self._row_dict(row)

    def iter_raw(self, start: int = 1, end: int | None = None) -> Iterator[tuple]:
        """The stored bytes, for verifiers: tuples (seq, ts, kind, payload, prev_hash, record_hash,
        redacted, leaf_hash, redaction_tag); text columns as UTF-8 bytes exactly as stored, leaf
        hash and tag set on redacted rows only. Streams in pages."""
        for page in self._backend.pages(start, end, raw=True):
            yield from page

    def iter_raw_pages(self, start: int = 1, end: int | None = None) -> Iterator[list[tuple]]:
        """`iter_raw` a page (list of rows) at a time: the fast path for whole-log scans."""
        return self._backend.pages(start, end, raw=True)

    def head(self) -> tuple[int, str]:
        """(seq, record_hash) of the last record; (0, GENESIS_HASH) when empty. Export it
        elsewhere regularly: it is what makes tail truncation detectable."""
        return self._backend.head() or (0, GENESIS_HASH)

    # verification

    def _redactions(self) -> list[_Redaction]:
        out = []
        for seq, payload in self._backend.rows_of_kind(REDACTION_KIND):
            r = _Redaction.parse(seq, payload)
            if r is not None:
                out.append(r)
        return out

    def verify(self, expected_head: tuple[int, str] | None = None, *, max_problems: int = 1000) -> VerifyReport:
        """Re-hash the whole chain, streaming, and re-check every redaction against the record
        that committed to it. Never raises for tampering (see the report); raises
        AuditIntegrityError when the database itself cannot be read."""
        report = ProblemCollector(max_problems)
        problems = report.problems

        triggers_ok = not self._backend.triggers_were_missing and self._backend.triggers_present()
        redactions = _RedactionIndex(self._redactions())
        next_red = redactions.next_start
        uncovered: list[int] = []  # redacted rows no known redaction record covers (yet)

        unhex, hash_raw, hex_ok, tag_of = binascii.unhexlify, _hash_raw, _HEX64_RE.fullmatch, redaction_tag
        prev_seq, prev_stored = 0, GENESIS_HASH.encode()  # stored hash (hex bytes) of the previous record
        prev_computed = GENESIS_HASH.encode()
        prev_modified = False
        prev_redacted = False
        recent: OrderedDict[bytes, int] = OrderedDict()  # stored hash -> seq, last few records
        dangling: dict[bytes, int] = {}  # prev_hash of badly linked records -> their seq
        checked = 0

        for page in self._backend.pages(1, None, raw=True):
            for seq, ts, kind, payload, prev, stored, red, leaf, tag in page:
                checked += 1
                if (ts is None or kind is None or payload is None or prev is None or stored is None
                        or not hex_ok(prev) or not hex_ok(stored) or not isinstance(seq, int)):
                    report(seq, "malformed", "a field is NULL or a hash is not 64 lowercase hex digits")
                    prev_seq, prev_stored, prev_computed, prev_modified = seq, stored or b"", b"", True
                    prev_redacted = False
                    continue

                covering = None
                if seq >= next_red:
                    covering = redactions.covering(seq)
                    next_red = redactions.next_start
                if red:
                    # The payload is gone: the chain hash cannot be recomputed. The stored hash is
                    # held by the next record's link; ts/kind/hashes by the tag and its digest.
                    computed, modified = stored, False
                    self._check_redacted(seq, ts, kind, payload, stored, red, leaf, tag, covering, report,
                                         uncovered, tag_of)
                else:
                    # 1. content: do the stored fields hash to the stored hash?
                    computed = hash_raw(unhex(prev), seq, ts, kind, payload).hex().encode()
                    modified = computed != stored
                    if modified:
                        report(seq, "modified", "changed: the stored fields do not hash to the stored record_hash")
                    if covering is not None:
                        covering.named = True
                        report(seq, "unredacted", f"payload put back after its redaction (recorded by seq "
                                                  f"{covering.seq})")

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
                    elif prev_redacted and not modified and prev_seq > 0:
                        # We hash correctly with our prev_hash, so the redacted record's stored hash moved.
                        if not any(p.seq == prev_seq for p in problems[-3:]):
                            report(prev_seq, "redaction_modified",
                                   "record_hash of this redacted record changed (the next record links elsewhere)")
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
                prev_redacted = bool(red)

        self._check_redaction_records(redactions, uncovered, report)

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
            report(0, "triggers_missing", "the append-only UPDATE/DELETE triggers had been dropped or altered "
                                          "(restored when the log was opened)")

        return VerifyReport(
            ok=report.count == 0, checked=checked, problems=problems, head=head,
            problems_truncated=report.truncated,
        )

    @staticmethod
    def _check_redacted(seq: int, ts: bytes, kind: bytes, payload: bytes, stored: bytes, red: Any, leaf: Any,
                        tag: Any, covering: _Redaction | None, report: ProblemCollector, uncovered: list[int],
                        tag_of: Callable[..., bytes]) -> None:
        if red != 1 or not isinstance(leaf, bytes) or len(leaf) != 32 or not isinstance(tag, bytes) \
                or len(tag) != 32:
            report(seq, "redaction_modified", "the redaction marker, leaf hash or tag of this record was altered")
            if covering is not None:
                covering.named = True
            return
        if payload != b"":
            report(seq, "unredacted", "a payload was put back into this redacted record")
            if covering is not None:
                covering.named = True
        computed = tag_of(seq, ts, kind, stored, leaf)
        if computed != tag:
            report(seq, "redaction_modified", "ts, kind, record_hash or leaf hash changed after redaction")
            if covering is not None:
                covering.named = True
        if covering is None:
            uncovered.append(seq)
        else:
            covering.hasher.update(computed)
            covering.seen += 1

    def _check_redaction_records(self, redactions: _RedactionIndex, uncovered: list[int],
                                 report: ProblemCollector) -> None:
        if uncovered:  # a redaction may have committed while we scanned: look again before blaming
            late = _RedactionIndex(self._redactions())
            for seq in uncovered:
                if late.covering(seq) is None:
                    report(seq, "redaction_unrecorded", "payload deleted without an audit.redaction record")
        for r in redactions.entries:
            if r.named:
                continue
            if r.seen != r.count or r.hasher.hexdigest() != r.digest:
                report(r.seq, "redaction_modified",
                       f"the redacted records ({r.describe()}) no longer match what this redaction record "
                       "committed to: their ts, kind or hashes were changed")


def _as_seq(s: Any) -> int:
    if isinstance(s, bool) or not isinstance(s, numbers.Integral):
        raise TypeError(f"seq must be an int, got {s!r}")
    return int(s)
