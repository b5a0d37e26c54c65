"""`rempart report transparency --from DATE --to DATE [--out-dir DIR]`: DSA transparency-report
counts from the audit log, as a tidy CSV and a self-contained HTML page (inline SVG charts)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rempart.cli.common import EXIT_DATA, EXIT_OK, EXIT_USAGE, fail, open_audit_log


def add_parser(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    r = subparsers.add_parser("report", help="reports for regulators")
    rsub = r.add_subparsers(dest="report_command", required=True, parser_class=type(r))
    t = rsub.add_parser("transparency", parents=[common_parent],
                        help="DSA transparency-report counts for a period (CSV + HTML)")
    t.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="first day (YYYY-MM-DD, UTC)")
    t.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="last day, inclusive")
    t.add_argument("--out-dir", default=".", metavar="DIR", help="where to write the CSV and HTML (default .)")
    t.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    t.set_defaults(handler=run_transparency)


def run_transparency(args: argparse.Namespace) -> int:
    from rempart.cli.progress import Progress
    from rempart.cli.sor_cmd import bank_sources
    from rempart.records.sor import ReasonClassifier, parse_day
    from rempart.records.transparency import build_report, to_html

    start, end = parse_day(args.date_from), parse_day(args.date_to)
    if end < start:
        return fail("--to is before --from", EXIT_USAGE, "report")
    try:
        log = open_audit_log(args.db)
    except FileNotFoundError as e:
        return fail(str(e), EXIT_DATA, "report")
    classifier = ReasonClassifier(bank_sources(args.db))
    try:
        progress = Progress(log.head()[0] or None, label="scanning", enabled=not args.no_progress)
        try:
            report = build_report(log.iter_records(), start, end, classifier, on_record=progress.update)
        finally:
            progress.close()
    finally:
        log.close()
    out_dir = Path(args.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"transparency-{start}_{end}"
    csv_path, html_path = out_dir / f"{stem}.csv", out_dir / f"{stem}.html"
    csv_path.write_text(report.to_csv(), encoding="utf-8")
    html_path.write_text(to_html(report), encoding="utf-8")
    print(f"own-initiative actions {report.value('own_initiative_actions')}, "
          f"reviewed {report.value('automated_restrictions_reviewed')} "
          f"(upheld rate {report.value('accuracy_upheld_rate')}), notices {report.value('notices_received')}")
    print(f"wrote {csv_path} and {html_path}")
    return EXIT_OK
