"""Nudity ensemble: NudeNet boxes + open_nsfw + a skin-colour context -> calibrated signals.

Signals (all on one calibrated scale, where 0.5 is the operating point the policy uses):

- image.exposed        explicit nudity: an exposed intimate part (NudeNet box), confirmed or
                       raised by open_nsfw; or, with no box, an open_nsfw score so high that
                       the model's authors call it NSFW with high probability.
- image.covered_intimate  swimwear / underwear / lingerie: a covered intimate part (NudeNet
                       covered classes), raised when the surroundings of the box are bare skin
                       (a bikini top among skin, not a shirt) or exposed belly / armpits show.
- image.suggestive     racy but not explicit: open_nsfw's middle band, or swimwear/underwear
                       evidence that open_nsfw also finds racy.
- image.face           passed through from NudeNet (raw score; threshold 0.4).

Calibration. We cannot (and will not) use nude images, so the positive side of each mapping
relies on the models' published behaviour: NudeNet's own default threshold (0.2-0.25 floor,
boxes >= ~0.45 are its confident detections) and Yahoo's guidance for open_nsfw (< 0.2 safe
with high probability, > 0.8 NSFW with high probability). The operating points were then
checked, and where needed raised, on benign photographs so that the false-positive rate stays
under target (bench/benign_fp.py prints the raw score distribution and the rate at each
threshold: re-run it after changing an anchor). A calibrated score is therefore "how far past
the operating point", monotone in the raw score, not a probability fitted on positives; each
signal's detail carries the raw scores so an operator can re-derive it.

open_nsfw costs as much as NudeNet, so it runs only where it can matter (a cascade, see
`open_nsfw_decision`): on a view where NudeNet saw any body part; on a view whose colours the
skin model cannot be trusted with (greyscale, washed-out, mostly dark: bare skin would not
read as skin); on a view where skin-coloured pixels cover >= NSFW_MIN_SKIN of the picture, unless that skin
is the face of a portrait (NudeNet saw no trace of a body, and the skin outside the faces is
under the same bound). `open_nsfw="always"` turns the cascade off. On a skin-coloured view
with no upright face and no person hint at all, NudeNet asks open_nsfw (through
`rotation_gate`) before it spends a run on the rotated views; the score is reused, never
computed twice.
"""

from __future__ import annotations

import bisect
import collections
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from rempart.request.images import DecodedImage, ImageView
from rempart.signals import kinds
from rempart.signals.cache import ResultCache
from rempart.signals.base import ImageBox, Note, Signal
from rempart.signals.image.nudenet import (
    COVERED_INTIMATE_LABELS,
    EXPOSED_LABELS,
    FACE_LABELS,
    HINT_FLOOR,
    SCORE_FLOOR,
    ImageAnalysis,
    NudeNetDetector,
    RawDetection,
    _with_index,
    signals_from_detections,
    unscreenable_signals,
)
from rempart.signals import workcopy
from rempart.signals.image.opennsfw import OpenNsfwClassifier
from rempart.signals.image.skin import colour_trust, lit_skin_shares, skin_fraction

ENSEMBLE_NAME = "nudity_ensemble_v1"
EMIT_FLOOR = 0.2  # calibrated scores below this are not emitted (noise)
NSFW_MIN_SKIN = 0.2  # open_nsfw runs on a view with this much skin even if NudeNet saw no body
SKIN_CONTEXT_LABELS = frozenset({"BELLY_EXPOSED", "ARMPITS_EXPOSED", "MALE_BREAST_EXPOSED"})
NOT_BODY = FACE_LABELS | {"FEET_EXPOSED", "FEET_COVERED"}
# open_nsfw score that sends a skin-coloured view with no person hint to the rotation probe:
# half of Yahoo's "safe with high probability" bound (0.2); benign skin-coloured landscapes
# score under it (bench/benign_fp.py prints how many views took the probe).
ROTATE_NSFW = 0.1
# Share of a face box that must read as skin for the face to vouch that the skin model sees
# this picture's skin (its light, its camera, any tint): the portrait shortcut's colour reference.
FACE_SKIN_REFERENCE = 0.5
# A view whose working copy spans at most this many levels in every channel is one flat colour
# (nothing could be drawn in it), even if it is grey.
FLAT_RANGE = 8


