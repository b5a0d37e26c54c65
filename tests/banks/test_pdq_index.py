"""PDQIndex: exact against brute force, incremental add/remove, persistence."""

from __future__ import annotations

import numpy as np
import pytest

from rempart.banks.index import (
    IndexFileError,
    PDQIndex,
    bytes_to_hex,
    hex_to_array,
    hex_to_bytes,
)


def brute(hashes: np.ndarray, ids: np.ndarray, q: np.ndarray, radius: int) -> list[tuple[int, int]]:
    d = np.unpackbits(hashes ^ q, axis=1).sum(axis=1)
    ok = np.flatnonzero(d <= radius)
    return sorted(((int(ids[i]), int(d[i])) for i in ok), key=lambda t: (t[1], t[0]))


def flip(h: np.ndarray, k: int, rng) -> np.ndarray:
    out = h.copy()
    for b in rng.choice(256, size=k, replace=False):
        out[b // 8] ^= np.uint8(1 << (b % 8))
    return out


@pytest.fixture(scope="module")
def data():
    """20k random hashes, plus near duplicates of some base hashes at every distance 0..40."""
    rng = np.random.default_rng(1234)
    hashes = rng.integers(0, 256, (20_000, 32), dtype=np.uint8)
    bases = rng.integers(0, 256, (50, 32), dtype=np.uint8)
    planted = [flip(b, k, rng) for b in bases for k in range(0, 41, 2)]
    hashes = np.concatenate([hashes, np.array(planted)])
    ids = rng.permutation(np.arange(len(hashes), dtype=np.int64) * 7919 - 10**8)  # sparse, some negative
    queries = np.concatenate([bases, hashes[rng.integers(0, len(hashes), 30)], [flip(hashes[7], k, rng) for k in range(41)]])
    return hashes, ids, queries


@pytest.fixture(scope="module")
def built(data):
    hashes, ids, _ = data
    idx = PDQIndex()
    idx.add(ids[:5000], hashes[:5000])  # several adds: exercises growth and chain prepending
    idx.add(ids[5000:], hashes[5000:])
    return idx


@pytest.mark.parametrize("radius", [0, 11, 12, 23, 31, 35, 40, 60])
def test_exact_against_brute_force(data, built, radius):
    hashes, ids, queries = data
    for q in queries:
        assert built.search(q.tobytes(), radius) == brute(hashes, ids, q, radius)


def test_planted_distances_all_found_at_31(data, built):
    hashes, _, queries = data
    got = built.search(queries[0], 31)
    assert got and all(d <= 31 for _, d in got)
    assert {d for _, d in got} >= set(range(0, 31, 2))  # the planted 0,2,..,30 copies
    assert len(built) == len(hashes)


def test_query_forms_agree(data, built):
    _, _, queries = data
    q = queries[3]
    r = built.search(q.tobytes(), 31)
    assert built.search(bytes_to_hex(q), 31) == r == built.search(q, 31) == built.search(bytes_to_hex(q).upper(), 31)
    assert built.search_many(queries[:5]) == [built.search(x) for x in queries[:5]]


def test_add_remove_incremental(data):
    hashes, ids, queries = data
    idx = PDQIndex()
    idx.add(ids, hashes)
    rng = np.random.default_rng(7)
    gone = rng.choice(len(ids), 3000, replace=False)
    gone = np.concatenate([gone, np.arange(len(ids) - 1050, len(ids))])  # most planted copies too
    gone = np.unique(gone)
    assert idx.remove(ids[gone[:1]]) == 1  # a single remove
    assert idx.remove(ids[gone[1:]]) == len(gone) - 1
    assert idx.remove(ids[gone[:10]]) == 0  # already gone: ignored
    assert len(idx) == len(ids) - len(gone)
    keep = np.ones(len(ids), bool)
    keep[gone] = False
    for q in queries:
        assert idx.search(q, 31) == brute(hashes[keep], ids[keep], q, 31)
        assert idx.search(q, 60) == brute(hashes[keep], ids[keep], q, 60)  # scan path
    # re-add some removed ids (rows are reused), plus new ones, one at a time and in a batch
    idx.add(ids[gone[:1]], hashes[gone[:1]])
    idx.add(ids[gone[1:500]], hashes[gone[1:500]])
    keep[gone[:500]] = True
    for q in queries:
        assert idx.search(q, 31) == brute(hashes[keep], ids[keep], q, 31)
    with pytest.raises(ValueError, match="already"):
        idx.add(ids[:1], hashes[:1])
    with pytest.raises(ValueError, match="duplicate"):
        idx.add(np.array([-1, -1]), hashes[:2])


def test_remove_everything_then_search(data):
    hashes, ids, _ = data
    idx = PDQIndex()
    idx.add(ids[:2000], hashes[:2000])
    assert idx.remove(ids[:2000]) == 2000
    assert len(idx) == 0 and idx.search(hashes[0], 31) == [] and idx.search(hashes[0], 80) == []
    idx.add(ids[:10], hashes[:10])
    assert idx.search(hashes[3], 0) == [(int(ids[3]), 0)]


def test_empty_index():
    idx = PDQIndex()
    assert len(idx) == 0
    assert idx.search("0" * 64, 31) == [] and idx.search("0" * 64, 96) == []
    assert idx.search_many([]) == []
    assert idx.remove([1, 2]) == 0
    idx.add(np.zeros(0, np.int64), np.zeros((0, 32), np.uint8))
    assert idx.memory_bytes() > 0


def test_bad_input():
    idx = PDQIndex()
    with pytest.raises(ValueError):
        idx.search("xyz", 31)
    with pytest.raises(ValueError):
        idx.search(b"\0" * 31, 31)
    with pytest.raises(ValueError):
        idx.search("0" * 64, -1)
    with pytest.raises(ValueError):
        idx.add(np.array([1]), np.zeros((1, 31), np.uint8))
    with pytest.raises(ValueError):
        idx.add(np.array([1, 2]), np.zeros((1, 32), np.uint8))


def test_hex_helpers():
    h = "0123456789abcdef" * 4
    assert bytes_to_hex(hex_to_bytes(h.upper())) == h
    assert hex_to_array([h, h]).shape == (2, 32)
    with pytest.raises(ValueError):
        hex_to_bytes("g" * 64)
    with pytest.raises(ValueError):
        bytes_to_hex(b"\0")


def test_save_load_round_trip(tmp_path, data):
    hashes, ids, queries = data
    idx = PDQIndex()
    idx.add(ids, hashes)
    idx.remove(ids[:100])
    path = tmp_path / "bank.pdqidx"
    idx.save(path)
    back = PDQIndex.load(path)
    assert len(back) == len(idx)
    for q in queries[:40]:
        assert back.search(q, 31) == idx.search(q, 31)
    back.add(ids[:100], hashes[:100])  # still mutable after load, reusing freed rows
    assert back.search(hashes[5], 0) == [(int(ids[5]), 0)]
    with pytest.raises(ValueError, match="already"):
        back.add(ids[200:201], hashes[200:201])
    PDQIndex().save(tmp_path / "empty")
    assert len(PDQIndex.load(tmp_path / "empty")) == 0


def test_corrupt_files_raise_clear_error(tmp_path, data):
    hashes, ids, _ = data
    idx = PDQIndex()
    idx.add(ids[:500], hashes[:500])
    path = tmp_path / "bank.pdqidx"
    idx.save(path)
    raw = bytearray(path.read_bytes())

    flipped = raw.copy()
    flipped[len(raw) // 2] ^= 0xFF  # inside an array: the zip CRC catches it
    (tmp_path / "flipped").write_bytes(flipped)
    (tmp_path / "truncated").write_bytes(raw[: len(raw) // 3])
    (tmp_path / "garbage").write_bytes(b"not an index at all")
    np.savez(tmp_path / "other.npz", header=np.array(["something-else", "1"]))
    np.savez(tmp_path / "future.npz", header=np.array(["rempart-pdq-index", "99", "12", "x"]))
    for name in ("flipped", "truncated", "garbage", "other.npz", "future.npz", "missing"):
        with pytest.raises(IndexFileError) as e:
            PDQIndex.load(tmp_path / name)
        assert e.value.code == "INDEX_CORRUPT" and name.split(".")[0] in str(e.value)


def _resave(src, dest, **changes):
    with np.load(src, allow_pickle=False) as z:
        arrays = {k: z[k].copy() for k in z.files}
    for k, fn in changes.items():
        fn(arrays[k])
    np.savez(dest, **arrays)  # valid zip, valid CRCs: only the contents lie


def test_crafted_chains_are_refused_on_load(tmp_path, data):
    """A well-formed .npz whose links loop, skip a row or sit under the wrong key must not load:
    a loop would hang every search."""
    hashes, ids, _ = data
    idx = PDQIndex()
    idx.add(ids[:300], hashes[:300])
    path = tmp_path / "ok.npz"
    idx.save(path)
    with np.load(path, allow_pickle=False) as z:
        head = z["head"]
    k = int(np.flatnonzero(head >= 0)[0])
    first = int(head[k])

    def loop(nxt):  # the first node of a chain points back to itself
        nxt[first] = first

    def orphan(nxt):  # cut the chain after its first node: later rows become unreachable
        nxt[first] = -1

    def detour(nxt):  # a node of another row jumps into the middle of this chain
        other = (first // 12 + 1) % 300 * 12 + first % 12
        nxt[other] = first

    def wrong_key(hd):  # move a chain to another key
        hd[k + 1 if hd[k + 1] < 0 else k - 1], hd[k] = hd[k], -1

    cases = {"loop": {"nxt": loop}, "detour": {"nxt": detour}, "wrong_key": {"head": wrong_key}}
    if int(np.load(path)["nxt"][first]) >= 0:
        cases["orphan"] = {"nxt": orphan}
    for name, change in cases.items():
        _resave(path, tmp_path / f"{name}.npz", **change)
        with pytest.raises(IndexFileError, match="inconsistent"):
            PDQIndex.load(tmp_path / f"{name}.npz")
    assert len(PDQIndex.load(path)) == 300  # the untouched file still loads


def test_reserve_then_add_keeps_capacity(data):
    hashes, ids, _ = data
    idx = PDQIndex()
    idx.reserve(10_000)
    before = idx.memory_bytes()
    idx.add(ids[:5000], hashes[:5000])
    assert idx.memory_bytes() == before  # no growth: the capacity was there
    assert idx.search(hashes[10], 0) == [(int(ids[10]), 0)]


def test_single_adds_and_removes_keep_chains_exact(tmp_path, data):
    """The scalar paths (a few ids per call) interleaved with batches: near-duplicate hashes
    share chains, so removals unlink heads, middles and tails. Checked against brute force,
    and through save/load, whose loader verifies every chain link."""
    hashes, ids, queries = data
    rng = np.random.default_rng(99)
    idx = PDQIndex()
    live = np.zeros(len(ids), bool)
    order = rng.permutation(len(ids))
    idx.add(ids[order[:3000]], hashes[order[:3000]])  # batch
    live[order[:3000]] = True
    for step in range(1500):
        if step % 3 == 2:  # remove 1..3 live ids, the same id twice in one call is fine
            pick = rng.choice(np.flatnonzero(live), int(rng.integers(1, 4)), replace=False)
            assert idx.remove(np.concatenate([ids[pick], ids[pick[:1]]])) == len(pick)
            live[pick] = False
        else:  # add 1..2 absent ids (planted near duplicates among them)
            pick = rng.choice(np.flatnonzero(~live), int(rng.integers(1, 3)), replace=False)
            idx.add(ids[pick], hashes[pick])
            live[pick] = True
    planted = np.arange(len(ids) - 1050, len(ids))
    for j in planted[::3]:  # toggle planted ones singly: chains of near-identical keys
        if live[j]:
            assert idx.remove([ids[j]]) == 1
        else:
            idx.add([ids[j]], hashes[j : j + 1])
        live[j] = not live[j]
    assert len(idx) == int(live.sum())
    with pytest.raises(ValueError, match="already"):  # nothing written on a refused single add
        idx.add(ids[np.flatnonzero(live)[:1]], hashes[np.flatnonzero(live)[:1]])
    assert len(idx) == int(live.sum()) and idx.remove([123456789]) == 0
    for q in queries:
        assert idx.search(q, 31) == brute(hashes[live], ids[live], q, 31)
    idx.save(tmp_path / "i.npz")
    again = PDQIndex.load(tmp_path / "i.npz")
    for q in queries[:20]:
        assert again.search(q, 31) == brute(hashes[live], ids[live], q, 31)
