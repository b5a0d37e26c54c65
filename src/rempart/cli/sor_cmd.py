"""`rempart sor export|validate|submit`: DSA statements of reasons from the audit log.

    rempart sor export [--from DATE --to DATE] --out FILE.jsonl     (secret in $REMPART_SOR_SECRET)
    rempart sor validate FILE.jsonl
    rempart sor submit FILE.jsonl --url BASE --token-env VAR

Exit codes: 0 done; 5 invalid statements, rejected or failed submissions, missing
configuration (secret, token, database); 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from rempart.cli.common import EXIT_DATA, EXIT_OK, EXIT_USAGE, fail, open_audit_log


def add_parser(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    s = subparsers.add_parser("sor", help="DSA statements of reasons for the EU Transparency Database")
    ssub = s.add_subparsers(dest="sor_command", required=True, parser_class=type(s))

    e = ssub.add_parser("export", parents=[common_parent], help="build statements for block decisions, one per line")
    e.add_argument("--from", dest="date_from", metavar="DATE", help="first day (YYYY-MM-DD, UTC), default: the start")
    e.add_argument("--to", dest="date_to", metavar="DATE", help="last day, inclusive (default: today)")
    e.add_argument("--out", required=True, metavar="FILE.jsonl", help="where to write the statements")
    e.add_argument("--secret-env", default="REMPART_SOR_SECRET", metavar="VAR",
                   help="environment variable holding the secret that keys the puids (default REMPART_SOR_SECRET)")
    e.add_argument("--namespace", default="rempart", help="puid namespace: one per audit log (default rempart)")
    e.add_argument("--territory", default="EU", help="EU, EEA or comma-separated country codes (default EU)")
    e.add_argument("--terms-reference", default="Terms of service: prohibited content",
                   help="the contractual ground cited (the policy rule ids are appended)")
    e.add_argument("--terms-url", help="URL of the terms relied on (decision_ground_reference_url)")
    e.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    e.set_defaults(handler=run_export)

    v = ssub.add_parser("validate", help="check a statements file against the Transparency Database schema")
    v.add_argument("file", metavar="FILE.jsonl")
    v.add_argument("--max-errors", type=int, default=20, metavar="N", help="problem lines to print (default 20)")
    v.set_defaults(handler=run_validate)

    u = ssub.add_parser("submit", help="send a statements file to the Transparency Database API")
    u.add_argument("file", metavar="FILE.jsonl")
    u.add_argument("--url", required=True, metavar="BASE",
                   help="API base, e.g. https://transparency.dsa.ec.europa.eu (sandbox or production)")
    u.add_argument("--token-env", required=True, metavar="VAR", help="environment variable holding the API token")
    u.add_argument("--api-version", default="v2", help="path segment after /api/ (default v2)")
    u.add_argument("--batch-size", type=int, default=100, help="statements per call, 1..100 (default 100)")
    u.add_argument("--timeout", type=float, default=30.0, help="seconds per HTTP request (default 30)")
    u.add_argument("--report", metavar="OUT.json", help="write every puid's outcome here")
    u.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    u.set_defaults(handler=run_submit)



def bank_sources(db: str) -> dict[str, str]:
    """Bank name -> source, so a hash match reads as a victim's notice, a trusted flagger's, ..."""
    try:
        from rempart.banks.store import BankStore

        store = BankStore(db)
    except Exception:  # noqa: BLE001 - no bank tables is fine: every match counts as own initiative
        return {}
    try:
        return {b.name: b.source for b in store.list_banks()}
    finally:
        store.close()


def run_export(args: argparse.Namespace) -> int:
    from rempart.cli.progress import Progress
    from rempart.records.sor import SorBuilder, SorConfig, export_statements, iter_period, parse_day, parse_territory

    try:
        log = open_audit_log(args.db)
    except FileNotFoundError as e:
        return fail(str(e), EXIT_DATA, "sor")
    tmp = Path(str(args.out) + ".part")
    try:
        start = parse_day(args.date_from) if args.date_from else None
        end = parse_day(args.date_to) if args.date_to else None
        if start and end and end < start:
            return fail("--to is before --from", EXIT_USAGE, "sor")
        config = SorConfig.from_env(
            args.secret_env, namespace=args.namespace, territorial_scope=parse_territory(args.territory),
            terms_reference=args.terms_reference, terms_url=args.terms_url, bank_sources=bank_sources(args.db))
        builder = SorBuilder(config)
        progress = Progress(log.head()[0] or None, label="exporting", enabled=not args.no_progress)
        try:
            with open(tmp, "w", encoding="utf-8") as out:
                summary = export_statements(iter_period(log, start, end, progress.update), builder, out)
        finally:
            progress.close()
        os.replace(tmp, args.out)  # a half-written file never takes the final name
    finally:
        log.close()
        tmp.unlink(missing_ok=True)
    print(f"{summary.written} statement(s) written to {args.out}")
    for why, n in sorted(summary.skipped.items()):
        print(f"  skipped {n}: {why}")
    for seq, why in list(summary.refused.items())[:10]:
        print(f"  refused audit seq {seq}: {why}", file=sys.stderr)
    if summary.refused:
        return fail(f"{len(summary.refused)} statement(s) refused; the others were written", EXIT_DATA, "sor")
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    from rempart.records.sor import read_statements, validate_statement

    if not Path(args.file).is_file():
        return fail(f"no such file: {args.file}", EXIT_DATA, "sor")
    seen: dict[str, int] = {}
    total = bad = 0
    for line, item in read_statements(args.file):
        total += 1
        if isinstance(item, Exception):
            errors = [f"not JSON: {item}"]
        else:
            errors = validate_statement(item)
            puid = item.get("puid") if isinstance(item, dict) else None
            if isinstance(puid, str):
                if puid in seen:
                    errors.append(f"puid repeats line {seen[puid]}")
                seen.setdefault(puid, line)
        if errors:
            bad += 1
            if bad <= args.max_errors:
                print(f"{args.file}:{line}: " + "; ".join(errors))
    if total == 0:
        return fail(f"{args.file}: no statements", EXIT_DATA, "sor")
    if bad:
        print(f"{bad} of {total} statement(s) invalid")
        return EXIT_DATA
    print(f"{total} statement(s) valid against the Transparency Database v2 schema")
    return EXIT_OK


def run_submit(args: argparse.Namespace) -> int:
    from rempart.cli.progress import Progress
    from rempart.records.sor import read_statements, validate_statement
    from rempart.records.tdb_client import TdbClient

    token = os.environ.get(args.token_env)
    if not token:
        return fail(f"environment variable {args.token_env} holds no API token", EXIT_DATA, "sor")
    if not Path(args.file).is_file():
        return fail(f"no such file: {args.file}", EXIT_DATA, "sor")
    statements = []
    for line, item in read_statements(args.file):
        errors = [str(item)] if isinstance(item, Exception) else validate_statement(item)
        if errors:  # nothing invalid leaves this machine: fix the file, then submit it whole
            return fail(f"{args.file}:{line}: invalid statement, nothing sent: {'; '.join(errors[:3])}", EXIT_DATA, "sor")
        statements.append(item)
    if not statements:
        return fail(f"{args.file}: no statements", EXIT_DATA, "sor")
    client = TdbClient(args.url, token, api_version=args.api_version, timeout_s=args.timeout,
                       batch_size=args.batch_size)
    progress = Progress(len(statements), label="submitting", enabled=not args.no_progress)
    try:
        report = client.submit(statements, on_batch=lambda n: [progress.update("sent") for _ in range(n)])
    finally:
        progress.close()
    print(f"created {len(report.created)}, already present {len(report.already_present)}, "
          f"rejected {len(report.rejected)}, failed {len(report.failed)} ({report.calls} HTTP calls)")
    for puid, errs in list(report.rejected.items())[:10]:
        print(f"  rejected {puid}: {json.dumps(errs, ensure_ascii=False)[:300]}")
    for puid, why in list(report.failed.items())[:10]:
        print(f"  failed {puid}: {why}")
    if args.report:
        Path(args.report).write_text(json.dumps({
            "created": report.created, "already_present": report.already_present,
            "rejected": report.rejected, "failed": report.failed, "calls": report.calls,
        }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return EXIT_OK if report.ok else EXIT_DATA
