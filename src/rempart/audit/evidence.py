"""Evidence bundles: the records in a legal hold's scope, with proofs an authority checks offline.

A bundle is a directory (or a .zip of the same files):

    bundle.json       what it is: format, hold (as its hold.* records define it), origin, tree size,
                      record counts, the verifier key's fingerprint
    records.jsonl     one record per line, every field: seq, ts, kind, payload (null when
                      redacted), redacted, prev_hash, record_hash, leaf_hash. The records in the
                      hold's scope, the hold's own hold.* records, and the audit.redaction records
                      that say when and why an exported record's payload was deleted
    proofs.jsonl      one RFC 6962 inclusion proof per record, against the checkpoint's tree size
    checkpoint.txt    the Ed25519-signed C2SP checkpoint (origin, tree size, root)
    checkpoint.pub    the signer's verifier key (name+hash+base64), as published by the operator
    MANIFEST.sha256   SHA-256 of every other file, in `sha256sum` format

What `verify_bundle` proves, using only these files and the pure code in rempart.audit.merkle and
rempart.audit.checkpoint (no database, no network):
  * every file is listed in the manifest with its true SHA-256, and nothing else is there;
  * the checkpoint is signed by the bundled key (and by the key the authority pins, if given);
  * each record with a payload hashes to its leaf hash and to its record_hash (seq, ts, kind and
    payload are all covered), and each leaf hash is included in the checkpoint's tree;
  * the hold described in bundle.json is the one its own hold.* records, also proved, define.
Limits, stated in the verify output: a redacted record proves only its leaf hash (its ts and
kind cannot be recomputed without the payload), and a bundle cannot prove that no record of the
scope was left out; the checkpoint, compared with one the operator published, pins the log.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator

from rempart.audit.checkpoint import (
    CheckpointError,
    SigningKey,
    VerifierKey,
    parse_checkpoint,
    parse_verifier_key,
    verify_checkpoint,
)
from rempart.audit.holds import HOLD_KINDS, Hold, HoldFold, HoldRegistry, iso, utc_now
from rempart.audit.log import REDACTION_KIND, canonical_json, record_hash
from rempart.audit.merkle import InvalidProofError, leaf_hash, verify_inclusion
from rempart.audit.tree import leaf_data
from rempart.errors import AuditIntegrityError, RempartError

FORMAT = "rempart-evidence/1"
RECORDS, PROOFS, CHECKPOINT, PUBKEY, META, MANIFEST = (
    "records.jsonl", "proofs.jsonl", "checkpoint.txt", "checkpoint.pub", "bundle.json", "MANIFEST.sha256")
FILES = (META, RECORDS, PROOFS, CHECKPOINT, PUBKEY)  # all listed in the manifest
RECORD_FIELDS = ("seq", "ts", "kind", "payload", "redacted", "prev_hash", "record_hash", "leaf_hash")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_MANIFEST_LINE = re.compile(r"^([0-9a-f]{64})  ([A-Za-z0-9_.-]+)$")
MAX_FILE_BYTES = 4 << 30


class EvidenceError(RempartError):
    """A bundle cannot be written, or the path given is not a bundle at all."""

    code = "EVIDENCE_ERROR"
    http_status = 500


# --------------------------------------------------------------------------- export


@dataclass
class ExportSummary:
    path: str
    hold_id: str
    tree_size: int
    records: int
    redacted: int
    root: str


def _record_line(r: dict) -> dict:
    return {k: r.get(k) for k in RECORD_FIELDS} | {"redacted": bool(r.get("redacted"))}


def _about_hold(r: dict, hold_id: str) -> bool:
    p = r.get("payload")
    return r["kind"] in HOLD_KINDS and isinstance(p, dict) and p.get("hold_id") == hold_id


def export_bundle(log: Any, hold_id: str, out: str | Path, key: SigningKey, *, origin: str,
                  tree: Any = None, now: datetime | None = None,
                  on_record: Callable[[str], None] | None = None) -> ExportSummary:
    """Write the bundle for `hold_id` to `out` (a new directory, or a file ending in .zip).

    Every record is checked against the tree before it is written: a record whose fields no
    longer hash to the leaf the tree committed to raises AuditIntegrityError naming its seq."""
    from rempart.audit.tree import MerkleTree

    out = Path(out)
    if out.exists() and (out.is_file() or any(out.iterdir())):
        raise EvidenceError(f"{out} already exists and is not an empty directory: choose a new --out")
    hold = HoldRegistry(log).get(hold_id)
    own_tree = tree is None
    tree = tree or MerkleTree(log)
    try:
        size = tree.sync()
        root = tree.root(size)
        note = tree.checkpoint(origin, key, size)
        with tempfile.TemporaryDirectory(prefix="rempart-evidence-") as tmp:
            staging = Path(tmp)
            n, redacted = _write_records(log, tree, hold, size, root, staging, on_record)
            meta = {"format": FORMAT, "hold": _hold_summary(hold, now or utc_now()), "origin": origin,
                    "tree_size": size, "root": root.hex(), "records": n, "redacted": redacted,
                    "exported_at": iso(now or utc_now()), "key_name": key.name, "key_hash": key.key_hash.hex()}
            (staging / META).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", "utf-8")
            (staging / CHECKPOINT).write_text(note, "utf-8")
            (staging / PUBKEY).write_text(key.verifier_key + "\n", "utf-8")
            sums = "".join(f"{_sha256_file(staging / f)}  {f}\n" for f in FILES)
            (staging / MANIFEST).write_text(sums, "utf-8")
            _publish(staging, out)
    finally:
        if own_tree:
            tree.close()
    return ExportSummary(str(out), hold_id, size, n, redacted, root.hex())


def _write_records(log: Any, tree: Any, hold: Hold, size: int, root: bytes, staging: Path,
                   on_record: Callable[[str], None] | None) -> tuple[int, int]:
    n = redacted = 0
    redacted_seqs: list[int] = []  # in-scope redacted records, ascending
    with open(staging / RECORDS, "w", encoding="utf-8") as rf, open(staging / PROOFS, "w", encoding="utf-8") as pf:
        for r in log.iter_records(1, size):
            if not (_about_hold(r, hold.hold_id) or hold.covers(r) or _explains(r, redacted_seqs)):
                if on_record:
                    on_record("outside")
                continue
            proof = tree.prove(r["seq"], size)
            _check_against_tree(r, proof.leaf_hash)
            proof.verify(root)
            line = _record_line(r)
            line["leaf_hash"] = proof.leaf_hash.hex()
            rf.write(canonical_json(line) + "\n")
            pf.write(canonical_json({"seq": r["seq"], "tree_size": size, "leaf_index": r["seq"] - 1,
                                     "leaf_hash": proof.leaf_hash.hex(),
                                     "proof": [h.hex() for h in proof.proof]}) + "\n")
            n += 1
            if r.get("redacted"):
                redacted += 1
                redacted_seqs.append(r["seq"])
            if on_record:
                on_record("redacted" if r.get("redacted") else "exported")
    return n, redacted


def _explains(r: dict, redacted_seqs: list[int]) -> bool:
    """Is `r` the audit.redaction record of an exported redacted record? It says when and why the
    payload went; it always comes after the records it redacts, so one pass finds it."""
    p = r.get("payload")
    if r["kind"] != REDACTION_KIND or not redacted_seqs or not isinstance(p, dict):
        return False
    try:
        for a, b in p.get("seqs", []):
            i = bisect.bisect_left(redacted_seqs, int(a))
            if i < len(redacted_seqs) and redacted_seqs[i] <= int(b):
                return True
    except (TypeError, ValueError):
        return False
    return False


def _check_against_tree(r: dict, tree_leaf: bytes) -> None:
    if r.get("redacted"):
        stored = r.get("leaf_hash")
        if stored and stored != tree_leaf.hex():
            raise AuditIntegrityError(f"seq {r['seq']}: the redacted record's leaf hash is not the one the Merkle "
                                      "tree committed to")
        return
    if _leaf(r) != tree_leaf:
        raise AuditIntegrityError(f"seq {r['seq']}: the record no longer hashes to the leaf the Merkle tree "
                                  "committed to (changed after it was logged); refusing to export it")


def _hold_summary(hold: Hold, now: datetime) -> dict:
    d = hold.to_dict(now)
    return {k: d[k] for k in ("hold_id", "scope", "authority", "reference", "reason", "until", "created_seq",
                              "released_seq", "history", "status")}


def _publish(staging: Path, out: Path) -> None:
    if out.suffix.lower() == ".zip":
        tmp = out.with_name(out.name + ".part")
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for f in (*FILES, MANIFEST):
                z.write(staging / f, arcname=f)
        os.replace(tmp, out)
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.rmdir()  # checked empty above
    shutil.copytree(staging, out)


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# --------------------------------------------------------------------------- verification


def _leaf(r: dict) -> bytes:
    return leaf_hash(leaf_data(r["seq"], r["ts"], r["kind"], canonical_json(r["payload"])))


@dataclass(frozen=True)
class BundleProblem:
    where: str  # a file name, "records.jsonl line 4 (seq 17)", "checkpoint.txt"
    message: str
    seq: int | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class BundleReport:
    ok: bool = True
    problems: list[BundleProblem] = field(default_factory=list)
    records: int = 0
    redacted: int = 0
    proofs_checked: int = 0
    tree_size: int | None = None
    root: str | None = None
    origin: str | None = None
    hold: dict | None = None
    key: str | None = None  # verifier key the checkpoint verified with
    key_pinned: bool = False
    notes: list[str] = field(default_factory=list)

    def add(self, where: str, message: str, seq: int | None = None) -> None:
        self.ok = False
        if len(self.problems) < 1000:
            self.problems.append(BundleProblem(where, message, seq))

    @property
    def bad_seqs(self) -> list[int]:
        return sorted({p.seq for p in self.problems if p.seq is not None})

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        d["problems"] = [p.__dict__ for p in self.problems]
        return d


class _Bundle:
    """Read access to a bundle directory or zip, by file name only (no paths, no traversal)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zip: zipfile.ZipFile | None = None
        self.others: list[str] = []  # directories, links: never part of a bundle
        if path.is_dir():
            self.names = sorted(p.name for p in path.iterdir() if p.is_file() and not p.is_symlink())
            self.others = sorted(p.name for p in path.iterdir() if p.name not in self.names)
        elif path.is_file() and zipfile.is_zipfile(path):
            self.zip = zipfile.ZipFile(path)
            self.names = sorted(self.zip.namelist())
        else:
            raise EvidenceError(f"{path} is not an evidence bundle (a directory or a .zip)")

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()

    def open(self, name: str) -> io.BufferedIOBase:
        if self.zip is not None:
            return self.zip.open(name)  # type: ignore[return-value]
        return open(self.path / name, "rb")

    def read(self, name: str, limit: int = 1 << 20) -> bytes:
        with self.open(name) as f:
            data = f.read(limit + 1)
        if len(data) > limit:
            raise EvidenceError(f"{name} is larger than {limit} bytes")
        return data

    def sha256(self, name: str) -> str:
        h, total = hashlib.sha256(), 0
        with self.open(name) as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                total += len(chunk)
                if total > MAX_FILE_BYTES:
                    raise EvidenceError(f"{name} is larger than {MAX_FILE_BYTES} bytes")
                h.update(chunk)
        return h.hexdigest()

    def lines(self, name: str) -> Iterator[tuple[int, bytes]]:
        with self.open(name) as f:
            for i, line in enumerate(f, 1):
                yield i, line


