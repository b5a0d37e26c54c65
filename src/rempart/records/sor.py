"""DSA statements of reasons (Article 17 / 24(5) DSA) built from the gate's audit records.

Every `decision` record whose verdict is `block` on content grounds becomes one statement in
the shape the EU Transparency Database API (v2) accepts. The statement is validated against
`rempart/schemas/tdb_statement_v2.schema.json` (written from the database's documented rules,
see docs/dsa.md) before it is returned: an invalid statement is an error, never a file line.

What a statement never contains: the account id, the prompt or its hash, image hashes, the
request id, client fields or detector evidence. Only fixed texts (policy rule messages,
signal-kind descriptions) and enumerations go in, and `PersonalDataGuard` re-checks each
statement against the identifiers of the record it came from.

The `puid` is HMAC-SHA256(operator secret, namespace ":" audit seq): unique per decision,
stable across exports (so re-submitting is idempotent), and not linkable to the audit log
by anyone without the secret.

Decisions that are blocks for technical reasons only (a detector failed, an input could not
be read, the audit log was down) are not content moderation "on the ground that the
information is illegal or incompatible with terms" and get no statement; they are counted
as skipped with that reason.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable, Iterator

from rempart.errors import RempartError

SCHEMA_FILE = "tdb_statement_v2.schema.json"
MAX_BATCH = 100  # documented limit of the multiple-statements endpoint

EU_COUNTRIES = ("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
                "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")
EEA_COUNTRIES = EU_COUNTRIES + ("IS", "LI", "NO")

# Reason codes that mean "could not be screened", not "content violates terms or law".
TECHNICAL_CODES = frozenset({"DETECTOR_FAILURE", "INPUT_UNSCREENABLE", "AUDIT_UNAVAILABLE"})


class SorError(RempartError):
    code = "SOR_INVALID"


class SorConfigError(RempartError):
    code = "SOR_CONFIG"


# --------------------------------------------------------------------------- schema


@lru_cache(maxsize=1)
def load_schema() -> dict:
    return json.loads(resources.files("rempart").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8"))


def schema_enum(prop: str) -> tuple[str, ...]:
    """The enumeration of a property in the schema (array items or the value itself)."""
    spec = load_schema()["properties"][prop]
    spec = spec.get("items", spec)
    return tuple(v for v in spec["enum"] if v is not None)


_END_DATES = ("end_date_account_restriction", "end_date_monetary_restriction",
              "end_date_service_restriction", "end_date_visibility_restriction")


class StatementValidator:
    """JSON Schema plus the one documented rule a schema cannot state: end dates >= application_date."""

    def __init__(self) -> None:
        from jsonschema import Draft202012Validator

        self._validator = Draft202012Validator(load_schema())

    def errors(self, statement: Any) -> list[str]:
        found = sorted(self._validator.iter_errors(statement), key=lambda e: [str(p) for p in e.absolute_path])
        out = [f"{'/'.join(str(p) for p in e.absolute_path) or '<statement>'}: {e.message}" for e in found]
        if not out and isinstance(statement, dict):
            start = statement["application_date"]
            for name in _END_DATES:
                end = statement.get(name)
                if end is not None and end < start:  # both YYYY-MM-DD: string order is date order
                    out.append(f"{name}: {end} is before application_date {start}")
        return out

    def check(self, statement: dict) -> None:
        errs = self.errors(statement)
        if errs:
            raise SorError(f"statement {statement.get('puid')!r} is invalid: " + "; ".join(errs[:5]))


@lru_cache(maxsize=1)
def _validator() -> StatementValidator:
    return StatementValidator()


def validate_statement(statement: Any) -> list[str]:
    """Every problem with a statement (empty when valid)."""
    return _validator().errors(statement)


# --------------------------------------------------------------------------- mapping


@dataclass(frozen=True)
class ReasonMapping:
    """How a policy reason code reads in the Transparency Database's classification."""

    category: str
    keywords: tuple[str, ...]
    priority: int  # lower wins the main `category` when several reasons fired
    illegal_likely: bool = False  # sets incompatible_content_illegal = "Yes"
    keyword_other: str | None = None  # category_specification_other when KEYWORD_OTHER is used


