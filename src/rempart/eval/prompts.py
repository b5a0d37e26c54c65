"""Labelled prompt sets: reading the CSV, and the metrics (pure functions, no gate).

CSV columns: `prompt`, `mode` (edit|generate), `expected` (block|allow), optional `lang`
and `category`. "Positive" means block: precision and recall are about blocking, and the
false-block rate is the share of expected-allow rows that were blocked.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

REQUIRED_COLUMNS = ("prompt", "mode", "expected")
MODES = ("edit", "generate")
EXPECTED = ("block", "allow")
REVIEW_AS = ("block", "allow")
NO_GROUP = "(none)"


class EvalInputError(Exception):
    """The evaluation file cannot be used. `line` is the 1-based physical line, when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class EvalRow:
    line: int  # physical line where the record starts (the header is line 1)
    prompt: str
    mode: str
    expected: str
    lang: str | None = None  # None: no such column; "" : column present, cell empty
    category: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What the gate decided for one row, reduced to what the metrics need."""

    verdict: str  # allow | review | block
    reasons: tuple[str, ...] = ()


# -- reading ---------------------------------------------------------------------------


def read_rows(source: str | Path | bytes, limit: int | None = None) -> list[EvalRow]:
    """Parse an evaluation CSV (path or raw bytes). Raises EvalInputError, naming the line."""
    data = Path(source).read_bytes() if not isinstance(source, bytes) else source
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise EvalInputError(f"invalid UTF-8 (byte 0x{data[err.start]:02x}); the file must be UTF-8", line) from None

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as err:
        raise EvalInputError(f"malformed CSV header: {err}", 1) from None
    if not header:
        raise EvalInputError("empty file: expected a header with columns " + ", ".join(REQUIRED_COLUMNS), 1)
    names = [h.strip().lower() for h in header]
    for col in REQUIRED_COLUMNS:
        if col not in names:
            raise EvalInputError(
                f"missing required column '{col}' (found: {', '.join(n for n in names if n) or 'none'}; "
                f"required: {', '.join(REQUIRED_COLUMNS)})",
                1,
            )
    index = {n: names.index(n) for n in (*REQUIRED_COLUMNS, "lang", "category") if n in names}

    rows: list[EvalRow] = []
    start = reader.line_num + 1
    while limit is None or len(rows) < limit:
        try:
            record = next(reader, None)
        except csv.Error as err:
            raise EvalInputError(f"malformed CSV: {err}", start) from None
        if record is None:
            break
        line, start = start, reader.line_num + 1
        if not record or all(not cell.strip() for cell in record):
            continue  # blank line

        def cell(name: str) -> str | None:
            i = index.get(name)
            if i is None:
                return None
            return record[i] if i < len(record) else ""

        mode = (cell("mode") or "").strip().lower()
        expected = (cell("expected") or "").strip().lower()
        if mode not in MODES:
            raise EvalInputError(f"unknown mode {cell('mode')!r} (expected one of: {', '.join(MODES)})", line)
        if expected not in EXPECTED:
            raise EvalInputError(
                f"unknown expected value {cell('expected')!r} (expected one of: {', '.join(EXPECTED)})", line
            )
        lang, category = cell("lang"), cell("category")
        rows.append(
            EvalRow(
                line=line,
                prompt=cell("prompt") or "",
                mode=mode,
                expected=expected,
                lang=lang.strip() if lang is not None else None,
                category=category.strip() if category is not None else None,
            )
        )
    return rows


# -- metrics ---------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True)
class Confusion:
    """Counts with block as the positive class."""

    tp: int = 0  # expected block, decided block
    fn: int = 0  # expected block, decided allow (a miss)
    fp: int = 0  # expected allow, decided block (a false block)
    tn: int = 0  # expected allow, decided allow
    reviews: int = 0  # rows whose verdict was `review` (already counted per --review-as)

    @property
    def n(self) -> int:
        return self.tp + self.fn + self.fp + self.tn

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        # 2PR/(P+R) written on counts, so it is also defined when only one side has rows.
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def false_block_rate(self) -> float | None:
        return _ratio(self.fp, self.fp + self.tn)

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.tp + self.tn, self.n)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "tp": self.tp,
            "fn": self.fn,
            "fp": self.fp,
            "tn": self.tn,
            "reviews": self.reviews,
            "expected_block": self.tp + self.fn,
            "expected_allow": self.fp + self.tn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "false_block_rate": self.false_block_rate,
            "accuracy": self.accuracy,
        }


@dataclass(frozen=True)
class GroupMetrics:
    name: str
    confusion: Confusion


@dataclass(frozen=True)
class Misclassified:
    line: int
    expected: str
    decided: str  # block | allow, after --review-as
    verdict: str  # the gate's own verdict (shows `review`)
    reasons: tuple[str, ...]
    prompt: str
    mode: str
    category: str | None
    lang: str | None


@dataclass
class EvalReport:
    review_as: str
    overall: Confusion
    by_category: list[GroupMetrics] = field(default_factory=list)
    by_lang: list[GroupMetrics] = field(default_factory=list)
    by_mode: list[GroupMetrics] = field(default_factory=list)
    misclassified: list[Misclassified] = field(default_factory=list)
    block_reasons: Counter[str] = field(default_factory=Counter)  # reason codes over decided-block rows
    false_block_reasons: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        def groups(gs: list[GroupMetrics]) -> dict[str, Any]:
            return {g.name: g.confusion.to_dict() for g in gs}

        return {
            "review_as": self.review_as,
            "overall": self.overall.to_dict(),
            "by_category": groups(self.by_category),
            "by_lang": groups(self.by_lang),
            "by_mode": groups(self.by_mode),
            "block_reasons": dict(ranked(self.block_reasons)),
            "false_block_reasons": dict(ranked(self.false_block_reasons)),
            "misclassified": [
                {**asdict(m), "reasons": list(m.reasons)} for m in self.misclassified
            ],
        }


def ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Most frequent first, ties by code, so the output does not depend on hash order."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def decided(verdict: str, review_as: str = "block") -> str:
    """Reduce a verdict to block/allow. `review` never reaches the generator, hence block by default."""
    if review_as not in REVIEW_AS:
        raise ValueError(f"review_as must be one of {REVIEW_AS}, got {review_as!r}")
    if verdict == "review":
        return review_as
    if verdict in ("block", "allow"):
        return verdict
    raise ValueError(f"unknown verdict {verdict!r}")


def confusion(pairs: Iterable[tuple[str, str, str]]) -> Confusion:
    """`pairs`: (expected, decided, verdict) triples."""
    c = Counter()
    reviews = 0
    for expected, dec, verdict in pairs:
        c[(expected, dec)] += 1
        reviews += verdict == "review"
    return Confusion(
        tp=c[("block", "block")], fn=c[("block", "allow")], fp=c[("allow", "block")], tn=c[("allow", "allow")],
        reviews=reviews,
    )


def evaluate(rows: Sequence[EvalRow], outcomes: Sequence[Outcome], review_as: str = "block") -> EvalReport:
    """All metrics for rows and the gate's outcomes (same order, same length)."""
    if len(rows) != len(outcomes):
        raise ValueError(f"{len(rows)} rows but {len(outcomes)} outcomes")
    triples = [(r.expected, decided(o.verdict, review_as), o.verdict) for r, o in zip(rows, outcomes)]

    def grouped(key) -> list[GroupMetrics]:
        buckets: dict[str, list[tuple[str, str, str]]] = {}
        for r, t in zip(rows, triples):
            buckets.setdefault(key(r) or NO_GROUP, []).append(t)
        return [GroupMetrics(name, confusion(ts)) for name, ts in sorted(buckets.items())]

    report = EvalReport(review_as=review_as, overall=confusion(triples))
    if any(r.category is not None for r in rows):
        report.by_category = grouped(lambda r: r.category)
    if any(r.lang is not None for r in rows):
        report.by_lang = grouped(lambda r: r.lang)
    report.by_mode = grouped(lambda r: r.mode)
    for r, o, (expected, dec, verdict) in zip(rows, outcomes, triples):
        if dec == "block":
            report.block_reasons.update(dict.fromkeys(o.reasons, 1))
        if expected == "allow" and dec == "block":
            report.false_block_reasons.update(dict.fromkeys(o.reasons, 1))
        if expected != dec:
            report.misclassified.append(
                Misclassified(r.line, expected, dec, verdict, tuple(o.reasons), r.prompt, r.mode, r.category, r.lang)
            )
    return report