def verify_bundle(path: str | Path, pinned_key: str | VerifierKey | None = None) -> BundleReport:
    """Check a bundle offline; never raises for tampering (see the report's problems). Raises
    EvidenceError when `path` is not a bundle at all."""
    bundle = _Bundle(Path(path))
    report = BundleReport()
    try:
        _check_manifest(bundle, report)
        present = set(bundle.names)
        meta = _step(report, META, lambda: _read_meta(bundle, report)) if META in present else None
        cp = (_step(report, CHECKPOINT, lambda: _check_checkpoint(bundle, report, pinned_key))
              if {CHECKPOINT, PUBKEY} <= present else None)
        hold_id = (meta.get("hold") or {}).get("hold_id") if isinstance(meta, dict) else None
        found = _step(report, RECORDS, lambda: _check_records(bundle, report, hold_id)) if RECORDS in present else None
        records, fold = found or ({}, HoldFold())
        if PROOFS in present:
            _step(report, PROOFS, lambda: _check_proofs(bundle, report, records, cp))
        if meta is not None:
            _check_meta(meta, report, records, cp, fold)
    finally:
        bundle.close()
    if report.redacted:
        report.notes.append(f"{report.redacted} redacted record(s): only their leaf hash is proven, not their "
                            "ts or kind")
    report.notes.append("a bundle proves that its records are in the log; it cannot prove that no record in "
                        "the hold's scope was left out")
    return report


