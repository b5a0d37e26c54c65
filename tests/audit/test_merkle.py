"""RFC 6962 hashing and proofs: known-answer vectors, an independent naive implementation of the
RFC's recursive definitions, and tampered proofs."""

import hashlib

import pytest

from rempart.audit.merkle import (
    EMPTY_ROOT,
    InvalidProofError,
    LeafHashStore,
    TreeSizeError,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root_from_inclusion_proof,
    root_from_leaf_hashes,
    tree_root,
    verify_consistency,
    verify_inclusion,
)
from rempart.errors import AuditIntegrityError

# Known-answer vectors from transparency-dev/merkle proof/verify_test.go (same as
# certificate-transparency-go): the 8 leaves, the root of each prefix size 1..8, and proofs.
LEAVES = [bytes.fromhex(h) for h in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                     "606162636465666768696a6b6c6d6e6f"]]
ROOTS = [bytes.fromhex(h) for h in [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]]
# (leaf index 0-based, tree size, proof)
INCLUSION = [
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    (0, 1, []),
]
CONSISTENCY = [
    (1, 1, []),
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
]
SOME_HASH = bytes.fromhex("abacaba000000000000000000000000000000000000000000060061e00123456")
MAX_N = 40


# --------------------------------------------------------------------------- independent reference
# Straight transcriptions of RFC 6962 §2.1, sharing no code with the module under test.


def ref_mth(data: list[bytes]) -> bytes:
    n = len(data)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + data[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + ref_mth(data[:k]) + ref_mth(data[k:])).digest()


def ref_path(m: int, data: list[bytes]) -> list[bytes]:
    n = len(data)
    if n == 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return ref_path(m, data[:k]) + [ref_mth(data[k:])]
    return ref_path(m - k, data[k:]) + [ref_mth(data[:k])]


