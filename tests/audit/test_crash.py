"""Crash safety: a writer killed with SIGKILL in mid-append loses no acknowledged record, on
SQLite and on PostgreSQL, and the log and its tree still verify."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from rempart.audit import AuditLog
from rempart.audit.tree import MerkleTree

# Appends forever, one record or a batch at a time, and prints each seq once its transaction
# has committed (acknowledged); syncs the Merkle tree now and then, so a kill can land there too.
WRITER = r"""
import sys
from rempart.audit import AuditLog
from rempart.audit.tree import MerkleTree
log = AuditLog(sys.argv[1])
tree = MerkleTree(log)
i = 0
while True:
    if i % 7 == 0:
        seqs = log.append_many([("decision", {"i": i + k, "pad": "x" * 200}) for k in range(40)])
        i += 40
    else:
        seqs = [log.append("decision", {"i": i, "pad": "x" * 200})]
        i += 1
    sys.stdout.write("".join(f"{s} {i - len(seqs) + k}\n" for k, s in enumerate(seqs)))
    sys.stdout.flush()
    if i % 11 == 0:
        tree.sync()
"""


def _run_and_kill(url, rng):
    """Start a writer, SIGKILL it after a random number of acknowledgements; return {seq: i}."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-c", WRITER, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, text=True)
    acked: dict[int, int] = {}
    target = rng.randint(150, 400)
    deadline = time.monotonic() + 60
    try:
        while len(acked) < target and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            seq, i = map(int, line.split())
            acked[seq] = i
        time.sleep(rng.random() * 0.01)  # land somewhere inside the next append
    finally:
        proc.send_signal(signal.SIGKILL)
        rest, err = proc.communicate(timeout=30)
    for line in rest.splitlines():  # acknowledged before the kill, still in the pipe
        if line.strip():
            seq, i = map(int, line.split())
            acked[seq] = i
    assert proc.returncode == -signal.SIGKILL
    assert len(acked) >= target, f"writer stopped early: {err[-2000:]}"
    return acked


def test_sigkilled_writer_loses_no_acknowledged_record(store_url):
    rng = random.Random(6)
    AuditLog(store_url).close()  # the schema, once
    acked: dict[int, int] = {}
    for _ in range(3):
        acked.update(_run_and_kill(store_url, rng))
        with AuditLog(store_url) as log:
            for seq, i in acked.items():
                rec = log.get(seq)
                assert rec["payload"]["i"] == i, f"seq {seq}"
            rep = log.verify()
            assert rep.ok, rep.problems[:5]
            assert rep.checked >= len(acked)
            tree = MerkleTree(log)
            tree.sync()
            assert tree.verify().ok
