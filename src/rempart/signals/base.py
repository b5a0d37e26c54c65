"""Typed signals and their evidence. Detectors produce these; only the policy decides.

A signal says *what was seen*, how strongly (score in [0, 1]), by which detector, and
carries evidence a reviewer can check: a span of the original text, a box in an image,
a hash match. Signals never contain image pixels.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar, Protocol, Union


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A span of the *original* prompt text (not the normalised one)."""

    start: int
    end: int
    text: str
    type: ClassVar[str] = "text_span"


@dataclass(frozen=True, slots=True)
class ImageBox:
    """A box in an input or output image, in original pixel coordinates."""

    x: int
    y: int
    w: int
    h: int
    label: str
    score: float
    role: str = "input"  # "input" (uploaded photo) or "output" (generated result)
    image_index: int = 0
    view: str = "frame0"  # which decoded view: frame N, alpha-hidden layer, ...
    type: ClassVar[str] = "image_box"

    @property
    def area(self) -> int:
        return max(0, self.w) * max(0, self.h)


@dataclass(frozen=True, slots=True)
class HashMatch:
    """A match of an image hash against a bank entry."""

    algorithm: str  # "pdq", "md5" or "sha256"
    value: str  # hex digest of the screened image
    bank: str
    entry_id: int
    distance: int
    role: str = "input"
    image_index: int = 0
    variant: str = ""  # which hash of the image matched: "file" (exact), "original", "rot90", "crop_center_90", ...
    bank_kind: str = "block"  # "block", or "allow" (a known false positive that cancels the block matches)
    type: ClassVar[str] = "hash_match"


@dataclass(frozen=True, slots=True)
class Note:
    """Free-form evidence, e.g. the reason a detector failed."""

    text: str
    type: ClassVar[str] = "note"


Evidence = Union[TextSpan, ImageBox, HashMatch, Note]


def evidence_to_dict(ev: Evidence) -> dict[str, Any]:
    d = asdict(ev)
    d["type"] = ev.type
    return d


@dataclass(frozen=True, slots=True)
class Signal:
    """One observation. `kind` is a name from `rempart.signals.kinds`."""

    kind: str
    score: float
    detector: str
    evidence: tuple[Evidence, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "score": round(float(self.score), 4),
            "detector": self.detector,
            "evidence": [evidence_to_dict(e) for e in self.evidence],
            "detail": self.detail,
        }


class TextDetector(Protocol):
    """Turns prompt text into signals. Never decides."""

    name: str

    def detect(self, text: str, *, mode: str) -> list[Signal]: ...


class ImageDetector(Protocol):
    """Turns one decoded image into signals. Never decides."""

    name: str

    def detect(self, image: "DecodedImage", *, role: str, image_index: int) -> list[Signal]: ...


from rempart.request.images import DecodedImage  # noqa: E402  (type only, avoids a cycle)
