"""`rempart` command line. The exit codes are in rempart.cli.common (and the README)."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from rempart.errors import PolicyError, RempartError

from rempart.cli.common import (  # noqa: F401 - re-exported: part of the CLI contract
    EXIT_BLOCK,
    EXIT_CONFIG,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_REVIEW,
    EXIT_TAMPERED,
    EXIT_USAGE,
)

# Modules contributing command groups (see build_parser).
COMMAND_MODULES = ("rempart.cli.eval_cmd", "rempart.cli.bank_cmd", "rempart.cli.hash_cmd", "rempart.cli.provenance_cmd",
                   "rempart.cli.hold_cmd", "rempart.cli.retention_cmd", "rempart.cli.evidence_cmd",
                   "rempart.cli.sor_cmd", "rempart.cli.report_cmd", "rempart.cli.review_cmd", "rempart.cli.audit_cmd")

_VERDICT_EXIT = {"allow": EXIT_OK, "block": EXIT_BLOCK, "review": EXIT_REVIEW}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors, as documented
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"rempart: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="rempart", description="Consent and child-safety gate for AI image generation and editing.")
    p.add_argument("--version", action="version", version=f"rempart {_version()}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=os.environ.get("REMPART_DB", "rempart.sqlite"),
        help="SQLite file for the audit log and hash banks (env REMPART_DB; default ./rempart.sqlite)",
    )
    common.add_argument("--policy", default=os.environ.get("REMPART_POLICY"), help="policy YAML file (default: bundled strict policy)")
    common.add_argument(
        "--option", action="append", default=[], metavar="NAME=true|false", help="set a policy option, e.g. explicit_for_verified_adults=true"
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    s = sub.add_parser("screen", parents=[common], help="screen one request, or a JSONL batch")
    s.add_argument("--prompt", help="the user's instruction")
    s.add_argument("--mode", choices=["generate", "edit"], default=None, help="default: edit when --image is given, else generate")
    s.add_argument("--image", action="append", default=[], metavar="PATH", help="input photo (repeatable)")
    s.add_argument("--output", metavar="PATH", help="generated result to screen after generation (compared with --image)")
    s.add_argument("--tier", choices=["anonymous", "free", "subscriber", "verified_adult"], default="anonymous")
    s.add_argument("--account", help="account id, recorded in the audit log")
    s.add_argument("--json", action="store_true", help="print the decision as JSON")
    s.add_argument("--batch", metavar="IN.jsonl", help="screen every line of a JSONL file")
    s.add_argument("--out", metavar="OUT.jsonl", help="with --batch: write decisions here (default: stdout)")
    s.add_argument("--workers", type=int, default=1, help="with --batch: parallel workers (default 1)")
    s.add_argument("--no-progress", action="store_true", help="with --batch: no progress bar on stderr")

    sv = sub.add_parser("serve", parents=[common], help="run the HTTP service")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--workers", type=int, default=1)

    d = sub.add_parser("demo", help="screen the bundled sample requests and print the decisions")
    d.add_argument("--dir", default="rempart-demo", help="where the demo writes its SQLite audit log")

    pc = sub.add_parser("policy", help="policy tools")
    psub = pc.add_subparsers(dest="policy_command", required=True, parser_class=_Parser)
    pcheck = psub.add_parser("check", help="validate a policy file")
    pcheck.add_argument("file")
    psub.add_parser("show-default", help="print the bundled default policy")

    # Command groups that live in their own module: each has add_parser(sub, common), which
    # sets `handler` on its parsers. Add a module here to add a command group.
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(sub, common)

    sc = sub.add_parser("schema", help="print the JSON schema of the request or decision")
    sc.add_argument("which", choices=["request", "decision"])
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except PolicyError as err:
        print(f"rempart: invalid policy: {err.message}", file=sys.stderr)
        return EXIT_CONFIG
    except RempartError as err:
        print(f"rempart: {err.code}: {err.message}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        print("rempart: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _dispatch(args: argparse.Namespace) -> int:
    handler = getattr(args, "handler", None)
    if handler is not None:
        return handler(args)
    cmd = args.command
    if cmd == "screen":
        from rempart.cli import screen

        if args.batch:
            if args.prompt or args.image or args.output:
                print("rempart: error: --batch cannot be combined with --prompt/--image/--output", file=sys.stderr)
                return EXIT_USAGE
            return screen.run_batch(args)
        if args.prompt is None:
            print("rempart: error: screen needs --prompt TEXT or --batch IN.jsonl", file=sys.stderr)
            return EXIT_USAGE
        return screen.run_single(args)
    if cmd == "serve":
        from rempart.service.app import serve

        make_policy(args)  # validate now: an invalid policy is a clear error at start-up
        serve(
            db_path=args.db,
            policy_path=args.policy,
            options=_parse_options(args.option),
            host=args.host,
            port=args.port,
            workers=args.workers,
        )
        return EXIT_OK
    if cmd == "demo":
        from rempart.demo.run import run_demo

        return run_demo(Path(args.dir))
    if cmd == "policy":
        from rempart.policy.engine import Policy

        if args.policy_command == "show-default":
            from rempart.policy.engine import default_policy_text

            sys.stdout.write(default_policy_text())
            return EXIT_OK
        pol = Policy.from_file(args.file)
        print(f"ok: {pol.label}, {len(pol.rules)} rules, options {pol.options}")
        return EXIT_OK
    if cmd == "schema":
        from rempart.decision.model import Decision
        from rempart.request.model import ScreenRequestDoc

        model = ScreenRequestDoc if args.which == "request" else Decision
        print(json.dumps(model.model_json_schema(), indent=2))
        return EXIT_OK
    raise AssertionError(cmd)


def _parse_options(items: list[str]) -> dict[str, bool]:
    options: dict[str, bool] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or value.lower() not in ("true", "false"):
            raise PolicyError(f"--option expects NAME=true|false, got {item!r}")
        options[name] = value.lower() == "true"
    return options


def make_policy(args: argparse.Namespace):
    from rempart.policy.engine import Policy

    options = _parse_options(args.option)
    if args.policy:
        return Policy.from_file(args.policy, options=options)
    return Policy.default_with(options)



def _version() -> str:
    from rempart import __version__

    return __version__


if __name__ == "__main__":
    sys.exit(main())
