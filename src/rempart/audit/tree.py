"""A Certificate-Transparency-style Merkle tree over the audit log's records.

Leaf data (what an outside verifier recomputes for record `seq`):

    leaf_data = u64be(seq) || u32be(len(ts)) || u32be(len(kind)) || u32be(len(payload))
                || ts || kind || payload
    leaf hash = SHA-256(0x00 || leaf_data)                                  (RFC 6962)

with ts, kind and payload the exact bytes stored in `audit_records` (UTF-8 text; payload is the
stored canonical JSON). This is the frame the hash chain hashes (`log.record_hash`) without the
leading prev-hash, so a leaf commits to the record alone and not to the chain; record `seq` is
leaf index `seq - 1`. The tree over leaves 1..S is the RFC 6962 tree of size S, so any RFC 6962 /
RFC 9162 verifier (transparency-dev/merkle, CT, sigsum) checks our proofs.

Storage, in the log's own database, SQLite or PostgreSQL (the log's table is untouched):

    merkle_leaves(seq INTEGER PRIMARY KEY, leaf_hash BLOB)      one row per synced record
    merkle_nodes(level, idx, hash) PRIMARY KEY (level, idx)     every complete subtree, level >= 1

(level, idx) covers leaves [idx * 2**level, (idx + 1) * 2**level). Any root, inclusion or
consistency proof is a fold of O(log n) complete subtrees, so it costs O(log n) indexed lookups.
Both tables are written in the same transaction and carry append-only triggers like the log.
All SQL is in the storage backend (`rempart.storage.base.AuditStore`); records are read through
`AuditLog.iter_raw`. A redacted record (payload deleted by retention) keeps its leaf hash in its
row, so it stays a leaf of every proof; `verify()` compares that stored hash with the tree's.

The tables are a cache of values derived from the log: they make proofs cheap, but trust comes
from signed checkpoints (`rempart.audit.checkpoint`) exported elsewhere. `verify()` recomputes
every leaf from the log and compares it with the tables and, if given, a checkpoint's root.
"""

from __future__ import annotations

import bisect
import hashlib
import struct
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Self

from rempart.audit.log import AuditLog, Problem, ProblemCollector, ProblemReport, canonical_json
from rempart.audit.merkle import (
    EMPTY_ROOT,
    InvalidProofError,
    TreeSizeError,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    range_cover,
    tree_root,
    verify_consistency,
    verify_inclusion,
)
from rempart.errors import AuditIntegrityError
from rempart.storage.base import RacedError

if TYPE_CHECKING:  # checkpoint pulls in `cryptography`; only needed to sign
    from rempart.audit.checkpoint import SigningKey

_FRAME = struct.Struct(">QIII")  # same frame as log.record_hash, without the prev hash
_PAGE = 5000

TREE_PROBLEM_KINDS = {
    "modified": "the record (or a redacted record's stored leaf hash) no longer matches the tree's leaf hash",
    "missing": "the tree has a leaf for a seq the log no longer holds: record deleted",
    "malformed": "a stored field is NULL or not an integer seq",
    "leaf_gap": "the tree's leaf table has a gap (rows deleted from merkle_leaves)",
    "node_mismatch": "a cached subtree hash is wrong or missing (merkle_nodes altered)",
    "root_mismatch": "the root recomputed from the log is not the expected (checkpoint) root",
    "truncated": "the expected tree size is larger than what the tree holds",
}


# --------------------------------------------------------------------------- leaf data


def _as_bytes(v: str | bytes) -> bytes:
    return v.encode("utf-8") if isinstance(v, str) else bytes(v)


def leaf_data(seq: int, ts: str | bytes, kind: str | bytes, payload: str | bytes) -> bytes:
    """The leaf's bytes for a record; `payload` is the stored canonical JSON text."""
    ts, kind, payload = _as_bytes(ts), _as_bytes(kind), _as_bytes(payload)
    return _FRAME.pack(seq, len(ts), len(kind), len(payload)) + ts + kind + payload


