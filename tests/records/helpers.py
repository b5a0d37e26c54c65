"""Synthetic audit records shaped like the gate's `decision` payload, a controllable clock,
and the reason codes of the bundled default policy."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from importlib import resources
from typing import Any

import yaml

ACCOUNT = "acct-7f3a9c21"
REQUEST = "req-5d1e0b7c4a"
PROMPT_SHA = "9" * 64
IMAGE_SHA = "1a2b" * 16
IMAGE_MD5 = "c0ffee" * 5 + "ab"
IMAGE_PDQ = "f00d" * 16


class Clock:
    """An AuditLog clock the test moves by hand."""

    def __init__(self, start: str = "2026-03-01T09:00:00") -> None:
        self.now = datetime.fromisoformat(start).replace(tzinfo=timezone.utc)

    def __call__(self) -> str:
        return self.now.isoformat(timespec="microseconds")

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)

    def set(self, when: str) -> None:
        self.now = datetime.fromisoformat(when).replace(tzinfo=timezone.utc)


def default_rules() -> list[dict]:
    text = resources.files("rempart").joinpath("policy", "default.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["rules"]


def reason(code: str, rule: str = "some-rule", decision: str = "block", message: str | None = None,
           signal_kinds: tuple[str, ...] = ()) -> dict:
    return {
        "code": code, "rule": rule, "decision": decision,
        "message": message or f"Rule {rule} fired.",
        "signals": [{"kind": k, "score": 0.9, "detector": "fake",
                     "evidence": [{"type": "text_span", "start": 0, "end": 6, "text": "secret-prompt-words"}],
                     "detail": {}} for k in signal_kinds],
    }


def decision_payload(reasons: list[dict], *, verdict: str = "block", stage: str = "request", mode: str = "edit",
                     banks: tuple[str, ...] = (), account: str = ACCOUNT) -> dict[str, Any]:
    signals = []
    if banks:
        signals.append({"kind": "hash.match", "score": 1.0, "detector": "hash_banks_v1",
                        "evidence": [{"type": "hash_match", "algorithm": "sha256", "value": IMAGE_SHA,
                                      "bank": banks[0], "entry_id": 7, "distance": 0}],
                        "detail": {"banks": list(banks), "n_matches": 1}})
    payload = {
        "ts": "2026-03-01T09:00:00.000+00:00", "request_id": REQUEST, "stage": stage, "account_id": account,
        "tier": "free", "mode": mode, "client": {"app": "web", "session": "sess-42-abc"},
        "prompt_sha256": PROMPT_SHA, "prompt_bytes": 20,
        "inputs": [{"sha256": IMAGE_SHA, "md5": IMAGE_MD5, "pdq": [IMAGE_PDQ], "pdq_quality": [90],
                    "views": ["full"], "width": 64, "height": 64, "format": "PNG", "decoded": True}]
        if mode == "edit" else [],
        "decision": verdict, "policy": "rempart-strict@abc123", "reasons": reasons,
        "signals": signals, "errors": [],
    }
    if stage == "output":
        payload["output"] = {"sha256": "7e" * 32, "pdq": ["5a" * 32], "decoded": True}
    return payload