# -- text output -----------------------------------------------------------------------


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x * 100:.2f}%"


def one_line(text: str, width: int = 100) -> str:
    """A prompt as one printable line: whitespace collapsed, control characters escaped, cut at `width`."""
    flat = " ".join(text.split())
    flat = "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Cf", "Cs") else f"\\u{ord(ch):04x}" for ch in flat
    )
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def table(header: Sequence[str] | None, rows: Sequence[Sequence[Any]], right: Sequence[bool] | None = None) -> str:
    """Plain aligned columns; `header=None` prints rows only."""
    cells = ([[str(c) for c in header]] if header else []) + [[str(c) for c in row] for row in rows]
    ncol = len(cells[0]) if cells else 0
    widths = [max(len(r[i]) for r in cells) for i in range(ncol)]
    right = right or [False] * ncol
    lines = []
    for r in cells:
        parts = [c.rjust(w) if al else c.ljust(w) for c, w, al in zip(r, widths, right)]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


GROUP_HEADER = ("GROUP", "N", "TP", "FN", "FP", "TN", "REVIEW", "PRECISION", "RECALL", "F1", "FALSE-BLOCK", "ACCURACY")


def group_rows(groups: Sequence[GroupMetrics]) -> list[list[Any]]:
    return [
        [g.name, c.n, c.tp, c.fn, c.fp, c.tn, c.reviews, pct(c.precision), pct(c.recall), pct(c.f1),
         pct(c.false_block_rate), pct(c.accuracy)]
        for g in groups
        for c in [g.confusion]
    ]


