"""Legal holds, kept as records of the audit log itself.

A hold is created, changed and released by appending records of kind `hold.create`,
`hold.change` and `hold.release`; the current state of every hold is a fold over those
records (`HoldFold`). So each step is audited, ordered and as tamper-evident as the log, and
nothing outside the log can silently lift a hold. Records of kind `hold.*` are never subject
to retention (see `rempart.audit.retention`).

A hold has a scope (`HoldScope`): accounts (`payload.account_id`), a time range over the
record's `ts`, features (payload fields such as mode, stage, tier, policy, client.app) and a
query (`rempart.audit.query`). A record is in scope when it satisfies every criterion given
(several accounts, or several values of one feature, are alternatives). A hold is active from
its creation until it is released or its until-date passes; an expired hold no longer
protects anything and its records return to normal retention.

A redacted `hold.*` record would make a hold's scope unknowable, so folding one raises
AuditIntegrityError: retention then refuses to run (fail closed).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Iterator

from rempart.audit.query import Literal, RecordQuery, _equal, _reach
from rempart.errors import AuditIntegrityError, RempartError
from rempart.timeutil import utc_instant

HOLD_CREATE, HOLD_CHANGE, HOLD_RELEASE = "hold.create", "hold.change", "hold.release"
HOLD_KINDS = (HOLD_CREATE, HOLD_CHANGE, HOLD_RELEASE)
_FEATURE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$")
_MAX_TEXT = 2000


class HoldError(RempartError):
    """A hold request is invalid (bad date, empty scope, unknown or released hold)."""

    code = "HOLD_INVALID"
    http_status = 422


class UnknownHoldError(HoldError):
    code = "HOLD_NOT_FOUND"
    http_status = 404


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def parse_instant(text: str | datetime, *, end_of_day: bool = False, what: str = "date") -> datetime:
    """An ISO 8601 date or date-time as an aware UTC datetime. A bare date means its start
    (00:00 UTC), or with `end_of_day` the start of the next day, so `--to 2026-03-31` and
    `--until 2026-12-31` include that whole day. A time without offset is UTC."""
    try:
        d = utc_instant(text)
    except ValueError:
        raise HoldError(f"{what} {str(text).strip()!r} is not an ISO 8601 date (YYYY-MM-DD) or date-time") from None
    if end_of_day and isinstance(text, str) and len(text.strip()) == 10:
        d += timedelta(days=1)
    return d


def iso(d: datetime) -> str:
    return d.astimezone(timezone.utc).isoformat(timespec="seconds")


def record_instant(record: dict) -> datetime | None:
    try:
        return parse_instant(record["ts"], what="record ts")
    except (HoldError, KeyError, TypeError):
        return None


# --------------------------------------------------------------------------- reading the log fast


def _text_of(v: Any) -> str:
    return bytes(v).decode("utf-8", "replace") if isinstance(v, (bytes, bytearray, memoryview)) else str(v)


def scan_log(log: Any, start: int = 1, end: int | None = None) -> Iterator[tuple[int, str, str, bool, Any]]:
    """(seq, ts, kind, redacted, payload_source) for every record, cheaply: the payload is left
    unparsed (pass it to `load_payload`), since whole-log passes only need most records' kind
    and ts. Uses the log's raw pages where it has them, else its record dicts."""
    pages = getattr(log, "iter_raw_pages", None)
    if pages is None:
        for r in log.iter_records(start, end):
            yield r["seq"], r["ts"], r["kind"], bool(r.get("redacted")), r
        return
    for page in pages(start, end):
        for row in page:  # (seq, ts, kind, payload, prev_hash, record_hash, redacted, ...) as bytes
            yield row[0], _text_of(row[1]), _text_of(row[2]), bool(row[6]), row


def load_payload(source: Any) -> Any:
    if isinstance(source, dict):
        return source.get("payload")
    raw = source[3]
    return None if source[6] or raw is None else json.loads(bytes(raw))


def scanned_record(seq: int, ts: str, kind: str, redacted: bool, source: Any) -> dict:
    """The record dict a scope matches against (seq, ts, kind, payload, redacted)."""
    return {"seq": seq, "ts": ts, "kind": kind, "redacted": redacted,
            "payload": None if redacted else load_payload(source)}


# --------------------------------------------------------------------------- scope


