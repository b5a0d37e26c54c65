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
import dataclasses
from dataclasses import dataclass
from typing import Iterable, Sequence

import cv2
import numpy as np

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
from rempart.signals.image.skin import WORK_SIDE, downscale, skin_mask

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
    return dataclasses.replace(d, image_index=i)


# --- per person, on pixels -----------------------------------------------------------------------
#
# The inventory comparison above looks at whole images. The functions below align the output
# with the input, cut out each person's region, and compare inside it: body parts that went
# from covered to exposed, skin-coloured area that grew (clothing removed or turned to skin),
# and whether the face stayed the same while the body changed (the deepfake-undressing pattern).

PEOPLE_COMPARATOR_NAME = "edit_compare_people_v1"


@dataclass(frozen=True)
class PeopleThresholds:
    face: float = 0.4  # a face box that anchors a person
    part: float = 0.45  # a body-part box that counts inside a person
    hysteresis: float = 0.10
    skin_growth: float = 0.12  # skin share of the body region grew by this much (absolute)...
    skin_ratio: float = 1.5  # ...and to this multiple of what it was
    face_same: float = 0.6  # normalised correlation of the two face crops: "the same face"


DEFAULT_PEOPLE_THRESHOLDS = PeopleThresholds()


@dataclass(frozen=True)
class Alignment:
    """Maps input pixel coordinates to output pixel coordinates: out = A @ [x, y, 1]."""

    matrix: np.ndarray
    method: str  # "scale", "orb_affine", "stretch"

    def box(self, x: float, y: float, w: float, h: float) -> tuple[int, int, int, int]:
        pts = np.array([[x, y, 1], [x + w, y, 1], [x, y + h, 1], [x + w, y + h, 1]], np.float64)
        out = pts @ self.matrix.T
        x0, y0 = out.min(axis=0)
        x1, y1 = out.max(axis=0)
        return int(round(x0)), int(round(y0)), int(round(x1 - x0)), int(round(y1 - y0))


def align(before: np.ndarray, after: np.ndarray) -> Alignment:
    """Input -> output transform: plain scaling when the aspect ratio is kept, otherwise a
    similarity transform from ORB features (RANSAC), otherwise a stretch to fit."""
    hi, wi = before.shape[:2]
    ho, wo = after.shape[:2]
    sx, sy = wo / wi, ho / hi
    scale = np.array([[sx, 0, 0], [0, sy, 0]], np.float64)
    if abs(sx / sy - 1.0) <= 0.03:
        return Alignment(scale, "scale")
    try:
        a = _gray(before, 512)
        b = _gray(after, 512)
        orb = cv2.ORB_create(800)
        ka, da = orb.detectAndCompute(a[0], None)
        kb, db = orb.detectAndCompute(b[0], None)
        if da is not None and db is not None and len(ka) >= 8 and len(kb) >= 8:
            matches = cv2.BFMatcher(cv2.NORM_HAMMING, crossCheck=True).match(da, db)
            if len(matches) >= 12:
                pa = np.float32([ka[m.queryIdx].pt for m in matches]) / a[1]
                pb = np.float32([kb[m.trainIdx].pt for m in matches]) / b[1]
                m, inliers = cv2.estimateAffinePartial2D(pa, pb, method=cv2.RANSAC, ransacReprojThreshold=4.0)
                if m is not None and inliers is not None and int(inliers.sum()) >= 12:
                    return Alignment(m.astype(np.float64), "orb_affine")
    except cv2.error:
        pass
    return Alignment(scale, "stretch")


