"""Audit Merkle log benchmark: prints a table and compares against a naive baseline in the same run.

    appends/s                 AuditLog.append_many, batches of 1000, SQLite file (synchronous=FULL)
    tree sync                 MerkleTree.sync() over all records (full build), then an incremental one
    verify-all                MerkleTree.verify(checkpoint): re-hash every record and the whole tree
    chain verify              AuditLog.verify(), the existing hash chain, for comparison
    inclusion proof           p50/p99 over random seqs at the full size (generation; verification apart)
    consistency proof         p50/p99 over random old sizes to the full size (with both roots)
    checkpoint                root + sign, and verify, p50
    baseline                  an inclusion proof by reading all leaf hashes and recomputing every
                              sibling subtree from them (what a tree without cached subtrees costs)
    redaction                 AuditLog.redact of 1,000 records, then chain verify again
    PostgreSQL appends/s      the same batched appends into a scratch PostgreSQL database
                              (127.0.0.1:5432, env REMPART_BENCH_PG_DSN), against SQLite in the same run

Targets (issue): inclusion proof <= 1 ms, checkpoint <= 5 ms, verify 1,000,000 records <= 10 s.
Run `python bench/bench_audit.py` (1,000,000 records) or `--smoke` (100,000).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time

from rempart.audit import AuditLog
from rempart.audit.checkpoint import generate_key, sign_checkpoint, verify_checkpoint
from rempart.audit.merkle import root_from_leaf_hashes, verify_consistency, verify_inclusion
from rempart.audit.tree import MerkleTree

BATCH = 1000
ORIGIN = "bench.rempart.example/audit"


def payload(i: int) -> dict:
    """About what the gate logs for a decision: hashes, signals, verdict; no image data."""
    h = hashlib.sha256(i.to_bytes(8, "big")).hexdigest()
    return {"request_id": f"req-{i:012d}", "verdict": "block" if i % 7 == 0 else "allow", "sha256": h,
            "pdq": h[::-1], "policy": "default@1", "signals": {"nsfw": (i % 100) / 100, "minor": 0.01},
            "reasons": ["nsfw.explicit"] if i % 7 == 0 else []}


def pct(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(q * len(v)))]


def timed(fn, *a, **kw):
    t = time.perf_counter()
    out = fn(*a, **kw)
    return out, time.perf_counter() - t


def naive_inclusion_proof(tree: MerkleTree, index: int, size: int) -> tuple[list[bytes], bytes]:
    """Baseline: every sibling's MTH recomputed from the leaf hashes (RFC 6962 PATH, literally)."""
    leaves = [h for page in tree._store.tree_leaf_pages(0) for seq, h in page if seq <= size]
    path, start, end = [], 0, size
    while end - start > 1:
        k = 1 << ((end - start - 1).bit_length() - 1)
        if index < start + k:
            path.append(root_from_leaf_hashes(leaves[start + k:end]))
            end = start + k
        else:
            path.append(root_from_leaf_hashes(leaves[start:start + k]))
            start += k
    path.reverse()
    return path, root_from_leaf_hashes(leaves)