@dataclass(frozen=True)
class HoldScope:
    """What a hold preserves. All given criteria must hold; an empty scope is refused unless
    `everything` says so explicitly (an order to preserve every record)."""

    accounts: tuple[str, ...] = ()
    ts_from: str | None = None  # inclusive, ISO UTC
    ts_to: str | None = None  # exclusive, ISO UTC
    features: tuple[tuple[str, str], ...] = ()  # (payload path, value)
    query: str | None = None
    everything: bool = False
    _compiled: Any = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "accounts", tuple(str(a) for a in self.accounts))
        object.__setattr__(self, "features", tuple((str(k), str(v)) for k, v in self.features))
        for key, _ in self.features:
            if not _FEATURE_KEY.fullmatch(key):
                raise HoldError(f"feature {key!r} is not a payload field name (e.g. mode, stage, client.app)")
        lo = parse_instant(self.ts_from, what="--from") if self.ts_from else None
        hi = parse_instant(self.ts_to, end_of_day=True, what="--to") if self.ts_to else None
        if lo and hi and lo >= hi:
            raise HoldError(f"time range is empty: from {iso(lo)} is not before to {iso(hi)}")
        if not (self.accounts or lo or hi or self.features or self.query or self.everything):
            raise HoldError("a hold needs a scope: accounts, a time range, a feature or a query "
                            "(or `everything` to preserve every record)")
        groups: dict[str, list[Literal]] = {}
        for key, value in self.features:
            groups.setdefault(key, []).append(Literal(value, True))
        compiled = (lo, hi, frozenset(self.accounts),
                    [(tuple(k.split(".")), lits) for k, lits in groups.items()],
                    RecordQuery(self.query) if self.query else None)
        object.__setattr__(self, "_compiled", compiled)

    def matches(self, record: dict) -> bool:
        if self.everything:
            return True
        lo, hi, accounts, features, query = self._compiled
        payload = record.get("payload")
        if accounts:
            if not isinstance(payload, dict) or str(payload.get("account_id")) not in accounts \
                    or payload.get("account_id") is None:
                return False
        if lo or hi:
            t = record_instant(record)
            if t is None or (lo and t < lo) or (hi and t >= hi):
                return False
        for path, lits in features:
            found = _reach(payload, path)
            if not any(_equal(v, lit) for v in found for lit in lits):
                return False
        return query is None or query.matches(record)

    def to_dict(self) -> dict:
        d: dict[str, Any] = {}
        if self.everything:
            d["everything"] = True
        if self.accounts:
            d["accounts"] = list(self.accounts)
        if self.ts_from:
            d["from"] = iso(parse_instant(self.ts_from))
        if self.ts_to:
            d["to"] = iso(parse_instant(self.ts_to, end_of_day=True))
        if self.features:
            d["features"] = [f"{k}={v}" for k, v in self.features]
        if self.query:
            d["query"] = self.query
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "HoldScope":
        features = []
        for item in d.get("features", []):
            key, sep, value = str(item).partition("=")
            if not sep:
                raise HoldError(f"feature {item!r} must be NAME=VALUE")
            features.append((key.strip(), value.strip()))
        return cls(accounts=tuple(d.get("accounts", ())), ts_from=d.get("from"), ts_to=d.get("to"),
                   features=tuple(features), query=d.get("query"), everything=bool(d.get("everything")))

    def describe(self) -> str:
        d = self.to_dict()
        if d.get("everything"):
            return "every record"
        parts = []
        if self.accounts:
            parts.append("accounts " + ",".join(self.accounts))
        if self.ts_from or self.ts_to:
            parts.append(f"ts in [{d.get('from', '…')}, {d.get('to', '…')})")
        parts += d.get("features", [])
        if self.query:
            parts.append(f"query: {self.query}")
        return "; ".join(parts)


# --------------------------------------------------------------------------- holds


@dataclass
class Hold:
    hold_id: str
    scope: HoldScope
    authority: str
    reference: str
    reason: str
    until: datetime
    created_seq: int
    created_ts: str
    released_seq: int | None = None
    released_ts: str | None = None
    release_reason: str | None = None
    history: list[int] = field(default_factory=list)  # seqs of every hold.* record about it

    def status(self, now: datetime) -> str:
        if self.released_seq is not None:
            return "released"
        return "active" if now < self.until else "expired"

    def is_active(self, now: datetime) -> bool:
        return self.status(now) == "active"

    def covers(self, record: dict) -> bool:
        return self.scope.matches(record)

    def to_dict(self, now: datetime | None = None) -> dict:
        d = {"hold_id": self.hold_id, "scope": self.scope.to_dict(), "authority": self.authority,
             "reference": self.reference, "reason": self.reason, "until": iso(self.until),
             "created_seq": self.created_seq, "created_ts": self.created_ts,
             "released_seq": self.released_seq, "released_ts": self.released_ts,
             "release_reason": self.release_reason, "history": list(self.history)}
        if now is not None:
            d["status"] = self.status(now)
        return d


