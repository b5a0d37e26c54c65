"""`rempart evidence export|verify`: a hold's records with proofs, checked offline by an authority."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from rempart.cli.common import EXIT_CONFIG, EXIT_OK, EXIT_TAMPERED, EXIT_USAGE, fail
from rempart.cli.common import open_audit_log as open_log
from rempart.cli.hold_cmd import run_guarded


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    e = subparsers.add_parser("evidence", help="evidence bundles for legal holds")
    esub = e.add_subparsers(dest="evidence_command", required=True, parser_class=type(e))
    ex = esub.add_parser("export", parents=[common], help="write the records in a hold's scope, with inclusion "
                                                          "proofs and a signed checkpoint")
    ex.add_argument("--hold", required=True, metavar="ID")
    ex.add_argument("--out", required=True, metavar="DIR|FILE.zip", help="a new directory, or a .zip file")
    ex.add_argument("--key-file", default=os.environ.get("REMPART_AUDIT_KEY_FILE"), metavar="K",
                    help="Ed25519 signer key (PRIVATE+KEY+..., mode 600) for the checkpoint "
                         "(env REMPART_AUDIT_KEY_FILE)")
    ex.add_argument("--origin", default=os.environ.get("REMPART_AUDIT_ORIGIN"),
                    help="checkpoint origin line (env REMPART_AUDIT_ORIGIN; default: the key's name)")
    ex.add_argument("--no-progress", action="store_true")
    ex.set_defaults(handler=run_export)

    v = esub.add_parser("verify", help="verify a bundle offline: manifest, records, proofs, checkpoint signature")
    v.add_argument("bundle", metavar="BUNDLE", help="the bundle directory or .zip")
    v.add_argument("--key", metavar="VERIFIER_KEY|FILE",
                   help="the operator's published verifier key; without it the bundle's own key is trusted")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=run_verify)


def run_export(args: argparse.Namespace) -> int:
    from rempart.audit.checkpoint import load_key
    from rempart.audit.evidence import export_bundle
    from rempart.cli.progress import Progress

    if not args.key_file:
        return fail("export needs a signing key: --key-file FILE (or env REMPART_AUDIT_KEY_FILE); "
                    "create one with `rempart audit keygen --out FILE`", EXIT_USAGE, "evidence")

    def body() -> int:
        try:
            key = load_key(args.key_file)
        except (ValueError, PermissionError) as err:
            return fail(f"signing key {args.key_file}: {err}", EXIT_CONFIG, "evidence")
        log = open_log(args.db)
        progress = Progress(log.head()[0], label="exporting", enabled=not args.no_progress)
        try:
            s = export_bundle(log, args.hold, args.out, key, origin=args.origin or key.name,
                              on_record=progress.update)
        finally:
            progress.close()
            log.close()
        print(f"wrote {s.path}: {s.records} record(s) of hold {s.hold_id} ({s.redacted} redacted), proved against "
              f"the signed checkpoint at tree size {s.tree_size}, root {s.root[:16]}…")
        print(f"verify it with: rempart evidence verify {s.path} --key '{key.verifier_key}'")
        return EXIT_OK

    return run_guarded("evidence", body)


def run_verify(args: argparse.Namespace) -> int:
    from rempart.audit.checkpoint import load_verifier_key
    from rempart.audit.evidence import verify_bundle

    if not Path(args.bundle).exists():
        return fail(f"no bundle at {args.bundle}", EXIT_CONFIG, "evidence")

    def body() -> int:
        pinned = None
        if args.key:
            try:
                pinned = load_verifier_key(args.key)
            except (ValueError, OSError) as err:
                return fail(f"--key: not a verifier key: {err}", EXIT_USAGE, "evidence")
        report = verify_bundle(args.bundle, pinned)
        if args.json:
            print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        elif report.ok:
            hold = report.hold or {}
            print(f"bundle OK: {report.records} record(s) of hold {hold.get('hold_id')} "
                  f"({hold.get('authority')} / {hold.get('reference')}), {report.proofs_checked} inclusion "
                  f"proof(s) against the checkpoint {report.origin} at size {report.tree_size}, signed by "
                  f"{report.key.split('+')[0] if report.key else '?'}")
            if not report.key_pinned:
                print(f"  note: checked with the bundle's own key {report.key}; pass --key with the operator's "
                      "published key to pin it")
            for note in report.notes:
                print(f"  note: {note}")
        else:
            print(f"bundle TAMPERED: {len(report.problems)} problem(s)")
            for p in report.problems:
                print(f"  {p}")
        return EXIT_OK if report.ok else EXIT_TAMPERED

    return run_guarded("evidence", body)