_MINORS = "STATEMENT_CATEGORY_PROTECTION_OF_MINORS"
_CYBER = "STATEMENT_CATEGORY_CYBER_VIOLENCE"
_OTHER_TC = "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"
_DEEPFAKE = "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE"

REASON_MAPPINGS: dict[str, ReasonMapping] = {
    # A sexualised depiction of a (possible) minor is synthetic child sexual abuse material.
    "MINOR_SEXUALIZED": ReasonMapping(_MINORS, ("KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE",), 0, illegal_likely=True),
    "MINOR_SWIMWEAR_REVIEW": ReasonMapping(_MINORS, ("KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS",), 1),
    # Undressing / sexualising a real person's photo or a named real person: a non-consensual deepfake.
    "REAL_PERSON_SEXUALIZED_EDIT": ReasonMapping(_CYBER, (_DEEPFAKE,), 2),
    "REAL_PERSON_SEXUAL_DEPICTION": ReasonMapping(_CYBER, (_DEEPFAKE,), 2),
    "REAL_PERSON_UNDRESSED_OUTPUT": ReasonMapping(_CYBER, (_DEEPFAKE,), 2),
    # Without a real-person signal the gate cannot say whose features were used: terms, nudity.
    "CLOTHING_REDUCTION": ReasonMapping(_OTHER_TC, ("KEYWORD_NUDITY",), 4),
    "EXPLICIT_CONTENT": ReasonMapping(_OTHER_TC, ("KEYWORD_ADULT_SEXUAL_MATERIAL",), 5),
    "SUGGESTIVE_REVIEW": ReasonMapping(_OTHER_TC, ("KEYWORD_AGE_SPECIFIC_RESTRICTIONS",), 6),
    # A revealing request about someone named only by a given name: maybe a private person.
    "NAMED_INDIVIDUAL_REVIEW": ReasonMapping(_CYBER, (_DEEPFAKE,), 3),
    # Revealing or sexual content asked for inside an "ignore your rules" wrapper.
    "INJECTION_SEXUAL": ReasonMapping(_OTHER_TC, ("KEYWORD_ADULT_SEXUAL_MATERIAL",), 5),
    "INJECTION_REVIEW": ReasonMapping(_OTHER_TC, ("KEYWORD_OTHER",), 7, keyword_other="Attempt to bypass the safety rules"),
}

ADULT_ONLY_KEYWORDS = frozenset({_DEEPFAKE, "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING", "KEYWORD_ADULT_SEXUAL_MATERIAL"})

# A policy code this table does not know (a custom policy) still yields a valid statement.
FALLBACK_MAPPING = ReasonMapping(_OTHER_TC, ("KEYWORD_OTHER",), 9, keyword_other="Operator policy rule")


@dataclass(frozen=True)
class BankProfile:
    """What a hash-bank match means, by the bank's `source` (see `rempart bank add --source`)."""

    mapping: ReasonMapping
    source_type: str
    source_identity: str | None = None  # an organisation, never a person


_KNOWN_IMAGE = "Image matches a hash list of known abusive images"
BANK_PROFILES: dict[str, BankProfile] = {
    "victim": BankProfile(ReasonMapping(_CYBER, ("KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",), 3), "SOURCE_ARTICLE_16"),
    "stopncii": BankProfile(ReasonMapping(_CYBER, ("KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",), 3),
                            "SOURCE_TYPE_OTHER_NOTIFICATION", "StopNCII.org hash list"),
    "ncmec": BankProfile(ReasonMapping(_MINORS, ("KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL",), 0, illegal_likely=True),
                         "SOURCE_TYPE_OTHER_NOTIFICATION", "NCMEC hash list"),
    "trusted_flagger": BankProfile(ReasonMapping(_OTHER_TC, ("KEYWORD_OTHER",), 3, keyword_other=_KNOWN_IMAGE),
                                   "SOURCE_TRUSTED_FLAGGER"),
    "platform_takedown": BankProfile(ReasonMapping(_OTHER_TC, ("KEYWORD_OTHER",), 3, keyword_other=_KNOWN_IMAGE),
                                     "SOURCE_VOLUNTARY"),
}
BANK_PROFILES["platform"] = BANK_PROFILES["platform_takedown"]  # unknown bank, or a v1 bank source
_SOURCE_RANK = {"SOURCE_TRUSTED_FLAGGER": 0, "SOURCE_ARTICLE_16": 1, "SOURCE_TYPE_OTHER_NOTIFICATION": 2,
                "SOURCE_VOLUNTARY": 3}