class HoldFold:
    """Current state of every hold, built by applying the log's hold.* records in seq order."""

    def __init__(self) -> None:
        self.holds: dict[str, Hold] = {}
        self.last_seq = 0  # last record seen (any kind)
        self.last_hold_seq = 0  # last hold.* record applied

    def feed(self, records: Iterable[dict]) -> "HoldFold":
        for r in records:
            self.last_seq = max(self.last_seq, r["seq"])
            if r["kind"] in HOLD_KINDS:
                self.apply(r)
        return self

    def apply(self, r: dict) -> None:
        seq, kind, p = r["seq"], r["kind"], r.get("payload")
        if r.get("redacted") or not isinstance(p, dict):
            raise AuditIntegrityError(f"seq {seq}: the {kind} record's payload is redacted or missing, so a legal "
                                      "hold's state cannot be known; refusing to act on holds")
        hid = p.get("hold_id")
        self.last_hold_seq = seq
        try:
            if kind == HOLD_CREATE:
                if hid in self.holds:
                    raise AuditIntegrityError(f"seq {seq}: hold {hid!r} is created twice")
                self.holds[hid] = Hold(hid, HoldScope.from_dict(p["scope"]), p["authority"], p["reference"],
                                       p["reason"], parse_instant(p["until"]), seq, r["ts"], history=[seq])
                return
            hold = self.holds.get(hid)
            if hold is None:
                raise AuditIntegrityError(f"seq {seq}: {kind} names hold {hid!r}, which was never created")
            hold.history.append(seq)
            if kind == HOLD_CHANGE:
                if "until" in p:
                    hold.until = parse_instant(p["until"])
            else:
                hold.released_seq, hold.released_ts, hold.release_reason = seq, r["ts"], p.get("reason")
        except (KeyError, TypeError, ValueError, RempartError) as e:  # HoldError, QuerySyntaxError included
            raise AuditIntegrityError(f"seq {seq}: malformed {kind} record ({type(e).__name__}: {e})") from None

    def active(self, now: datetime) -> list[Hold]:
        return [h for h in self.holds.values() if h.is_active(now)]


def _text(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        raise HoldError(f"a hold needs a non-empty {what}")
    if len(value) > _MAX_TEXT:
        raise HoldError(f"{what} is longer than {_MAX_TEXT} characters")
    return value


class HoldRegistry:
    """Creates, changes and releases holds on an AuditLog, and reads their state back.

    Reading folds over the whole log (one streaming pass); the writes are single appends."""

    def __init__(self, log: Any) -> None:
        self.log = log

    def fold(self, start: int = 1, into: HoldFold | None = None) -> HoldFold:
        """Apply the hold.* records from `start` on; only those records' payloads are parsed."""
        fold = into or HoldFold()
        for seq, ts, kind, redacted, source in scan_log(self.log, start):
            fold.last_seq = max(fold.last_seq, seq)
            if kind in HOLD_KINDS:
                fold.apply(scanned_record(seq, ts, kind, redacted, source))
        return fold

    def holds(self) -> dict[str, Hold]:
        return self.fold().holds

    def get(self, hold_id: str) -> Hold:
        hold = self.holds().get(hold_id)
        if hold is None:
            raise UnknownHoldError(f"no legal hold {hold_id!r}")
        return hold

    def create(self, scope: HoldScope, *, authority: str, reference: str, reason: str,
               until: str | datetime, now: datetime | None = None) -> Hold:
        now = now or utc_now()
        until_d = parse_instant(until, end_of_day=True, what="--until")
        if until_d <= now:
            raise HoldError(f"until-date {iso(until_d)} is not in the future")
        hid = f"hold-{uuid.uuid4().hex[:12]}"
        payload = {"hold_id": hid, "scope": scope.to_dict(), "authority": _text(authority, "authority"),
                   "reference": _text(reference, "reference"), "reason": _text(reason, "reason"),
                   "until": iso(until_d)}
        self.log.append(HOLD_CREATE, payload)
        return self.get(hid)

    def change(self, hold_id: str, *, until: str | datetime, reason: str | None = None) -> Hold:
        hold = self.get(hold_id)
        if hold.released_seq is not None:
            raise HoldError(f"hold {hold_id!r} was released at seq {hold.released_seq}; create a new hold instead")
        until_d = parse_instant(until, end_of_day=True, what="--until")
        payload: dict[str, Any] = {"hold_id": hold_id, "until": iso(until_d), "previous_until": iso(hold.until)}
        if reason:
            payload["reason"] = _text(reason, "reason")
        self.log.append(HOLD_CHANGE, payload)
        return self.get(hold_id)

    def release(self, hold_id: str, *, reason: str) -> Hold:
        hold = self.get(hold_id)
        if hold.released_seq is not None:
            raise HoldError(f"hold {hold_id!r} was already released at seq {hold.released_seq}")
        self.log.append(HOLD_RELEASE, {"hold_id": hold_id, "reason": _text(reason, "reason")})
        return self.get(hold_id)