def record_leaf_hash(record: dict) -> bytes:
    """Leaf hash of a record as `AuditLog.get()` returns it (payload re-encoded canonically,
    which is what the log stores; the kept leaf hash of a redacted record)."""
    if record.get("redacted"):
        return bytes.fromhex(record["leaf_hash"])
    return leaf_hash(leaf_data(record["seq"], record["ts"], record["kind"], canonical_json(record["payload"])))


# --------------------------------------------------------------------------- proof objects


@dataclass(frozen=True)
class InclusionProof:
    seq: int
    size: int
    leaf_hash: bytes
    proof: tuple[bytes, ...]
    root: bytes

    @property
    def index(self) -> int:
        return self.seq - 1

    def verify(self, root: bytes | None = None) -> None:
        """Raise InvalidProofError unless the proof holds (against `root`, e.g. a checkpoint's)."""
        try:
            verify_inclusion(self.index, self.size, self.leaf_hash, self.proof, self.root if root is None else root)
        except InvalidProofError as e:
            raise InvalidProofError(f"seq {self.seq}: {e}") from None

    def to_dict(self) -> dict:
        return {"seq": self.seq, "leaf_index": self.index, "tree_size": self.size, "leaf_hash": self.leaf_hash.hex(),
                "proof": [p.hex() for p in self.proof], "root": self.root.hex()}


@dataclass(frozen=True)
class ConsistencyProof:
    old_size: int
    new_size: int
    old_root: bytes
    new_root: bytes
    proof: tuple[bytes, ...]

    def verify(self) -> None:
        verify_consistency(self.old_size, self.new_size, self.old_root, self.new_root, self.proof)

    def to_dict(self) -> dict:
        return {"old_size": self.old_size, "new_size": self.new_size, "old_root": self.old_root.hex(),
                "new_root": self.new_root.hex(), "proof": [p.hex() for p in self.proof]}


@dataclass
class TreeVerifyReport(ProblemReport):
    ok: bool
    checked: int  # leaves recomputed from the log and compared
    size: int  # leaves the tree holds
    root: bytes  # root recomputed from the log's records (stored leaf hash where a record is missing)
    unsynced: int  # log records not yet in the tree (not a problem)
    problems: list[Problem] = field(default_factory=list)
    problems_truncated: bool = False

    subject = "audit Merkle tree"


# --------------------------------------------------------------------------- the tree


def _expected(expected: Any) -> tuple[int, bytes] | None:
    """Accept a Checkpoint (anything with .size and .root) or a (size, root) pair."""
    if expected is None:
        return None
    if hasattr(expected, "size") and hasattr(expected, "root"):
        return int(expected.size), bytes(expected.root)
    size, root = expected
    return int(size), bytes.fromhex(root) if isinstance(root, str) else bytes(root)


