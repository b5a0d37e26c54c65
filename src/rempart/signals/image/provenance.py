"""Provenance of an image: was the input itself AI-generated, and by what?

Read, in order of strength:
  1. C2PA manifests, with c2pa-python's Reader: the active manifest's actions carry an IPTC
     `digitalSourceType` and a `softwareAgent`, and its claim generator names the tool. The
     manifest's validation state (Valid / Trusted / Invalid) is kept as evidence: an invalid
     manifest is still a claim, but a weaker one.
  2. XMP / IPTC metadata without C2PA: `Iptc4xmpExt:DigitalSourceType` URIs in the XMP packet.
  3. Generator text chunks that image tools write into PNGs (AUTOMATIC1111 "parameters",
     ComfyUI "prompt"/"workflow").

Metadata is trivially stripped, so its absence proves nothing: this detector only ever adds
a signal. It never decides, and a failure to parse a manifest is evidence, not an error.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from typing import Any

from rempart.request.images import DecodedImage
from rempart.signals import kinds
from rempart.signals.base import Note, Signal

IPTC_SOURCE_TYPES = "http://cv.iptc.org/newscodes/digitalsourcetype/"
# IPTC digital source types that mean "made or changed by a generative model".
AI_SOURCE_TYPES = frozenset({
    "trainedAlgorithmicMedia",
    "compositeWithTrainedAlgorithmicMedia",
    "algorithmicMedia",
    "compositeSynthetic",
})
_XMP_SOURCE_RE = re.compile(rb"digitalsourcetype/([A-Za-z]+)", re.IGNORECASE)
_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif", "TIFF": "image/tiff",
         "AVIF": "image/avif"}
_GENERATOR_TEXT_KEYS = ("parameters", "prompt", "workflow", "Software", "software")


@dataclass
class Provenance:
    source_types: list[str] = field(default_factory=list)  # IPTC names, e.g. trainedAlgorithmicMedia
    generators: list[str] = field(default_factory=list)  # software agents / claim generators
    c2pa_state: str | None = None  # "Valid", "Trusted", "Invalid", or None without a manifest
    evidence: list[str] = field(default_factory=list)

    @property
    def ai_generated(self) -> bool:
        return any(t in AI_SOURCE_TYPES for t in self.source_types)


def _names(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [str(value["name"])] if value.get("name") else []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def read_c2pa(data: bytes, mime: str, into: Provenance) -> None:
    import c2pa

    try:
        reader = c2pa.Reader(mime, io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - c2pa raises its own hierarchy; "no manifest" is common
        if "ManifestNotFound" not in type(exc).__name__ and "JUMBF" not in str(exc):
            into.evidence.append(f"C2PA manifest present but unreadable: {type(exc).__name__}")
        return
    try:
        store = json.loads(reader.json())
        into.c2pa_state = str(reader.get_validation_state() or "")
    finally:
        reader.close()
    active = store.get("manifests", {}).get(store.get("active_manifest", ""), {})
    into.generators += _names(active.get("claim_generator_info")) + _names(active.get("claim_generator"))
    for assertion in active.get("assertions", []):
        if not str(assertion.get("label", "")).startswith("c2pa.actions"):
            continue
        for action in assertion.get("data", {}).get("actions", []):
            source = str(action.get("digitalSourceType", ""))
            if source:
                into.source_types.append(source.rsplit("/", 1)[-1])
            into.generators += _names(action.get("softwareAgent"))
    into.evidence.append(f"C2PA manifest ({into.c2pa_state or 'unvalidated'}) by {', '.join(into.generators) or 'unknown'}")


def read_provenance(image: DecodedImage) -> Provenance:
    """Everything the encoded bytes say about where the image came from."""
    found = Provenance()
    data = image.source
    if not data:
        return found
    mime = _MIME.get(image.format)
    if mime and (b"jumb" in data or b"c2pa" in data):  # cheap sniff before the full parser
        read_c2pa(data, mime, found)
    if not found.source_types:
        for m in _XMP_SOURCE_RE.finditer(data[:4_000_000]):
            found.source_types.append(m.group(1).decode("ascii"))
        if found.source_types:
            found.evidence.append(f"XMP DigitalSourceType: {', '.join(sorted(set(found.source_types)))}")
    if image.format == "PNG":
        from PIL import Image

        with Image.open(io.BytesIO(data)) as im:
            keys = [k for k in _GENERATOR_TEXT_KEYS if isinstance(im.info.get(k), str)]
        if any(k in ("parameters", "prompt", "workflow") for k in keys):
            found.source_types.append("trainedAlgorithmicMedia")
            found.generators.append("stable-diffusion tool (PNG text chunk)")
            found.evidence.append(f"PNG generator text chunks: {', '.join(keys)}")
    return found


class ProvenanceDetector:
    """Emits image.ai_generated when the image's provenance says a generative model made it."""

    name = "provenance"

    def detect(self, image: DecodedImage, *, role: str, image_index: int) -> list[Signal]:
        prov = read_provenance(image)
        if not prov.ai_generated:
            return []
        score = 0.9 if prov.c2pa_state in ("Valid", "Trusted") else 0.7
        detail = {
            "source_types": sorted(set(prov.source_types)),
            "generators": sorted(set(prov.generators)),
            "c2pa_state": prov.c2pa_state,
            "role": role,
            "image_index": image_index,
        }
        return [Signal(kinds.IMAGE_AI_GENERATED, score, self.name, tuple(Note(e) for e in prov.evidence), detail)]
