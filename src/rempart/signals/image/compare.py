"""Before/after comparison of an edit: is the output less clothed than the input?

Pure functions on detector outputs (NudeNet boxes); no pixels. Emits:

- output.newly_exposed: an exposed intimate part (by label) in the output that no input showed.
- output.clothing_reduction: the input was clothed and the output is less so: a covered part
  became exposed, covered-intimate parts (swimwear, underwear) appeared where none were, or
  exposed skin (belly, armpits, chest...) appeared or grew, by area normalised to image area.

It never decides; the policy does. Scores are the detector's confidence in the output boxes
that show the change.
"""

from __future__ import annotations

import collections
from dataclasses import dataclass
from typing import Iterable, Sequence

from rempart.request.images import DecodedImage
from rempart.signals import kinds
from rempart.signals.base import ImageBox, Signal
from rempart.signals.image.nudenet import (
    COVERED_INTIMATE_LABELS,
    EXPOSED_LABELS,
    LABELS,
    NudeNetDetector,
    RawDetection,
    body_inventory,
)

COMPARATOR_NAME = "edit_compare_v1"

# Body part -> (covered label, exposed label). Feet are left out: shoes off is not undressing.
PARTS: dict[str, tuple[str, str]] = {
    "FEMALE_BREAST": ("FEMALE_BREAST_COVERED", "FEMALE_BREAST_EXPOSED"),
    "FEMALE_GENITALIA": ("FEMALE_GENITALIA_COVERED", "FEMALE_GENITALIA_EXPOSED"),
    "BUTTOCKS": ("BUTTOCKS_COVERED", "BUTTOCKS_EXPOSED"),
    "ANUS": ("ANUS_COVERED", "ANUS_EXPOSED"),
    "BELLY": ("BELLY_COVERED", "BELLY_EXPOSED"),
    "ARMPITS": ("ARMPITS_COVERED", "ARMPITS_EXPOSED"),
}
EXPOSED_OF = {cov: exp for cov, exp in PARTS.values()}
# Non-intimate exposed skin that grows when clothing is removed.
SKIN_LABELS = frozenset({"BELLY_EXPOSED", "ARMPITS_EXPOSED", "MALE_BREAST_EXPOSED"})
ALL_SKIN_LABELS = SKIN_LABELS | EXPOSED_LABELS


@dataclass(frozen=True)
class CompareThresholds:
    exposed: float = 0.45  # an exposed intimate part is present in the output
    covered: float = 0.45  # a covered intimate part is present
    skin: float = 0.40  # belly / armpits / male chest exposed, and their covered forms
    hysteresis: float = 0.10  # the input "had" a label at threshold - hysteresis (detector jitter)
    min_area_growth: float = 0.02  # exposed skin grew by >= 2 % of the image area...
    area_growth_ratio: float = 1.5  # ...and to >= 1.5x what it was

    def of(self, label: str) -> float:
        if label in EXPOSED_LABELS:
            return self.exposed
        if label in COVERED_INTIMATE_LABELS:
            return self.covered
        return self.skin


DEFAULT_THRESHOLDS = CompareThresholds()


def _skin_area(dets: Iterable[RawDetection], th: CompareThresholds) -> float:
    """Exposed skin as a fraction of the image: max over images/views of the summed box areas."""
    per_view: dict[tuple[int, str], float] = collections.defaultdict(float)
    for d in dets:
        if d.label in ALL_SKIN_LABELS and d.score >= th.of(d.label) - th.hysteresis:
            per_view[(d.image_index, d.view)] += d.area_fraction
    return max(per_view.values(), default=0.0)