class MerkleTree:
    """RFC 6962 tree over an AuditLog, persisted next to it. Thread-safe.

    >>> log = AuditLog(":memory:")
    >>> _ = log.append_many([("decision", {"i": i}) for i in range(5)])
    >>> tree = MerkleTree(log)
    >>> tree.sync()
    5
    >>> tree.prove(3).verify()
    """

    def __init__(self, log: AuditLog, *, commit_every: int = 20_000) -> None:
        self._log = log
        self._store = log.storage  # same database as the log; the backend holds the SQL
        self._commit_every = commit_every
        self._sync_lock = threading.Lock()

    def close(self) -> None:
        """The tree shares the log's connection: closing the log closes it."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- storage ------------------------------------------------------------------------

    @property
    def size(self) -> int:
        """Number of records (leaves) synced into the tree."""
        return self._store.tree_size()

    def subtree_hashes(self, coords: Sequence[tuple[int, int]]) -> list[bytes]:
        """HashStore protocol: cached hashes of complete subtrees (level, index)."""
        out = self._store.tree_hashes(coords)
        for (level, idx), h in zip(coords, out):
            if not isinstance(h, bytes) or len(h) != 32:
                first = (idx << level) + 1
                raise AuditIntegrityError(
                    f"audit Merkle tree: cached hash of seqs {first}..{first + (1 << level) - 1} "
                    f"(level {level}, index {idx}) is missing or malformed")
        return out  # type: ignore[return-value]

    def _current_leaf(self, seq: int) -> bytes | None:
        """The leaf hash of record `seq` as the log holds it now (stored hash if redacted)."""
        row = next(self._log.iter_raw(seq, seq), None)
        return None if row is None or row[0] != seq else _raw_leaf(row)

    # -- sync ---------------------------------------------------------------------------

    def sync(self) -> int:
        """Add the log's new records to the tree; returns the tree size. Incremental: reads only
        records after the current size, and keeps O(log n) hashes in memory (the right edge)."""
        with self._sync_lock:
            while True:
                try:
                    return self._sync_once()
                except RacedError:
                    continue  # another process synced meanwhile: start again from its size

    def _sync_once(self) -> int:
        size = self.size
        head = self._log.head()[0]
        if head < size:
            raise AuditIntegrityError(f"audit log ends at seq {head} but the Merkle tree already holds {size} "
                                      f"records: seq {head + 1}..{size} deleted")
        if size:  # cheap tail check: the last synced record must still hash to its leaf
            if self._current_leaf(size) != self.leaf_hash(size):
                raise AuditIntegrityError(f"seq {size}: the record changed or vanished after it was added to the "
                                          "Merkle tree")
        if head == size:
            return size

        stack = self.subtree_hashes(range_cover(0, size))  # compact range of [0, size)
        sha, pack, leaves, nodes = hashlib.sha256, _FRAME.pack, [], []
        n = size
        for page in self._log.iter_raw_pages(size + 1):
            for seq, ts, kind, payload, _prev, _hash, red, stored_leaf, _tag in page:
                if seq != n + 1:
                    raise AuditIntegrityError(f"audit log: seq {n + 1} is missing (next record is seq {seq!r}); "
                                              "cannot extend the Merkle tree")
                if ts is None or kind is None or payload is None:
                    raise AuditIntegrityError(f"seq {seq}: a stored field is NULL; cannot extend the Merkle tree")
                if red:
                    if not isinstance(stored_leaf, bytes) or len(stored_leaf) != 32:
                        raise AuditIntegrityError(f"seq {seq}: redacted record without a valid leaf hash; cannot "
                                                  "extend the Merkle tree")
                    h = stored_leaf
                else:
                    h = sha(b"\x00" + pack(seq, len(ts), len(kind), len(payload)) + ts + kind + payload).digest()
                leaves.append((seq, h))
                # Each trailing one bit of the old size closes a complete subtree on the right edge.
                level, m = 0, n
                while m & 1:
                    h = sha(b"\x01" + stack.pop() + h).digest()
                    level += 1
                    nodes.append((level, (n >> level), h))
                    m >>= 1
                stack.append(h)
                n += 1
            if len(leaves) >= self._commit_every:
                self._flush(leaves, nodes)
                leaves, nodes = [], []
        self._flush(leaves, nodes)
        return n

    def _flush(self, leaves: list, nodes: list) -> None:
        if leaves:
            self._store.tree_append(leaves, nodes)

    # -- roots and proofs ---------------------------------------------------------------

    def _size(self, size: int | None) -> int:
        have = self.size
        if size is None:
            return have
        if not isinstance(size, int) or size < 0:
            raise TreeSizeError(f"tree size must be a non-negative int, got {size!r}")
        if size > have:
            raise TreeSizeError(f"the Merkle tree holds {have} records, not {size}: call sync() first")
        return size

    def root(self, size: int | None = None) -> bytes:
        size = self._size(size)
        return tree_root(size, self) if size else EMPTY_ROOT

    def leaf_hash(self, seq: int) -> bytes:
        """The leaf hash the tree committed to for `seq`."""
        h = self._store.tree_hashes([(0, seq - 1)])[0] if isinstance(seq, int) and seq >= 1 else None
        if h is None:
            raise KeyError(f"seq {seq} is not in the Merkle tree (size {self.size})")
        return h

    def inclusion_proof(self, seq: int, size: int | None = None) -> list[bytes]:
        size = self._size(size)
        if not isinstance(seq, int) or not 1 <= seq <= size:
            raise TreeSizeError(f"seq {seq!r} is not in the tree of size {size}")
        return inclusion_proof(seq - 1, size, self)

    def prove(self, seq: int, size: int | None = None) -> InclusionProof:
        """Inclusion proof for record `seq` in the tree of `size` (default: current)."""
        size = self._size(size)
        proof = self.inclusion_proof(seq, size)
        return InclusionProof(seq, size, self.leaf_hash(seq), tuple(proof), self.root(size))

    def consistency_proof(self, old: int, new: int | None = None) -> ConsistencyProof:
        new = self._size(new)
        if not isinstance(old, int) or not 0 <= old <= new:
            raise TreeSizeError(f"no consistency proof from size {old!r} to size {new}")
        return ConsistencyProof(old, new, self.root(old), self.root(new), tuple(consistency_proof(old, new, self)))

    def check_record(self, seq: int, size: int, root: bytes) -> None:
        """Prove that record `seq`, as the log holds it *now*, is in the tree (size, root), e.g. a
        checkpoint's. Raises InvalidProofError naming the seq if it changed or is absent."""
        current = self._current_leaf(seq)
        if current is None:
            raise InvalidProofError(f"seq {seq}: record is missing from the audit log")
        try:
            verify_inclusion(seq - 1, size, current, self.inclusion_proof(seq, size), root)
        except InvalidProofError as e:
            changed = " (the record changed after it was logged)" if current != self.leaf_hash(seq) else ""
            raise InvalidProofError(f"seq {seq}: not included in the tree of size {size}{changed}: {e}") from None

    def checkpoint(self, origin: str, key: SigningKey, size: int | None = None) -> str:
        """A signed C2SP checkpoint of the tree at `size` (default: current)."""
        from rempart.audit.checkpoint import sign_checkpoint

        size = self._size(size)
        return sign_checkpoint(origin, size, self.root(size), key)

    # -- verification -------------------------------------------------------------------

    def verify(self, expected: Any = None, *, max_problems: int = 1000) -> TreeVerifyReport:
        """Recompute every leaf from the log's stored bytes and the whole tree from them, streaming;
        compare with the cached leaves and subtrees and, if given, an expected (size, root) or a
        Checkpoint. Never raises for tampering; see the report."""
        report = ProblemCollector(max_problems)
        problems = report.problems

        exp = _expected(expected)
        size = self.size
        log_head = self._log.head()[0]
        sha, pack = hashlib.sha256, _FRAME.pack
        records = self._log.iter_raw()
        rec = next(records, None)
        stack: list[bytes] = []
        bad: list[int] = []  # 0-based indices whose leaf did not match, ascending
        n = 0  # leaves processed
        exp_root = None
        checked = 0

        gap = False
        for page in self._store.tree_leaf_pages(0):
            computed_nodes: list[tuple[int, int, bytes]] = []
            for seq, stored in page:
                if seq != n + 1:
                    report(n + 1, "leaf_gap", f"merkle_leaves jumps from seq {n} to seq {seq}")
                    gap = True  # leaf indices are unknown past a gap: stop checking here
                    break
                while rec is not None and isinstance(rec[0], int) and rec[0] < seq:
                    rec = next(records, None)
                h = stored
                if rec is None or rec[0] != seq:
                    report(seq, "missing", f"the log has no record seq {seq} (the tree holds it): record deleted")
                    bad.append(n)
                elif None in rec[1:4]:
                    report(seq, "malformed", "a stored field is NULL")
                    bad.append(n)
                elif rec[6]:  # redacted: the row keeps the leaf hash (the chain's verify checks its tag)
                    h = rec[7] if isinstance(rec[7], bytes) else b""
                    checked += 1
                    if h != stored:
                        report(seq, "modified", "the leaf hash kept in this redacted record is not the one the "
                                                "Merkle tree committed to")
                        bad.append(n)
                else:
                    _, ts, kind, payload = rec[:4]
                    h = sha(b"\x00" + pack(seq, len(ts), len(kind), len(payload)) + ts + kind + payload).digest()
                    checked += 1
                    if h != stored:
                        report(seq, "modified", "changed: the record no longer hashes to the leaf hash the Merkle "
                                                "tree committed to")
                        bad.append(n)
                level, m = 0, n
                while m & 1:
                    h = sha(b"\x01" + stack.pop() + h).digest()
                    level += 1
                    computed_nodes.append((level, n >> level, h))
                    m >>= 1
                stack.append(h)
                n += 1
                if exp is not None and n == exp[0]:
                    exp_root = _fold(stack)
            self._check_nodes(computed_nodes, bad, report)
            if gap:
                break

        root = _fold(stack)
        if exp is not None:
            esize, eroot = exp
            if esize == 0:
                exp_root = EMPTY_ROOT
            if esize > n:
                report(n + 1, "truncated", f"expected tree size {esize} but the tree holds {n} records "
                                           f"(log head seq {log_head}): sync() first, or records were deleted")
            elif exp_root != eroot:
                report(0, "root_mismatch", f"the root recomputed from the log at size {esize} is "
                                           f"{exp_root.hex()[:16]}…, not the expected {eroot.hex()[:16]}…")
        return TreeVerifyReport(ok=report.count == 0, checked=checked, size=size, root=root,
                                unsynced=max(0, log_head - size), problems=problems,
                                problems_truncated=report.truncated)

    def _check_nodes(self, computed: list[tuple[int, int, bytes]], bad: list[int], report: Any) -> None:
        by_level: dict[int, list[tuple[int, bytes]]] = {}
        for level, idx, h in computed:
            by_level.setdefault(level, []).append((idx, h))
        for level, items in by_level.items():
            lo, hi = items[0][0], items[-1][0]  # nodes of one level complete in index order
            stored = self._store.tree_nodes(level, lo, hi)
            for idx, h in items:
                if stored.get(idx) == h:
                    continue
                first, last = idx << level, ((idx + 1) << level) - 1
                i = bisect.bisect_left(bad, first)
                if i < len(bad) and bad[i] <= last:
                    continue  # explained by a leaf already reported
                report(first + 1, "node_mismatch",
                       f"cached hash of seqs {first + 1}..{last + 1} (level {level}) is "
                       f"{'missing' if idx not in stored else 'wrong'}: merkle_nodes altered")


def _raw_leaf(row: tuple) -> bytes | None:
    """Leaf hash of a raw row (AuditLog.iter_raw): recomputed, or the stored one if redacted."""
    seq, ts, kind, payload, _prev, _hash, red, stored_leaf = row[:8]
    if red:
        return stored_leaf if isinstance(stored_leaf, bytes) and len(stored_leaf) == 32 else None
    if ts is None or kind is None or payload is None:
        return None
    return leaf_hash(leaf_data(seq, ts, kind, payload))


def _fold(stack: list[bytes]) -> bytes:
    if not stack:
        return EMPTY_ROOT
    h = stack[-1]
    for left in reversed(stack[:-1]):
        h = hashlib.sha256(b"\x01" + left + h).digest()
    return h