def bench_postgres_appends(n: int) -> float | None:
    """Batched appends/s into a scratch database, dropped afterwards; None without a server."""
    import uuid

    try:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict
    except ImportError:
        return None
    admin_dsn = os.environ.get("REMPART_BENCH_PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")
    try:
        admin = psycopg.connect(admin_dsn, autocommit=True, connect_timeout=3)
    except psycopg.Error:
        return None
    name = f"rempart_bench_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    d = conninfo_to_dict(admin_dsn)
    url = f"postgresql://{d.get('user', 'postgres')}@{d.get('host', '127.0.0.1')}:{d.get('port', 5432)}/{name}"
    try:
        log = AuditLog(url)
        t = time.perf_counter()
        for start in range(0, n, BATCH):
            log.append_many([("decision", payload(i)) for i in range(start, min(n, start + BATCH))])
        rate = n / (time.perf_counter() - t)
        assert log.verify().ok
        log.close()
        return rate
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--smoke", action="store_true", help="100,000 records instead of 1,000,000")
    ap.add_argument("--records", type=int, help="override the record count")
    ap.add_argument("--proofs", type=int, default=2000)
    args = ap.parse_args()
    n = args.records or (100_000 if args.smoke else 1_000_000)
    rng = random.Random(1)
    rows: list[tuple[str, str, str]] = []

    def row(name: str, value: str, note: str = "") -> None:
        rows.append((name, value, note))
        print(f"  {name:<34} {value:>14}  {note}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "audit.db")
        print(f"Rempart audit Merkle benchmark: {n:,} records, Python {sys.version.split()[0]}, {path}")
        log = AuditLog(path)

        t = time.perf_counter()
        for start in range(0, n, BATCH):
            log.append_many([("decision", payload(i)) for i in range(start, min(n, start + BATCH))])
        dt = append_dt = time.perf_counter() - t
        ok = "OK" if n / dt >= 20_000 else "MISSED"
        row("appends/s (batched x1000)", f"{n / dt:,.0f}", f"{dt:.1f} s for {n:,}; target 20,000/s: {ok}")

        tree = MerkleTree(log)
        size, dt = timed(tree.sync)
        assert size == n
        row("tree sync (full build)", f"{dt:.2f} s", f"{n / dt:,.0f} records/s")
        log.append_many([("decision", payload(n + i)) for i in range(BATCH)])
        size, dt = timed(tree.sync)
        row(f"tree sync (+{BATCH} records)", f"{dt * 1000:.1f} ms", f"size {size:,}")

        key = generate_key("bench.rempart.example")
        note = tree.checkpoint(ORIGIN, key)
        cp = verify_checkpoint(note, key.verifier_key)
        report, dt = timed(tree.verify, cp)
        assert report.ok and report.checked == size, report.problems[:3]
        ok = "OK" if dt <= 10 * size / 1_000_000 else "MISSED"
        row("verify-all (tree, vs checkpoint)", f"{dt:.2f} s", f"{size:,} records; target 10 s/1M: {ok}")
        chain, dt = timed(log.verify)
        assert chain.ok
        row("chain verify (AuditLog.verify)", f"{dt:.2f} s", "existing hash chain, for comparison")

        seqs = [rng.randint(1, size) for _ in range(args.proofs)]
        gen, ver = [], []
        root = cp.root
        for seq in seqs:
            t = time.perf_counter()
            proof = tree.inclusion_proof(seq, size)
            t1 = time.perf_counter()
            verify_inclusion(seq - 1, size, tree.leaf_hash(seq), proof, root)
            t2 = time.perf_counter()
            gen.append((t1 - t) * 1000)
            ver.append((t2 - t1) * 1000)
        p99 = pct(gen, 0.99)
        row("inclusion proof p50 / p99", f"{pct(gen, 0.5):.3f} / {p99:.3f} ms",
            f"target 1 ms: {'OK' if p99 <= 1 else 'MISSED'}; proof of {len(proof)} hashes")
        row("inclusion verify p50", f"{pct(ver, 0.5):.3f} ms", "incl. the leaf hash lookup")

        cons = []
        for _ in range(max(50, args.proofs // 10)):
            old = rng.randint(1, size - 1)
            c, dt = timed(tree.consistency_proof, old, size)
            cons.append(dt * 1000)
            verify_consistency(c.old_size, c.new_size, c.old_root, c.new_root, c.proof)
        row("consistency proof p50 / p99", f"{pct(cons, 0.5):.3f} / {pct(cons, 0.99):.3f} ms",
            "with both roots")

        sign_t, ver_t = [], []
        for _ in range(200):
            t = time.perf_counter()
            note = sign_checkpoint(ORIGIN, size, tree.root(size), key)
            t1 = time.perf_counter()
            verify_checkpoint(note, key.verifier_key)
            sign_t.append((t1 - t) * 1000)
            ver_t.append((time.perf_counter() - t1) * 1000)
        total = pct(sign_t, 0.5) + pct(ver_t, 0.5)
        row("checkpoint root+sign / verify p50", f"{pct(sign_t, 0.5):.3f} / {pct(ver_t, 0.5):.3f} ms",
            f"target 5 ms: {'OK' if total <= 5 else 'MISSED'}")

        base = []
        for seq in seqs[:3]:
            (path_, broot), dt = timed(naive_inclusion_proof, tree, seq - 1, size)
            assert path_ == tree.inclusion_proof(seq, size) and broot == root
            base.append(dt * 1000)
        b50 = statistics.median(base)
        row("baseline: naive proof (recompute)", f"{b50:,.1f} ms",
            f"{b50 / pct(gen, 0.5):,.0f}x slower than the cached tree")

        _, dt = timed(log.redact, range(2, 2 + BATCH), "bench retention")
        row(f"redact {BATCH} records", f"{dt * 1000:.1f} ms", "payloads deleted, hashes kept")
        chain, dt = timed(log.verify)
        assert chain.ok
        row("chain verify after redaction", f"{dt:.2f} s", f"{chain.checked:,} records")
        sqlite_rate = n / append_dt
        pg_n = 5_000 if args.smoke else 50_000
        pg = bench_postgres_appends(pg_n)
        if pg is None:
            row("PostgreSQL appends/s", "skipped", "no PostgreSQL server reachable")
        else:
            row("PostgreSQL appends/s (x1000)", f"{pg:,.0f}",
                f"{pg_n:,} records; SQLite same run {sqlite_rate:,.0f}/s ({pg / sqlite_rate:.2f}x)")

        db_mb = os.path.getsize(path) / 1e6
        row("database file", f"{db_mb:,.0f} MB", "records + leaves + subtree cache (WAL not counted)")
        tree.close()
        log.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
