"""Retention: redact audit payloads past their period, except what an active legal hold covers.

Redaction (`AuditLog.redact`) deletes a record's payload but keeps its hashes, so every
inclusion proof and checkpoint still verifies; it appends an `audit.redaction` record saying
what was redacted and why. Retention is configured per record kind (`RetentionPolicy`);
`hold.*` and `audit.*` records are always kept, because they are the evidence of the holds
and of the redactions themselves.

`RetentionRun` works in two streaming passes: the hold state is folded from the whole log
first (a hold created long after the records it covers still protects them), then the records
past their period are listed and each is checked against every active hold. Just before each
batch is redacted, hold records appended meanwhile are folded in and the batch re-checked, so
a hold created during a run protects its records. Anything unclear fails closed: a kind
without a configured period is kept, a record whose ts does not parse is kept, a redacted
hold record stops the run.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable

import yaml

from rempart.audit.holds import (
    Hold,
    HoldError,
    HoldFold,
    HoldRegistry,
    iso,
    parse_instant,
    scan_log,
    scanned_record,
    utc_now,
)
from rempart.errors import RempartError

PROTECTED_PREFIXES = ("hold.", "audit.")  # never redacted, whatever the configuration says
BATCH = 5000  # seqs per log.redact call (one audit.redaction record each)

DEFAULT_RETENTION_YAML = """\
# Rempart's default retention: how long each kind of audit record keeps its payload.
#
# After the period, `rempart retention run` redacts the payload (the record's hashes stay, so
# every inclusion proof and checkpoint still verifies), unless an active legal hold covers it.
#
#   <kind>: <days> | never        an exact record kind, e.g. decision
#   "<prefix>.*": <days> | never  every kind that starts with "<prefix>."
#   default: <days> | never       every other kind
#
# Records of kind hold.* (the holds themselves) and audit.* (e.g. audit.redaction) are always
# kept: setting a period for them is refused.
version: 1
kinds:
  decision: 180
  "hold.*": never
  "audit.*": never
