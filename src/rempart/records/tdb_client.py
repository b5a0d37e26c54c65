"""Submission client for the EU DSA Transparency Database API (statements of reasons).

Endpoint shapes, as documented (docs/dsa.md lists the sources):

    POST {base}/api/{version}/statement                    one statement      -> 201 + statement
    POST {base}/api/{version}/statements                   {"statements": [..<=100]} -> 201
    GET  {base}/api/{version}/statement/existing-puid/{puid} -> 302 Found (exists) / 404 Not Found
    headers: Authorization: Bearer TOKEN, Accept/Content-Type: application/json

Idempotency rests on the puid (unique per platform; the database refuses a second statement
with the same puid). After an *uncertain* failure (timeout, connection reset, 5xx, 429), the
batch may or may not have been stored, so before re-sending the client asks the lookup
endpoint for each puid and drops those already present. A 422 from the batch endpoint lists
per-item errors as "statement_<index>": those items are rejected (reported, not retried) and
the rest is re-sent. A 422 about a duplicate puid in a batch (or one without per-item
errors) makes the client look the puids up and send the remainder one by one, since a lookup
can lag behind a recent submission; the single endpoint names the duplicate exactly.
401/403 stop everything: a bad token will not get better by retrying.

Only the standard library (urllib) is used: httpx is a development dependency here.
"""

from __future__ import annotations

import json
import random
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from rempart.errors import RempartError
from rempart.records.sor import MAX_BATCH

RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class TdbError(RempartError):
    code = "TDB_ERROR"


class TdbAuthError(TdbError):
    code = "TDB_UNAUTHORIZED"


@dataclass
class SubmitReport:
    created: list[str] = field(default_factory=list)  # puids stored by this run
    already_present: list[str] = field(default_factory=list)  # puids found by lookup, not re-sent
    rejected: dict[str, Any] = field(default_factory=dict)  # puid -> the API's validation errors
    failed: dict[str, str] = field(default_factory=dict)  # puid -> why (retries exhausted, 4xx)
    calls: int = 0  # HTTP requests made, lookups included
    create_calls: int = 0  # POSTs to the create endpoints

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.failed