_SIGNAL_WORDS = {
    "text.undress": "a request to remove or reduce clothing",
    "text.swimwear": "a request for swimwear",
    "text.underwear": "a request for underwear or lingerie",
    "text.nudity": "a request for nudity",
    "text.sexual": "a request for sexual content",
    "text.minor": "a mention of a minor",
    "text.real_person": "a named real person",
    "image.face": "a face in an image",
    "image.exposed": "exposed intimate body parts in an image",
    "image.covered_intimate": "swimwear or underwear in an image",
    "image.minor": "a person who may be a minor in an image",
    "output.clothing_reduction": "less clothing in the result than in the input",
    "output.newly_exposed": "body parts exposed in the result that were covered in the input",
    "hash.match": "a match against a hash list of known images",
}


# --------------------------------------------------------------------------- building


@dataclass(frozen=True)
class SorConfig:
    secret: bytes
    namespace: str = "rempart"
    territorial_scope: tuple[str, ...] = EU_COUNTRIES
    terms_reference: str = "Terms of service: prohibited content"
    terms_url: str | None = None
    bank_sources: dict[str, str] = field(default_factory=dict)  # bank name -> source (victim, ncmec, ...)
    # Reason code -> (legal ground, explanation): where the operator has assessed illegality,
    # statements use DECISION_GROUND_ILLEGAL_CONTENT for that code instead of terms.
    legal_grounds: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.secret, bytes) or len(self.secret) < 16:
            raise SorConfigError("the puid secret must be at least 16 bytes")
        if not self.territorial_scope or set(self.territorial_scope) - set(EEA_COUNTRIES):
            raise SorConfigError(f"territorial scope must be EU/EEA country codes, got {self.territorial_scope!r}")

    @classmethod
    def from_env(cls, var: str = "REMPART_SOR_SECRET", **kwargs: Any) -> "SorConfig":
        value = os.environ.get(var)
        if not value:
            raise SorConfigError(f"set {var} to the operator secret that keys statement puids (>= 16 bytes)")
        return cls(secret=value.encode("utf-8"), **kwargs)


def parse_territory(text: str) -> tuple[str, ...]:
    """`EU`, `EEA` or comma-separated country codes."""
    key = text.strip().upper()
    if key == "EU":
        return EU_COUNTRIES
    if key == "EEA":
        return EEA_COUNTRIES
    codes = tuple(dict.fromkeys(c.strip().upper() for c in key.split(",") if c.strip()))
    bad = [c for c in codes if c not in EEA_COUNTRIES]
    if bad or not codes:
        raise SorConfigError(f"territorial scope: not EU/EEA country codes: {', '.join(bad) or text!r}")
    return codes


def make_puid(secret: bytes, namespace: str, seq: int) -> str:
    digest = hmac.new(secret, f"{namespace}:{int(seq)}".encode("utf-8"), hashlib.sha256).hexdigest()
    return f"rmp-{digest[:40]}"


@dataclass(frozen=True)
class BuildResult:
    seq: int
    statement: dict | None
    skipped: str | None = None  # why no statement (None when one was built)