default: never
"""


class RetentionConfigError(RempartError):
    code = "RETENTION_CONFIG_INVALID"
    http_status = 500


def _period(value: Any, where: str) -> timedelta | None:
    if isinstance(value, str) and value.strip().lower() == "never":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RetentionConfigError(f"retention {where}: expected a whole number of days (1 or more) or 'never', "
                                   f"got {value!r}")
    return timedelta(days=value)


def _protected(kind: str) -> bool:
    return kind.startswith(PROTECTED_PREFIXES)


class RetentionPolicy:
    """Retention period per record kind: exact kind, else the longest matching `prefix.*`,
    else `default`; None means keep forever."""

    def __init__(self, kinds: dict[str, timedelta | None], default: timedelta | None = None,
                 source: str = "<config>") -> None:
        self.source = source
        self.exact: dict[str, timedelta | None] = {}
        self.prefixes: list[tuple[str, timedelta | None]] = []
        for pattern, period in kinds.items():
            if pattern.endswith(".*"):
                self.prefixes.append((pattern[:-1], period))
            elif "*" in pattern:
                raise RetentionConfigError(f"{source}: kind pattern {pattern!r}: only a trailing '.*' is allowed")
            else:
                self.exact[pattern] = period
            probe = pattern[:-1] if pattern.endswith(".*") else pattern
            if period is not None and (_protected(probe) or any(p.startswith(probe) for p in PROTECTED_PREFIXES)):
                raise RetentionConfigError(f"{source}: {pattern!r} records are the evidence of holds and redactions "
                                           "and are always kept: set it to 'never'")
        self.prefixes.sort(key=lambda p: -len(p[0]))
        self.default = default

    @classmethod
    def from_yaml(cls, text: str, source: str = "<config>") -> "RetentionPolicy":
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as e:
            raise RetentionConfigError(f"{source}: not valid YAML: {e}") from None
        if not isinstance(doc, dict) or doc.get("version") != 1:
            raise RetentionConfigError(f"{source}: expected a mapping with 'version: 1'")
        unknown = set(doc) - {"version", "kinds", "default"}
        if unknown:
            raise RetentionConfigError(f"{source}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        kinds = doc.get("kinds") or {}
        if not isinstance(kinds, dict):
            raise RetentionConfigError(f"{source}: 'kinds' must map record kinds to days or 'never'")
        periods = {str(k): _period(v, f"kinds.{k}") for k, v in kinds.items()}
        return cls(periods, _period(doc.get("default", "never"), "default"), source)

    @classmethod
    def from_file(cls, path: str | Path) -> "RetentionPolicy":
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise RetentionConfigError(f"cannot read retention config {str(path)!r}: {e}") from None
        return cls.from_yaml(text, source=str(path))

    @classmethod
    def default_policy(cls) -> "RetentionPolicy":
        return cls.from_yaml(DEFAULT_RETENTION_YAML, source="<bundled retention>")

    def period(self, kind: str) -> timedelta | None:
        if _protected(kind):
            return None
        if kind in self.exact:
            return self.exact[kind]
        for prefix, period in self.prefixes:
            if kind.startswith(prefix):
                return period
        return self.default


@dataclass
class KindCounts:
    past_retention: int = 0
    held: int = 0
    redacted: int = 0


@dataclass
class RetentionSummary:
    now: str
    dry_run: bool
    scanned: int = 0
    already_redacted: int = 0
    kept_forever: int = 0  # records whose kind is never redacted
    within_retention: int = 0
    unreadable_ts: int = 0  # kept: their age is unknown
    past_retention: int = 0
    held: int = 0  # past retention but covered by an active hold: kept
    redacted: int = 0  # payloads redacted by this run (0 on a dry run)
    would_redact: int = 0
    holds_active: list[str] = field(default_factory=list)
    held_by_hold: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, KindCounts] = field(default_factory=dict)
    redaction_records: int = 0  # audit.redaction records appended

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        d["by_kind"] = {k: dict(v.__dict__) for k, v in sorted(self.by_kind.items())}
        return d


class RetentionRun:
    """One retention pass over an AuditLog (any backend: it uses only the log's public API)."""

    def __init__(self, log: Any, policy: RetentionPolicy, *, now: str | datetime | None = None,
                 clock: Callable[[], datetime] = utc_now, batch: int = BATCH) -> None:
        real_now = clock()
        self.now = parse_instant(now, what="--now") if now is not None else real_now
        if self.now > real_now + timedelta(seconds=1):
            # A future "now" would redact payloads before their time and treat live holds as expired.
            raise RetentionConfigError(f"--now {iso(self.now)} is in the future (the clock says {iso(real_now)})")
        self.log, self.policy, self.batch = log, policy, max(1, batch)
        self.holds = HoldRegistry(log)

    def _covering(self, record: dict, active: list[Hold]) -> Hold | None:
        for hold in active:
            if hold.covers(record):
                return hold
        return None

    def run(self, *, dry_run: bool = False, on_scan: Callable[[str], None] | None = None,
            on_redact: Callable[[int], None] | None = None) -> RetentionSummary:
        """Scan, then redact (unless dry_run). `on_scan(outcome)` is called per record scanned,
        `on_redact(n)` after each batch."""
        s = RetentionSummary(now=iso(self.now), dry_run=dry_run)
        fold = self.holds.fold()  # pass 1: every hold, wherever in the log it was created
        active = fold.active(self.now)
        self._planned_with = fold.last_hold_seq
        s.holds_active = sorted(h.hold_id for h in active)
        due: dict[str, array] = {}
        for row in scan_log(self.log, 1):  # pass 2: what is past retention
            outcome = self._classify(row, active, s)
            if outcome == "due":
                due.setdefault(row[2], array("q")).append(row[0])
            if on_scan:
                on_scan(outcome)
        s.would_redact = sum(len(v) for v in due.values())
        if dry_run:
            return s
        for kind, seqs in sorted(due.items()):
            period = self.policy.period(kind)
            reason = f"retention: {kind} records are kept {period.days} days; run at {iso(self.now)}"
            for i in range(0, len(seqs), self.batch):
                batch = self._recheck(list(seqs[i:i + self.batch]), fold, s)
                if batch:
                    self.log.redact(batch, reason)
                    s.redaction_records += 1
                    s.redacted += len(batch)
                    s.by_kind[kind].redacted += len(batch)
                if on_redact:
                    on_redact(len(batch))
        s.holds_active = sorted(h.hold_id for h in fold.active(self.now))  # with any created meanwhile
        return s

    def _classify(self, row: tuple, active: list[Hold], s: RetentionSummary) -> str:
        seq, ts, kind, redacted, source = row
        s.scanned += 1
        if redacted:
            s.already_redacted += 1
            return "already_redacted"
        period = self.policy.period(kind)
        if period is None:
            s.kept_forever += 1
            return "kept"
        try:
            t = parse_instant(ts, what="record ts")
        except HoldError:
            t = None
        if t is None:
            s.unreadable_ts += 1
            return "kept"
        if t + period > self.now:
            s.within_retention += 1
            return "within"
        s.past_retention += 1
        counts = s.by_kind.setdefault(kind, KindCounts())
        counts.past_retention += 1
        hold = self._covering(scanned_record(*row), active) if active else None
        if hold is not None:
            s.held += 1
            counts.held += 1
            s.held_by_hold[hold.hold_id] = s.held_by_hold.get(hold.hold_id, 0) + 1
            return "held"
        return "due"

    def _recheck(self, seqs: list[int], fold: HoldFold, s: RetentionSummary) -> list[int]:
        """Fold in hold records appended since the scan; if there are any, drop seqs that a hold
        now covers (every later batch too: the scan judged them with the older holds)."""
        self.holds.fold(fold.last_seq + 1, into=fold)
        if fold.last_hold_seq == self._planned_with:
            return seqs
        active = fold.active(self.now)
        wanted, keep = set(seqs), []
        for r in self.log.iter_records(min(seqs), max(seqs)):
            if r["seq"] not in wanted:
                continue
            hold = self._covering(r, active)
            if hold is None:
                keep.append(r["seq"])
            else:
                s.held += 1
                s.by_kind[r["kind"]].held += 1
                s.held_by_hold[hold.hold_id] = s.held_by_hold.get(hold.hold_id, 0) + 1
        return keep
