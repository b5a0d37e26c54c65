"""A local stand-in for the DSA Transparency Database API: the documented endpoints, bearer
auth, validation with our schema, puid uniqueness, and failures injected on demand."""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from rempart.records.sor import validate_statement

PREFIX = "/api/v2"


def _errors_by_field(messages: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in messages:
        field, _, text = m.partition(": ")
        out.setdefault(field.split("/")[0], []).append(text or m)
    return out


class FakeTdb:
    def __init__(self, token: str = "X|test-token") -> None:
        self.token = token
        self.store: dict[str, dict] = {}
        self.lock = threading.Lock()
        self.create_calls: list[int] = []  # statements per create request, in order
        self.lookups = 0
        self.duplicate_rejections = 0
        # One entry per coming create request: ("status", code) refuse without storing;
        # ("commit_then", code) store the batch, then answer code; ("commit_first", k, code)
        # store only the first k, then answer code; ("slow", seconds) store, then answer late.
        self.plan: list[tuple] = []
        self.retry_after: str | None = None
        self.lookup_lag = False  # lookups never find anything (the documented ~24 h delay)
        server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        server.daemon_threads = True
        self.server = server
        self.base_url = f"http://127.0.0.1:{server.server_address[1]}"
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- behaviour -----------------------------------------------------------------------
    def _store(self, statements: list[dict]) -> list[dict]:
        out = []
        for s in statements:
            self.store[s["puid"]] = dict(s, uuid=str(uuid.uuid4()))
            out.append(self.store[s["puid"]])
        return out

    def create(self, statements: list[dict], multi: bool) -> tuple[int, Any, dict]:
        with self.lock:
            self.create_calls.append(len(statements))
            action = self.plan.pop(0) if self.plan else None
        headers = {"Retry-After": self.retry_after} if self.retry_after and action else {}
        if action and action[0] == "status":
            return action[1], {"message": "Server Error"}, headers
        if multi:
            errors = {}
            for i, s in enumerate(statements):
                problems = validate_statement(s)
                if problems:
                    errors[f"statement_{i}"] = _errors_by_field(problems)
            if errors:
                return 422, {"errors": errors}, {}
            puids = [s["puid"] for s in statements]
            if len(set(puids)) != len(puids):
                return 422, {"message": "not unique within this call",
                             "errors": {"puid": ["The platform identifier(s) are not all unique within this call."]}}, {}
        else:
            problems = validate_statement(statements[0])
            if problems:
                return 422, {"message": problems[0], "errors": _errors_by_field(problems)}, {}
        with self.lock:
            taken = [s["puid"] for s in statements if s["puid"] in self.store]
            if taken:
                self.duplicate_rejections += 1
                body = {"message": "The identifier given is not unique within this platform.",
                        "errors": {"puid": ["The identifier given is not unique within this platform."]}}
                if not multi:
                    body["existing"] = self.store[taken[0]]
                return 422, body, {}
            if action and action[0] == "commit_first":
                self._store(statements[: action[1]])
                return action[2], {"message": "Server Error"}, {}
            created = self._store(statements)
        if action and action[0] == "commit_then":
            return action[1], {"message": "Bad Gateway"}, {}
        if action and action[0] == "slow":
            time.sleep(action[1])
        return 201, ({"statements": created} if multi else created[0]), {}

    def lookup(self, puid: str) -> tuple[int, Any, dict]:
        with self.lock:
            self.lookups += 1
            found = None if self.lookup_lag else self.store.get(puid)
        if found is None:
            return 404, {"message": "statement of reason not found"}, {}
        return 302, found, {}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def _send(self, status: int, body: Any, headers: dict) -> None:
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a timeout test)

            def _authorised(self) -> bool:
                if self.headers.get("Authorization") != f"Bearer {fake.token}":
                    self._send(401, {"message": "Unauthenticated."}, {})
                    return False
                return True

            def do_GET(self) -> None:  # noqa: N802
                if not self._authorised():
                    return
                prefix = PREFIX + "/statement/existing-puid/"
                if self.path.startswith(prefix):
                    self._send(*fake.lookup(self.path[len(prefix):]))
                else:
                    self._send(404, {"message": "not found"}, {})

            def do_POST(self) -> None:  # noqa: N802
                if not self._authorised():
                    return
                try:
                    body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                except json.JSONDecodeError:
                    self._send(422, {"message": "invalid JSON"}, {})
                    return
                if self.path == PREFIX + "/statement":
                    self._send(*fake.create([body], multi=False))
                elif self.path == PREFIX + "/statements":
                    items = body.get("statements") if isinstance(body, dict) else None
                    if not isinstance(items, list) or not 1 <= len(items) <= 100:
                        self._send(422, {"message": "The statements must have between 1 and 100 items.",
                                         "errors": {"statements": ["between 1 and 100"]}}, {})
                        return
                    self._send(*fake.create(items, multi=True))
                else:
                    self._send(404, {"message": "not found"}, {})

        return Handler