def format_confusion(c: Confusion, review_as: str) -> str:
    return (
        f"Confusion matrix (rows: expected, columns: decided; review counted as {review_as})\n"
        + table(
            ("", "decided block", "decided allow", "total"),
            [
                ("expected block", c.tp, c.fn, c.tp + c.fn),
                ("expected allow", c.fp, c.tn, c.fp + c.tn),
                ("total", c.tp + c.fp, c.fn + c.tn, c.n),
            ],
            right=(False, True, True, True),
        )
    )


def format_report(report: EvalReport, max_misclassified: int = 50, prompt_width: int = 100) -> str:
    c = report.overall
    out: list[str] = []
    out.append("Overall")
    out.append(
        table(
            None,
            [
                ("precision", pct(c.precision), f"{c.tp} of {c.tp + c.fp} blocked rows were expected block"),
                ("recall", pct(c.recall), f"{c.tp} of {c.tp + c.fn} expected-block rows were blocked"),
                ("F1", pct(c.f1), ""),
                ("false-block rate", pct(c.false_block_rate), f"{c.fp} of {c.fp + c.tn} expected-allow rows were blocked"),
                ("accuracy", pct(c.accuracy), f"{c.tp + c.tn} of {c.n} rows"),
                ("review verdicts", str(c.reviews), f"counted as {report.review_as}"),
            ],
            right=(False, True, False),
        )
    )
    out += ["", format_confusion(c, report.review_as)]
    for title, groups in (("By category", report.by_category), ("By language", report.by_lang),
                          ("By mode", report.by_mode)):
        if groups:
            out += ["", title, table(GROUP_HEADER, group_rows(groups), right=(False,) + (True,) * 11)]
    if report.block_reasons:
        out += ["", "Reason codes on blocked rows (a row may have several)"]
        out.append(table(("CODE", "ROWS", "OF WHICH FALSE BLOCKS"),
                         [(code, n, report.false_block_reasons.get(code, 0))
                          for code, n in ranked(report.block_reasons)],
                         right=(False, True, True)))
    shown = report.misclassified[: max(0, max_misclassified)]
    out += ["", f"Misclassified rows: {len(report.misclassified)}"
                + (f" (showing the first {len(shown)}; --max-misclassified)" if len(shown) < len(report.misclassified) else "")]
    if shown:
        out.append(
            table(
                ("LINE", "EXPECTED", "DECIDED", "REASONS", "PROMPT"),
                [
                    (m.line, m.expected, m.decided + (" (review)" if m.verdict == "review" else ""),
                     ",".join(m.reasons) or "-", one_line(m.prompt, prompt_width))
                    for m in shown
                ],
                right=(True, False, False, False, False),
            )
        )
    return "\n".join(out)
