"""The decision: allow, block or review, with structured reasons."""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Verdict(str, Enum):
    allow = "allow"
    review = "review"
    block = "block"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {Verdict.allow: 0, Verdict.review: 1, Verdict.block: 2}


class Reason(BaseModel):
    """Why the decision was taken: one policy rule that fired, with the signal and its evidence."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(description="Stable machine-readable code, e.g. REAL_PERSON_SEXUALIZED_EDIT.")
    message: str = Field(description="Human-readable explanation.")
    rule: str = Field(description="Id of the policy rule that fired.")
    decision: Verdict = Field(description="What this rule alone asks for.")
    signals: list[dict[str, Any]] = Field(
        default_factory=list, description="The signals that satisfied the rule: kind, score, detector, evidence."
    )


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Verdict
    reasons: list[Reason] = Field(default_factory=list)
    request_id: str
    stage: str = Field(description="`request` (before generation) or `output` (after generation).")
    policy: str = Field(description="Policy name and the SHA-256 prefix of its source.")
    signals: list[dict[str, Any]] = Field(default_factory=list, description="Every signal the detectors produced.")
    errors: list[dict[str, str]] = Field(
        default_factory=list, description="Input or detector errors ({code, message}); any error fails closed."
    )
    timings_ms: dict[str, float] = Field(default_factory=dict, description="Wall time per stage, milliseconds.")
    audit_seq: int | None = Field(default=None, description="Sequence number of the audit record.")

    @property
    def allowed(self) -> bool:
        return self.decision is Verdict.allow