def _step(report: BundleReport, name: str, check: Callable[[], Any]) -> Any:
    """Run one file's check; a file too large or unreadable is a finding about that file."""
    try:
        return check()
    except (EvidenceError, OSError, zipfile.BadZipFile) as e:
        report.add(name, f"unreadable: {e}")
        return None


def _check_manifest(bundle: _Bundle, report: BundleReport) -> None:
    if MANIFEST not in bundle.names:
        report.add(MANIFEST, "missing: the bundle has no manifest")
        listed: dict[str, str] = {}
    else:
        listed = {}
        text = _step(report, MANIFEST, lambda: bundle.read(MANIFEST)) or b""
        for i, raw in enumerate(text.decode("utf-8", "replace").splitlines(), 1):
            m = _MANIFEST_LINE.fullmatch(raw)
            if m is None:
                report.add(f"{MANIFEST} line {i}", "malformed (expected '<sha256>  <file name>')")
                continue
            listed[m.group(2)] = m.group(1)
    for name in FILES:
        if name not in bundle.names:
            report.add(name, "missing from the bundle")
        elif name not in listed:
            report.add(name, f"not listed in {MANIFEST}")
    for name, digest in listed.items():
        if name not in bundle.names:
            if name not in FILES:
                report.add(name, f"listed in {MANIFEST} but missing from the bundle")
            continue
        actual = _step(report, name, lambda: bundle.sha256(name))
        if actual is not None and actual != digest:
            report.add(name, f"changed: its SHA-256 is {actual[:16]}…, the manifest says {digest[:16]}…")
    for name in bundle.names:
        if name not in listed and name not in FILES and name != MANIFEST:
            report.add(name, "an extra file that is not part of the bundle")
    for name in bundle.others:
        report.add(name, "an extra entry (directory or link) that is not part of the bundle")