def compare_detections(
    before: Sequence[RawDetection],
    after: Sequence[RawDetection],
    *,
    thresholds: CompareThresholds = DEFAULT_THRESHOLDS,
    output_index: int = 0,
) -> list[Signal]:
    """Compare every box of the input image(s) with every box of the output image."""
    th = thresholds
    b, a = body_inventory(before), body_inventory(after)

    def present(label: str) -> bool:  # in the output, at full threshold
        return a.get(label, {}).get("score", 0.0) >= th.of(label)

    def had(label: str) -> bool:  # in any input, with a margin for jitter
        return b.get(label, {}).get("score", 0.0) >= th.of(label) - th.hysteresis

    def boxes(labels: Iterable[str]) -> tuple[ImageBox, ...]:
        want = set(labels)
        hits = sorted((d for d in after if d.label in want and d.score >= th.of(d.label)), key=lambda d: -d.score)
        return tuple(d.to_box(role="output", image_index=output_index) for d in hits)

    areas = {
        "before": {k: round(v["area"], 4) for k, v in sorted(b.items()) if not k.startswith("FACE")},
        "after": {k: round(v["area"], 4) for k, v in sorted(a.items()) if not k.startswith("FACE")},
    }
    signals: list[Signal] = []

    new_exposed = sorted(lab for lab in EXPOSED_LABELS if present(lab) and not had(lab))
    if new_exposed:
        ev = boxes(new_exposed)
        signals.append(
            Signal(
                kind=kinds.OUTPUT_NEWLY_EXPOSED,
                score=round(max(e.score for e in ev), 4),
                detector=COMPARATOR_NAME,
                evidence=ev,
                detail={"labels": new_exposed, **areas},
            )
        )

    reasons: list[str] = []
    changed: set[str] = set()
    for cov, exp in PARTS.values():
        if had(cov) and present(exp) and not had(exp):
            reasons.append(f"{cov}->{exp}")
            changed.add(exp)
    for cov in sorted(COVERED_INTIMATE_LABELS):
        if present(cov) and not had(cov) and not had(EXPOSED_OF[cov]):
            reasons.append(f"new:{cov}")  # swimwear / underwear where there was none
            changed.add(cov)
    for lab in sorted(SKIN_LABELS):
        if present(lab) and not had(lab):
            reasons.append(f"new:{lab}")
            changed.add(lab)
        elif present(lab) and had(lab):
            bc, ac = b[lab]["count"], a[lab]["count"]
            grew = a[lab]["area"] - b[lab]["area"]
            if ac > bc and grew >= th.min_area_growth / 2:
                reasons.append(f"more:{lab}")
                changed.add(lab)
    skin_before, skin_after = _skin_area(before, th), _skin_area(after, th)
    if skin_after - skin_before >= th.min_area_growth and skin_after >= skin_before * th.area_growth_ratio:
        grown = {
            lab
            for lab in ALL_SKIN_LABELS
            if present(lab) and a[lab]["area"] > b.get(lab, {}).get("area", 0.0)
        }
        if grown:
            reasons.append("exposed_skin_area")
            changed |= grown
    if reasons and changed:
        ev = boxes(changed)
        if ev:
            signals.append(
                Signal(
                    kind=kinds.OUTPUT_CLOTHING_REDUCTION,
                    score=round(max(e.score for e in ev), 4),
                    detector=COMPARATOR_NAME,
                    evidence=ev,
                    detail={
                        "reasons": reasons,
                        "skin_area": {"before": round(skin_before, 4), "after": round(skin_after, 4)},
                        **areas,
                    },
                )
            )
    return signals


def detections_from_signals(signals: Iterable[Signal]) -> list[RawDetection]:
    """Rebuild NudeNet's boxes for one side from its signals (evidence + context detail)."""
    seen: set[tuple] = set()
    out: list[RawDetection] = []
    for s in signals:
        # Any detector speaking NudeNet's label vocabulary counts, not only the bundled one.
        sizes = s.detail.get("view_sizes", {}) or {}
        boxes = [e for e in s.evidence if isinstance(e, ImageBox) and e.label in LABELS]
        index = boxes[0].image_index if boxes else 0
        rows = [(e.label, e.x, e.y, e.w, e.h, e.score, e.view, e.image_index) for e in boxes]
        rows += [(*r[:7], index) for r in s.detail.get("context_boxes", ()) if len(r) >= 7 and r[0] in LABELS]
        for label, x, y, w, h, score, view, idx in rows:
            key = (idx, view, label, x, y, w, h, round(float(score), 4))
            if key in seen:
                continue
            seen.add(key)
            vw, vh = sizes.get(view, (0, 0))
            out.append(RawDetection(label, float(score), int(x), int(y), int(w), int(h), view, int(vw), int(vh), idx))
    return out


def compare_edit(
    input_signals: list[Signal],
    output_signals: list[Signal],
    *,
    thresholds: CompareThresholds = DEFAULT_THRESHOLDS,
) -> list[Signal]:
    """Compare the NudeNet signals of the input image(s) with those of the output image.

    Limitation: an image for which NudeNet emitted no signal at all carries no boxes here;
    `EditComparator.compare_images` reads every box from the detector instead.
    """
    before = detections_from_signals(input_signals)
    after = detections_from_signals(output_signals)
    index = next((e.image_index for s in output_signals for e in s.evidence if isinstance(e, ImageBox)), 0)
    return compare_detections(before, after, thresholds=thresholds, output_index=index)


class EditComparator:
    """Wrapper with a detector name, for the pipeline."""

    name = COMPARATOR_NAME

    def __init__(self, detector: NudeNetDetector | None = None, thresholds: CompareThresholds = DEFAULT_THRESHOLDS):
        self.detector = detector
        self.thresholds = thresholds

    def compare(self, input_signals: list[Signal], output_signals: list[Signal]) -> list[Signal]:
        return compare_edit(input_signals, output_signals, thresholds=self.thresholds)

    def compare_images(self, inputs: Sequence[DecodedImage], output: DecodedImage) -> list[Signal]:
        """Full-fidelity path: every box of every view (cached by the detector after detect())."""
        if self.detector is None:
            self.detector = NudeNetDetector()
        before: list[RawDetection] = []
        for i, img in enumerate(inputs):
            before += [_reindex(d, i) for d in self.detector.analyse(img)]
        after = self.detector.analyse(output)
        return compare_detections(before, after, thresholds=self.thresholds)


def _reindex(d: RawDetection, i: int) -> RawDetection:
    return RawDetection(d.label, d.score, d.x, d.y, d.w, d.h, d.view, d.view_w, d.view_h, i)
