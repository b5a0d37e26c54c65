"""Declarative policy: YAML rules over signals -> allow / review / block with reasons.

A policy is validated completely when it is loaded; a mistake is a `PolicyError` that
names the path of the offending entry (``rules[3].when.all[1]: unknown signal kind``).
At decision time nothing can fail: conditions are compiled to plain closures.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from rempart.decision.model import Reason, Verdict
from rempart.errors import PolicyError
from rempart.signals import kinds
from rempart.signals.base import Signal

MODES = {"generate", "edit"}
TIERS = {"anonymous", "free", "subscriber", "verified_adult"}
STAGES = {"request", "output"}
ROLES = {"input", "output"}
FAIL_CLOSED_KINDS = frozenset({kinds.DETECTOR_ERROR, kinds.INPUT_INVALID})


@dataclass(frozen=True)
class Context:
    """What a rule may look at besides signals."""

    mode: str
    tier: str
    stage: str
    signals: tuple[Signal, ...]


# A compiled condition returns None when false, else the signals that satisfied it.
Condition = Callable[[Context], "list[Signal] | None"]


@dataclass(frozen=True)
class Rule:
    id: str
    code: str
    decision: Verdict
    message: str
    condition: Condition = field(repr=False)


@dataclass(frozen=True)
class Evaluation:
    verdict: Verdict
    reasons: list[Reason]


class Policy:
    def __init__(self, name: str, version: int, rules: list[Rule], options: dict[str, bool], digest: str) -> None:
        self.name = name
        self.version = version
        self.rules = rules
        self.options = options
        self.digest = digest

    @property
    def label(self) -> str:
        return f"{self.name}@{self.digest[:12]}"

    # -- loading -----------------------------------------------------------------
    @classmethod
    def default(cls) -> "Policy":
        return cls.default_with({})

    @classmethod
    def default_with(cls, options: dict[str, bool]) -> "Policy":
        """The bundled strict policy, with operator options (e.g. explicit_for_verified_adults)."""
        return cls.from_yaml(default_policy_text(), source="<bundled default.yaml>", options=options)

    @classmethod
    def from_file(cls, path: str | Path, *, options: dict[str, bool] | None = None) -> "Policy":
        p = Path(path)
        try:
            text = p.read_text("utf-8")
        except FileNotFoundError:
            raise PolicyError(f"policy file not found: {p}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise PolicyError(f"cannot read policy file {p}: {exc}") from None
        return cls.from_yaml(text, source=str(p), options=options)

    @classmethod
    def from_yaml(cls, text: str, *, source: str = "<string>", options: dict[str, bool] | None = None) -> "Policy":
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise PolicyError(f"{source}: not valid YAML: {exc}") from None
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return _compile(doc, source, digest, options or {})

    # -- evaluation --------------------------------------------------------------
    def evaluate(self, signals: Iterable[Signal], *, mode: str, tier: str, stage: str) -> Evaluation:
        ctx = Context(mode=mode, tier=tier, stage=stage, signals=tuple(signals))
        reasons: list[Reason] = []
        verdict = Verdict.allow
        for rule in self.rules:
            matched = rule.condition(ctx)
            if matched is None:
                continue
            reasons.append(
                Reason(
                    code=rule.code,
                    message=rule.message,
                    rule=rule.id,
                    decision=rule.decision,
                    signals=[s.to_dict() for s in _unique(matched)],
                )
            )
            if rule.decision.severity > verdict.severity:
                verdict = rule.decision
        # Engine-level guarantee, whatever the policy file says: an error never allows.
        failures = [s for s in ctx.signals if s.kind in FAIL_CLOSED_KINDS]
        if failures and verdict is not Verdict.block:
            verdict = Verdict.block
            reasons.append(
                Reason(
                    code="FAIL_CLOSED",
                    message="A detector or input error occurred; Rempart fails closed.",
                    rule="<engine>",
                    decision=Verdict.block,
                    signals=[s.to_dict() for s in failures],
                )
            )
        reasons.sort(key=lambda r: -r.decision.severity)
        return Evaluation(verdict=verdict, reasons=reasons)


def default_policy_text() -> str:
    return resources.files("rempart.policy").joinpath("default.yaml").read_text("utf-8")


def _unique(signals: list[Signal]) -> list[Signal]:
    seen: set[int] = set()
    out = []
    for s in signals:
        if id(s) not in seen:
            seen.add(id(s))
            out.append(s)
    return out


# -- compilation -----------------------------------------------------------------

_TOP_KEYS = {"name", "version", "options", "thresholds", "rules"}
_RULE_KEYS = {"id", "code", "decision", "message", "when"}


def _compile(doc: Any, source: str, digest: str, overrides: dict[str, bool]) -> Policy:
    def fail(path: str, msg: str) -> PolicyError:
        return PolicyError(f"{source}: {path}: {msg}")

    if not isinstance(doc, dict):
        raise fail("<top>", "a policy must be a mapping with 'name' and 'rules'")
    unknown = set(doc) - _TOP_KEYS
    if unknown:
        raise fail("<top>", f"unknown keys {sorted(unknown)}; allowed: {sorted(_TOP_KEYS)}")
    name = doc.get("name")
    if not isinstance(name, str) or not name:
        raise fail("name", "required, a non-empty string")
    version = doc.get("version", 1)
    if not isinstance(version, int):
        raise fail("version", "must be an integer")

    options = doc.get("options") or {}
    if not isinstance(options, dict) or not all(isinstance(v, bool) for v in options.values()):
        raise fail("options", "must map option names to true/false")
    for key, value in overrides.items():
        if key not in options:
            raise PolicyError(f"{source}: unknown option {key!r}; the policy defines {sorted(options)}")
        options[key] = bool(value)

    thresholds = doc.get("thresholds") or {}
    if not isinstance(thresholds, dict):
        raise fail("thresholds", "must map signal kinds to scores")
    for kind, value in thresholds.items():
        if kind != "default" and kind not in kinds.ALL_KINDS:
            raise fail(f"thresholds.{kind}", f"unknown signal kind; known: {sorted(kinds.ALL_KINDS)}")
        if not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise fail(f"thresholds.{kind}", "must be a number between 0 and 1")
    default_threshold = float(thresholds.get("default", 0.5))

    raw_rules = doc.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise fail("rules", "required, a non-empty list")
    rules: list[Rule] = []
    seen_ids: set[str] = set()
    for i, raw in enumerate(raw_rules):
        path = f"rules[{i}]"
        if not isinstance(raw, dict):
            raise fail(path, "each rule must be a mapping")
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise fail(path, f"unknown keys {sorted(unknown)}; allowed: {sorted(_RULE_KEYS)}")
        for key in ("id", "code", "decision", "when"):
            if key not in raw:
                raise fail(path, f"missing '{key}'")
        rule_id = raw["id"]
        if not isinstance(rule_id, str) or rule_id in seen_ids:
            raise fail(f"{path}.id", f"must be a unique string (got {rule_id!r})")
        seen_ids.add(rule_id)
        try:
            verdict = Verdict(raw["decision"])
        except ValueError:
            raise fail(f"{path}.decision", "must be one of allow, review, block") from None
        if not isinstance(raw["code"], str) or not raw["code"].replace("_", "").isalnum():
            raise fail(f"{path}.code", "must be an UPPER_SNAKE_CASE string")
        condition = _compile_condition(raw["when"], f"{path}.when", fail, options, thresholds, default_threshold)
        rules.append(Rule(rule_id, raw["code"], verdict, str(raw.get("message") or raw["code"]), condition))
    return Policy(name, version, rules, options, digest)


def _compile_condition(node, path, fail, options, thresholds, default_threshold) -> Condition:
    if not isinstance(node, dict) or len(node) == 0:
        raise fail(path, "a condition must be a mapping")

    def sub(child, child_path):
        return _compile_condition(child, child_path, fail, options, thresholds, default_threshold)

    if "all" in node or "any" in node:
        (op,) = [k for k in ("all", "any") if k in node] if len(node) == 1 else [None]
        if op is None:
            raise fail(path, f"'all'/'any' must stand alone, got keys {sorted(node)}")
        children = node[op]
        if not isinstance(children, list) or not children:
            raise fail(f"{path}.{op}", "must be a non-empty list")
        compiled = [sub(c, f"{path}.{op}[{j}]") for j, c in enumerate(children)]
        if op == "all":

            def all_of(ctx: Context):
                acc: list[Signal] = []
                for c in compiled:
                    r = c(ctx)
                    if r is None:
                        return None
                    acc.extend(r)
                return acc

            return all_of

        def any_of(ctx: Context):
            acc: list[Signal] | None = None
            for c in compiled:
                r = c(ctx)
                if r is not None:
                    acc = (acc or []) + r
            return acc

        return any_of

    if "not" in node:
        if len(node) != 1:
            raise fail(path, "'not' must stand alone")
        inner = sub(node["not"], f"{path}.not")
        return lambda ctx: [] if inner(ctx) is None else None

    if "signal" in node:
        allowed = {"signal", "min_score", "role"}
        if set(node) - allowed:
            raise fail(path, f"unknown keys {sorted(set(node) - allowed)} in a signal condition")
        kind = node["signal"]
        if kind not in kinds.ALL_KINDS:
            raise fail(f"{path}.signal", f"unknown signal kind {kind!r}; known: {sorted(kinds.ALL_KINDS)}")
        min_score = node.get("min_score", thresholds.get(kind, default_threshold))
        if not isinstance(min_score, (int, float)) or not 0 <= min_score <= 1:
            raise fail(f"{path}.min_score", "must be a number between 0 and 1")
        role = node.get("role")
        if role is not None and role not in ROLES:
            raise fail(f"{path}.role", f"must be one of {sorted(ROLES)}")
        return _signal_condition(kind, float(min_score), role)

    for key, allowed_values in (("mode", MODES), ("tier", TIERS), ("stage", STAGES)):
        if key in node:
            if len(node) != 1:
                raise fail(path, f"'{key}' must stand alone")
            values = node[key] if isinstance(node[key], list) else [node[key]]
            bad = [v for v in values if v not in allowed_values]
            if bad:
                raise fail(f"{path}.{key}", f"unknown value(s) {bad}; allowed: {sorted(allowed_values)}")
            wanted = frozenset(values)
            return lambda ctx, key=key: [] if getattr(ctx, key) in wanted else None

    if "option" in node:
        if len(node) != 1:
            raise fail(path, "'option' must stand alone")
        opt = node["option"]
        if opt not in options:
            raise fail(f"{path}.option", f"unknown option {opt!r}; define it under 'options'")
        return lambda ctx: [] if options[opt] else None

    raise fail(path, f"unknown condition {sorted(node)}; use signal, mode, tier, stage, option, all, any or not")


def _signal_condition(kind: str, min_score: float, role: str | None) -> Condition:
    def matches(ctx: Context):
        hits = [s for s in ctx.signals if s.kind == kind and s.score >= min_score and _has_role(s, role)]
        return hits or None

    return matches


def _has_role(signal: Signal, role: str | None) -> bool:
    if role is None:
        return True
    if signal.detail.get("role") == role:
        return True
    return any(getattr(ev, "role", None) == role for ev in signal.evidence)
