"""The optional second-opinion backend, against a local server speaking the OpenAI protocol."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from rempart.decision.gate import Gate, GateConfig
from rempart.request.model import ScreenRequest
from rempart.signals import kinds
from rempart.signals.text.intent import TextIntentDetector
from rempart.signals.text.second_opinion import (
    SecondOpinionConfig,
    SecondOpinionDetector,
    SecondOpinionError,
)


class FakeModeration:
    """A tiny stand-in for a moderation / guard server: flags prompts containing 'FLAG'."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict, dict]] = []
        self.delay_s = 0.0
        self.status = 200
        self.raw_reply: bytes | None = None
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):  # keep test output clean
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                owner.calls.append((self.path, dict(self.headers), body))
                time.sleep(owner.delay_s)
                if owner.status != 200:
                    self.send_response(owner.status)
                    self.end_headers()
                    return
                if owner.raw_reply is not None:
                    payload = owner.raw_reply
                elif self.path == "/v1/moderations":
                    flagged = "FLAG" in body["input"]
                    minors = "MINOR" in body["input"]
                    payload = json.dumps({"results": [{
                        "flagged": flagged,
                        "categories": {"sexual": flagged, "sexual/minors": minors, "violence": False},
                        "category_scores": {"sexual": 0.97 if flagged else 0.01, "sexual/minors": 0.9 if minors else 0.0},
                    }]}).encode()
                elif self.path == "/v1/chat/completions":
                    text = body["messages"][0]["content"]
                    answer = "unsafe\nS4" if "MINOR" in text else ("unsafe\nS12" if "FLAG" in text else "safe")
                    payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": answer}}]}).encode()
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out first (the timeout test): nobody is left to read it

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server():
    s = FakeModeration()
    yield s
    s.close()


def test_off_by_default():
    assert SecondOpinionConfig.from_env({}) is None
    cfg = SecondOpinionConfig.from_env({"REMPART_SECOND_OPINION_URL": "http://127.0.0.1:9", "REMPART_SECOND_OPINION_API": "chat"})
    assert cfg is not None and cfg.api == "chat"


def test_moderation_api_maps_categories(server):
    det = SecondOpinionDetector(SecondOpinionConfig(server.url))
    assert det.detect("a lighthouse at dusk") == []
    got = {s.kind: s.score for s in det.detect("FLAG MINOR something")}
    assert set(got) == {kinds.TEXT_SEXUAL, kinds.TEXT_MINOR}
    path, _headers, body = server.calls[-1]
    assert path == "/v1/moderations" and body["input"] == "FLAG MINOR something"


def test_chat_guard_api(server, monkeypatch):
    monkeypatch.setenv("GUARD_TOKEN", "s3cret")
    det = SecondOpinionDetector(SecondOpinionConfig(server.url, api="chat", model="llama-guard-3", api_key_env="GUARD_TOKEN"))
    assert det.detect("a lighthouse") == []
    assert {s.kind for s in det.detect("FLAG")} == {kinds.TEXT_SEXUAL}
    assert {s.kind for s in det.detect("MINOR")} == {kinds.TEXT_SEXUAL, kinds.TEXT_MINOR}
    _path, headers, body = server.calls[-1]
    assert headers["Authorization"] == "Bearer s3cret" and body["model"] == "llama-guard-3"


@pytest.mark.parametrize("failure", ["timeout", "http500", "not_json", "bad_shape", "unreachable"])
def test_failures_raise(server, failure):
    url = server.url
    if failure == "timeout":
        server.delay_s = 0.5
    elif failure == "http500":
        server.status = 500
    elif failure == "not_json":
        server.raw_reply = b"<html>oops</html>"
    elif failure == "bad_shape":
        server.raw_reply = b'{"results": []}'
    else:
        server.close()
    det = SecondOpinionDetector(SecondOpinionConfig(url, timeout_s=0.2))
    with pytest.raises(SecondOpinionError):
        det.detect("a lighthouse")


def test_gate_fails_closed_when_the_second_opinion_fails(server, tmp_path):
    server.status = 503
    det = SecondOpinionDetector(SecondOpinionConfig(server.url, timeout_s=0.5))
    with Gate(config=GateConfig(db_path=str(tmp_path / "a.sqlite")), text_detectors=[TextIntentDetector(), det]) as gate:
        d = gate.screen_request(ScreenRequest(prompt="a lighthouse at dusk"))
    assert d.decision.value == "block"
    assert any(s["kind"] == kinds.DETECTOR_ERROR for s in d.signals)


def test_gate_second_opinion_adds_signals_but_cannot_clear(server, tmp_path):
    det = SecondOpinionDetector(SecondOpinionConfig(server.url))
    with Gate(config=GateConfig(db_path=str(tmp_path / "a.sqlite")), text_detectors=[TextIntentDetector(), det]) as gate:
        benign = gate.screen_request(ScreenRequest(prompt="a lighthouse at dusk"))
        own = gate.screen_request(ScreenRequest(prompt="remove her clothes", mode="edit"))
    assert benign.decision.value == "allow"
    assert own.decision.value == "block"  # the second opinion said nothing; Rempart's own signal stands


def test_gate_turns_it_on_from_the_environment(server, tmp_path, monkeypatch):
    monkeypatch.setenv("REMPART_SECOND_OPINION_URL", server.url)
    with Gate(config=GateConfig(db_path=str(tmp_path / "a.sqlite"))) as gate:
        assert any(isinstance(d, SecondOpinionDetector) for d in gate.text_detectors)
        d = gate.screen_request(ScreenRequest(prompt="FLAG a lighthouse"))
    assert any(s["detector"] == "second_opinion" for s in d.signals)