class PersonalDataGuard:
    """Refuses a statement that contains an identifier or hash from its audit record."""

    _MIN = 4  # shorter values (e.g. an account id "u1") would match by accident

    @staticmethod
    def sensitive_values(payload: dict) -> set[str]:
        found: set[str] = set()

        def add(v: Any) -> None:
            if isinstance(v, str) and len(v) >= PersonalDataGuard._MIN:
                found.add(v)
            elif isinstance(v, (list, tuple)):
                for x in v:
                    add(x)

        for key in ("account_id", "request_id", "prompt_sha256"):
            add(payload.get(key))
        client = payload.get("client")
        if isinstance(client, dict):  # app names ("web") are not identifiers; ids, IPs, emails are
            for v in client.values():
                if isinstance(v, str) and not v.replace(" ", "").isalpha():
                    add(v)
        images = list(payload.get("inputs") or [])
        if isinstance(payload.get("output"), dict):
            images.append(payload["output"])
        _add_hex(images, found)  # every image hash, whatever the algorithm (sha256, md5, pdq...)
        for sig in payload.get("signals") or []:
            for ev in (sig.get("evidence") or []) if isinstance(sig, dict) else []:
                if isinstance(ev, dict) and ev.get("type") == "hash_match":
                    add(ev.get("value"))
        return found

    def check(self, statement: dict, payload: dict) -> None:
        text = json.dumps(statement, ensure_ascii=False)
        leaked = [v for v in self.sensitive_values(payload) if v in text]
        if leaked:
            raise SorError(f"statement {statement.get('puid')!r} would contain personal data from its audit record")


_HEX = re.compile(r"^[0-9a-fA-F]{16,}$")


def _add_hex(value: Any, found: set[str]) -> None:
    if isinstance(value, str):
        if _HEX.match(value):
            found.add(value)
    elif isinstance(value, dict):
        for v in value.values():
            _add_hex(v, found)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _add_hex(v, found)


def _day(ts: str) -> str:
    dt = datetime.fromisoformat(ts)
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return dt.date().isoformat()


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Classification:
    """How one blocking decision reads in the database's terms (no puid, no texts)."""

    reasons: tuple[dict, ...]  # the content reasons, main one first
    mappings: tuple[ReasonMapping, ...]  # parallel to reasons
    category: str
    category_addition: tuple[str, ...]
    keywords: tuple[str, ...]
    source_type: str
    source_identity: str | None
    restriction: str  # the decision_visibility value
    stage: str


