"""`rempart bank ...`: hash banks of known abusive images (hashes only, never images).

    bank create NAME --source S [--threshold T] [--allow-list] [--min-quality Q]
    bank add NAME PATH...            hash pictures into a bank (creates it if missing)
    bank list [--json]
    bank enable|disable NAME
    bank withdraw HASH [--type T]    a victim withdraws: the hash leaves every bank
    bank import NAME FILE [--format F]   all-or-nothing: a bad line leaves the bank untouched
    bank export NAME FILE [--format F]
    bank sweep [--bank NAME]... [--since DATE] [--format json|csv] [--out FILE]
    bank sync [--config FILE] [--only NAME]...   fetch the configured StopNCII / NCMEC banks

The bank store is `--banks` (an SQLite file or a postgresql:// DSN; env REMPART_BANKS),
by default the `--db` file shared with the audit log. Errors exit 5 with one line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from rempart.cli.common import EXIT_DATA, EXIT_OK, EXIT_USAGE, fail, open_audit_log, table


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    from rempart.banks.store import DEFAULT_SOURCE, DEFAULT_THRESHOLD, SOURCES

    store_opt = argparse.ArgumentParser(add_help=False)
    store_opt.add_argument("--banks", default=os.environ.get("REMPART_BANKS"), metavar="LOCATION",
                           help="bank store: SQLite file or postgresql:// DSN (env REMPART_BANKS; default: --db)")
    parents = [common, store_opt]
    b = subparsers.add_parser("bank", help="hash banks of known abusive images")
    bsub = b.add_subparsers(dest="bank_command", required=True, parser_class=type(b))

    def leaf(name: str, help: str, handler) -> argparse.ArgumentParser:
        p = bsub.add_parser(name, parents=parents, help=help)
        p.set_defaults(handler=handler)
        return p

    def source_arg(p: argparse.ArgumentParser, default: str | None) -> None:
        p.add_argument("--source", choices=SOURCES, default=default,
                       help=f"who reported these hashes (default {DEFAULT_SOURCE})")
        p.add_argument("--threshold", type=int, default=None,
                       help=f"PDQ Hamming distance for a match, 0..96 (default {DEFAULT_THRESHOLD})")

    c = leaf("create", "create a bank", _create)
    c.add_argument("name")
    source_arg(c, DEFAULT_SOURCE)
    c.add_argument("--allow-list", action="store_true",
                   help="a bank of known false positives: a match cancels block matches")
    c.add_argument("--min-quality", type=int, default=None, help="refuse PDQ hashes below this quality (default 50)")
    c.add_argument("--disabled", action="store_true", help="create it disabled")

    a = leaf("add", "hash pictures into a bank (the pictures are not stored)", _add)
    a.add_argument("name", metavar="NAME")
    a.add_argument("paths", nargs="+", metavar="PATH")
    source_arg(a, None)
    a.add_argument("--note", help="free text stored with each hash")

    ls = leaf("list", "list banks", _list)
    ls.add_argument("--json", action="store_true")

    for name, on in (("enable", True), ("disable", False)):
        p = leaf(name, f"{name} a bank (its hashes {'match' if on else 'stop matching'} at once)",
                 lambda args, on=on: _set_enabled(args, on))
        p.add_argument("name")

    w = leaf("withdraw", "remove a hash from every bank (a victim withdrawing a report)", _withdraw)
    w.add_argument("hash", metavar="HASH")
    w.add_argument("--type", choices=("pdq", "md5", "sha256"), default=None,
                   help="signal type (default: any type of that length)")

    im = leaf("import", "add every hash of an exchange file to a bank (all or nothing)", _import)
    im.add_argument("name")
    im.add_argument("file")
    im.add_argument("--format", default="auto", help="jsonl, te-text, te-csv or auto (default)")

    ex = leaf("export", "write a bank's hashes to an exchange file", _export)
    ex.add_argument("name")
    ex.add_argument("file", help="output file, or - for stdout")
    ex.add_argument("--format", default=None, help="jsonl (default), te-text or te-csv (.csv / .txt pick them)")

    s = leaf("sweep", "list past requests and outputs matching the banks: a takedown list", _sweep)
    s.add_argument("--bank", action="append", default=[], metavar="NAME",
                   help="sweep this bank only (repeatable; default: every enabled block bank)")
    s.add_argument("--since", metavar="DATE", help="only records from this date or ISO time on (UTC)")
    s.add_argument("--format", choices=("json", "csv"), default="json")
    s.add_argument("--out", metavar="FILE", help="write the list here (default: stdout)")
    s.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    y = leaf("sync", "fetch what changed in the configured remote banks (StopNCII, NCMEC)", _sync)
    y.add_argument("--config", metavar="FILE", default=None,
                   help="remote bank YAML (default: env REMPART_REMOTE_BANKS, else REMPART_STOPNCII_BANK / "
                        "REMPART_NCMEC_BANK); see rempart.banks.remote")
    y.add_argument("--only", action="append", default=[], metavar="NAME", help="sync this remote only (repeatable)")
    y.add_argument("--no-progress", action="store_true", help="no progress on stderr")


def _store(args: argparse.Namespace):
    from rempart.banks.store import BankStore

    return BankStore(args.banks or args.db)



def _create(args: argparse.Namespace) -> int:
    kwargs: dict[str, Any] = {"source": args.source, "kind": "allow" if args.allow_list else "block",
                              "enabled": not args.disabled}
    if args.threshold is not None:
        kwargs["threshold"] = args.threshold
    if args.min_quality is not None:
        kwargs["min_quality"] = args.min_quality
    with _store(args) as store:
        b = store.create_bank(args.name, **kwargs)
    print(f"created {b.kind} bank {b.name} (source {b.source}, threshold {b.threshold})")
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from rempart.errors import InputError
    from rempart.request.images import decode_image, load_image_file

    with _store(args) as store:
        if args.name not in {b.name for b in store.list_banks()}:
            kwargs: dict[str, Any] = {}
            if args.source:
                kwargs["source"] = args.source
            if args.threshold is not None:
                kwargs["threshold"] = args.threshold
            store.create_bank(args.name, **kwargs)
        failed = 0
        for path in args.paths:
            try:
                data = load_image_file(path)
                image = decode_image(data)
                out = store.add_image(args.name, image, note=args.note, encoded=data)
                print(f"added  {path}  sha256={image.sha256[:16]}…  pdq variants: {', '.join(out['variants'])}")
            except InputError as err:
                failed += 1
                print(f"skipped {path}: {err.code}: {err.message}", file=sys.stderr)
    return EXIT_DATA if failed else EXIT_OK


def _list(args: argparse.Namespace) -> int:
    with _store(args) as store:
        banks = store.list_banks()
    cols = ["name", "kind", "source", "threshold", "min_quality", "enabled", "entries", "pdq_entries",
            "md5_entries", "sha256_entries", "created_at"]
    rows = [{c: getattr(b, c) for c in cols} for b in banks]
    if args.json:
        print(json.dumps(rows, indent=2))
    elif not rows:
        print("no banks yet: `rempart bank create NAME --source S` creates one")
    else:
        print(table(rows, cols[:7]))
    return EXIT_OK


def _set_enabled(args: argparse.Namespace, enabled: bool) -> int:
    with _store(args) as store:
        store.set_enabled(args.name, enabled)
    print(f"bank {args.name} {'enabled' if enabled else 'disabled'}")
    return EXIT_OK


def _withdraw(args: argparse.Namespace) -> int:
    with _store(args) as store:
        removed = store.withdraw(args.hash, args.type)
    if not removed:
        print(f"hash not found in any bank: {args.hash.strip().lower()}")
        return EXIT_OK
    for bank, signal_type in removed:
        print(f"withdrawn from {bank} ({signal_type})")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from rempart.banks.formats import read_hash_file, store_rows

    with _store(args) as store:
        store.get_bank(args.name)  # an unknown bank fails before the file is read
        records = read_hash_file(args.file, args.format)  # HashFileError names the bad line
        added = store.add_hashes(args.name, store_rows(records))  # one transaction
    print(f"imported {len(records)} hashes into {args.name}: {added} new, {len(records) - added} already there")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from rempart.banks.formats import record_from_entry, write_hash_file

    fmt = args.format or {".csv": "te-csv", ".txt": "te-text"}.get(Path(args.file).suffix.lower(), "jsonl")
    with _store(args) as store:
        entries = store.all_entries(enabled_only=False, bank=args.name)
    records = [record_from_entry(e) for e in entries]
    n = write_hash_file(sys.stdout if args.file == "-" else args.file, records, fmt)
    if args.file != "-":
        print(f"exported {n} hashes from {args.name} to {args.file} ({fmt})")
    return EXIT_OK


def _sweep(args: argparse.Namespace) -> int:
    from rempart.banks.sweep import format_result, parse_since, sweep
    from rempart.cli.progress import Progress

    try:
        since = parse_since(args.since) if args.since else None
    except ValueError as e:
        return fail(f"error: {e}", EXIT_USAGE)
    try:
        log = open_audit_log(args.db)
    except FileNotFoundError as e:
        return fail(str(e), EXIT_DATA)
    progress = Progress(None, label="sweeping", enabled=not args.no_progress)
    try:
        with _store(args) as store:
            result = sweep(store, log, banks=args.bank or None, since=since, progress=progress)
    finally:
        progress.close()
        log.close()
    text = format_result(result, args.format)
    if args.out:
        tmp = Path(args.out).with_name(Path(args.out).name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, args.out)
    else:
        sys.stdout.write(text)
    print(f"swept {result.records_scanned} decisions: {len(result.rows)} matching images, "
          f"{len(result.accounts)} accounts", file=sys.stderr)
    return EXIT_OK


def _sync(args: argparse.Namespace) -> int:
    """Each remote in turn; one that fails (credentials, HTTP error) is reported and the others
    still run. Every page applied before a failure stays applied: the next sync resumes there."""
    from rempart.banks.remote import RemoteBankError, RemoteState, load_config, make_adapter, sync_remote
    from rempart.cli.progress import Progress

    config = load_config(args.config)  # RemoteBankError (REMOTE_CONFIG_INVALID) -> exit 5 in main
    remotes = [r for r in config.remotes if not args.only or r.name in args.only]
    unknown = sorted(set(args.only) - {r.name for r in config.remotes})
    if unknown:
        return fail(f"error: no configured remote named {', '.join(unknown)} "
                     f"(configured: {', '.join(r.name for r in config.remotes) or 'none'})", EXIT_USAGE)
    if not remotes:
        print("no remote banks configured; nothing to do (see `rempart bank sync --help`)", file=sys.stderr)
        return EXIT_OK
    failed = 0
    totals = [0, 0, 0]
    state = RemoteState(config.state_db)
    try:
        with _store(args) as store:
            for remote in remotes:
                progress = Progress(None, label=f"sync {remote.name}", enabled=not args.no_progress)
                try:
                    report = sync_remote(store, remote, state, make_adapter(remote),
                                         on_page=lambda r, p=progress: p.update("page"))
                except RemoteBankError as e:
                    failed += 1
                    print(f"rempart: {remote.name}: {e.code}: {e.message}", file=sys.stderr)
                    continue
                finally:
                    progress.close()
                totals[0] += report.added
                totals[1] += report.removed
                totals[2] += report.skipped
                print(f"{report.name} -> bank {report.bank}: {report.pages} page(s), +{report.added} added, "
                      f"-{report.removed} withdrawn, {report.skipped} skipped")
    finally:
        state.close()
    print(f"synced {len(remotes) - failed}/{len(remotes)} remote(s): +{totals[0]} added, -{totals[1]} withdrawn, "
          f"{totals[2]} skipped" + (f"; {failed} failed (their banks keep what they had)" if failed else ""))
    return EXIT_DATA if failed else EXIT_OK