def ref_subproof(m: int, data: list[bytes], b: bool) -> list[bytes]:
    n = len(data)
    if m == n:
        return [] if b else [ref_mth(data)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return ref_subproof(m, data[:k], b) + [ref_mth(data[k:])]
    return ref_subproof(m - k, data[k:], False) + [ref_mth(data[:k])]


def ref_proof(m: int, data: list[bytes]) -> list[bytes]:
    return [] if m in (0, len(data)) else ref_subproof(m, data, True)


DATA = [b"leaf-%d" % i for i in range(MAX_N)]
HASHES = [leaf_hash(d) for d in DATA]
REF_ROOTS = [ref_mth(DATA[:n]) for n in range(MAX_N + 1)]


# --------------------------------------------------------------------------- known answers


def test_hash_primitives():
    assert EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert leaf_hash(b"") == ROOTS[0]  # a one-leaf tree's root is its leaf hash
    assert node_hash(b"a" * 32, b"b" * 32) == hashlib.sha256(b"\x01" + b"a" * 32 + b"b" * 32).digest()
    assert root_from_leaf_hashes([]) == EMPTY_ROOT
    assert tree_root(0, []) == EMPTY_ROOT


@pytest.mark.parametrize("size", range(1, 9))
def test_known_roots(size):
    hashes = [leaf_hash(d) for d in LEAVES]
    assert root_from_leaf_hashes(hashes[:size]) == ROOTS[size - 1]
    assert tree_root(size, hashes) == ROOTS[size - 1]
    assert tree_root(size, LeafHashStore(hashes[:size])) == ROOTS[size - 1]
    assert ref_mth(LEAVES[:size]) == ROOTS[size - 1]  # the reference is right too


@pytest.mark.parametrize("index,size,proof", INCLUSION)
def test_known_inclusion_proofs(index, size, proof):
    hashes = [leaf_hash(d) for d in LEAVES]
    expected = [bytes.fromhex(p) for p in proof]
    assert inclusion_proof(index, size, hashes) == expected
    verify_inclusion(index, size, hashes[index], expected, ROOTS[size - 1])


@pytest.mark.parametrize("old,new,proof", CONSISTENCY)
def test_known_consistency_proofs(old, new, proof):
    hashes = [leaf_hash(d) for d in LEAVES]
    expected = [bytes.fromhex(p) for p in proof]
    assert consistency_proof(old, new, hashes) == expected
    verify_consistency(old, new, ROOTS[old - 1], ROOTS[new - 1], expected)


# --------------------------------------------------------------------------- exhaustive small trees


def test_roots_match_reference_for_every_size():
    store = LeafHashStore(HASHES)
    for n in range(MAX_N + 1):
        assert root_from_leaf_hashes(HASHES[:n]) == REF_ROOTS[n], n
        assert tree_root(n, store) == REF_ROOTS[n], n


def test_every_inclusion_proof_matches_reference_and_verifies():
    store = LeafHashStore(HASHES)
    for n in range(1, MAX_N + 1):
        for i in range(n):
            proof = inclusion_proof(i, n, store)
            assert proof == ref_path(i, DATA[:n]), (i, n)
            verify_inclusion(i, n, HASHES[i], proof, REF_ROOTS[n])
            assert root_from_inclusion_proof(i, n, HASHES[i], proof) == REF_ROOTS[n]


def test_every_consistency_proof_matches_reference_and_verifies():
    store = LeafHashStore(HASHES)
    for n in range(MAX_N + 1):
        for m in range(n + 1):
            proof = consistency_proof(m, n, store)
            assert proof == ref_proof(m, DATA[:n]), (m, n)
            verify_consistency(m, n, REF_ROOTS[m], REF_ROOTS[n], proof)


def test_list_and_store_sources_agree():
    store = LeafHashStore(HASHES[:37])
    assert inclusion_proof(20, 37, HASHES[:37]) == inclusion_proof(20, 37, store)
    assert consistency_proof(11, 37, HASHES[:37]) == consistency_proof(11, 37, store)


# --------------------------------------------------------------------------- tampering


def _flip(h: bytes, bit: int = 3) -> bytes:
    return bytes([h[0] ^ (1 << bit)]) + h[1:]


def _inclusion_corruptions(i, n, proof, root, leaf):
    """Probes of transparency-dev's corruptInclusionProof, plus every bit-flipped element."""
    yield i - 1, n, leaf, proof, root
    yield i + 1, n, leaf, proof, root
    yield i ^ 2, n, leaf, proof, root
    yield i, n * 2, leaf, proof, root
    yield i, n // 2, leaf, proof, root
    yield i, n, b"WrongLeaf", proof, root
    yield i, n, _flip(leaf), proof, root
    yield i, n, leaf, proof, EMPTY_ROOT
    yield i, n, leaf, proof, SOME_HASH
    yield i, n, leaf, proof, _flip(root)
    yield i, n, leaf, proof + [b""], root
    yield i, n, leaf, proof + [root], root
    yield i, n, leaf, [b""] + proof, root
    yield i, n, leaf, [root] + proof, root
    for k in range(len(proof)):
        yield i, n, leaf, proof[:k] + [_flip(proof[k])] + proof[k + 1:], root
    if proof:
        yield i, n, leaf, proof[:-1], root
    if len(proof) > 1:
        yield i, n, leaf, [proof[0], SOME_HASH] + proof[1:], root


def test_tampered_inclusion_proofs_rejected():
    for n in range(1, MAX_N + 1):
        for i in range(n):
            proof = inclusion_proof(i, n, HASHES)
            for args in _inclusion_corruptions(i, n, proof, REF_ROOTS[n], HASHES[i]):
                # (i, n) pairs that are a valid other proof position with the same hashes cannot occur:
                # the leaf hash differs per index.
                with pytest.raises(InvalidProofError):
                    verify_inclusion(*args)


def _consistency_corruptions(m, n, r1, r2, proof):
    yield m - 1, n, r1, r2, proof
    yield m + 1, n, r1, r2, proof
    yield m ^ 2, n, r1, r2, proof
    yield m, n * 2, r1, r2, proof
    yield m, n // 2, r1, r2, proof
    yield m, n, b"WrongRoot", r2, proof
    yield m, n, r1, b"WrongRoot", proof
    yield m, n, _flip(r1), r2, proof
    yield m, n, r1, _flip(r2), proof
    yield m, n, r2, r1, proof
    yield m, n, r1, r2, []
    yield m, n, r1, r2, proof + [b""]
    yield m, n, r1, r2, proof + [r1]
    yield m, n, r1, r2, proof + [r2]
    yield m, n, r1, r2, [b""] + proof
    yield m, n, r1, r2, [r1] + proof
    yield m, n, r1, r2, [r2] + proof
    yield m, n, r1, r2, [proof[0]] + proof
    yield m, n, r1, r2, proof[:-1]
    for k in range(len(proof)):
        yield m, n, r1, r2, proof[:k] + [_flip(proof[k], 4)] + proof[k + 1:]


def test_tampered_consistency_proofs_rejected():
    for n in range(2, MAX_N + 1):
        for m in range(1, n):
            proof = consistency_proof(m, n, HASHES)
            for mm, nn, r1, r2, p in _consistency_corruptions(m, n, REF_ROOTS[m], REF_ROOTS[n], proof):
                if (mm == 0 and not p) or (0 <= mm == nn and not p and r1 == r2):
                    continue  # trivially true claims, not corruptions
                with pytest.raises(InvalidProofError):
                    verify_consistency(mm, nn, r1, r2, p)


def test_tampered_leaf_data_changes_root_and_fails_proof():
    data = list(DATA[:13])
    proof = inclusion_proof(6, 13, [leaf_hash(d) for d in data])
    data[6] = data[6] + b"!"
    changed = [leaf_hash(d) for d in data]
    assert root_from_leaf_hashes(changed) != REF_ROOTS[13]
    with pytest.raises(InvalidProofError, match="leaf 6"):
        verify_inclusion(6, 13, changed[6], proof, REF_ROOTS[13])


def test_consistency_special_cases():
    # From transparency-dev TestVerifyConsistency.
    r1, r2 = b"\x11" * 32, b"\x22" * 32
    verify_consistency(0, 0, r1, r1, [])
    verify_consistency(0, 1, r1, r2, [])  # the empty tree is a prefix of everything
    verify_consistency(1, 1, r2, r2, [])
    for args in [(0, 0, r1, r2, []), (1, 1, r1, r2, []), (1, 0, r1, r2, []), (2, 1, r1, r2, []),
                 (1, 2, r1, r2, []), (0, 0, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT]),
                 (0, 1, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT]), (1, 1, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT])]:
        with pytest.raises(InvalidProofError):
            verify_consistency(*args)


