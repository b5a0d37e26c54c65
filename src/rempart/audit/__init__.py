"""Tamper-evident audit log: hashes and signals only, never images."""

from rempart.audit.log import (
    GENESIS_HASH,
    PROBLEM_KINDS,
    AuditLog,
    Problem,
    SqliteAuditBackend,
    VerifyReport,
    canonical_json,
    record_hash,
)

__all__ = [
    "GENESIS_HASH",
    "PROBLEM_KINDS",
    "AuditLog",
    "Problem",
    "SqliteAuditBackend",
    "VerifyReport",
    "canonical_json",
    "record_hash",
]
