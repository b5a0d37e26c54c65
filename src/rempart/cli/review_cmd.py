"""`rempart review record` and `rempart notice receive|resolve`: the human side of the
transparency report, recorded in the audit log (record shapes: docs/dsa.md).

A reviewer's outcome on a gate decision feeds the report's accuracy indicators; notices
(a victim's or a trusted flagger's report) feed its notice counts and median handling times.
Times come from the audit records' own timestamps, so they cannot be back-dated.
"""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from rempart.cli.common import EXIT_CONFIG, EXIT_OK, EXIT_USAGE, fail
from rempart.cli.common import open_audit_log as open_log

NOTICE_SOURCES = ("victim", "trusted_flagger", "ncmec", "stopncii", "user", "authority", "other")
_OPAQUE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")  # no spaces or '@': not a name or email


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    r = sub.add_parser("review", help="record a human reviewer's outcome on a gate decision")
    rsub = r.add_subparsers(dest="review_command", required=True, parser_class=type(r))
    rec = rsub.add_parser("record", parents=[common], help="a person upheld or overturned decision SEQ")
    rec.add_argument("seq", type=int, help="audit seq of the decision record")
    outcome = rec.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--upheld", action="store_true", help="the decision was right")
    outcome.add_argument("--overturned", action="store_true", help="the decision was wrong")
    rec.set_defaults(handler=run_review)

    n = sub.add_parser("notice", help="record notices (victim and flagger reports) and their handling")
    nsub = n.add_subparsers(dest="notice_command", required=True, parser_class=type(n))
    rcv = nsub.add_parser("receive", parents=[common], help="a notice arrived")
    rcv.add_argument("notice_id", help="an opaque id (never an email address or a name)")
    rcv.add_argument("--source", required=True, choices=NOTICE_SOURCES)
    rcv.add_argument("--category", help="STATEMENT_CATEGORY_... of the Transparency Database, if known")
    rcv.set_defaults(handler=run_notice_receive)
    res = nsub.add_parser("resolve", parents=[common], help="a notice was handled")
    res.add_argument("notice_id")
    res.add_argument("--action", required=True, choices=("actioned", "rejected"))
    res.set_defaults(handler=run_notice_resolve)


def _append(args: argparse.Namespace, group: str, kind: str, payload: dict, check: Any = None) -> int:
    try:
        log = open_log(args.db)
    except FileNotFoundError as e:
        return fail(str(e), EXIT_CONFIG, group)
    try:
        if check is not None:
            problem = check(log)
            if problem:
                return fail(problem, EXIT_USAGE, group)
        seq = log.append(kind, payload)
    finally:
        log.close()
    print(json.dumps({"seq": seq, "kind": kind, **payload}))
    return EXIT_OK


def run_review(args: argparse.Namespace) -> int:
    def check(log: Any) -> str | None:
        try:
            record = log.get(args.seq)
        except KeyError:
            return f"no audit record with seq {args.seq}"
        if record["kind"] != "decision":
            return f"record {args.seq} is a {record['kind']!r} record, not a gate decision"
        return None

    return _append(args, "review", "review.outcome", {"seq": args.seq, "upheld": bool(args.upheld)}, check)


def _check_notice_id(notice_id: str) -> str | None:
    if not _OPAQUE_ID.fullmatch(notice_id):
        return "notice ids are opaque tokens (letters, digits, . _ : -; no spaces or '@'): never a name or an email"
    return None


def run_notice_receive(args: argparse.Namespace) -> int:
    if (problem := _check_notice_id(args.notice_id)) is not None:
        return fail(problem, EXIT_USAGE, "notice")
    if args.category and not args.category.startswith("STATEMENT_CATEGORY_"):
        return fail("--category takes a Transparency Database category, STATEMENT_CATEGORY_...", EXIT_USAGE, "notice")
    payload = {"notice_id": args.notice_id, "source": args.source}
    if args.category:
        payload["category"] = args.category
    return _append(args, "notice", "notice.received", payload)


def run_notice_resolve(args: argparse.Namespace) -> int:
    if (problem := _check_notice_id(args.notice_id)) is not None:
        return fail(problem, EXIT_USAGE, "notice")

    def check(log: Any) -> str | None:
        seen = any(r["kind"] == "notice.received" and (r["payload"] or {}).get("notice_id") == args.notice_id
                   for r in log.iter_records())
        return None if seen else f"no notice {args.notice_id!r} was received"

    return _append(args, "notice", "notice.resolved", {"notice_id": args.notice_id, "action": args.action}, check)
