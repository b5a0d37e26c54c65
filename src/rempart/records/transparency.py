"""Transparency-report counts (DSA Art. 15 / 24, harmonised templates of Implementing
Regulation (EU) 2024/2835) computed from the audit log, as far as the gate knows them.

Sections of the quantitative template this fills (numbers in `template_section`):

  1.3  notices (Art. 16) - from `notice.received` / `notice.resolved` records, if the operator
       records them: counts by source, by outcome, and the median handling time;
  1.4  own-initiative content moderation - gate blocks by category (the same classification as
       the statements of reasons) and by type of restriction;
  1.6  use of automated means - every gate decision is automated; accuracy indicators come
       from human review outcomes (`review.outcome` records).

Record shapes this module reads besides the gate's `decision` records (append them with
`AuditLog.append(kind, payload)`; see docs/dsa.md):

  review.outcome   {"seq": <decision seq>, "upheld": true|false}
                   upheld = a person confirmed the restriction; false = overturned.
                   The latest outcome for a seq counts.
  notice.received  {"notice_id": "<opaque id>", "source": "victim"|"trusted_flagger"|...,
                    "category": "STATEMENT_CATEGORY_..." (optional)}
  notice.resolved  {"notice_id": "<same id>", "action": "actioned"|"rejected"}

Times are the audit records' own timestamps (`ts`), so nobody can back-date a handling time.
Periods are whole UTC days, both ends inclusive. Outcomes and resolutions recorded after the
period still count for decisions and notices inside it.
"""

from __future__ import annotations

import csv
import html
import io
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable, Iterable

from rempart.records.sor import TECHNICAL_SKIP, ReasonClassifier, in_period

REVIEW_OUTCOME = "review.outcome"
NOTICE_RECEIVED = "notice.received"
NOTICE_RESOLVED = "notice.resolved"

CSV_COLUMNS = ("template_section", "metric", "breakdown", "key", "value")

_RESTRICTION_LABELS = {
    "DECISION_VISIBILITY_OTHER": "generation request refused",
    "DECISION_VISIBILITY_CONTENT_REMOVED": "generated result removed",
}


@dataclass(frozen=True)
class Row:
    template_section: str
    metric: str
    breakdown: str
    key: str
    value: int | float | str


@dataclass
class TransparencyReport:
    start: date
    end: date
    rows: list[Row] = field(default_factory=list)

    def add(self, section: str, metric: str, breakdown: str, key: str, value: Any) -> None:
        self.rows.append(Row(section, metric, breakdown, key, value))

    def value(self, metric: str, breakdown: str = "total", key: str = "all") -> Any:
        for r in self.rows:
            if (r.metric, r.breakdown, r.key) == (metric, breakdown, key):
                return r.value
        return None

    def series(self, metric: str, breakdown: str) -> list[tuple[str, Any]]:
        return [(r.key, r.value) for r in self.rows if r.metric == metric and r.breakdown == breakdown]

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for r in self.rows:
            w.writerow([r.template_section, r.metric, r.breakdown, r.key, r.value])
        return buf.getvalue()


