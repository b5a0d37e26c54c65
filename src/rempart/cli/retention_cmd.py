"""`rempart retention run|show-default`: redact payloads past retention, except under an active hold."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rempart.cli.common import EXIT_OK
from rempart.cli.common import open_audit_log as open_log
from rempart.cli.hold_cmd import run_guarded


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    r = subparsers.add_parser("retention", help="delete audit payloads past their retention period")
    rsub = r.add_subparsers(dest="retention_command", required=True, parser_class=type(r))
    run = rsub.add_parser("run", parents=[common], help="redact payloads past retention that no active hold covers",
                          description="Payloads are deleted; each record's hashes stay, so every proof and "
                                      "checkpoint still verifies. Records of kind hold.* and audit.* are always kept.")
    run.add_argument("--config", metavar="FILE", help="retention YAML (default: the bundled one, "
                                                      "`rempart retention show-default`)")
    run.add_argument("--now", metavar="ISO", help="evaluate ages and holds at this instant (not in the future)")
    run.add_argument("--dry-run", action="store_true", help="count what would be redacted; change nothing")
    run.add_argument("--json", action="store_true", help="print the summary as JSON")
    run.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    run.set_defaults(handler=run_retention)
    show = rsub.add_parser("show-default", help="print the bundled retention configuration")
    show.set_defaults(handler=run_show_default)


def run_show_default(args: argparse.Namespace) -> int:
    from rempart.audit.retention import DEFAULT_RETENTION_YAML

    sys.stdout.write(DEFAULT_RETENTION_YAML)
    return EXIT_OK


def run_retention(args: argparse.Namespace) -> int:
    from rempart.audit.retention import RetentionPolicy, RetentionRun
    from rempart.cli.progress import Progress

    def body() -> int:
        policy = RetentionPolicy.from_file(args.config) if args.config else RetentionPolicy.default_policy()
        log = open_log(args.db)
        try:
            job = RetentionRun(log, policy, now=args.now)
            bars = [Progress(log.head()[0], label="retention scan", enabled=not args.no_progress)]

            def on_redact(n: int) -> None:
                if len(bars) == 1:  # the scan is over: switch to a redaction bar
                    bars[0].close()
                    bars.append(Progress(None, label="redacting", enabled=not args.no_progress))
                for _ in range(n):
                    bars[-1].update("redacted")

            try:
                summary = job.run(dry_run=args.dry_run, on_scan=bars[0].update, on_redact=on_redact)
            finally:
                bars[-1].close()
        finally:
            log.close()
        if args.json:
            print(json.dumps(summary.to_dict(), indent=2))
            return EXIT_OK
        _print_summary(summary, policy.source)
        return EXIT_OK

    return run_guarded("retention", body)


def _print_summary(s: Any, source: str) -> None:
    verb = "would redact" if s.dry_run else "redacted"
    n = s.would_redact if s.dry_run else s.redacted
    print(f"retention{' (dry run)' if s.dry_run else ''} at {s.now} with {source}: {verb} {n} payload(s)")
    print(f"  scanned {s.scanned}: {s.past_retention} past retention, {s.held} of them kept by a hold; "
          f"{s.within_retention} within retention; {s.kept_forever} kept forever; "
          f"{s.already_redacted} already redacted" + (f"; {s.unreadable_ts} with an unreadable ts (kept)"
                                                      if s.unreadable_ts else ""))
    for kind, c in sorted(s.by_kind.items()):
        print(f"  {kind}: {c.past_retention} past retention, {c.held} held, {c.redacted} redacted")
    if s.holds_active:
        held = ", ".join(f"{h} ({s.held_by_hold.get(h, 0)})" for h in s.holds_active)
        print(f"  active holds (records kept): {held}")
    if not s.dry_run and s.redaction_records:
        print(f"  {s.redaction_records} audit.redaction record(s) appended")