@dataclass(frozen=True)
class Curve:
    """Monotone piecewise-linear map raw -> calibrated, through (raw, calibrated) anchors."""

    anchors: tuple[tuple[float, float], ...]

    def __call__(self, raw: float) -> float:
        xs = [a[0] for a in self.anchors]
        ys = [a[1] for a in self.anchors]
        if raw <= xs[0]:
            return ys[0]
        if raw >= xs[-1]:
            return ys[-1]
        i = bisect.bisect_right(xs, raw) - 1
        t = (raw - xs[i]) / (xs[i + 1] - xs[i])
        return round(ys[i] + t * (ys[i + 1] - ys[i]), 4)

    def threshold(self, calibrated: float = 0.5) -> float:
        """The raw score that maps to `calibrated` (the operating point)."""
        for (x0, y0), (x1, y1) in zip(self.anchors, self.anchors[1:]):
            if y0 <= calibrated <= y1 and y1 > y0:
                return x0 + (calibrated - y0) * (x1 - x0) / (y1 - y0)
        return self.anchors[-1][0]


@dataclass(frozen=True)
class Calibration:
    version: str = "2026-01-benign-v1"
    # NudeNet exposed-part box score: its confident zone starts near 0.45.
    exposed_box: Curve = Curve(((0.0, 0.0), (0.25, 0.2), (0.45, 0.5), (0.7, 0.8), (1.0, 0.95)))
    # open_nsfw alone (no box) as explicit: only Yahoo's "NSFW with high probability" end.
    nsfw_explicit: Curve = Curve(((0.0, 0.0), (0.8, 0.2), (0.93, 0.5), (1.0, 0.7)))
    # open_nsfw's racy band as "suggestive".
    nsfw_suggestive: Curve = Curve(((0.0, 0.0), (0.2, 0.2), (0.5, 0.5), (0.8, 0.8), (1.0, 0.9)))
    # NudeNet covered intimate part box score (swimwear / underwear).
    covered_box: Curve = Curve(((0.0, 0.0), (0.25, 0.2), (0.5, 0.5), (0.75, 0.8), (1.0, 0.95)))
    # A weak exposed box (>= this raw) that open_nsfw confirms (>= nsfw_confirms) is lifted
    # to the operating point: two independent models agreeing.
    weak_box: float = 0.3
    nsfw_confirms: float = 0.7
    agreement_bonus: float = 0.2
    # Bare skin around a covered box (fraction of the ring) that marks swimwear/underwear.
    skin_ring: float = 0.35
    skin_bonus: float = 0.12


DEFAULT_CALIBRATION = Calibration()


@dataclass(frozen=True)
class NsfwScore:
    view: str
    region: str  # "full", "content", "person"
    score: float


@dataclass(frozen=True)
class EnsembleAnalysis:
    nudenet: ImageAnalysis
    nsfw: tuple[NsfwScore, ...]
    skin: dict[str, float] = field(default_factory=dict)  # view -> skin fraction
    ring_skin: dict[tuple[str, int, int, int, int], float] = field(default_factory=dict)  # covered box -> ring skin
    nsfw_cascade: dict[str, str] = field(default_factory=dict)  # view -> why open_nsfw ran or was skipped

    def best_nsfw(self) -> NsfwScore | None:
        return max(self.nsfw, key=lambda s: s.score, default=None)