def _hours(a: str, b: str) -> float:
    return (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds() / 3600


def _median(values: list[float]) -> float | str:
    return round(statistics.median(values), 3) if values else "n/a"


def _ratio(a: int, b: int) -> float | str:
    return round(a / b, 4) if b else "n/a"


class TransparencyCounter:
    """One pass over the audit log; `report()` turns the tallies into rows."""

    def __init__(self, start: date, end: date, classifier: ReasonClassifier | None = None) -> None:
        self.start, self.end = start, end
        self.classifier = classifier or ReasonClassifier()
        self.verdicts: Counter[tuple[str, str]] = Counter()  # (stage, verdict)
        self.blocks: dict[int, tuple[str, str, str]] = {}  # seq -> (category, restriction, source_type)
        self.technical_blocks = 0
        self.redacted = 0
        self.review_verdicts: dict[int, str] = {}  # seq -> ts, decisions sent to human review
        self.decision_ts: dict[int, str] = {}
        self.outcomes: dict[int, tuple[bool, str]] = {}  # seq -> (upheld, ts), latest wins
        self.notices: dict[str, dict[str, Any]] = {}  # notice_id -> {source, category, ts}
        self.resolutions: dict[str, tuple[str, str]] = {}  # notice_id -> (action, ts), first wins

    def add(self, record: dict) -> None:
        kind, payload, ts = record["kind"], record.get("payload") or {}, record["ts"]
        if kind == "decision":
            if in_period(ts, self.start, self.end):
                self._decision(record)
        elif kind == REVIEW_OUTCOME:
            seq = payload.get("seq")
            if isinstance(seq, int) and isinstance(payload.get("upheld"), bool):
                self.outcomes[seq] = (payload["upheld"], ts)
        elif kind == NOTICE_RECEIVED:
            nid = payload.get("notice_id")
            if isinstance(nid, str) and in_period(ts, self.start, self.end):
                self.notices[nid] = {"source": str(payload.get("source") or "unspecified"),
                                     "category": str(payload.get("category") or "unspecified"), "ts": ts}
        elif kind == NOTICE_RESOLVED:
            nid = payload.get("notice_id")
            if isinstance(nid, str) and nid not in self.resolutions:
                self.resolutions[nid] = (str(payload.get("action") or "unspecified"), ts)

    def _decision(self, record: dict) -> None:
        if record.get("redacted") or record.get("payload") is None:
            self.redacted += 1  # retention deleted it: counted, but nothing more is knowable
            return
        payload = record["payload"]
        verdict, stage = str(payload.get("decision")), str(payload.get("stage", "request"))
        self.verdicts[(stage, verdict)] += 1
        self.decision_ts[record["seq"]] = record["ts"]
        if verdict == "review":
            self.review_verdicts[record["seq"]] = record["ts"]
        if verdict != "block":
            return
        c = self.classifier.classify(record)
        if isinstance(c, str):
            if c == TECHNICAL_SKIP:
                self.technical_blocks += 1
            return
        self.blocks[record["seq"]] = (c.category, c.restriction, c.source_type)

    # -- rows ----------------------------------------------------------------------------
    def report(self) -> TransparencyReport:
        rep = TransparencyReport(self.start, self.end)
        self._notice_rows(rep)
        self._own_initiative_rows(rep)
        self._automation_rows(rep)
        return rep

    def _notice_rows(self, rep: TransparencyReport) -> None:
        s = "1.3"
        rep.add(s, "notices_received", "total", "all", len(self.notices))
        for source, n in sorted(Counter(v["source"] for v in self.notices.values()).items()):
            rep.add(s, "notices_received", "source", source, n)
        for cat, n in sorted(Counter(v["category"] for v in self.notices.values()).items()):
            rep.add(s, "notices_received", "category", cat, n)
        actions: Counter[str] = Counter()
        hours: list[float] = []
        by_source: dict[str, list[float]] = defaultdict(list)
        for nid, notice in self.notices.items():
            res = self.resolutions.get(nid)
            if res is None:
                actions["unresolved"] += 1
                continue
            actions[res[0]] += 1
            h = _hours(notice["ts"], res[1])
            hours.append(h)
            by_source[notice["source"]].append(h)
        for action, n in sorted(actions.items()):
            rep.add(s, "notices_by_outcome", "action", action, n)
        rep.add(s, "median_notice_handling_hours", "total", "all", _median(hours))
        for source, hs in sorted(by_source.items()):
            rep.add(s, "median_notice_handling_hours", "source", source, _median(hs))
        notice_based = Counter(src for _, _, src in self.blocks.values() if src != "SOURCE_VOLUNTARY")
        for src, n in sorted(notice_based.items()):
            rep.add(s, "actions_on_notice_based_hash_matches", "source_type", src, n)

    def _own_initiative_rows(self, rep: TransparencyReport) -> None:
        s = "1.4"
        own = [(cat, res) for cat, res, src in self.blocks.values() if src == "SOURCE_VOLUNTARY"]
        rep.add(s, "own_initiative_actions", "total", "all", len(own))
        for cat, n in sorted(Counter(c for c, _ in own).items()):
            rep.add(s, "own_initiative_actions", "category", cat, n)
        for res, n in sorted(Counter(r for _, r in own).items()):
            rep.add(s, "own_initiative_actions", "restriction", f"{res} ({_RESTRICTION_LABELS.get(res, res)})", n)
        rep.add(s, "own_initiative_actions", "detection", "automated", len(own))
        rep.add(s, "fail_closed_blocks_not_content_moderation", "total", "all", self.technical_blocks)
        rep.add(s, "decisions_redacted_by_retention", "total", "all", self.redacted)
        for (stage, verdict), n in sorted(self.verdicts.items()):
            rep.add(s, "gate_decisions", "stage_verdict", f"{stage}:{verdict}", n)

    def _automation_rows(self, rep: TransparencyReport) -> None:
        s = "1.6"
        rep.add(s, "decisions_by_automated_means", "total", "all", sum(self.verdicts.values()))
        rep.add(s, "restrictions_fully_automated", "total", "all", len(self.blocks))
        reviewed = {seq: self.outcomes[seq][0] for seq in self.blocks if seq in self.outcomes}
        upheld = sum(reviewed.values())
        rep.add(s, "automated_restrictions_reviewed", "total", "all", len(reviewed))
        rep.add(s, "automated_restrictions_upheld", "total", "all", upheld)
        rep.add(s, "automated_restrictions_overturned", "total", "all", len(reviewed) - upheld)
        rep.add(s, "accuracy_upheld_rate", "total", "all", _ratio(upheld, len(reviewed)))
        rep.add(s, "error_rate_overturned", "total", "all", _ratio(len(reviewed) - upheld, len(reviewed)))
        per_cat: dict[str, list[bool]] = defaultdict(list)
        for seq, ok in reviewed.items():
            per_cat[self.blocks[seq][0]].append(ok)
        for cat, oks in sorted(per_cat.items()):
            rep.add(s, "accuracy_upheld_rate", "category", cat, _ratio(sum(oks), len(oks)))
            rep.add(s, "automated_restrictions_reviewed", "category", cat, len(oks))
        # Decisions the gate itself sent to human review, and how long that took.
        done = {seq: self.outcomes[seq] for seq in self.review_verdicts if seq in self.outcomes}
        rep.add(s, "sent_to_human_review", "total", "all", len(self.review_verdicts))
        rep.add(s, "human_review_restricted", "total", "all", sum(1 for ok, _ in done.values() if ok))
        rep.add(s, "human_review_released", "total", "all", sum(1 for ok, _ in done.values() if not ok))
        rep.add(s, "human_review_pending", "total", "all", len(self.review_verdicts) - len(done))
        waits = [_hours(self.decision_ts[seq], ts) for seq, (_, ts) in done.items()]
        rep.add(s, "median_human_review_hours", "total", "all", _median(waits))


def build_report(records: Iterable[dict], start: date, end: date, classifier: ReasonClassifier | None = None,
                 on_record: Callable[[str], None] | None = None) -> TransparencyReport:
    counter = TransparencyCounter(start, end, classifier)
    for record in records:
        counter.add(record)
        if on_record:
            on_record(record["kind"])
    return counter.report()


# --------------------------------------------------------------------------- HTML


def _bar_chart(title: str, items: list[tuple[str, Any]]) -> str:
    """A horizontal bar chart as inline SVG (no script, no external resource)."""
    items = [(k, v) for k, v in items if isinstance(v, (int, float))]
    esc = html.escape
    if not items:
        return f"<figure><figcaption>{esc(title)}</figcaption><p class=empty>no data in this period</p></figure>"
    top = max(v for _, v in items) or 1
    label_w, bar_w, row_h = 430, 320, 24
    height = row_h * len(items) + 8
    parts = [f'<svg role="img" aria-label="{esc(title)}" width="{label_w + bar_w + 80}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">']
    for i, (key, v) in enumerate(items):
        y = 4 + i * row_h
        w = max(1, round(bar_w * v / top)) if v else 0
        parts.append(f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end">{esc(str(key))}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="{row_h - 8}" fill="#3b6ea5"/>')
        parts.append(f'<text x="{label_w + w + 6}" y="{y + 16}">{esc(str(v))}</text>')
    parts.append("</svg>")
    return f"<figure><figcaption>{esc(title)}</figcaption>{''.join(parts)}</figure>"


def to_html(rep: TransparencyReport) -> str:
    esc = html.escape
    charts = [
        _bar_chart("Own-initiative actions by category (template 1.4)", rep.series("own_initiative_actions", "category")),
        _bar_chart("Own-initiative actions by type of restriction (1.4)",
                   rep.series("own_initiative_actions", "restriction")),
        _bar_chart("Gate decisions by stage and verdict", rep.series("gate_decisions", "stage_verdict")),
        _bar_chart("Upheld rate of reviewed automated restrictions, by category (1.6)",
                   rep.series("accuracy_upheld_rate", "category")),
        _bar_chart("Notices received by source (1.3)", rep.series("notices_received", "source")),
        _bar_chart("Notices by outcome (1.3)", rep.series("notices_by_outcome", "action")),
    ]
    table = "".join(
        f"<tr><td>{esc(r.template_section)}</td><td>{esc(r.metric)}</td><td>{esc(r.breakdown)}</td>"
        f"<td>{esc(r.key)}</td><td class=n>{esc(str(r.value))}</td></tr>" for r in rep.rows)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Transparency report {rep.start} to {rep.end}</title>
<style>
body{{font-family:sans-serif;margin:2em;max-width:1000px;color:#222}}
figure{{margin:1.5em 0}} figcaption{{font-weight:bold;margin-bottom:.4em}}
table{{border-collapse:collapse;font-size:13px}} td,th{{border:1px solid #ccc;padding:3px 8px}}
td.n{{text-align:right}} .empty{{color:#777}}
</style></head><body>
<h1>Content moderation transparency report</h1>
<p>Period {rep.start} to {rep.end} (UTC days, inclusive). Counts from the Rempart audit log, as far as the
gate knows them; section numbers refer to the quantitative template of Commission Implementing
Regulation (EU) 2024/2835, Annex I.</p>
<p>Key figures: own-initiative actions <b>{esc(str(rep.value('own_initiative_actions')))}</b>,
reviewed automated restrictions <b>{esc(str(rep.value('automated_restrictions_reviewed')))}</b>
(upheld rate {esc(str(rep.value('accuracy_upheld_rate')))}),
notices <b>{esc(str(rep.value('notices_received')))}</b>
(median handling {esc(str(rep.value('median_notice_handling_hours')))} h).</p>
{''.join(charts)}
<h2>All figures</h2>
<table><tr><th>section</th><th>metric</th><th>breakdown</th><th>key</th><th>value</th></tr>{table}</table>
</body></html>
"""
