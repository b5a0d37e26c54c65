"""`rempart audit ...`: verify the log, prove records, sign and publish checkpoints.

    rempart audit verify [--from-checkpoint FILE [--key FILE]] [--json]
    rempart audit prove SEQ [--size N] [--json]
    rempart audit consistency OLD NEW [--json]
    rempart audit checkpoint --key-file FILE [--origin O] [--out FILE] [--post URL]
    rempart audit keygen --out FILE [--name NAME]

`--db` takes an SQLite path or a postgresql:// URL. `verify` checks the hash chain and the
Merkle tree (syncing it first) and, given a signed checkpoint, that the log still holds the
tree the checkpoint signed: a deleted tail or a rewritten record is found even when the
attacker rebuilt the chain and the tree. Exit 6 names every record found tampered with.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.request
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rempart.errors import AuditIntegrityError

from rempart.cli.common import EXIT_CONFIG, EXIT_OK, EXIT_TAMPERED, EXIT_USAGE, fail, open_audit_log
DEFAULT_ORIGIN = "rempart/audit"


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    a = subparsers.add_parser("audit", help="the tamper-evident audit log: verify, prove, checkpoint")
    asub = a.add_subparsers(dest="audit_command", required=True, parser_class=type(a))

    v = asub.add_parser("verify", parents=[common], help="verify the hash chain and the Merkle tree; names any "
                                                         "altered record")
    v.add_argument("--from-checkpoint", metavar="FILE", help="a signed checkpoint: the log must still contain it")
    v.add_argument("--key", metavar="FILE", default=os.environ.get("REMPART_AUDIT_KEY"),
                   help="verifier key (or the signer key file) for the checkpoint (env REMPART_AUDIT_KEY)")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=run_verify)

    p = asub.add_parser("prove", parents=[common], help="inclusion proof of one record (JSON, verifiable offline)")
    p.add_argument("seq", type=int)
    p.add_argument("--size", type=int, help="tree size to prove against (default: the current size)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_prove)

    c = asub.add_parser("consistency", parents=[common], help="consistency proof between two tree sizes")
    c.add_argument("old", type=int)
    c.add_argument("new", type=int)
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=run_consistency)

    k = asub.add_parser("checkpoint", parents=[common], help="sign a checkpoint of the tree; write and/or POST it")
    k.add_argument("--key-file", metavar="FILE", default=os.environ.get("REMPART_AUDIT_KEY_FILE"),
                   help="signer key (see `rempart audit keygen`; env REMPART_AUDIT_KEY_FILE)")
    k.add_argument("--origin", default=os.environ.get("REMPART_AUDIT_ORIGIN", DEFAULT_ORIGIN),
                   help=f"checkpoint origin line (env REMPART_AUDIT_ORIGIN; default {DEFAULT_ORIGIN})")
    k.add_argument("--out", metavar="FILE", help="write the checkpoint here (default: stdout)")
    k.add_argument("--post", metavar="URL", help="POST the checkpoint text to a witness URL")
    k.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for the witness (default 10)")
    k.set_defaults(handler=run_checkpoint)

    g = asub.add_parser("keygen", help="create an Ed25519 signer key file (0600) and print its verifier key")
    g.add_argument("--out", required=True, metavar="FILE")
    g.add_argument("--name", default="rempart-audit", help="key name (default rempart-audit)")
    g.set_defaults(handler=run_keygen)


# --------------------------------------------------------------------------- helpers





def _synced_tree(log: Any) -> Any:
    from rempart.audit.tree import MerkleTree

    tree = MerkleTree(log)
    tree.sync()
    return tree


def _problem_dicts(report: Any, source: str) -> list[dict]:
    return [{**asdict(p), "source": source} for p in report.problems]


def _with_log(args: argparse.Namespace, fn: Any) -> int:
    try:
        log = open_audit_log(args.db)
    except FileNotFoundError as e:
        return fail(str(e), EXIT_CONFIG)
    try:
        return fn(log)
    except AuditIntegrityError as e:
        print(f"rempart: audit log TAMPERED: {e.message}", file=sys.stderr)
        return EXIT_TAMPERED
    except (ValueError, KeyError) as e:  # a seq or size the tree does not hold
        return fail(str(e.args[0] if e.args else e), EXIT_USAGE)
    finally:
        log.close()


# --------------------------------------------------------------------------- verify


def _load_verifier(path: str) -> Any:
    from rempart.audit.checkpoint import load_verifier_key, parse_signer_key

    text = Path(path).read_text("utf-8").strip()
    if text.startswith("PRIVATE+KEY+"):
        return parse_signer_key(text).verifier
    return load_verifier_key(text)


def run_verify(args: argparse.Namespace) -> int:
    from rempart.audit.checkpoint import CheckpointError, verify_checkpoint

    cp = None
    if args.from_checkpoint:
        if not args.key:
            return fail("--from-checkpoint needs --key FILE (the verifier key, or the signer key file)", EXIT_USAGE)
        try:
            verifier = _load_verifier(args.key)
            cp = verify_checkpoint(Path(args.from_checkpoint).read_bytes(), verifier)
        except OSError as e:
            return fail(f"cannot read {e.filename}: {e.strerror}", EXIT_CONFIG)
        except ValueError as e:
            return fail(f"bad key file {args.key}: {e}", EXIT_CONFIG)
        except CheckpointError as e:
            print(f"rempart: checkpoint {args.from_checkpoint} does not verify: {e.message}", file=sys.stderr)
            return EXIT_TAMPERED

    def verify(log: Any) -> int:
        from rempart.audit.tree import MerkleTree

        chain = log.verify()
        tree = MerkleTree(log)
        tree_rep = tree.verify()
        sync_error = None
        if tree_rep.ok:
            try:
                tree.sync()
            except AuditIntegrityError as e:
                sync_error = e.message
            tree_rep = tree.verify(cp)
        problems = _problem_dicts(chain, "chain") + _problem_dicts(tree_rep, "tree")
        if sync_error:
            problems.append({"seq": 0, "kind_of_problem": "tree_sync", "message": sync_error, "source": "tree"})
        ok = not problems
        out = {"ok": ok, "checked": chain.checked, "head": {"seq": chain.head[0], "hash": chain.head[1]},
               "tree": {"size": tree_rep.size, "root": tree_rep.root.hex()},
               "checkpoint": None if cp is None else {**cp.to_dict(), "consistent": ok},
               "problems": problems,
               "problems_truncated": chain.problems_truncated or tree_rep.problems_truncated}
        if args.json:
            print(json.dumps(out, indent=2))
        elif ok:
            extra = f"; consistent with the checkpoint of size {cp.size}" if cp else ""
            print(f"audit log OK: {chain.checked} records, chain intact, Merkle tree of {tree_rep.size} "
                  f"records intact{extra}")
        else:
            bad = sorted({p["seq"] for p in problems if p["seq"] > 0})
            print(f"audit log TAMPERED: {len(problems)} problem(s) in {chain.checked} records"
                  + (f"; records {', '.join(map(str, bad[:20]))}" if bad else ""))
            for p in problems:
                where = f"record {p['seq']}" if p["seq"] > 0 else "log"
                print(f"  {where}: {p['kind_of_problem']}: {p['message']}")
        return EXIT_OK if ok else EXIT_TAMPERED

    return _with_log(args, verify)


# --------------------------------------------------------------------------- proofs


def run_prove(args: argparse.Namespace) -> int:
    def prove(log: Any) -> int:
        tree = _synced_tree(log)
        proof = tree.prove(args.seq, args.size)
        proof.verify()
        rec = log.get(args.seq)
        out = {**proof.to_dict(), "hash_alg": "sha256", "leaf_format": "rempart-audit-v1 (see rempart.audit.tree)",
               "record": {"seq": rec["seq"], "ts": rec["ts"], "kind": rec["kind"], "redacted": rec["redacted"],
                          "payload": None if rec["redacted"] else _canonical(rec["payload"])}}
        if args.json:
            print(json.dumps(out, indent=2))
        else:
            print(f"record {args.seq} is leaf {proof.index} of the tree of size {proof.size}, root {proof.root.hex()}")
            print(f"leaf hash {proof.leaf_hash.hex()}; proof of {len(proof.proof)} hashes:")
            for h in proof.proof:
                print(f"  {h.hex()}")
        return EXIT_OK

    return _with_log(args, prove)


def _canonical(payload: Any) -> str:
    from rempart.audit.log import canonical_json

    return canonical_json(payload)


def run_consistency(args: argparse.Namespace) -> int:
    def consistency(log: Any) -> int:
        tree = _synced_tree(log)
        proof = tree.consistency_proof(args.old, args.new)
        proof.verify()
        if args.json:
            print(json.dumps({**proof.to_dict(), "hash_alg": "sha256"}, indent=2))
        else:
            print(f"tree {proof.old_size} (root {proof.old_root.hex()}) is a prefix of tree {proof.new_size} "
                  f"(root {proof.new_root.hex()}); proof of {len(proof.proof)} hashes:")
            for h in proof.proof:
                print(f"  {h.hex()}")
        return EXIT_OK

    return _with_log(args, consistency)


# --------------------------------------------------------------------------- checkpoints


def run_checkpoint(args: argparse.Namespace) -> int:
    from rempart.audit.checkpoint import load_key

    if not args.key_file:
        return fail("checkpoint needs a signer key: --key-file FILE (or env REMPART_AUDIT_KEY_FILE); "
                     "create one with `rempart audit keygen --out FILE`", EXIT_USAGE)
    try:
        key = load_key(args.key_file)
    except PermissionError as e:
        return fail(str(e), EXIT_CONFIG)
    except OSError as e:
        return fail(f"cannot read the key file {args.key_file}: {e.strerror}", EXIT_CONFIG)
    except ValueError as e:
        return fail(f"bad key file {args.key_file}: {e}", EXIT_CONFIG)
    if args.post and not args.post.startswith(("http://", "https://")):
        return fail(f"--post needs an http:// or https:// URL, got {args.post!r}", EXIT_USAGE)

    def checkpoint(log: Any) -> int:
        tree = _synced_tree(log)
        try:
            note = tree.checkpoint(args.origin, key)
        except ValueError as e:
            return fail(f"cannot sign a checkpoint: {e}", EXIT_USAGE)
        if args.out:
            Path(args.out).write_text(note, "utf-8")
            print(f"checkpoint of {tree.size} records written to {args.out}", file=sys.stderr)
        else:
            sys.stdout.write(note)
        if args.post:
            return _post(args.post, note, args.timeout)
        return EXIT_OK

    return _with_log(args, checkpoint)


def _post(url: str, note: str, timeout: float) -> int:
    req = urllib.request.Request(url, data=note.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "text/plain; charset=utf-8"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - URL scheme checked above
            status = resp.status
    except urllib.error.HTTPError as e:
        return fail(f"witness {url} refused the checkpoint: HTTP {e.code} {e.reason}", EXIT_CONFIG)
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        reason = getattr(e, "reason", e)
        return fail(f"cannot reach the witness {url}: {reason}", EXIT_CONFIG)
    print(f"checkpoint posted to {url}: HTTP {status}", file=sys.stderr)
    return EXIT_OK


def run_keygen(args: argparse.Namespace) -> int:
    from rempart.audit.checkpoint import generate_key, save_key

    try:
        key = generate_key(args.name)
    except ValueError as e:
        return fail(str(e), EXIT_USAGE)
    try:
        save_key(key, args.out)
    except FileExistsError:
        return fail(f"{args.out} exists; refusing to overwrite a key", EXIT_CONFIG)
    except OSError as e:
        return fail(f"cannot write {args.out}: {e.strerror}", EXIT_CONFIG)
    pub = Path(f"{args.out}.pub")
    pub.write_text(key.verifier_key + "\n", "utf-8")
    print(key.verifier_key)
    print(f"signer key written to {args.out} (0600), verifier key to {pub}", file=sys.stderr)
    return EXIT_OK
