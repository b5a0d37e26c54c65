"""What every command group shares: the exit codes, the one-line error, opening the audit log.

Exit codes (stable, documented in README):
    0  allowed, or the command succeeded
    1  internal error (a bug: please report it)
    2  usage error (bad arguments)
    3  blocked
    4  sent to human review
    5  configuration or data error (invalid policy, unreadable database or file)
    6  tampering detected (audit log, evidence bundle)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_BLOCK = 3
EXIT_REVIEW = 4
EXIT_CONFIG = 5
EXIT_DATA = EXIT_CONFIG  # a bad data file or database: the same code as a bad configuration
EXIT_TAMPERED = 6


def fail(message: str, code: int, group: str | None = None) -> int:
    """Print one error line on stderr (`rempart: [group: ]message`) and return `code`."""
    prefix = f"rempart: {group}: " if group else "rempart: "
    print(prefix + message, file=sys.stderr)
    return code


def open_audit_log(db: str) -> Any:
    """The audit log at --db: an SQLite file that must exist, or a postgresql:// URL. Raises
    FileNotFoundError with a one-line reason when it cannot be opened."""
    from rempart.audit.log import AuditLog
    from rempart.errors import RempartError
    from rempart.storage.base import is_postgres_url

    if not is_postgres_url(db) and not Path(db).exists():
        raise FileNotFoundError(f"no audit database at {db}")
    try:
        return AuditLog(db)
    except RempartError:
        raise
    except Exception as e:  # noqa: BLE001 - e.g. a driver error opening a URL: one clear line
        raise FileNotFoundError(f"cannot open the audit log {db}: {e}") from None


def table(rows: list[dict[str, Any]], cols: list[str]) -> str:
    """Rows as a plain text table with upper-case headers, for human output."""
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in cols}
    lines = ["  ".join(c.upper().ljust(widths[c]) for c in cols)]
    lines += ["  ".join(str(r.get(c, "")).ljust(widths[c]) for c in cols) for r in rows]
    return "\n".join(lines)
