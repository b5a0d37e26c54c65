"""Optional second opinion on the prompt from an operator's own moderation model.

Off by default. Operators who run a moderation model behind an OpenAI-compatible API turn it
on, and its verdict becomes text signals next to Rempart's own:
  * `api: moderation` - POST {base}/v1/moderations, {"model", "input"} -> results[0] with
    boolean `categories` and `category_scores` (OpenAI's moderation shape; "sexual",
    "sexual/minors", ...);
  * `api: chat` - POST {base}/v1/chat/completions with the prompt as the user message, for a
    guard model such as Llama Guard 3 served by vLLM. The reply is "safe", or "unsafe" and a
    line of category codes (S3 sex-related crimes, S4 child sexual exploitation, S12 sexual
    content).

It only ever adds signals; it cannot clear what Rempart's own detectors found. It fails
closed: a timeout, an HTTP error or a reply it cannot read raises `SecondOpinionError`,
which the gate turns into a detector.error signal, and the policy blocks.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from rempart.errors import DetectorError
from rempart.signals import kinds
from rempart.signals.base import Note, Signal

# OpenAI moderation category -> Rempart signal kinds.
MODERATION_KINDS: dict[str, tuple[str, ...]] = {
    "sexual": (kinds.TEXT_SEXUAL,),
    "sexual/minors": (kinds.TEXT_SEXUAL, kinds.TEXT_MINOR),
}
# Llama Guard 3 hazard codes -> Rempart signal kinds.
LLAMA_GUARD_KINDS: dict[str, tuple[str, ...]] = {
    "S3": (kinds.TEXT_SEXUAL,),
    "S4": (kinds.TEXT_SEXUAL, kinds.TEXT_MINOR),
    "S12": (kinds.TEXT_SEXUAL,),
}


class SecondOpinionError(DetectorError):
    code = "SECOND_OPINION_FAILED"


@dataclass(frozen=True)
class SecondOpinionConfig:
    base_url: str  # e.g. http://127.0.0.1:8001 (the /v1/... path is added)
    api: str = "moderation"  # "moderation" or "chat"
    model: str = "omni-moderation-latest"
    timeout_s: float = 2.0
    api_key_env: str | None = None  # name of the env var holding a bearer token
    min_score: float = 0.5  # moderation category_scores at or above this count as flagged

    def __post_init__(self) -> None:
        if self.api not in ("moderation", "chat"):
            raise ValueError(f"second opinion api must be 'moderation' or 'chat', not {self.api!r}")
        if not self.base_url.startswith(("http://", "https://")):
            raise ValueError(f"second opinion base_url must be http(s)://..., got {self.base_url!r}")
        if not 0 < self.timeout_s <= 30:
            raise ValueError("second opinion timeout_s must be in (0, 30]")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "SecondOpinionConfig | None":
        """REMPART_SECOND_OPINION_URL turns it on; _API, _MODEL, _TIMEOUT, _KEY_ENV tune it."""
        env = os.environ if environ is None else environ
        url = env.get("REMPART_SECOND_OPINION_URL")
        if not url:
            return None
        return cls(
            base_url=url,
            api=env.get("REMPART_SECOND_OPINION_API", "moderation"),
            model=env.get("REMPART_SECOND_OPINION_MODEL", "omni-moderation-latest"),
            timeout_s=float(env.get("REMPART_SECOND_OPINION_TIMEOUT", "2.0")),
            api_key_env=env.get("REMPART_SECOND_OPINION_KEY_ENV"),
        )


class SecondOpinionDetector:
    """Asks an OpenAI-compatible moderation or guard endpoint; never decides."""

    name = "second_opinion"

    def __init__(self, config: SecondOpinionConfig) -> None:
        self.config = config

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        cfg = self.config
        headers = {"Content-Type": "application/json"}
        if cfg.api_key_env:
            token = os.environ.get(cfg.api_key_env)
            if not token:
                raise SecondOpinionError(f"env var {cfg.api_key_env} (second opinion API key) is not set")
            headers["Authorization"] = f"Bearer {token}"
        req = urllib.request.Request(cfg.base_url.rstrip("/") + path, json.dumps(body).encode(), headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=cfg.timeout_s) as resp:
                return json.loads(resp.read(1_000_000))
        except urllib.error.HTTPError as exc:
            raise SecondOpinionError(f"second opinion endpoint answered HTTP {exc.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SecondOpinionError(f"second opinion endpoint unreachable or too slow ({reason})") from None
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise SecondOpinionError("second opinion endpoint returned something that is not JSON") from None

    def detect(self, text: str, *, mode: str = "generate") -> list[Signal]:
        if self.config.api == "moderation":
            flagged = self._moderation(text)
        else:
            flagged = self._chat(text)
        out = []
        for kind, (score, why) in sorted(flagged.items()):
            out.append(Signal(kind, score, self.name, (Note(why),), {"api": self.config.api, "model": self.config.model}))
        return out

    def _moderation(self, text: str) -> dict[str, tuple[float, str]]:
        reply = self._post("/v1/moderations", {"model": self.config.model, "input": text})
        try:
            result = reply["results"][0]
            categories = result["categories"]
            scores = result.get("category_scores", {})
        except (KeyError, IndexError, TypeError):
            raise SecondOpinionError("moderation reply lacks results[0].categories") from None
        flagged: dict[str, tuple[float, str]] = {}
        for category, signal_kinds in MODERATION_KINDS.items():
            score = float(scores.get(category, 1.0 if categories.get(category) else 0.0))
            if categories.get(category) or score >= self.config.min_score:
                for kind in signal_kinds:
                    flagged[kind] = (max(score, flagged.get(kind, (0.0, ""))[0]), f"moderation model flagged {category!r}")
        return flagged

    def _chat(self, text: str) -> dict[str, tuple[float, str]]:
        reply = self._post("/v1/chat/completions", {
            "model": self.config.model,
            "messages": [{"role": "user", "content": text}],
            "temperature": 0,
            "max_tokens": 20,
        })
        try:
            content = str(reply["choices"][0]["message"]["content"]).strip()
        except (KeyError, IndexError, TypeError):
            raise SecondOpinionError("chat reply lacks choices[0].message.content") from None
        lines = [ln.strip() for ln in content.splitlines() if ln.strip()]
        if not lines or lines[0].lower() not in ("safe", "unsafe"):
            raise SecondOpinionError(f"guard model reply is neither 'safe' nor 'unsafe': {content[:60]!r}")
        if lines[0].lower() == "safe":
            return {}
        codes = [c.strip().upper() for c in ",".join(lines[1:]).split(",") if c.strip()]
        flagged: dict[str, tuple[float, str]] = {}
        for code in codes:
            for kind in LLAMA_GUARD_KINDS.get(code, ()):
                flagged[kind] = (1.0, f"guard model said unsafe ({', '.join(codes)})")
        return flagged