class ReasonClassifier:
    """Maps a decision payload's blocking reasons onto categories, keywords and a source type.
    Shared by the statement builder and the transparency report, so both count alike."""

    def __init__(self, bank_sources: dict[str, str] | None = None) -> None:
        self.bank_sources = dict(bank_sources or {})

    def classify(self, record: dict) -> Classification | str:
        """A Classification, or the reason (text) why this record yields no statement."""
        payload = record.get("payload") or {}
        if record.get("kind") != "decision":
            return "not a decision record"
        if record.get("redacted") or record.get("payload") is None:
            return REDACTED_SKIP
        if payload.get("decision") != "block":
            return f"verdict {payload.get('decision')!r}, not block"
        blocking = [r for r in payload.get("reasons") or [] if isinstance(r, dict) and r.get("decision") == "block"]
        content = [r for r in blocking if r.get("code") not in TECHNICAL_CODES]
        if not content:
            return TECHNICAL_SKIP
        mapped = [(r, *self._mapping_for(r, payload)) for r in content]
        mapped.sort(key=lambda m: (m[1].priority, _SOURCE_RANK[m[2]]))
        categories = list(dict.fromkeys(m[1].category for m in mapped))
        keywords = list(dict.fromkeys(k for m in mapped for k in m[1].keywords))
        if _MINORS in categories:  # these keywords are defined as "excluding content depicting minors"
            keywords = [k for k in keywords if k not in ADULT_ONLY_KEYWORDS]
        source_type, source_identity = min(((m[2], m[3]) for m in mapped), key=lambda x: _SOURCE_RANK[x[0]])
        stage = payload.get("stage", "request")
        return Classification(
            reasons=tuple(m[0] for m in mapped),
            mappings=tuple(m[1] for m in mapped),
            category=categories[0],
            category_addition=tuple(categories[1:]),
            keywords=tuple(keywords),
            source_type=source_type,
            source_identity=source_identity if source_type != "SOURCE_VOLUNTARY" else None,
            restriction="DECISION_VISIBILITY_CONTENT_REMOVED" if stage == "output" else "DECISION_VISIBILITY_OTHER",
            stage=stage,
        )

    def _mapping_for(self, reason: dict, payload: dict) -> tuple[ReasonMapping, str, str | None]:
        """(mapping, source_type, source_identity) for one blocking reason."""
        code = reason.get("code", "")
        if code == "KNOWN_ABUSIVE_IMAGE":
            profile = self._bank_profile(payload)
            return profile.mapping, profile.source_type, profile.source_identity
        return REASON_MAPPINGS.get(code, FALLBACK_MAPPING), "SOURCE_VOLUNTARY", None

    def _bank_profile(self, payload: dict) -> BankProfile:
        banks: set[str] = set()
        for sig in payload.get("signals") or []:
            if isinstance(sig, dict) and sig.get("kind") == "hash.match":
                banks.update((sig.get("detail") or {}).get("banks") or [])
        profiles = [BANK_PROFILES.get(self.bank_sources.get(b, "platform"), BANK_PROFILES["platform"])
                    for b in sorted(banks)] or [BANK_PROFILES["platform"]]
        # The most specific source wins: a trusted flagger's list, then a victim's notice...
        return min(profiles, key=lambda p: (_SOURCE_RANK[p.source_type], p.mapping.priority))


REDACTED_SKIP = "payload deleted by retention (redacted)"
TECHNICAL_SKIP = "technical fail-closed block, not a content decision"
GENERATION_REFUSED = "Generation request refused before generation: the requested image was not produced."


