"""RFC 6962 Merkle tree hashing and proofs, as pure functions.

    leaf hash  = SHA-256(0x00 || data)
    node hash  = SHA-256(0x01 || left || right)
    MTH({})    = SHA-256("")
    MTH(D[n])  = node(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two < n   (RFC 6962 §2.1)

Proofs are generated as in RFC 6962 §2.1.1 (PATH) and §2.1.2 (PROOF/SUBPROOF) and verified with
the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, so they interoperate with Certificate
Transparency, transparency-dev/merkle and sigsum/tlog verifiers. Indices are 0-based leaf
indices; the audit log's 1-based `seq` N is leaf index N-1 (see `rempart.audit.tree`).

Generation reads hashes through a *hash store*: any object with
`subtree_hashes(coords) -> list[bytes]`, where a coord (level, index) names the complete subtree
over leaves [index * 2**level, (index + 1) * 2**level). Every hash a proof needs is a fold of
O(log n) such subtrees, so a store backed by a table of cached subtree hashes answers a proof with
O(log n) lookups. A plain sequence of leaf hashes is accepted too (wrapped in `LeafHashStore`).

Errors: `TreeSizeError` (a ValueError) when asked for a proof that cannot exist (index >= size,
old > new); `InvalidProofError` (an AuditIntegrityError) whenever a proof does not verify,
including impossible sizes claimed by the proof's sender.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol

from rempart.errors import AuditIntegrityError

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()  # MTH of the empty tree

_sha256 = hashlib.sha256
_LEAF = b"\x00"
_NODE = b"\x01"


class TreeSizeError(ValueError):
    """A proof was requested for an index or sizes that do not describe one."""


class InvalidProofError(AuditIntegrityError):
    """A proof, root or leaf did not verify."""


# --------------------------------------------------------------------------- hashing


def leaf_hash(data: bytes) -> bytes:
    return _sha256(_LEAF + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return _sha256(_NODE + left + right).digest()


def root_from_leaf_hashes(leaves: Sequence[bytes]) -> bytes:
    """MTH over the given leaf hashes, O(n) time and O(log n) memory."""
    stack: list[bytes] = []
    sha = _sha256
    for i, h in enumerate(leaves):
        n = i + 1
        while not n & 1:  # each trailing zero bit of i+1 closes one complete subtree
            h = sha(_NODE + stack.pop() + h).digest()
            n >>= 1
        stack.append(h)
    if not stack:
        return EMPTY_ROOT
    h = stack.pop()
    while stack:  # fold the right edge: smaller subtrees hang to the right
        h = sha(_NODE + stack.pop() + h).digest()
    return h


# --------------------------------------------------------------------------- stores


class HashStore(Protocol):
    def subtree_hashes(self, coords: Sequence[tuple[int, int]]) -> list[bytes]:
        """Hashes of the complete subtrees named by (level, index), in the same order."""
        ...


class LeafHashStore:
    """A hash store over an in-memory list of leaf hashes; builds every level once, O(n)."""

    def __init__(self, leaves: Sequence[bytes]) -> None:
        self.levels: list[list[bytes]] = [list(leaves)]
        sha = _sha256
        while len(self.levels[-1]) > 1:
            prev = self.levels[-1]
            self.levels.append([sha(_NODE + prev[i] + prev[i + 1]).digest() for i in range(0, len(prev) - 1, 2)])

    def __len__(self) -> int:
        return len(self.levels[0])

    def subtree_hashes(self, coords: Sequence[tuple[int, int]]) -> list[bytes]:
        try:
            return [self.levels[level][index] for level, index in coords]
        except IndexError:
            raise TreeSizeError(f"subtree(s) {list(coords)} not in a tree of {len(self)} leaves") from None


def _as_store(source: HashStore | Sequence[bytes]) -> HashStore:
    return source if hasattr(source, "subtree_hashes") else LeafHashStore(source)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- proof plans
# A plan lists the leaf ranges [start, end) whose MTH make up a proof, in proof order. The ranges
# are the ones RFC 6962's recursion produces: `start` is a multiple of a power of two >= end - start,
# so each range is the complete subtrees of the set bits of its length, largest (leftmost) first.


def range_cover(start: int, end: int) -> list[tuple[int, int]]:
    """Complete subtrees (level, index), left to right, whose fold is MTH(D[start:end])."""
    coords = []
    n = end - start
    while n:
        level = n.bit_length() - 1
        coords.append((level, start >> level))
        start += 1 << level
        n -= 1 << level
    return coords


def _largest_pow2_below(n: int) -> int:
    return 1 << ((n - 1).bit_length() - 1)  # n >= 2


def inclusion_plan(index: int, size: int) -> list[tuple[int, int]]:
    """Ranges of the audit path for leaf `index` in a tree of `size` (RFC 6962 PATH), leaf first."""
    _check_int(index, size)
    if not 0 <= index < size:
        raise TreeSizeError(f"leaf index {index} is not in a tree of size {size}")
    ranges = []
    start, end = 0, size
    while end - start > 1:
        k = _largest_pow2_below(end - start)
        if index < start + k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start += k
    ranges.reverse()  # the recursion appends the top-level sibling last
    return ranges


def consistency_plan(old: int, new: int) -> list[tuple[int, int]]:
    """Ranges of the consistency proof from tree size `old` to `new` (RFC 6962 PROOF/SUBPROOF)."""
    _check_int(old, new)
    if not 0 <= old <= new:
        raise TreeSizeError(f"no consistency proof from size {old} to size {new}")
    if old == 0 or old == new:
        return []  # the empty tree and a tree itself are trivially consistent: empty proof
    ranges = []
    start, end, m, complete = 0, new, old, True
    while m != end - start:
        k = _largest_pow2_below(end - start)
        if m <= k:
            ranges.append((start + k, end))
            end = start + k
        else:
            ranges.append((start, start + k))
            start += k
            m -= k
            complete = False
    if not complete:
        ranges.append((start, end))  # SUBPROOF(m, D[m], false) = {MTH(D[m])}
    ranges.reverse()
    return ranges


def _check_int(*values: int) -> None:
    for v in values:
        if not isinstance(v, int) or isinstance(v, bool):
            raise TypeError(f"tree sizes and indices are ints, got {v!r}")


def hashes_for_ranges(ranges: Sequence[tuple[int, int]], source: HashStore | Sequence[bytes]) -> list[bytes]:
    """MTH of each range, fetching all needed subtrees from the store in one call."""
    store = _as_store(source)
    covers = [range_cover(a, b) for a, b in ranges]
    flat = [c for cover in covers for c in cover]
    got = store.subtree_hashes(flat) if flat else []
    out, i = [], 0
    for cover in covers:
        parts = got[i:i + len(cover)]
        i += len(cover)
        h = parts[-1]
        for left in reversed(parts[:-1]):
            h = node_hash(left, h)
        out.append(h)
    return out


# --------------------------------------------------------------------------- generation


def tree_root(size: int, source: HashStore | Sequence[bytes]) -> bytes:
    """MTH of the first `size` leaves."""
    _check_int(size)
    if size < 0:
        raise TreeSizeError(f"tree size {size} is negative")
    return hashes_for_ranges([(0, size)], source)[0] if size else EMPTY_ROOT


def inclusion_proof(index: int, size: int, source: HashStore | Sequence[bytes]) -> list[bytes]:
    """Audit path for leaf `index` (0-based) in the tree of the first `size` leaves."""
    return hashes_for_ranges(inclusion_plan(index, size), source)


def consistency_proof(old: int, new: int, source: HashStore | Sequence[bytes]) -> list[bytes]:
    """Proof that the tree of the first `old` leaves is a prefix of the tree of the first `new`."""
    return hashes_for_ranges(consistency_plan(old, new), source)


# --------------------------------------------------------------------------- verification


def _check_hash(what: str, h: object) -> bytes:
    if not isinstance(h, (bytes, bytearray)) or len(h) != HASH_SIZE:
        raise InvalidProofError(f"{what} is not a {HASH_SIZE}-byte hash")
    return bytes(h)


def _check_proof(proof: Sequence[bytes]) -> list[bytes]:
    return [_check_hash(f"proof[{i}]", p) for i, p in enumerate(proof)]


def root_from_inclusion_proof(index: int, size: int, leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """The root a valid proof implies (RFC 9162 §2.1.3.2, steps 1-4)."""
    _check_int(index, size)
    if not 0 <= index < size:
        raise InvalidProofError(f"leaf index {index} is not in a tree of size {size}")
    r = _check_hash("leaf hash", leaf)
    fn, sn = index, size - 1
    for p in _check_proof(proof):
        if sn == 0:
            raise InvalidProofError(f"inclusion proof for leaf {index} at size {size} is too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn:  # skip levels where the right edge has no sibling
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise InvalidProofError(f"inclusion proof for leaf {index} at size {size} is too short")
    return r


def verify_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes) -> None:
    """Raise InvalidProofError unless `proof` shows leaf hash `leaf` at `index` in the tree `root`."""
    root = _check_hash("root", root)
    if root_from_inclusion_proof(index, size, leaf, proof) != root:
        raise InvalidProofError(f"inclusion proof for leaf {index} at size {size} does not lead to the root")


def verify_consistency(old: int, new: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]) -> None:
    """Raise InvalidProofError unless `proof` shows tree (old, old_root) is a prefix of (new, new_root)
    (RFC 9162 §2.1.4.2; size 0 is consistent with everything, with an empty proof)."""
    _check_int(old, new)
    what = f"consistency proof from size {old} to {new}"
    if old < 0 or new < old:
        raise InvalidProofError(f"{what}: sizes go backwards")
    path = _check_proof(proof)
    if old == new:
        if path:
            raise InvalidProofError(f"{what}: sizes are equal but the proof is not empty")
        if _check_hash("old root", old_root) != _check_hash("new root", new_root):
            raise InvalidProofError(f"{what}: same size, different roots")
        return
    if old == 0:
        if path:
            raise InvalidProofError(f"{what}: expected an empty proof")
        return
    old_root = _check_hash("old root", old_root)
    new_root = _check_hash("new root", new_root)
    if not path:
        raise InvalidProofError(f"{what}: empty proof")
    if old & (old - 1) == 0:  # old is a power of two: its root is a node of the new tree
        path = [old_root] + path
    fn, sn = old - 1, new - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise InvalidProofError(f"{what}: proof is too long")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise InvalidProofError(f"{what}: proof is too short")
    if fr != old_root:
        raise InvalidProofError(f"{what}: does not lead to the old root")
    if sr != new_root:
        raise InvalidProofError(f"{what}: does not lead to the new root")
