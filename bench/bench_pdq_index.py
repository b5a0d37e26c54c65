"""Benchmark: Rempart's PDQIndex against python-threatexchange's default PDQ index.

Same random PDQ hashes, same planted queries, same radius (31, ThreatExchange's default),
each index in its own fresh process so RSS deltas are comparable.

    .venv/bin/python bench/bench_pdq_index.py            # 10,000,000 hashes
    .venv/bin/python bench/bench_pdq_index.py --smoke    # 20,000 hashes (CI, a few seconds)
    .venv/bin/python bench/bench_pdq_index.py --n 2000000 --te-site /path/to/site-packages

threatexchange (a pinned dependency) is the baseline of every full run: its PDQ index runs on
the same data and queries in the same run, and the run fails if it cannot be imported
(--no-baseline measures Rempart alone). --smoke includes it when importable. --te-site
points at another installation (appended to sys.path, so the venv's numpy/faiss still win).
Also times single adds and removes: on the index alone (with the vectorised batch path and
threatexchange's add as same-run baselines), and through a SQLite BankStore + BankMatcher
(--store-n hashes), i.e. from the write to the moment the matcher (un)matches the hash.
Queries: 70% near copies of indexed hashes at distance 0..31, 10% at 32..40 (just
outside), 20% random. Both indexes must return the same (id, distance) sets; Rempart is
also checked against a numpy brute force on the first --brute queries.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def rss_mb(field: str = "VmRSS") -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def make_data(n: int, nq: int, seed: int):
    rng = np.random.default_rng(seed)
    hashes = rng.integers(0, 256, (n, 32), dtype=np.uint8)
    ids = np.arange(1, n + 1, dtype=np.int64)
    qrng = np.random.default_rng(seed + 1)
    queries = np.empty((nq, 32), dtype=np.uint8)
    kinds = qrng.choice(3, size=nq, p=[0.7, 0.1, 0.2])
    for i, kind in enumerate(kinds):
        if kind == 2:
            queries[i] = qrng.integers(0, 256, 32, dtype=np.uint8)
            continue
        k = int(qrng.integers(0, 32) if kind == 0 else qrng.integers(32, 41))
        q = hashes[qrng.integers(0, n)].copy()
        bits = np.zeros(256, dtype=np.uint8)
        bits[qrng.choice(256, k, replace=False)] = 1
        queries[i] = q ^ np.packbits(bits)
    return hashes, ids, queries


def pct(ts, p):
    return float(np.percentile(np.asarray(ts) * 1e3, p)) if len(ts) else float("nan")


def worker(args) -> dict:
    hashes, ids, queries = make_data(args.n, args.queries, args.seed)
    qhex = [q.tobytes().hex() for q in queries]
    out: dict = {"impl": args.worker, "n": args.n}
    if args.worker == "rempart":
        from rempart.banks.index import PDQIndex

        r0 = rss_mb()
        t = time.perf_counter()
        idx = PDQIndex()
        idx.add(ids, hashes)
        out["build_s"] = time.perf_counter() - t
        out["rss_delta_mb"] = rss_mb() - r0
        out["memory_bytes_mb"] = idx.memory_bytes() / 2**20
        search = lambda h: idx.search(h, args.radius)
    else:
        if args.te_site:
            sys.path.append(args.te_site)
        from threatexchange.signal_type.pdq.pdq_index import (
            PDQIndex as TEIndex,  # library default for PDQ
        )

        if args.radius != TEIndex.get_match_threshold():
            raise SystemExit(f"threatexchange's PDQIndex searches at {TEIndex.get_match_threshold()} only")
        r0 = rss_mb()
        t = time.perf_counter()
        entries = list(zip((h.tobytes().hex() for h in hashes), ids.tolist()))  # its input form; it keeps them
        out["prep_s"] = time.perf_counter() - t
        t = time.perf_counter()
        idx = TEIndex(entries)
        out["build_s"] = time.perf_counter() - t
        del entries
        out["rss_delta_mb"] = rss_mb() - r0
        search = lambda h: [(m.metadata, int(m.similarity_info.distance)) for m in idx.query(h)]

    ts, qi, mi, md = [], [], [], []
    for i, h in enumerate(qhex):
        t = time.perf_counter()
        res = search(h)
        ts.append(time.perf_counter() - t)
        for mid, d in res:
            qi.append(i), mi.append(mid), md.append(d)
    out["q_p50_ms"], out["q_p99_ms"], out["q_max_ms"] = pct(ts, 50), pct(ts, 99), pct(ts, 100)
    out["matches"] = len(qi)
    out["hit_queries"] = len(set(qi))
    np.savez(args.result, q=np.asarray(qi, np.int64), id=np.asarray(mi, np.int64), d=np.asarray(md, np.int64))

    if args.worker == "rempart":
        # exactness against brute force on the first queries
        bad = 0
        for i in range(min(args.brute, len(queries))):
            d = np.bitwise_count(hashes ^ queries[i]).sum(axis=1, dtype=np.int32)
            ok = np.flatnonzero(d <= args.radius)
            want = sorted(((int(ids[j]), int(d[j])) for j in ok), key=lambda x: (x[1], x[0]))
            bad += idx.search(qhex[i], args.radius) != want
        out["brute_checked"], out["brute_mismatch"] = min(args.brute, len(queries)), bad
        # single add / remove latency; pre-size first so growth is timed separately
        rng = np.random.default_rng(args.seed + 2)
        t = time.perf_counter()
        idx.reserve(len(idx) + args.ops)
        out["reserve_s"] = time.perf_counter() - t
        new = rng.integers(0, 256, (args.ops, 32), dtype=np.uint8)
        ta, tr = [], []
        for i in range(args.ops):
            t = time.perf_counter()
            idx.add(np.array([args.n + 1 + i]), new[i : i + 1])
            ta.append(time.perf_counter() - t)
        gone = rng.choice(args.n, args.ops, replace=False)
        for j in gone:
            t = time.perf_counter()
            idx.remove([ids[j]])
            tr.append(time.perf_counter() - t)
        stale = sum(any(m == ids[j] for m, _ in idx.search(hashes[j], args.radius)) for j in gone[:100])
        found_new = sum(bool(idx.search(new[i], 0)) for i in range(min(100, args.ops)))
        out.update(add_p50_ms=pct(ta, 50), add_p99_ms=pct(ta, 99), add_max_ms=pct(ta, 100),
                   rm_p50_ms=pct(tr, 50), rm_p99_ms=pct(tr, 99), rm_max_ms=pct(tr, 100),
                   removed_still_found=stale, added_found=found_new)
        # the same single ops through the vectorised batch path (what every add/remove took
        # before the scalar path): the same-run baseline for the figures above
        tb_a, tb_r = [], []
        extra = rng.integers(0, 256, (args.ops, 32), dtype=np.uint8)
        extra_ids = np.arange(args.ops, dtype=np.int64) + 2 * args.n + 10
        idx.reserve(len(idx) + args.ops)  # growth is not what this times
        for i in range(args.ops):
            t = time.perf_counter()
            idx._add_batch(extra_ids[i : i + 1], extra[i : i + 1])
            tb_a.append(time.perf_counter() - t)
        for i in range(args.ops):
            t = time.perf_counter()
            idx._remove_batch(extra_ids[i : i + 1])
            tb_r.append(time.perf_counter() - t)
        out.update(batch_add_p50_ms=pct(tb_a, 50), batch_add_p99_ms=pct(tb_a, 99),
                   batch_rm_p50_ms=pct(tb_r, 50), batch_rm_p99_ms=pct(tb_r, 99))
    else:
        # threatexchange's index can add (no remove): its single-add latency, same hashes. Each
        # add rebuilds its id map over the whole index (O(n): seconds at 10M), so only 20 are timed.
        rng = np.random.default_rng(args.seed + 2)
        te_ops = min(args.ops, 20)
        new = rng.integers(0, 256, (te_ops, 32), dtype=np.uint8)
        ta = []
        for i in range(te_ops):
            h = new[i].tobytes().hex()
            t = time.perf_counter()
            idx.add(h, args.n + 1 + i)
            ta.append(time.perf_counter() - t)
        out.update(add_p50_ms=pct(ta, 50), add_p99_ms=pct(ta, 99), add_max_ms=pct(ta, 100))
    out["peak_rss_mb"] = rss_mb("VmHWM")
    return out


def store_worker(args) -> dict:
    """Single adds and removes through the whole path: BankStore (SQLite, WAL, synchronous=FULL:
    one fsync'd commit per call) then a BankMatcher applying that one change-log row."""
    from rempart.banks.matcher import BankMatcher
    from rempart.banks.store import BankStore

    rng = np.random.default_rng(args.seed + 3)
    base = rng.integers(0, 256, (args.store_n, 32), dtype=np.uint8)
    out: dict = {"impl": "store+matcher", "n": args.store_n}
    with tempfile.TemporaryDirectory() as tmp, BankStore(Path(tmp) / "banks.sqlite") as store:
        store.create_bank("bench", source="platform_takedown")
        for start in range(0, args.store_n, 50_000):
            store.add_hashes("bench", [("pdq", h.tobytes().hex(), 90) for h in base[start : start + 50_000]])
        matcher = BankMatcher(store, refresh_ms=0)
        t = time.perf_counter()
        matcher.refresh()
        out["load_s"] = time.perf_counter() - t
        new = [h.tobytes().hex() for h in rng.integers(0, 256, (args.store_ops, 32), dtype=np.uint8)]
        w_add, m_add, w_rm, m_rm = [], [], [], []
        for h in new:
            t0 = time.perf_counter()
            store.add_hashes("bench", [("pdq", h, 90)])
            t1 = time.perf_counter()
            matcher.refresh()
            t2 = time.perf_counter()
            w_add.append(t1 - t0), m_add.append(t2 - t1)
        seen = sum(bool(matcher.match_pdq(h)) for h in new[:50])
        for h in new:
            t0 = time.perf_counter()
            store.remove("bench", "pdq", h)
            t1 = time.perf_counter()
            matcher.refresh()
            t2 = time.perf_counter()
            w_rm.append(t1 - t0), m_rm.append(t2 - t1)
        gone = sum(bool(matcher.match_pdq(h)) for h in new[:50])
        tot_add = [a + b for a, b in zip(w_add, m_add)]
        tot_rm = [a + b for a, b in zip(w_rm, m_rm)]
        for name, ts in (("store_add", w_add), ("matcher_add", m_add), ("total_add", tot_add),
                         ("store_rm", w_rm), ("matcher_rm", m_rm), ("total_rm", tot_rm)):
            out[f"{name}_p50_ms"], out[f"{name}_p99_ms"] = pct(ts, 50), pct(ts, 99)
        out.update(added_matched=f"{seen}/50", removed_still_matched=gone, rebuilds=matcher.rebuilds)
    return out


def run_worker(impl: str, n: int, args, tmp: Path) -> dict | None:
    result = tmp / f"{impl}-{n}.npz"
    cmd = [sys.executable, __file__, "--worker", impl, "--n", str(n), "--queries", str(args.queries),
           "--seed", str(args.seed), "--radius", str(args.radius), "--ops", str(args.ops),
           "--brute", str(args.brute), "--result", str(result), "--store-n", str(args.store_n),
           "--store-ops", str(args.store_ops)]
    if args.te_site:
        cmd += ["--te-site", args.te_site]
    print(f"[{impl}] n={n:,} ...", file=sys.stderr, flush=True)
    p = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if p.returncode != 0:
        print(f"[{impl}] failed:\n{p.stderr[-2000:]}", file=sys.stderr)
        return None
    out = json.loads(p.stdout.strip().splitlines()[-1])
    out["result"] = str(result)
    return out


def match_sets(path: str) -> dict[int, set]:
    z = np.load(path)
    sets: dict[int, set] = {}
    for q, i, d in zip(z["q"].tolist(), z["id"].tolist(), z["d"].tolist()):
        sets.setdefault(q, set()).add((i, d))
    return sets


def te_available(site: str | None) -> bool:
    code = "import sys; sys.path.append(sys.argv[1]) if sys.argv[1] else None; import threatexchange.signal_type.pdq.pdq_index"
    return subprocess.run([sys.executable, "-c", code, site or ""], capture_output=True, check=False).returncode == 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000_000)
    ap.add_argument("--smoke", action="store_true", help="20,000 hashes, 200 queries, 200 adds/removes (CI)")
    ap.add_argument("--te-n", type=int, help="hashes for threatexchange's index (default: --n); "
                    "if different, both indexes are also measured at this size")
    ap.add_argument("--te-site", help="site-packages holding threatexchange, if not installed")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--radius", type=int, default=31)
    ap.add_argument("--ops", type=int, default=1000, help="single adds and removes to time")
    ap.add_argument("--brute", type=int, default=50, help="queries checked against brute force")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--no-baseline", action="store_true", help="skip threatexchange's index")
    ap.add_argument("--store-n", type=int, default=100_000,
                    help="hashes in the SQLite bank for the store+matcher add/remove timing (0: skip)")
    ap.add_argument("--store-ops", type=int, default=300, help="single adds and removes through the store")
    ap.add_argument("--worker", choices=["rempart", "te", "store"], help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(store_worker(args) if args.worker == "store" else worker(args)))
        return
    if args.smoke:
        args.n, args.queries, args.ops, args.store_n, args.store_ops = 20_000, 200, 200, 2_000, 50

    have_te = not args.no_baseline and te_available(args.te_site)
    if not have_te and not args.smoke and not args.no_baseline:
        raise SystemExit("threatexchange's PDQ index is not importable: it is the baseline of a full run "
                         "(install the pinned dependencies, or pass --no-baseline)")
    te_n = args.te_n or args.n
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        ours = run_worker("rempart", args.n, args, Path(tmp))
        rows.append(ours)
        if have_te:
            ours_at_te = ours if te_n == args.n else run_worker("rempart", te_n, args, Path(tmp))
            te = run_worker("te", te_n, args, Path(tmp))
            rows += ([ours_at_te] if ours_at_te is not ours else []) + [te]
            if ours_at_te and te:
                a, b = match_sets(ours_at_te["result"]), match_sets(te["result"])
                diff = [q for q in set(a) | set(b) if a.get(q, set()) != b.get(q, set())]
                te["same_matches"] = f"{args.queries - len(diff)}/{args.queries} queries identical"
        else:
            print("threatexchange skipped or not importable: measuring Rempart only", file=sys.stderr)
        store = run_worker("store", args.store_n, args, Path(tmp)) if args.store_n else None

    cols = [("impl", "{}"), ("n", "{:,}"), ("build_s", "{:.1f}"), ("rss_delta_mb", "{:.0f}"),
            ("memory_bytes_mb", "{:.0f}"), ("peak_rss_mb", "{:.0f}"), ("q_p50_ms", "{:.3f}"),
            ("q_p99_ms", "{:.3f}"), ("q_max_ms", "{:.2f}"), ("matches", "{}"), ("hit_queries", "{}")]
    print(f"\nPDQ index benchmark: radius {args.radius}, {args.queries} queries, seed {args.seed}")
    print(" | ".join(c for c, _ in cols))
    for r in rows:
        if r:
            print(" | ".join(f.format(r[c]) if c in r else "-" for c, f in cols))
    for r in rows:
        if r and r["impl"] == "rempart":
            print(f"rempart n={r['n']:,}: brute-force mismatches {r['brute_mismatch']}/{r['brute_checked']}; "
                  f"reserve(+{args.ops}) {r['reserve_s']:.2f} s; removed ids still found {r['removed_still_found']}, "
                  f"added found {r['added_found']}/100")
        if r and r["impl"] == "te":
            print(f"threatexchange n={r['n']:,}: hex prep {r['prep_s']:.1f} s (not in build); "
                  f"same matches as rempart: {r.get('same_matches', 'n/a')}")

    ops = [("single add, PDQIndex (scalar path)", "rempart", "add"),
           ("single remove, PDQIndex (scalar path)", "rempart", "rm"),
           ("single add, PDQIndex batch path [baseline]", "rempart", "batch_add"),
           ("single remove, PDQIndex batch path [baseline]", "rempart", "batch_rm"),
           ("single add, threatexchange PDQIndex [baseline]", "te", "add")]
    print(f"\nsingle-hash add/remove latency, ms ({args.ops} ops each, index pre-sized with reserve)")
    print(f"{'operation':<48} {'n':>12} {'p50':>8} {'p99':>8}")
    for label, impl, key in ops:
        for r in rows:
            if r and r["impl"] == impl and f"{key}_p50_ms" in r:
                print(f"{label:<48} {r['n']:>12,} {r[key + '_p50_ms']:>8.3f} {r[key + '_p99_ms']:>8.3f}")
    if store:
        print(f"\nthrough the store: SQLite bank of {store['n']:,} PDQ hashes + BankMatcher "
              f"(load {store['load_s']:.2f} s), {args.store_ops} ops each")
        print(f"{'operation':<48} {'p50':>8} {'p99':>8}")
        for label, key in (("add: BankStore.add_hashes (fsync'd commit)", "store_add"),
                           ("add: matcher.refresh applies the change", "matcher_add"),
                           ("add: total, write to matchable", "total_add"),
                           ("remove: BankStore.remove (fsync'd commit)", "store_rm"),
                           ("remove: matcher.refresh applies the change", "matcher_rm"),
                           ("remove: total, write to unmatchable", "total_rm")):
            print(f"{label:<48} {store[key + '_p50_ms']:>8.3f} {store[key + '_p99_ms']:>8.3f}")
        print(f"added hashes matched {store['added_matched']}, removed still matched {store['removed_still_matched']}, "
              f"matcher rebuilds {store['rebuilds']} (1 = the initial load only)")


if __name__ == "__main__":
    main()
