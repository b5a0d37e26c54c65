"""Retroactive sweep: which past requests and outputs match the banks now?

The gate records the hashes of every image it screens (never the pixels) in each "decision"
audit record: `inputs[i]` and `output` carry "sha256", "md5" and per-view "pdq" /
"pdq_quality". When a hash enters a bank (a victim's report, a partner list), `sweep` reads
those records through `AuditLog.iter_records` and lists every image that matches, with the
account that sent or received it: a takedown list.

Matching is the detector's: `BankMatcher`, each bank's own threshold and minimum quality,
exact MD5/SHA-256. An image that also matches an enabled allow-list bank is left out, as the
gate would have let it through. Only hashes are compared: a past image is found if one of its
recorded view hashes is near a banked hash or one of its banked variants (unpadded, crops).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import IO, Any, Iterable, Iterator

from rempart.banks.matcher import BankHit, BankMatcher
from rempart.banks.store import BankError, BankStore
from rempart.signals.hashes.compute import PDQ_MIN_QUALITY
from rempart.timeutil import utc_instant

FORMATS = ("json", "csv")
_CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run these as formulas


@dataclass(frozen=True)
class TakedownRow:
    audit_seq: int
    ts: str  # when the gate screened it
    request_id: str | None
    account_id: str | None
    stage: str  # "input" (sent by the account) or "output" (generated for it)
    image_index: int
    decision: str | None  # what the gate decided then
    signal_type: str  # pdq, md5, sha256
    hash: str  # the recorded hash that matched
    bank: str
    entry_id: int
    distance: int


@dataclass
class SweepResult:
    rows: list[TakedownRow]
    records_scanned: int  # decision records read
    banks: list[str]
    since: str | None

    @property
    def accounts(self) -> list[str]:
        return sorted({r.account_id for r in self.rows if r.account_id})


def parse_since(text: str) -> datetime:
    """A date or ISO timestamp; naive values are UTC. ValueError with a clear message if bad."""
    try:
        return utc_instant(text)
    except ValueError:
        raise ValueError(f"--since expects a date such as 2026-01-31 or 2026-01-31T12:00:00Z, got {text!r:.60}") \
            from None


def _record_time(record: dict) -> datetime | None:
    ts = record.get("payload", {}).get("ts") or record.get("ts")
    try:
        return utc_instant(str(ts))
    except ValueError:
        return None


def _images(payload: dict) -> Iterator[tuple[str, int, dict]]:
    for i, desc in enumerate(payload.get("inputs") or ()):
        if isinstance(desc, dict):
            yield "input", i, desc
    if isinstance(payload.get("output"), dict):
        yield "output", 0, payload["output"]


class Sweeper:
    """Matches recorded image hashes against a selection of banks."""

    def __init__(self, store: BankStore, banks: Iterable[str] | None = None,
                 min_pdq_quality: int = PDQ_MIN_QUALITY) -> None:
        self.matcher = BankMatcher(store, refresh_ms=10**9)  # one consistent load for the whole sweep
        self.matcher.refresh(force=True)
        known = self.matcher.banks()
        if banks:
            names = list(dict.fromkeys(banks))
            for n in names:
                store.get_bank(n)  # UnknownBankError names the known banks
                if known[n].kind != "block":
                    raise BankError(f"bank {n!r} is an allow-list: there is nothing to take down")
            self.block = names
        else:
            self.block = [n for n, b in known.items() if b.enabled and b.kind == "block"]
        self.allow = [n for n, b in known.items() if b.enabled and b.kind == "allow"]
        self.min_pdq_quality = min_pdq_quality

    def _hits(self, desc: dict, banks: list[str]) -> list[BankHit]:
        if not banks:
            return []
        hits: list[BankHit] = []
        for signal_type in ("sha256", "md5"):
            value = desc.get(signal_type)
            if isinstance(value, str):
                hits += self.matcher.match_exact(signal_type, value, banks)
        pdqs, quals = desc.get("pdq") or [], desc.get("pdq_quality") or []
        for value, quality in zip(pdqs, quals):
            if isinstance(value, str) and len(value) == 64 and isinstance(quality, int) \
                    and quality >= self.min_pdq_quality:
                hits += self.matcher.match_pdq(value, quality, banks)
        return hits

    def match_image(self, desc: dict) -> list[BankHit]:
        """Block hits of one recorded image (best per bank entry), [] if an allow bank matches."""
        block = self._hits(desc, self.block)
        if not block or self._hits(desc, self.allow):
            return []
        best: dict[tuple[str, int], BankHit] = {}
        for h in block:
            key = (h.signal_type, h.entry_id)
            if key not in best or h.distance < best[key].distance:
                best[key] = h
        return sorted(best.values(), key=lambda h: (h.distance, h.bank, h.entry_id))


def sweep(store: BankStore, audit: Any, *, banks: Iterable[str] | None = None, since: datetime | None = None,
          progress: Any = None) -> SweepResult:
    """Scan the audit log's decision records for images matching the banks (all enabled block
    banks, or the named ones). `progress.update(outcome)` is called once per decision record."""
    sweeper = Sweeper(store, banks)
    rows: list[TakedownRow] = []
    scanned = 0
    for record in audit.iter_records():
        if record.get("kind") != "decision":
            continue
        payload = record.get("payload") or {}
        if since is not None:
            when = _record_time(record)
            if when is None or when < since:
                continue
        scanned += 1
        found = 0
        for stage, index, desc in _images(payload):
            for h in sweeper.match_image(desc):
                found += 1
                rows.append(TakedownRow(
                    audit_seq=int(record["seq"]), ts=str(payload.get("ts") or record.get("ts")),
                    request_id=payload.get("request_id"), account_id=payload.get("account_id"), stage=stage,
                    image_index=index, decision=payload.get("decision"), signal_type=h.signal_type,
                    hash=h.value, bank=h.bank, entry_id=h.entry_id, distance=h.distance,
                ))
        if progress is not None:
            progress.update("match" if found else "clean")
    return SweepResult(rows, scanned, list(sweeper.block), since.isoformat() if since else None)


def format_result(result: SweepResult, fmt: str) -> str:
    if fmt == "json":
        doc = {
            "swept_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "banks": result.banks,
            "since": result.since,
            "records_scanned": result.records_scanned,
            "accounts": result.accounts,
            "matches": [asdict(r) for r in result.rows],
        }
        return json.dumps(doc, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        fields = list(TakedownRow.__dataclass_fields__)
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(fields)
        for r in result.rows:
            w.writerow([_csv_cell(getattr(r, f)) for f in fields])
        return buf.getvalue()
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_CSV_RISKY):
        return "'" + value  # account ids are user-chosen: never let them become formulas
    return "" if value is None else value


def write_result(result: SweepResult, fmt: str, out: IO[str]) -> None:
    out.write(format_result(result, fmt))