def _read_meta(bundle: _Bundle, report: BundleReport) -> dict | None:
    try:
        meta = json.loads(bundle.read(META))
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise ValueError(f"format is not {FORMAT}")
        return meta
    except (ValueError, UnicodeDecodeError) as e:
        report.add(META, f"not a valid bundle description: {e}")
        return None


def _check_checkpoint(bundle: _Bundle, report: BundleReport, pinned: str | VerifierKey | None) -> Any:
    note = bundle.read(CHECKPOINT)
    try:
        bundled = parse_verifier_key(bundle.read(PUBKEY).decode("utf-8", "replace").strip())
    except ValueError as e:
        report.add(PUBKEY, f"not a valid verifier key: {e}")
        bundled = None
    keys = [k for k in (bundled,) if k is not None]
    if pinned is not None:
        pinned_key = parse_verifier_key(pinned) if isinstance(pinned, str) else pinned
        report.key_pinned = True
        if bundled is not None and str(bundled) != str(pinned_key):
            report.add(PUBKEY, f"is not the expected key: bundle has {bundled.name}+{bundled.key_hash.hex()}, "
                               f"expected {pinned_key.name}+{pinned_key.key_hash.hex()}")
        keys = [pinned_key]
    try:
        cp = parse_checkpoint(note)
    except CheckpointError as e:
        report.add(CHECKPOINT, f"malformed: {e}")
        return None
    report.tree_size, report.root, report.origin = cp.size, cp.root.hex(), cp.origin
    if keys:
        try:
            cp = verify_checkpoint(note, keys)
            report.key = str(keys[0])
        except CheckpointError as e:
            report.add(CHECKPOINT, f"signature does not verify: {e}")
    return cp


_RecordIndex = dict[int, tuple[str, "bytes | None"]]  # seq -> (where, leaf hash; None once reported)