class NudityEnsembleDetector:
    """ImageDetector: calibrated explicit / swimwear-underwear / suggestive signals + faces."""

    name = ENSEMBLE_NAME

    def __init__(
        self,
        *,
        nudenet: NudeNetDetector | None = None,
        opennsfw: OpenNsfwClassifier | None = None,
        calibration: Calibration = DEFAULT_CALIBRATION,
        open_nsfw: str = "auto",
        threads: int = 1,
        cache_size: int = 16,
    ) -> None:
        if open_nsfw not in ("auto", "always", "never"):
            raise ValueError("open_nsfw must be 'auto', 'always' or 'never'")
        self.nudenet = nudenet or NudeNetDetector(threads=threads, cache_size=cache_size)
        self.opennsfw = opennsfw or (OpenNsfwClassifier(threads=threads) if open_nsfw != "never" else None)
        self.calibration = calibration
        self.open_nsfw = open_nsfw
        self.face_threshold = self.nudenet.thresholds[kinds.IMAGE_FACE]
        self._cache: ResultCache[EnsembleAnalysis] = ResultCache(cache_size)

    # The comparison step reads every box through these two.
    def analyse(self, image: DecodedImage) -> list[RawDetection]:
        return list(self.analysis(image).nudenet.detections)

    def analysis(self, image: DecodedImage) -> EnsembleAnalysis:
        hit = self._cache.get(image.sha256)
        if hit is None:
            hit = self._analyse(image)
            self._cache.put(image.sha256, hit)
        return hit

    def face_boxes(self, image: DecodedImage) -> list[tuple[str, int, int, int, int]] | None:
        """NudeNet's confident faces (view, x, y, w, h) if this image was already analysed and
        cached, else None: the face detector's hint, which must never run the models again."""
        hit = self._cache.get(image.sha256)
        if hit is None:
            return None
        return [
            (d.view, d.x, d.y, d.w, d.h)
            for d in hit.nudenet.detections
            if d.label in FACE_LABELS and d.score >= self.face_threshold
        ]

    def warm_up(self) -> None:
        self.nudenet.warm_up()
        if self.opennsfw is not None:
            self.opennsfw.warm_up()

    def _analyse(self, image: DecodedImage) -> EnsembleAnalysis:
        scored: dict[tuple[str, str], float] = {}  # (view, region) -> open_nsfw, run once each

        def rotation_gate(v: ImageView, windows: list[str]) -> bool:
            # A skin-coloured view with no person hint at all: open_nsfw's say decides whether
            # the rotations are looked at (sand and wood score near 0; it runs on such a view
            # anyway, so the score is reused below).
            if self.opennsfw is None:
                return True
            region, px = _nsfw_regions(v, windows, [])[0]
            scored[(v.name, region)] = self.opennsfw.scores([px])[0]
            return scored[(v.name, region)] >= ROTATE_NSFW

        nn = self.nudenet.analysis(image, rotation_gate=rotation_gate)
        by_view: dict[str, list[RawDetection]] = collections.defaultdict(list)
        for d in nn.detections:
            by_view[d.view].append(d)
        skin: dict[str, float] = {}
        pictures: list[np.ndarray] = []
        labels: list[tuple[str, str]] = []
        ring: dict[tuple[str, int, int, int, int], float] = {}
        cascade: dict[str, str] = {}
        for v in image.views:
            if v.name in nn.duplicates:
                continue
            dets = by_view.get(v.name, [])
            skin[v.name] = round(skin_fraction(v.pixels), 4)
            for d in dets:
                if d.label in COVERED_INTIMATE_LABELS:
                    ring[(v.name, d.x, d.y, d.w, d.h)] = _ring_skin(v.pixels, d)
            body = [d for d in dets if d.label not in NOT_BODY]
            if self.opennsfw is None:
                continue
            if self.open_nsfw == "auto":
                faces = [d for d in dets if d.label in FACE_LABELS and d.score >= self.face_threshold]
                run, cascade[v.name] = open_nsfw_decision(
                    body=bool(body),
                    body_hint=nn.hints.get(v.name, {}).get("body", 0.0),
                    evidence=_SkinEvidence(v.pixels, faces),
                )
                if not run and not any(view == v.name for view, _ in scored):
                    continue  # (a score the rotation gate already paid for is kept)
            for region, px in _nsfw_regions(v, nn.windows.get(v.name, []), dets):
                if (v.name, region) not in scored:
                    pictures.append(px)
                labels.append((v.name, region))
        fresh = iter(self.opennsfw.scores(pictures) if pictures else [])
        scores = [scored[key] if key in scored else next(fresh) for key in labels]
        nsfw = tuple(NsfwScore(view, region, round(s, 4)) for (view, region), s in zip(labels, scores))
        return EnsembleAnalysis(nudenet=nn, nsfw=nsfw, skin=skin, ring_skin=ring, nsfw_cascade=cascade)

    def detect(self, image: DecodedImage, *, role: str, image_index: int) -> list[Signal]:
        an = self.analysis(image)
        dets = [_with_index(d, image_index) for d in an.nudenet.detections]
        floor_thresholds = {
            kinds.IMAGE_FACE: self.face_threshold,
            kinds.IMAGE_EXPOSED: SCORE_FLOOR,
            kinds.IMAGE_COVERED_INTIMATE: SCORE_FLOOR,
        }
        base = signals_from_detections(
            dets, role=role, image_index=image_index, thresholds=floor_thresholds, detector=self.name
        )
        out = calibrate_signals(base, an, self.calibration, role=role, image_index=image_index, detector=self.name)
        return out + unscreenable_signals(an.nudenet, role=role, image_index=image_index, detector=self.name)