def test_inclusion_special_cases():
    h = leaf_hash(b"data")
    verify_inclusion(0, 1, h, [], h)
    for index, size, leaf, root in [(0, 1, h, b""), (0, 1, b"", h), (0, 0, SOME_HASH, EMPTY_ROOT),
                                    (1, 0, SOME_HASH, EMPTY_ROOT), (2, 1, SOME_HASH, EMPTY_ROOT),
                                    (-1, 1, h, h)]:
        with pytest.raises(InvalidProofError):
            verify_inclusion(index, size, leaf, [], root)


def test_invalid_proof_is_an_audit_integrity_error():
    with pytest.raises(AuditIntegrityError) as e:
        verify_inclusion(0, 2, HASHES[0], [HASHES[0]], REF_ROOTS[2])
    assert e.value.code == "AUDIT_TAMPERED"


def test_generation_refuses_impossible_requests():
    for args in [(0, 0), (5, 5), (-1, 3), (7, 3)]:
        with pytest.raises(TreeSizeError):
            inclusion_proof(*args, HASHES)
    for args in [(4, 3), (-1, 3)]:
        with pytest.raises(TreeSizeError):
            consistency_proof(*args, HASHES)
    with pytest.raises(TreeSizeError):
        inclusion_proof(3, 50, HASHES)  # more leaves than the source holds
    with pytest.raises(TypeError):
        inclusion_proof(1.0, 3, HASHES)
    assert consistency_proof(0, 5, HASHES) == []
    assert consistency_proof(5, 5, HASHES) == []


class CountingStore:
    def __init__(self, leaves):
        self.inner = LeafHashStore(leaves)
        self.requested = 0

    def subtree_hashes(self, coords):
        self.requested += len(coords)
        return self.inner.subtree_hashes(coords)


def test_proofs_need_only_logarithmically_many_subtrees():
    n = 3000
    store = CountingStore([leaf_hash(b"%d" % i) for i in range(n)])
    root = tree_root(n, store)
    for i in (0, 1, 1234, 2047, 2048, 2999):
        store.requested = 0
        proof = inclusion_proof(i, n, store)
        assert store.requested <= 2 * n.bit_length()
        verify_inclusion(i, n, store.inner.levels[0][i], proof, root)
    store.requested = 0
    proof = consistency_proof(1001, n, store)
    assert store.requested <= 3 * n.bit_length()
    verify_consistency(1001, n, tree_root(1001, store.inner), root, proof)