def _check_records(bundle: _Bundle, report: BundleReport, hold_id: str | None) -> tuple[_RecordIndex, HoldFold]:
    """seq -> (where, leaf hash) of every record line that parsed, and the fold of its intact
    hold.* records."""
    out: _RecordIndex = {}
    fold, last = HoldFold(), 0
    for i, raw in bundle.lines(RECORDS):
        where = f"{RECORDS} line {i}"
        try:
            r = json.loads(raw)
            if not isinstance(r, dict) or set(r) != set(RECORD_FIELDS):
                raise ValueError(f"expected exactly the fields {', '.join(RECORD_FIELDS)}")
            seq = r["seq"]
            if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
                raise ValueError("seq is not a positive integer")
            for k in ("ts", "kind"):
                if not isinstance(r[k], str):
                    raise ValueError(f"{k} is not text")
            if not isinstance(r["leaf_hash"], str) or not _HEX64.fullmatch(r["leaf_hash"]):
                raise ValueError("leaf_hash is not 64 lowercase hex digits")
        except (ValueError, UnicodeDecodeError) as e:
            report.add(where, f"malformed record: {e}")
            continue
        where = f"{where} (seq {seq})"
        if seq in out:
            report.add(where, f"seq {seq} appears twice", seq)
            continue
        if seq < last:
            report.add(where, "records are not in seq order", seq)
        last = max(last, seq)
        report.records += 1
        claimed = bytes.fromhex(r["leaf_hash"])
        out[seq] = (where, claimed)
        if r["redacted"] is True:
            report.redacted += 1
            if r["payload"] is not None:
                report.add(where, "marked redacted but carries a payload", seq)
            continue
        if r["redacted"] is not False or not isinstance(r["payload"], dict):
            report.add(where, "payload is missing but the record is not marked redacted", seq)
            continue
        try:
            computed = _leaf(r)
        except (TypeError, ValueError) as e:
            report.add(where, f"payload cannot be encoded: {e}", seq)
            continue
        if computed != claimed:
            report.add(where, "changed: seq, ts, kind and payload do not hash to the record's leaf hash", seq)
            out[seq] = (where, None)  # already named: do not blame its proof as well
        elif not (isinstance(r["prev_hash"], str) and _HEX64.fullmatch(r["prev_hash"])
                  and r["record_hash"] == record_hash(r["prev_hash"], seq, r["ts"], r["kind"],
                                                      canonical_json(r["payload"]))):
            report.add(where, "prev_hash/record_hash changed: they do not chain-hash with the record's fields", seq)
        if computed == claimed and _about_hold(r, hold_id):
            try:
                fold.apply(r)
            except AuditIntegrityError as e:
                report.add(where, str(e), seq)
    return out, fold


def _check_proofs(bundle: _Bundle, report: BundleReport, records: _RecordIndex, cp: Any) -> None:
    proved: set[int] = set()
    for i, raw in bundle.lines(PROOFS):
        where = f"{PROOFS} line {i}"
        try:
            p = json.loads(raw)
            seq, size = p["seq"], p["tree_size"]
            leaf = bytes.fromhex(p["leaf_hash"])
            path = [bytes.fromhex(h) for h in p["proof"]]
            if not isinstance(seq, int) or not isinstance(size, int) or p["leaf_index"] != seq - 1:
                raise ValueError("seq, leaf_index and tree_size must be consistent integers")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as e:
            report.add(where, f"malformed proof: {e}")
            continue
        where = f"{where} (seq {seq})"
        if seq in proved:
            report.add(where, f"a second proof for seq {seq}", seq)
            continue
        proved.add(seq)
        if seq not in records:
            report.add(where, f"proof for seq {seq}, which is not in {RECORDS}", seq)
            continue
        rec_where, rec_leaf = records[seq]
        if rec_leaf is None:
            continue  # the record itself is already reported as changed
        if leaf != rec_leaf:
            report.add(where, f"proves another leaf hash than {rec_where} has", seq)
            continue
        if cp is None:
            continue
        if size != cp.size:
            report.add(where, f"is for tree size {size}, the checkpoint is at size {cp.size}", seq)
            continue
        try:
            verify_inclusion(seq - 1, size, leaf, path, cp.root)
            report.proofs_checked += 1
        except InvalidProofError as e:
            report.add(where, f"does not prove seq {seq} in the checkpoint's tree: {e}", seq)
    for seq, (rec_where, _) in records.items():
        if seq not in proved:
            report.add(rec_where, f"has no inclusion proof in {PROOFS}", seq)


def _check_meta(meta: dict, report: BundleReport, records: dict, cp: Any, fold: HoldFold) -> None:
    hold = meta.get("hold") if isinstance(meta.get("hold"), dict) else {}
    report.hold = hold
    if cp is not None and (meta.get("tree_size") != cp.size or meta.get("root") != cp.root.hex()
                           or meta.get("origin") != cp.origin):
        report.add(META, "tree size, root or origin differ from the signed checkpoint")
    if meta.get("records") != len(records):
        report.add(META, f"says {meta.get('records')} records, {RECORDS} has {len(records)}")
    proven = fold.holds.get(hold.get("hold_id"))
    if proven is None:
        report.add(META, f"hold {hold.get('hold_id')!r}: its hold.create record is missing from {RECORDS} or was changed")
        return
    want = _hold_summary(proven, utc_now())
    for k in ("scope", "authority", "reference", "reason", "until", "created_seq", "released_seq", "history"):
        if hold.get(k) != want[k]:
            report.add(META, f"hold {k} differs from what the hold's own records say")