# --- the open_nsfw cascade ---------------------------------------------------------------------


class _SkinEvidence:
    """The colour measures the cascade may ask about one view, each computed only if asked
    (all on the shared 256 px working copy)."""

    def __init__(self, pixels: np.ndarray, faces: Sequence[RawDetection]) -> None:
        self._pixels = pixels
        self.faces = len(faces)
        self._boxes = [(d.x, d.y, d.w, d.h) for d in faces]

    def has_content(self) -> bool:
        small, _ = workcopy.shrunk(self._pixels, 256)
        return bool(small.size) and int(np.ptp(small.reshape(-1, small.shape[-1]), axis=0).max()) > FLAT_RANGE

    def colour_trusted(self) -> bool:
        return bool(colour_trust(self._pixels)["trusted"])

    def skin(self) -> float:
        return lit_skin_shares(self._pixels)[0]

    def face_skin_and_rest(self) -> tuple[float, float]:
        return lit_skin_shares(self._pixels, self._boxes)[1:]


def open_nsfw_decision(*, body: bool, body_hint: float, evidence) -> tuple[bool, str]:
    """Whether open_nsfw must look at a view (cascade "auto"), and why.

    open_nsfw is the independent second opinion for what NudeNet misses, so it is skipped
    only where a cheap, independent witness, the skin-colour model, shows there is no bare
    body to miss:
      * NudeNet saw a body part            -> run ("body_part");
      * the skin model is blind here       -> run ("colour_untrusted"): greyscale, washed-out
        or mostly dark pictures, where bare skin does not read as skin, so "little skin" means
        nothing; unless the view is one flat colour (nothing drawn in it at all);
      * skin-coloured share of the lit pixels < NSFW_MIN_SKIN -> skip ("little_skin"); over
        the lit pixels because dark ones never read as skin (a lit body in a mostly dark
        photo must not be diluted by the darkness). Tinted pictures (club
        light, duotone) are not told apart here: saturated benign scenes have the same mean
        colour cast, so a tinted view with little skin-coloured area is skipped as before;
      * a portrait: confident face(s) that themselves read as skin (so the model sees this
        picture's skin, whatever its light or tint), NudeNet saw not even a weak body hint (< HINT_FLOOR), and the skin
        share of the rest of the view is under NSFW_MIN_SKIN -> skip ("face_only_skin"). The
        bound on skin outside the faces is the same one a face-less view is held to, over a
        smaller area, so this never tolerates more body skin than the rule above;
      * otherwise                          -> run ("skin").
    `evidence` answers has_content(), colour_trusted(), skin(), faces and face_skin_and_rest()
    (skin shares of lit pixels: the view, inside the faces, the rest)."""
    if body:
        return True, "body_part"
    if not evidence.colour_trusted() and evidence.has_content():
        return True, "colour_untrusted"
    if evidence.skin() < NSFW_MIN_SKIN:
        return False, "little_skin"
    if evidence.faces and body_hint < HINT_FLOOR:
        face_skin, rest = evidence.face_skin_and_rest()
        if face_skin >= FACE_SKIN_REFERENCE and rest < NSFW_MIN_SKIN:
            return False, "face_only_skin"
    return True, "skin"


