"""Instants from text: the one place that reads the ISO 8601 dates and times the CLI takes
and the audit records hold."""

from __future__ import annotations

from datetime import datetime, timezone


def utc_instant(value: str | datetime) -> datetime:
    """An ISO 8601 date or date-time (a trailing Z included) as an aware UTC datetime; a value
    without an offset is UTC, a bare date its midnight. ValueError if it is not one."""
    if isinstance(value, datetime):
        d = value
    else:
        s = str(value).strip()
        d = datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith("Z") else s)
    d = d if d.tzinfo else d.replace(tzinfo=timezone.utc)
    return d.astimezone(timezone.utc)
