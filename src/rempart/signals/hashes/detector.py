"""Hash-bank detector: exact (SHA-256, MD5) and near (PDQ) matches against banks of known images.

Matching goes through `rempart.banks.matcher.BankMatcher`: a multi-index PDQ index over all
banks with per-bank thresholds (exact against brute force), kept current by applying the
store's change log at most every `refresh_ms`. Each view is queried with its plain PDQ and,
when the robust hasher (`rempart.signals.hashes.robust`) is installed, with its rotated,
flipped and cropped variants; the evidence says which view and variant matched.

Allow-list banks hold known false positives: when an image matches one, its block matches are
cancelled. The detector then emits a `hash.allowlisted` signal instead of `hash.match`, so no
policy rule on `hash.match` can fire on it, whatever its min_score (a `hash.match` with score
0 would still satisfy `min_score: 0`). Its evidence holds both sides, allow and block hits
(`HashMatch.bank_kind`), so the audit record shows what was cancelled and by which bank.

MD5 and SHA-256 are of the encoded file (`DecodedImage.source`, `.sha256`): exact copies only.
"""

from __future__ import annotations

import logging

from rempart.banks.matcher import BankHit, BankMatcher
from rempart.banks.store import BankStore
from rempart.errors import DetectorError
from rempart.request.images import DecodedImage
from rempart.signals import workcopy
from rempart.signals.base import HashMatch, Signal
from rempart.signals.hashes.compute import PDQ_MIN_QUALITY, md5_hex, pdq_hash
from rempart.signals.kinds import HASH_ALLOWLISTED, HASH_MATCH

log = logging.getLogger(__name__)

MAX_EVIDENCE = 32  # a bank full of near-duplicates must not produce a huge signal


def _copy(h: dict) -> dict:
    return {k: list(v) if isinstance(v, list) else v for k, v in h.items()}  # callers may mutate theirs


def image_hashes(image: DecodedImage) -> dict:
    """Hashes of an image for matching and for the audit log (never pixels):
    {"sha256": hex of the encoded bytes, "md5": hex (when the bytes are known), "pdq": [hex
    per view], "pdq_quality": [int per view], "views": [view names]}. Raises DetectorError if
    a view cannot be hashed."""
    # detect() and the gate's audit record both need these: computed once per image
    # (rempart.signals.workcopy keeps them while the image lives).
    def compute() -> dict:
        pdqs, quals = [], []
        for view in image.views:
            try:
                h, q = pdq_hash(view.pixels)
            except ValueError as e:
                raise DetectorError(f"hash_banks_v1: cannot hash view {view.name!r}: {e}") from e
            pdqs.append(h)
            quals.append(q)
        out: dict = {"sha256": image.sha256, "pdq": pdqs, "pdq_quality": quals, "views": [v.name for v in image.views]}
        source = getattr(image, "source", b"")
        if source:
            out["md5"] = md5_hex(source)
        return out

    return _copy(workcopy.memo(image, "image_hashes", compute))


def query_variants(image: DecodedImage, hashes: dict) -> list[tuple[str, str, str, int]]:
    """(view, variant, pdq, quality) to query: for every view, its plain hash and, when the
    robust hasher is installed, its rotations, flips and unpadded variants. Duplicates dropped."""
    try:
        from rempart.signals.hashes import robust
    except ImportError:
        robust = None
    out = []
    for view, h, q in zip(image.views, hashes["pdq"], hashes["pdq_quality"]):
        out.append((view.name, "original", h, q))
        if robust is not None:
            try:
                out += [(view.name, v.variant, v.pdq, int(v.quality)) for v in robust.query_hashes(view.pixels)]
            except ValueError as e:
                raise DetectorError(f"hash_banks_v1: cannot hash view {view.name!r}: {e}") from e
    seen: set[str] = set()
    unique = []
    for item in out:
        if item[2] not in seen:
            seen.add(item[2])
            unique.append(item)
    return unique