class SorBuilder:
    """Turns `decision` audit records into validated statements of reasons."""

    def __init__(self, config: SorConfig) -> None:
        self.config = config
        self.classifier = ReasonClassifier(config.bank_sources)
        self._validator = _validator()
        self._guard = PersonalDataGuard()

    def build(self, record: dict) -> BuildResult:
        seq = int(record["seq"])
        c = self.classifier.classify(record)
        if isinstance(c, str):
            return BuildResult(seq, None, c)
        payload = record["payload"]
        day = _day(record["ts"])
        statement: dict[str, Any] = {
            "puid": make_puid(self.config.secret, self.config.namespace, seq),
            "category": c.category,
            "content_type": self._content_types(payload, c.stage),
            "territorial_scope": list(self.config.territorial_scope),
            "content_date": day,
            "application_date": day,
            "decision_facts": self._facts(payload, c.stage, c.reasons),
            "source_type": c.source_type,
            "automated_detection": "Yes",
            "automated_decision": "AUTOMATED_DECISION_FULLY",
            "decision_visibility": [c.restriction],
        }
        if c.restriction == "DECISION_VISIBILITY_OTHER":
            statement["decision_visibility_other"] = GENERATION_REFUSED
        if c.category_addition:
            statement["category_addition"] = list(c.category_addition)
        if c.keywords:
            statement["category_specification"] = list(c.keywords)
            if "KEYWORD_OTHER" in c.keywords:
                others = [m.keyword_other or f"Policy rule {r.get('code')}"
                          for r, m in zip(c.reasons, c.mappings) if "KEYWORD_OTHER" in m.keywords]
                statement["category_specification_other"] = _clip("; ".join(dict.fromkeys(others)), 500)
        if c.source_identity:
            statement["source_identity"] = c.source_identity
        self._grounds(statement, c)

        self._validator.check(statement)
        self._guard.check(statement, payload)
        return BuildResult(seq, statement)

    def _content_types(self, payload: dict, stage: str) -> list[str]:
        if stage == "output":
            return ["CONTENT_TYPE_IMAGE", "CONTENT_TYPE_SYNTHETIC_MEDIA"]
        types = {"CONTENT_TYPE_SYNTHETIC_MEDIA", "CONTENT_TYPE_TEXT"}
        if payload.get("inputs"):
            types.add("CONTENT_TYPE_IMAGE")
        return sorted(types)

    def _facts(self, payload: dict, stage: str, reasons: Iterable[dict]) -> str:
        what = "an image edit request" if payload.get("mode") == "edit" else "an image generation request"
        when = ("after generation, on the generated result, which was withheld" if stage == "output"
                else "before generation")
        kinds = sorted({s.get("kind") for r in reasons for s in (r.get("signals") or [])
                        if isinstance(s, dict) and s.get("kind") in _SIGNAL_WORDS})
        parts = [f"An automated content-safety gate refused {what} {when}."]
        parts += [f"Rule {r.get('rule', '?')}: {r.get('message', '').strip()}" for r in reasons]
        if kinds:
            parts.append("Detected automatically: " + "; ".join(_SIGNAL_WORDS[k] for k in kinds) + ".")
        return _clip(" ".join(parts), 5000)

    def _grounds(self, statement: dict, c: Classification) -> None:
        legal = self.config.legal_grounds.get(c.reasons[0].get("code", ""))
        if legal is not None:
            statement["decision_ground"] = "DECISION_GROUND_ILLEGAL_CONTENT"
            statement["illegal_content_legal_ground"] = _clip(legal[0], 500)
            statement["illegal_content_explanation"] = _clip(legal[1], 2000)
            return
        rules = ", ".join(dict.fromkeys(str(r.get("rule", "?")) for r in c.reasons))
        statement["decision_ground"] = "DECISION_GROUND_INCOMPATIBLE_CONTENT"
        statement["incompatible_content_ground"] = _clip(f"{self.config.terms_reference} (policy rules: {rules})", 500)
        statement["incompatible_content_explanation"] = _clip(
            " ".join(str(r.get("message", "")).strip() for r in c.reasons), 2000)
        if any(m.illegal_likely for m in c.mappings):
            statement["incompatible_content_illegal"] = "Yes"
        if self.config.terms_url:
            statement["decision_ground_reference_url"] = self.config.terms_url


# --------------------------------------------------------------------------- scanning


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SorConfigError(f"not a date (YYYY-MM-DD): {text!r}") from None


def in_period(ts: str, start: date | None, end: date | None) -> bool:
    """Whether a record's timestamp falls on a day in [start, end] (UTC, both inclusive)."""
    day = date.fromisoformat(_day(ts))
    return (start is None or day >= start) and (end is None or day <= end)


def iter_period(log: Any, start: date | None, end: date | None,
                on_record: Callable[[str], None] | None = None) -> Iterator[dict]:
    """Audit records whose day is in the period, in seq order."""
    for record in log.iter_records():
        if on_record:
            on_record(record["kind"])
        if in_period(record["ts"], start, end):
            yield record


@dataclass
class ExportSummary:
    written: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    refused: dict[int, str] = field(default_factory=dict)  # seq -> why its statement was refused


def export_statements(records: Iterable[dict], builder: SorBuilder, out: Any) -> ExportSummary:
    """Write one statement per line (the API's request body) for each record that yields one.
    A statement that fails validation or the personal-data guard is left out and listed."""
    summary = ExportSummary()
    for record in records:
        try:
            result = builder.build(record)
        except SorError as e:
            summary.refused[int(record["seq"])] = e.message
            continue
        if result.statement is None:
            summary.skipped[result.skipped or "?"] = summary.skipped.get(result.skipped or "?", 0) + 1
            continue
        out.write(json.dumps(result.statement, ensure_ascii=False, sort_keys=True) + "\n")
        summary.written += 1
    return summary


def read_statements(path: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed JSON or the exception) for each non-blank line of a JSONL file."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield n, json.loads(line)
                except json.JSONDecodeError as e:
                    yield n, e