# --- pure scoring ------------------------------------------------------------------------------


def calibrate_signals(
    base: Sequence[Signal],
    an: EnsembleAnalysis,
    cal: Calibration,
    *,
    role: str,
    image_index: int,
    detector: str = ENSEMBLE_NAME,
) -> list[Signal]:
    """Rescore NudeNet's exposed / covered signals with the ensemble; add suggestive."""
    best = an.best_nsfw()
    p = best.score if best else None
    nsfw_detail = [[s.view, s.region, s.score] for s in an.nsfw]
    out: list[Signal] = []
    by_kind = {s.kind: s for s in base}
    common = {"calibration": cal.version, "open_nsfw": nsfw_detail}

    face = by_kind.get(kinds.IMAGE_FACE)
    if face is not None:
        out.append(face)
    context = next(iter(base), None)
    body = context.detail.get("body", {}) if context else {}

    exposed = by_kind.get(kinds.IMAGE_EXPOSED)
    exposed_score = 0.0
    if exposed is not None:
        raw = exposed.score
        exposed_score = cal.exposed_box(raw)
        how = "nudenet_box"
        if p is not None and raw >= cal.weak_box and p >= cal.nsfw_confirms:
            exposed_score = min(1.0, max(exposed_score, 0.5) + cal.agreement_bonus * (p - cal.nsfw_confirms) / (1 - cal.nsfw_confirms))
            how = "nudenet_box+open_nsfw"
        if exposed_score >= EMIT_FLOOR:
            out.append(_rescored(exposed, exposed_score, {**common, "raw_box": raw, "how": how}))
    if p is not None and cal.nsfw_explicit(p) > exposed_score and cal.nsfw_explicit(p) >= EMIT_FLOOR:
        # No (strong enough) box, but open_nsfw is at its "NSFW with high probability" end.
        exposed_score = cal.nsfw_explicit(p)
        out = [s for s in out if s.kind != kinds.IMAGE_EXPOSED]
        out.append(
            Signal(
                kinds.IMAGE_EXPOSED,
                exposed_score,
                detector,
                (Note(f"open_nsfw {p:.3f} on {best.view} ({best.region}), no body-part box"),),
                {**common, "how": "open_nsfw", "raw_nsfw": p, **_sizes(context)},
            )
        )

    covered = by_kind.get(kinds.IMAGE_COVERED_INTIMATE)
    covered_score = 0.0
    if covered is not None:
        raw = covered.score
        covered_score = cal.covered_box(raw)
        rings = [
            an.ring_skin.get((b.view, b.x, b.y, b.w, b.h), 0.0)
            for b in covered.evidence
            if isinstance(b, ImageBox)
        ]
        ring = max(rings, default=0.0)
        bare = any(body.get(lab, {}).get("score", 0.0) >= 0.4 for lab in SKIN_CONTEXT_LABELS)
        reasons = []
        if ring >= cal.skin_ring:
            reasons.append("bare_skin_around")
        if bare:
            reasons.append("exposed_belly_or_armpits")
        if reasons:
            covered_score = min(1.0, covered_score + cal.skin_bonus)
        if covered_score >= EMIT_FLOOR:
            out.append(
                _rescored(covered, covered_score, {**common, "raw_box": raw, "ring_skin": round(ring, 3), "context": reasons})
            )

    suggestive = 0.0
    why = []
    if p is not None:
        suggestive = cal.nsfw_suggestive(p)
        why.append(f"open_nsfw {p:.3f}")
    if covered_score >= 0.5 and p is not None and p >= 0.2:
        suggestive = max(suggestive, covered_score)
        why.append("swimwear/underwear that open_nsfw finds racy")
    if suggestive >= EMIT_FLOOR:
        ev = tuple(covered.evidence) if covered is not None and covered_score >= 0.5 else ()
        out.append(
            Signal(
                kinds.IMAGE_SUGGESTIVE,
                round(suggestive, 4),
                detector,
                ev + (Note("; ".join(why)),),
                {**common, "raw_nsfw": p, **_sizes(context)},
            )
        )
    return out