@dataclass(frozen=True)
class _Response:
    status: int
    body: Any  # parsed JSON, or the raw text when not JSON
    retry_after: float | None = None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """The lookup answers `302 Found` with the statement as its body: that is the answer,
    not a redirect to follow."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class _Uncertain(Exception):
    """The request may or may not have reached the database."""


class TdbClient:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        api_version: str = "v2",
        timeout_s: float = 30.0,
        max_attempts: int = 6,
        backoff_s: float = 1.0,
        max_backoff_s: float = 60.0,
        batch_size: int = MAX_BATCH,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not token:
            raise TdbAuthError("no API token")
        if not 1 <= batch_size <= MAX_BATCH:
            raise TdbError(f"batch size must be 1..{MAX_BATCH}, got {batch_size}")
        self.root = f"{base_url.rstrip('/')}/api/{api_version}"
        self._token = token
        self.timeout_s = timeout_s
        self.max_attempts = max_attempts
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self.batch_size = batch_size
        self._sleep = sleep
        self._opener = urllib.request.build_opener(_NoRedirect)

    # -- HTTP ------------------------------------------------------------------------
    def _request(self, report: SubmitReport, method: str, path: str, body: Any = None) -> _Response:
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        req = urllib.request.Request(self.root + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self._token}",
            "Accept": "application/json",
            "Content-Type": "application/json",
        })
        report.calls += 1
        try:
            with self._opener.open(req, timeout=self.timeout_s) as resp:
                return _Response(resp.status, _parse(resp.read()))
        except urllib.error.HTTPError as e:
            with e:
                raw = e.read()
            return _Response(e.code, _parse(raw), _retry_after(e.headers.get("Retry-After")))
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError) as e:
            raise _Uncertain(f"{method} {path}: {getattr(e, 'reason', e)}") from None

    def _backoff(self, attempt: int, hint: float | None) -> None:
        delay = min(self.max_backoff_s, self.backoff_s * (2 ** attempt))
        delay = delay * (0.5 + random.random() / 2)  # jitter: many clients must not retry in step
        self._sleep(max(delay, hint or 0.0))

    def exists(self, puid: str, report: SubmitReport | None = None) -> bool:
        """Whether the database already holds a statement with this puid (302 yes, 404 no)."""
        report = report or SubmitReport()
        for attempt in range(self.max_attempts):
            try:
                r = self._request(report, "GET", "/statement/existing-puid/" + urllib.parse.quote(puid, safe=""))
            except _Uncertain:
                self._backoff(attempt, None)
                continue
            if r.status in (200, 302):
                return True
            if r.status == 404:
                return False
            if r.status in (401, 403):
                raise TdbAuthError(f"lookup refused ({r.status}): check the API token")
            if r.status in RETRYABLE_STATUS:
                self._backoff(attempt, r.retry_after)
                continue
            raise TdbError(f"lookup of puid {puid!r} answered {r.status}")
        raise TdbError(f"lookup of puid {puid!r} kept failing after {self.max_attempts} attempts")

    # -- submission ------------------------------------------------------------------
    def submit(self, statements: Sequence[dict], *, on_batch: Callable[[int], None] | None = None) -> SubmitReport:
        """Send every statement, `batch_size` per call; returns what happened to each puid."""
        report = SubmitReport()
        puids = [s.get("puid") for s in statements]
        if len(set(puids)) != len(puids) or any(not isinstance(p, str) for p in puids):
            raise TdbError("every statement needs its own puid")
        for i in range(0, len(statements), self.batch_size):
            batch = list(statements[i:i + self.batch_size])
            self._send(batch, report)
            if on_batch:
                on_batch(len(batch))
        return report

    def _send(self, batch: list[dict], report: SubmitReport) -> None:
        uncertain = False
        last_problem = "no attempt made"
        for attempt in range(self.max_attempts):
            if uncertain:
                batch = self._drop_existing(batch, report)
                uncertain = False
            if not batch:
                return
            report.create_calls += 1
            try:
                if len(batch) == 1:
                    r = self._request(report, "POST", "/statement", batch[0])
                else:
                    r = self._request(report, "POST", "/statements", {"statements": batch})
            except _Uncertain as e:
                uncertain, last_problem = True, str(e)
                self._backoff(attempt, None)
                continue
            if r.status == 201:
                report.created.extend(s["puid"] for s in batch)
                return
            if r.status in (401, 403):
                raise TdbAuthError(f"the Transparency Database refused the token ({r.status})")
            if r.status in RETRYABLE_STATUS:
                uncertain, last_problem = True, f"HTTP {r.status}"
                self._backoff(attempt, r.retry_after)
                continue
            if r.status == 422:
                action, batch = self._handle_422(batch, r.body, report)
                if action == "singles":
                    # Which item is the problem is unknown (a duplicate puid the lookup does not
                    # show yet: lookups can lag a day). One by one, each answer is precise.
                    for s in self._drop_existing(batch, report) if len(batch) > 1 else batch:
                        self._send([s], report)
                    return
                last_problem = "HTTP 422"
                continue  # the rest of a batch goes again at once: a client-side fix needs no backoff
            for s in batch:
                report.failed[s["puid"]] = f"HTTP {r.status}: {_short(r.body)}"
            return
        for s in batch:
            report.failed[s["puid"]] = f"gave up after {self.max_attempts} attempts ({last_problem})"

    def _drop_existing(self, batch: list[dict], report: SubmitReport) -> list[dict]:
        keep = []
        for s in batch:
            if self.exists(s["puid"], report):
                report.already_present.append(s["puid"])
            else:
                keep.append(s)
        return keep

    def _handle_422(self, batch: list[dict], body: Any, report: SubmitReport) -> tuple[str, list[dict]]:
        """Returns (action, statements): "resend" them, or send them as "singles"."""
        errors = body.get("errors") if isinstance(body, dict) else None
        if not isinstance(errors, dict):
            if len(batch) > 1:
                return "singles", batch
            report.rejected[batch[0]["puid"]] = _short(body)
            return "resend", []
        per_item = {k: v for k, v in errors.items() if k.startswith("statement_")}
        if per_item:
            bad = set()
            for key, errs in per_item.items():
                index = key.split("_", 1)[1]
                if index.isdigit() and int(index) < len(batch):
                    report.rejected[batch[int(index)]["puid"]] = errs
                    bad.add(int(index))
            return "resend", [s for i, s in enumerate(batch) if i not in bad]
        if set(errors) == {"puid"}:
            if len(batch) > 1:
                return "singles", batch
            taken = "existing" in body or any("unique" in str(m).lower() for m in errors["puid"] or [])
            if taken:  # the single endpoint: this very puid is already stored
                report.already_present.append(batch[0]["puid"])
            else:
                report.rejected[batch[0]["puid"]] = errors
            return "resend", []
        for s in batch:  # validation errors of the single endpoint
            report.rejected[s["puid"]] = errors
        return "resend", []


def _parse(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return raw.decode("utf-8", "replace")


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff


def _short(body: Any) -> str:
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    return text[:300]
