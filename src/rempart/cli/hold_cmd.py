"""`rempart hold create|list|change|release`: legal holds, recorded in the audit log itself."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rempart.cli.common import EXIT_CONFIG, EXIT_OK, EXIT_TAMPERED, EXIT_USAGE, fail
from rempart.cli.common import open_audit_log as open_log


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    h = subparsers.add_parser("hold", help="legal holds: preserve records in scope from retention")
    hsub = h.add_subparsers(dest="hold_command", required=True, parser_class=type(h))

    c = hsub.add_parser("create", parents=[common], help="create a legal hold (recorded in the audit log)",
                        description="Records are in scope when they satisfy every criterion given; several "
                                    "--account, or several values of one --feature, are alternatives.")
    c.add_argument("--authority", required=True, help="who ordered it, e.g. 'European Commission'")
    c.add_argument("--reference", required=True, help="the order's reference, e.g. a case number")
    c.add_argument("--reason", required=True, help="why, in a sentence")
    c.add_argument("--until", required=True, metavar="DATE", help="last day (or instant) the hold applies")
    c.add_argument("--account", action="append", default=[], metavar="ID", help="payload.account_id (repeatable)")
    c.add_argument("--from", dest="ts_from", metavar="DATE", help="records with ts at or after this date")
    c.add_argument("--to", dest="ts_to", metavar="DATE", help="records with ts up to this date (a date: the whole day)")
    c.add_argument("--feature", action="append", default=[], metavar="FIELD=VALUE",
                   help="a payload field, e.g. mode=edit, stage=output, tier=free, client.app=web (repeatable)")
    c.add_argument("--query", metavar="EXPR",
                   help="e.g. 'kind=decision and payload.decision=block and payload.tier in (free,anonymous)'")
    c.add_argument("--everything", action="store_true", help="preserve every record (no other criterion)")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=run_create)

    ls = hsub.add_parser("list", parents=[common], help="list holds (active ones unless --all)")
    ls.add_argument("--all", action="store_true", help="include released and expired holds")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=run_list)

    ch = hsub.add_parser("change", parents=[common], help="change a hold's until-date")
    ch.add_argument("hold_id", metavar="ID")
    ch.add_argument("--until", required=True, metavar="DATE")
    ch.add_argument("--reason", help="why it changed")
    ch.add_argument("--json", action="store_true")
    ch.set_defaults(handler=run_change)

    rl = hsub.add_parser("release", parents=[common], help="release a hold: its records return to normal retention")
    rl.add_argument("hold_id", metavar="ID")
    rl.add_argument("--reason", required=True)
    rl.add_argument("--json", action="store_true")
    rl.set_defaults(handler=run_release)


# --------------------------------------------------------------------------- shared with evidence/retention


def run_guarded(group: str, body: Any) -> int:
    """Run `body()` mapping errors to exit codes with one line each, never a traceback."""
    from rempart.audit.holds import HoldError, UnknownHoldError
    from rempart.audit.query import QuerySyntaxError
    from rempart.errors import AuditIntegrityError, RempartError

    try:
        return body()
    except (QuerySyntaxError, HoldError) as e:
        return fail(f"{e.code}: {e.message}", EXIT_CONFIG if isinstance(e, UnknownHoldError) else EXIT_USAGE, group)
    except AuditIntegrityError as e:
        return fail(f"{e.code}: {e.message}", EXIT_TAMPERED, group)
    except RempartError as e:
        return fail(f"{e.code}: {e.message}", EXIT_CONFIG, group)
    except FileNotFoundError as e:
        return fail(str(e), EXIT_CONFIG, group)
    except OSError as e:
        return fail(f"{e.filename or ''}: {e.strerror or e}", EXIT_CONFIG, group)


# --------------------------------------------------------------------------- commands


def _print_hold(hold: Any, now: Any, as_json: bool, verb: str) -> None:
    if as_json:
        print(json.dumps(hold.to_dict(now), indent=2, ensure_ascii=False))
    else:
        print(f"{verb} {hold.hold_id} ({hold.status(now)} until {hold.until.isoformat(timespec='seconds')}): "
              f"{hold.scope.describe()}")


def run_create(args: argparse.Namespace) -> int:
    from rempart.audit.holds import HoldError, HoldRegistry, HoldScope, utc_now

    def body() -> int:
        features = []
        for item in args.feature:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise HoldError(f"--feature expects FIELD=VALUE, got {item!r}")
            features.append((key.strip(), value.strip()))
        if args.everything and (args.account or args.ts_from or args.ts_to or features or args.query):
            raise HoldError("--everything cannot be combined with other scope options")
        scope = HoldScope(accounts=tuple(args.account), ts_from=args.ts_from, ts_to=args.ts_to,
                          features=tuple(features), query=args.query, everything=args.everything)
        log = open_log(args.db)
        try:
            hold = HoldRegistry(log).create(scope, authority=args.authority, reference=args.reference,
                                            reason=args.reason, until=args.until)
        finally:
            log.close()
        _print_hold(hold, utc_now(), args.json, "created")
        return EXIT_OK

    return run_guarded("hold", body)


def run_list(args: argparse.Namespace) -> int:
    from rempart.audit.holds import HoldRegistry, utc_now

    def body() -> int:
        log = open_log(args.db)
        try:
            holds = list(HoldRegistry(log).holds().values())
        finally:
            log.close()
        now = utc_now()
        shown = holds if args.all else [h for h in holds if h.is_active(now)]
        if args.json:
            print(json.dumps([h.to_dict(now) for h in shown], indent=2, ensure_ascii=False))
            return EXIT_OK
        if not shown:
            print("no holds" if args.all else "no active holds (--all lists released and expired ones)")
            return EXIT_OK
        for h in shown:
            print(f"{h.hold_id}  {h.status(now):8}  until {h.until.isoformat(timespec='seconds')}  "
                  f"{h.authority} / {h.reference}  [{h.scope.describe()}]")
        return EXIT_OK

    return run_guarded("hold", body)


def run_change(args: argparse.Namespace) -> int:
    from rempart.audit.holds import HoldRegistry, utc_now

    def body() -> int:
        log = open_log(args.db)
        try:
            hold = HoldRegistry(log).change(args.hold_id, until=args.until, reason=args.reason)
        finally:
            log.close()
        _print_hold(hold, utc_now(), args.json, "changed")
        return EXIT_OK

    return run_guarded("hold", body)


def run_release(args: argparse.Namespace) -> int:
    from rempart.audit.holds import HoldRegistry, utc_now

    def body() -> int:
        log = open_log(args.db)
        try:
            hold = HoldRegistry(log).release(args.hold_id, reason=args.reason)
        finally:
            log.close()
        _print_hold(hold, utc_now(), args.json, "released")
        return EXIT_OK

    return run_guarded("hold", body)