def _sizes(sig: Signal | None) -> dict:
    if sig is None:
        return {}
    return {"view_sizes": sig.detail.get("view_sizes", {}), "body": sig.detail.get("body", {})}


def _rescored(sig: Signal, score: float, extra: dict) -> Signal:
    return Signal(sig.kind, round(score, 4), sig.detector, sig.evidence, {**sig.detail, **extra})


def _ring_skin(pixels: np.ndarray, d: RawDetection) -> float:
    """Skin fraction in a ring around a box (the box doubled, minus the box)."""
    H, W = pixels.shape[:2]
    x0, y0 = max(0, d.x - d.w // 2), max(0, d.y - d.h // 2)
    x1, y1 = min(W, d.x + d.w + d.w // 2), min(H, d.y + d.h + d.h // 2)
    outer = skin_fraction(pixels, (x0, y0, x1 - x0, y1 - y0))
    inner = skin_fraction(pixels, (d.x, d.y, d.w, d.h))
    a_out, a_in = max(1, (x1 - x0) * (y1 - y0)), max(1, d.w * d.h)
    if a_out <= a_in:
        return outer
    return float(max(0.0, (outer * a_out - inner * a_in) / (a_out - a_in)))


def _nsfw_regions(v: ImageView, windows: list[str], dets: list[RawDetection]) -> list[tuple[str, np.ndarray]]:
    """What open_nsfw looks at in one view: the content (or the whole view), plus the main
    person when they fill little of it (the model sees the whole picture at 224 px)."""
    px = v.pixels
    H, W = px.shape[:2]
    regions: list[tuple[str, np.ndarray]] = []
    content = next((w for w in windows if w.startswith("content@")), None)
    if content is not None:
        x, y, wh = content.split("@")[1].split(",", 2)
        w, h = wh.split("x")
        regions.append(("content", px[int(y) : int(y) + int(h), int(x) : int(x) + int(w)]))
    else:
        # open_nsfw shrinks to 256 px: the shared 512 px working copy gives the same scores
        # (within its own JPEG round-trip noise) for half the resizing cost.
        regions.append(("full", workcopy.shrunk(px, 512)[0]))
    body = [d for d in dets if d.label not in FACE_LABELS and d.score >= SCORE_FLOOR]
    if body:
        x0 = min(d.x for d in body)
        y0 = min(d.y for d in body)
        x1 = max(d.x + d.w for d in body)
        y1 = max(d.y + d.h for d in body)
        bw, bh = x1 - x0, y1 - y0
        if bw * bh < 0.25 * W * H:
            side = int(max(bw, bh) * 1.4)
            cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
            xa, ya = max(0, cx - side // 2), max(0, cy - side // 2)
            crop = px[ya : min(H, ya + side), xa : min(W, xa + side)]
            if crop.shape[0] >= 16 and crop.shape[1] >= 16:
                regions.append(("person", crop))
    return regions