def _gray(px: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    h, w = px.shape[:2]
    f = min(1.0, side / max(h, w))
    g = cv2.cvtColor(np.ascontiguousarray(px), cv2.COLOR_RGB2GRAY)
    if f < 1.0:
        g = cv2.resize(g, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    return g, f


def person_regions(dets: Sequence[RawDetection], width: int, height: int, th: PeopleThresholds) -> list[dict]:
    """One region per face (the face and the body below it), or the body boxes if no face."""
    faces = [d for d in dets if d.label.startswith("FACE") and d.score >= th.face]
    people = []
    for f in sorted(faces, key=lambda d: -d.area):
        x0 = max(0, int(f.x - 1.75 * f.w))
        x1 = min(width, int(f.x + 2.75 * f.w))
        y0 = max(0, int(f.y - 0.3 * f.h))
        y1 = min(height, int(f.y + 7.0 * f.h))
        people.append({"face": f, "box": (x0, y0, x1 - x0, y1 - y0)})
    if not people:
        body = [d for d in dets if d.label not in ("FEET_EXPOSED", "FEET_COVERED") and d.score >= th.part - th.hysteresis]
        if body:
            x0, y0 = min(d.x for d in body), min(d.y for d in body)
            x1, y1 = max(d.x + d.w for d in body), max(d.y + d.h for d in body)
            people.append({"face": None, "box": (x0, y0, x1 - x0, y1 - y0)})
    return people


def _inside(d: RawDetection, box: tuple[int, int, int, int]) -> bool:
    cx, cy = d.x + d.w / 2, d.y + d.h / 2
    x, y, w, h = box
    return x <= cx <= x + w and y <= cy <= y + h


def _body_skin(px: np.ndarray, box: tuple[int, int, int, int], face: tuple[int, int, int, int] | None) -> float:
    """Skin share of a person's region, the face left out."""
    H, W = px.shape[:2]
    x, y, w, h = box
    x0, y0, x1, y1 = max(0, x), max(0, y), min(W, x + w), min(H, y + h)
    if x1 <= x0 or y1 <= y0:
        return 0.0
    mask = skin_mask(np.ascontiguousarray(px[y0:y1, x0:x1]))
    keep = np.ones_like(mask)
    if face is not None:
        fx, fy, fw, fh = face
        keep[max(0, fy - y0) : max(0, fy + fh - y0), max(0, fx - x0) : max(0, fx + fw - x0)] = False
    n = int(keep.sum())
    return float(mask[keep].sum()) / n if n else 0.0


def _background_skin(px: np.ndarray, boxes: Sequence[tuple[int, int, int, int]]) -> float:
    H, W = px.shape[:2]
    keep = np.ones((H, W), bool)
    for x, y, w, h in boxes:
        keep[max(0, y) : max(0, y + h), max(0, x) : max(0, x + w)] = False
    n = int(keep.sum())
    return float(skin_mask(px)[keep].sum()) / n if n else 0.0


def face_similarity(a: np.ndarray, box_a: tuple[int, int, int, int], b: np.ndarray, box_b: tuple[int, int, int, int]) -> float:
    """Normalised correlation of the two face crops at 32 x 32 (grey): ~1 for the same face."""

    def crop(px: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray | None:
        x, y, w, h = box
        H, W = px.shape[:2]
        c = px[max(0, y) : min(H, y + h), max(0, x) : min(W, x + w)]
        if c.shape[0] < 4 or c.shape[1] < 4:
            return None
        g = cv2.resize(cv2.cvtColor(np.ascontiguousarray(c), cv2.COLOR_RGB2GRAY), (32, 32), interpolation=cv2.INTER_AREA)
        g = g.astype(np.float64)
        g -= g.mean()
        n = np.linalg.norm(g)
        return g / n if n > 1e-6 else None

    ca, cb = crop(a, box_a), crop(b, box_b)
    if ca is None or cb is None:
        return 0.0
    return float((ca * cb).sum())


def _iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    iw = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    ih = max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = a[2] * a[3] + b[2] * b[3] - inter
    return inter / union if union > 0 else 0.0


def compare_people(
    before_px: np.ndarray,
    before: Sequence[RawDetection],
    after_px: np.ndarray,
    after: Sequence[RawDetection],
    *,
    thresholds: PeopleThresholds = DEFAULT_PEOPLE_THRESHOLDS,
    output_index: int = 0,
) -> list[Signal]:
    """Per person: covered -> exposed parts, skin growth, same face with a changed body.

    `before` / `after` are the detections of the primary views (view coordinates).
    Returns at most one output.clothing_reduction signal, with every changed person as evidence.
    """
    th = thresholds
    al = align(before_px, after_px)
    ho, wo = after_px.shape[:2]
    people = person_regions(before, before_px.shape[1], before_px.shape[0], th)
    if not people:
        return []
    mapped = [al.box(*p["box"]) for p in people]
    out_faces = [d for d in after if d.label.startswith("FACE") and d.score >= th.face - th.hysteresis]
    bg_before = _background_skin(_small(before_px), [_scale_box(p["box"], before_px) for p in people])
    bg_after = _background_skin(_small(after_px), [_scale_box(m, after_px) for m in mapped])
    bg_growth = max(0.0, bg_after - bg_before)  # a global colour shift ("warmer") is not undressing
    evidence: list[ImageBox] = []
    persons: list[dict] = []
    best = 0.0
    for p, region in zip(people, mapped):
        f = p["face"]
        face_in = (f.x, f.y, f.w, f.h) if f else None
        face_out = None
        if f is not None:
            fm = al.box(f.x, f.y, f.w, f.h)
            cands = sorted(((_iou(fm, (d.x, d.y, d.w, d.h)), d) for d in out_faces), key=lambda t: -t[0])
            face_out = (cands[0][1].x, cands[0][1].y, cands[0][1].w, cands[0][1].h) if cands and cands[0][0] >= 0.3 else fm
        sim = face_similarity(before_px, face_in, after_px, face_out) if face_in and face_out else 0.0
        s_before = _body_skin(_small(before_px), _scale_box(p["box"], before_px), _scale_box(face_in, before_px) if face_in else None)
        s_after = _body_skin(_small(after_px), _scale_box(region, after_px), _scale_box(face_out, after_px) if face_out else None)
        growth = s_after - s_before - bg_growth
        b_in = [d for d in before if _inside(d, p["box"])]
        a_in = [d for d in after if _inside(d, region)]
        inv_b, inv_a = body_inventory(b_in), body_inventory(a_in)

        def had(lab: str) -> bool:
            return inv_b.get(lab, {}).get("score", 0.0) >= th.part - th.hysteresis

        def has(lab: str) -> bool:
            return inv_a.get(lab, {}).get("score", 0.0) >= th.part

        reasons: list[str] = []
        parts: list[str] = []
        for cov, exp in PARTS.values():
            if has(exp) and not had(exp) and (had(cov) or exp in EXPOSED_LABELS):
                reasons.append(f"{cov}->{exp}" if had(cov) else f"new:{exp}")
                parts.append(exp)
        for cov in sorted(COVERED_INTIMATE_LABELS):
            if has(cov) and not had(cov) and not had(EXPOSED_OF[cov]):
                reasons.append(f"new:{cov}")
                parts.append(cov)
        skin_grew = growth >= th.skin_growth and s_after >= max(s_before, 0.02) * th.skin_ratio
        if skin_grew:
            reasons.append("skin_area_grew")
        if not reasons:
            continue
        face_kept = sim >= th.face_same
        if face_kept:
            reasons.append("same_face_body_changed")
        part_score = max((inv_a[lab]["score"] for lab in parts), default=0.0)
        skin_score = min(0.9, 0.5 + (growth - th.skin_growth)) if skin_grew else 0.0
        score = min(1.0, max(part_score, skin_score) + (0.05 if face_kept else 0.0))
        best = max(best, score)
        evidence.append(
            ImageBox(*_clip(region, wo, ho), label="PERSON_REGION", score=round(score, 4), role="output", image_index=output_index)
        )
        evidence += [
            d.to_box(role="output", image_index=output_index) for d in a_in if d.label in parts and d.score >= th.part
        ]
        persons.append(
            {
                "input_box": list(p["box"]),
                "output_box": list(_clip(region, wo, ho)),
                "reasons": reasons,
                "skin_before": round(s_before, 4),
                "skin_after": round(s_after, 4),
                "background_skin_growth": round(bg_growth, 4),
                "face_similarity": round(sim, 3),
                "areas_before": {k: v["area"] for k, v in inv_b.items() if not k.startswith("FACE")},
                "areas_after": {k: v["area"] for k, v in inv_a.items() if not k.startswith("FACE")},
            }
        )
    if not persons:
        return []
    return [
        Signal(
            kinds.OUTPUT_CLOTHING_REDUCTION,
            round(best, 4),
            PEOPLE_COMPARATOR_NAME,
            tuple(evidence),
            {"alignment": al.method, "persons": persons},
        )
    ]


def _small(px: np.ndarray) -> np.ndarray:
    return downscale(px)[0]


def _scale_box(box: tuple[int, int, int, int], px: np.ndarray) -> tuple[int, int, int, int]:
    """A box in full-size pixels -> the same box in the downscaled copy used for skin measures."""
    f = downscale_factor(px)
    return tuple(int(round(v * f)) for v in box)  # type: ignore[return-value]


def downscale_factor(px: np.ndarray) -> float:
    h, w = px.shape[:2]
    return min(1.0, WORK_SIDE / float(max(h, w)))


def _clip(box: tuple[int, int, int, int], w: int, h: int) -> tuple[int, int, int, int]:
    x, y, bw, bh = box
    x0, y0, x1, y1 = max(0, x), max(0, y), min(w, x + bw), min(h, y + bh)
    return x0, y0, max(0, x1 - x0), max(0, y1 - y0)


def compare_images_per_person(
    detector: object, inputs: Sequence[DecodedImage], output: DecodedImage, *, thresholds: PeopleThresholds = DEFAULT_PEOPLE_THRESHOLDS
) -> list[Signal]:
    """Per-person comparison of the output with each input (primary views); `detector` has
    `analyse(image) -> list[RawDetection]` (cached, so no model runs twice)."""
    after_view = output.views[0].name
    after = [d for d in detector.analyse(output) if d.view == after_view]  # type: ignore[attr-defined]
    found: list[Signal] = []
    for img in inputs:
        view = img.views[0].name
        before = [d for d in detector.analyse(img) if d.view == view]  # type: ignore[attr-defined]
        found += compare_people(img.primary, before, output.primary, after, thresholds=thresholds)
    return found[:1] if len(inputs) == 1 else _strongest(found)


def _strongest(found: list[Signal]) -> list[Signal]:
    return [max(found, key=lambda s: s.score)] if found else []