class HashBankDetector:
    """ImageDetector emitting one `hash.match` signal when an image matches an enabled block
    bank, or one `hash.allowlisted` signal when it also (or only) matches an allow-list bank."""

    name = "hash_banks_v1"

    def __init__(self, store: BankStore, *, refresh_ms: int = 200, min_pdq_quality: int = PDQ_MIN_QUALITY) -> None:
        self.store = store
        self.min_pdq_quality = min_pdq_quality
        self.matcher = BankMatcher(store, refresh_ms=refresh_ms)

    @property
    def refresh_ms(self) -> int:
        return self.matcher.refresh_ms

    def refresh(self, force: bool = False) -> None:
        """Bring the index up to the store's current version now (full rebuild with force=True)."""
        try:
            self.matcher.refresh(force=force)
        except Exception as e:
            raise DetectorError(f"{self.name}: cannot load hash banks: {e}") from e

    def image_hashes(self, image: DecodedImage) -> dict:
        """See the module-level `image_hashes`."""
        return image_hashes(image)

    def match(self, image: DecodedImage) -> tuple[list[tuple[BankHit, str, str]], list[tuple[BankHit, str, str]]]:
        """(block hits, allow hits) of an image, each hit with its view and variant; the best
        hit per bank entry only."""
        try:
            self.matcher.maybe_refresh()
        except Exception as e:
            raise DetectorError(f"{self.name}: cannot load hash banks: {e}") from e
        hashes = image_hashes(image)
        best: dict[tuple[str, int], tuple[BankHit, str, str]] = {}
        for signal_type in ("sha256", "md5"):
            if hashes.get(signal_type):
                for hit in self.matcher.match_exact(signal_type, hashes[signal_type]):
                    best[(signal_type, hit.entry_id)] = (hit, "encoded", "file")
        for view, variant, value, quality in query_variants(image, hashes):
            if quality < self.min_pdq_quality:
                continue  # a weak hash (flat picture) would match unrelated flat pictures
            for hit in self.matcher.match_pdq(value, quality):
                key = ("pdq", hit.entry_id)
                if key not in best or hit.distance < best[key][0].distance:
                    best[key] = (hit, view, variant)
        block = [m for m in best.values() if m[0].kind == "block"]
        allow = [m for m in best.values() if m[0].kind == "allow"]
        return block, allow

    def detect(self, image: DecodedImage, *, role: str, image_index: int) -> list[Signal]:
        block, allow = self.match(image)
        if not block and not allow:
            return []
        # Allow hits first when there are any (they decide), then nearest, exact before PDQ.
        ranked = sorted(block + allow, key=lambda m: (m[0].kind != "allow", m[0].distance,
                                                      m[0].signal_type == "pdq", m[0].entry_id))
        kept = ranked[:MAX_EVIDENCE]
        evidence = tuple(HashMatch(h.signal_type, h.value, h.bank, h.entry_id, h.distance, role=role,
                                   image_index=image_index, variant=variant, bank_kind=h.kind)
                         for h, _, variant in kept)
        detail = {
            "banks": sorted({h.bank for h, _, _ in block}),
            "n_matches": len(block),
            "views": [v for _, v, _ in kept],  # parallel to evidence: which view matched
            "variants": [v for _, _, v in kept],  # kept for older readers; also in each HashMatch.variant
            "bank_version": self.matcher.version,
        }
        if allow:
            # A known false positive: a different kind, so rules on hash.match cannot fire.
            best = min(h.distance for h, _, _ in allow)
            detail.update(allowlisted=True, allow_banks=sorted({h.bank for h, _, _ in allow}), best_distance=best,
                          cancelled_banks=detail["banks"])
            score = 1.0 if any(h.signal_type != "pdq" for h, _, _ in allow) else 1.0 - best / 256
            return [Signal(kind=HASH_ALLOWLISTED, score=score, detector=self.name, evidence=evidence, detail=detail)]
        top = kept[0][0]
        score = 1.0 if top.signal_type != "pdq" else 1.0 - top.distance / 256
        detail["best_distance"] = top.distance
        return [Signal(kind=HASH_MATCH, score=score, detector=self.name, evidence=evidence, detail=detail)]
