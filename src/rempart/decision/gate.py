"""The gate: request -> signals -> policy -> decision -> audit record.

Every path out of `screen_request` / `screen_output` returns a `Decision`. Bad input,
a detector that raises or runs past its deadline, or an audit log that cannot be
written all end as `block` (fail closed), never as an exception or an `allow`.
"""

from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Sequence

from rempart.decision.model import Decision, Reason, Verdict
from rempart.errors import InputError, RempartError
from rempart.policy.engine import Policy
from rempart.request.images import DEFAULT_LIMITS, DecodedImage, ImageLimits, decode_image
from rempart.request.model import MAX_PROMPT_CHARS, ScreenRequest
from rempart.signals import kinds
from rempart.signals.base import Note, Signal
from rempart.signals.text.validate import check_prompt_text

DEFAULT_DB = "rempart.sqlite"


@dataclass
class GateConfig:
    db_path: str = field(default_factory=lambda: os.environ.get("REMPART_DB", DEFAULT_DB))
    detector_timeout_s: float = 10.0
    image_limits: ImageLimits = DEFAULT_LIMITS
    max_prompt_chars: int = MAX_PROMPT_CHARS
    max_images: int = 4
    onnx_threads: int = 1
    image_cache_size: int = 256  # NudeNet results kept per image SHA-256 (0 turns the cache off)
    # Hash banks: an SQLite file or a postgresql:// DSN (env REMPART_BANKS; default: db_path).
    banks_location: str | None = field(default_factory=lambda: os.environ.get("REMPART_BANKS") or None)
    # An operator's own moderation model as a second opinion on prompts; off unless configured
    # (env REMPART_SECOND_OPINION_URL, see rempart.signals.text.second_opinion).
    second_opinion: Any = field(default_factory=lambda: _second_opinion_from_env())
    # Second face detector (dlib): also search 90/180/270-degree rotations when no upright face
    # is found. Off by default: NudeNet's rotated windows cover rotated faces more cheaply.
    face_rotations: bool = False
    # dlib's whole-picture search size (long side). Its 80 px window then finds faces over
    # ~80/384 of the picture's side; smaller faces come from NudeNet's tiled pass, and dlib
    # re-checks each of those in a crop (so it still boxes them for the age estimate).
    face_working_side: int = 384
    # An operator's ONNX age model (rempart.signals.image.age.OnnxAgeSpec); None: the bundled one.
    age_model: Any = None


class Gate:
    """Screens requests before generation and results after it.

    Build one per process and share it between threads: models load once.
    """

    def __init__(
        self,
        policy: Policy | None = None,
        config: GateConfig | None = None,
        *,
        text_detectors: Sequence[Any] | None = None,
        image_detectors: Sequence[Any] | None = None,
        audit: Any | None = None,
        banks: Any | None = None,
    ) -> None:
        self.config = config or GateConfig()
        self.policy = policy or Policy.default()
        if audit is None or banks is None:
            Path(self.config.db_path).parent.mkdir(parents=True, exist_ok=True)
        if audit is None:
            from rempart.audit.log import AuditLog

            audit = AuditLog(self.config.db_path)
        if banks is None:
            from rempart.banks.store import BankStore

            banks = BankStore(self.config.banks_location or self.config.db_path)
        self.audit = audit
        self.banks = banks
        if text_detectors is None:
            from rempart.signals.text.intent import TextIntentDetector

            from rempart.signals.text.names import NamedPersonDetector

            text_detectors = [TextIntentDetector(), NamedPersonDetector()]
            if self.config.second_opinion is not None:
                from rempart.signals.text.second_opinion import SecondOpinionDetector

                text_detectors.append(SecondOpinionDetector(self.config.second_opinion))
        if image_detectors is None:
            from rempart.signals.hashes.detector import HashBankDetector
            from rempart.signals.image.ensemble import NudityEnsembleDetector

            nudity = NudityEnsembleDetector(threads=self.config.onnx_threads, cache_size=self.config.image_cache_size)
            image_detectors = [nudity, *_person_detectors(self.config, nudity), HashBankDetector(banks)]
        self.text_detectors = list(text_detectors)
        self.image_detectors = list(image_detectors)
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="rempart-detector")

    # -- public API ----------------------------------------------------------------
    def screen_request(self, request: ScreenRequest, *, input_errors: Sequence[InputError] = ()) -> Decision:
        """Screen a request before it reaches the generator.

        `input_errors` are problems the caller met while reading the request (a missing
        file, bad base64): they are recorded and the request fails closed.
        """
        return self._screen(request, None, input_errors)

    def screen_output(
        self, request: ScreenRequest, output: bytes, *, input_errors: Sequence[InputError] = ()
    ) -> Decision:
        """Screen a generated result, comparing it with the request's input images."""
        return self._screen(request, output, input_errors)

    def warm_up(self) -> None:
        """Load every detector's models now (service start-up), so that the first request
        does not pay for it. Detectors without models have nothing to do."""
        for det in [*self.text_detectors, *self.image_detectors]:
            warm = getattr(det, "warm_up", None)
            if callable(warm):
                warm()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        for store in (self.audit, self.banks):
            close = getattr(store, "close", None)
            if close:
                close()

    def __enter__(self) -> "Gate":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- pipeline --------------------------------------------------------------------
    def _screen(self, request: ScreenRequest, output: bytes | None, input_errors: Sequence[InputError]) -> Decision:
        stage = "request" if output is None else "output"
        timings: dict[str, float] = {}
        t_start = time.perf_counter()
        signals: list[Signal] = []
        errors: list[dict[str, str]] = []

        def invalid(err: RempartError, what: str) -> None:
            errors.append({"code": err.code, "message": f"{what}: {err.message}"})
            signals.append(
                Signal(kinds.INPUT_INVALID, 1.0, "gate", (Note(f"{what}: {err.message}"),), {"code": err.code})
            )

        # 1. Validate and decode.
        t = time.perf_counter()
        for err in input_errors:
            invalid(err, "request")
        prompt: str | None
        try:
            prompt = check_prompt_text(request.prompt, self.config.max_prompt_chars)
        except InputError as err:
            prompt = None
            invalid(err, "prompt")
        if len(request.images) > self.config.max_images:
            invalid(
                InputError(f"{len(request.images)} images; at most {self.config.max_images}", code="TOO_MANY_IMAGES"),
                "images",
            )
        inputs = self._decode_all(request.images[: self.config.max_images], "input image", invalid)
        output_image: DecodedImage | None = None
        if output is not None:
            decoded = self._decode_all([output], "output image", invalid)
            output_image = decoded[0] if decoded else None
        timings["decode"] = _ms(t)

        # 2. Detectors.
        t = time.perf_counter()
        if prompt is not None:
            for det in self.text_detectors:
                signals.extend(self._run_text(det, prompt, request.mode.value))
        timings["text"] = _ms(t)

        t = time.perf_counter()
        input_signals: list[list[Signal]] = []
        for i, img in enumerate(inputs):
            if img is None:
                input_signals.append([])
                continue
            found = self._run_image_detectors(img, "input", i)
            input_signals.append(found)
            signals.extend(found)
        output_signals: list[Signal] = []
        if output_image is not None:
            output_signals = self._run_image_detectors(output_image, "output", 0)
            signals.extend(output_signals)
        timings["image"] = _ms(t)

        if output_image is not None and any(img is not None for img in inputs):
            t = time.perf_counter()
            signals.extend(self._compare(input_signals, output_signals))
            signals.extend(self._compare_people(inputs, output_image))
            timings["compare"] = _ms(t)

        # 3. Policy.
        t = time.perf_counter()
        evaluation = self.policy.evaluate(signals, mode=request.mode.value, tier=request.tier.value, stage=stage)
        timings["policy"] = _ms(t)

        decision = Decision(
            decision=evaluation.verdict,
            reasons=evaluation.reasons,
            request_id=request.request_id,
            stage=stage,
            policy=self.policy.label,
            signals=[s.to_dict() for s in signals],
            errors=errors,
            timings_ms=timings,
        )

        # 4. Record. A decision that cannot be recorded is not allowed through.
        t = time.perf_counter()
        try:
            decision.audit_seq = self.audit.append(
                "decision", self._audit_payload(request, inputs, output, output_image, decision)
            )
        except Exception as exc:  # noqa: BLE001 - any storage failure must fail closed
            decision.errors.append({"code": "AUDIT_UNAVAILABLE", "message": f"audit log write failed: {exc}"})
            decision.decision = Verdict.block
            decision.reasons.insert(
                0,
                Reason(
                    code="AUDIT_UNAVAILABLE",
                    message="The decision could not be recorded in the audit log, so it is blocked.",
                    rule="<engine>",
                    decision=Verdict.block,
                ),
            )
        # The model holds its own copy of the dict: record the last two timings on it.
        decision.timings_ms.update(audit=_ms(t), total=_ms(t_start))
        return decision

    def _decode_all(
        self, blobs: Sequence[bytes], what: str, invalid: Callable[[RempartError, str], None]
    ) -> list[DecodedImage | None]:
        out: list[DecodedImage | None] = []
        for i, data in enumerate(blobs):
            try:
                out.append(decode_image(data, limits=self.config.image_limits))
            except InputError as err:
                invalid(err, f"{what} {i}")
                out.append(None)
            except Exception as exc:  # noqa: BLE001 - a decoder crash is still a bad input
                invalid(InputError(f"could not be decoded ({type(exc).__name__})", code="IMAGE_CORRUPT"), f"{what} {i}")
                out.append(None)
        return out

    def _run_text(self, det: Any, prompt: str, mode: str) -> list[Signal]:
        # Text detectors run inline: they take microseconds, and a thread hop would cost more.
        t = time.perf_counter()
        try:
            found = list(det.detect(prompt, mode=mode))
        except Exception as exc:  # noqa: BLE001
            return [_detector_error(det, f"raised {type(exc).__name__}: {exc}")]
        elapsed = time.perf_counter() - t
        if elapsed > self.config.detector_timeout_s:
            return [_detector_error(det, f"ran {elapsed:.1f}s, past its {self.config.detector_timeout_s}s deadline")]
        return found

    def _run_image_detectors(self, image: DecodedImage, role: str, index: int) -> list[Signal]:
        found: list[Signal] = []
        for det in self.image_detectors:
            future = self._pool.submit(det.detect, image, role=role, image_index=index)
            try:
                found.extend(future.result(timeout=self.config.detector_timeout_s))
            except FutureTimeout:
                future.cancel()
                found.append(_detector_error(det, f"timed out after {self.config.detector_timeout_s}s"))
            except Exception as exc:  # noqa: BLE001
                found.append(_detector_error(det, f"raised {type(exc).__name__}: {exc}"))
        return found

    def _compare(self, input_signals: list[list[Signal]], output_signals: list[Signal]) -> list[Signal]:
        from rempart.signals.image.compare import compare_edit

        # All inputs at once: a part counts as "seen before" if any input showed it, so a
        # background image among the inputs does not make the person's swimwear look new.
        try:
            return list(compare_edit([s for per in input_signals for s in per], output_signals))
        except Exception as exc:  # noqa: BLE001
            return [Signal(kinds.DETECTOR_ERROR, 1.0, "edit_compare", (Note(f"raised {exc!r}"),))]

    def _compare_people(self, inputs: list[DecodedImage | None], output_image: DecodedImage) -> list[Signal]:
        """Per-person before/after on pixels, with the boxes the nudity detector already cached."""
        from rempart.signals.image.compare import PEOPLE_COMPARATOR_NAME, compare_images_per_person

        det = next((d for d in self.image_detectors if hasattr(d, "analyse")), None)
        if det is None:
            return []
        try:
            return compare_images_per_person(det, [i for i in inputs if i is not None], output_image)
        except Exception as exc:  # noqa: BLE001 - a comparison that fails must not allow
            return [Signal(kinds.DETECTOR_ERROR, 1.0, PEOPLE_COMPARATOR_NAME, (Note(f"raised {exc!r}"),))]

    def _audit_payload(
        self,
        request: ScreenRequest,
        inputs: list[DecodedImage | None],
        output: bytes | None,
        output_image: DecodedImage | None,
        decision: Decision,
    ) -> dict[str, Any]:
        """Hashes and signals only: never pixels, never the encoded image."""
        from rempart.signals.hashes.detector import image_hashes

        def describe(img: DecodedImage | None, raw: bytes) -> dict[str, Any]:
            if img is None:
                md5 = hashlib.md5(raw, usedforsecurity=False).hexdigest()  # banks may list MD5 only
                return {"sha256": hashlib.sha256(raw).hexdigest(), "md5": md5, "decoded": False}
            return {
                **image_hashes(img),
                "width": img.width,
                "height": img.height,
                "format": img.format,
                "frames": img.n_frames,
                "decoded": True,
            }

        raw_prompt = request.prompt
        if isinstance(raw_prompt, str):
            raw_prompt = raw_prompt.encode("utf-8", "surrogatepass")
        payload: dict[str, Any] = {
            "ts": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
            "request_id": request.request_id,
            "stage": decision.stage,
            "account_id": request.account_id,
            "tier": request.tier.value,
            "mode": request.mode.value,
            "client": request.client,
            "prompt_sha256": hashlib.sha256(raw_prompt).hexdigest(),
            "prompt_bytes": len(raw_prompt),
            "inputs": [describe(img, raw) for img, raw in zip(inputs, request.images)],
            "decision": decision.decision.value,
            "policy": decision.policy,
            "reasons": [r.model_dump(mode="json") for r in decision.reasons],
            "signals": decision.signals,
            "errors": decision.errors,
        }
        if output is not None:
            payload["output"] = describe(output_image, output)
        return payload


def _person_detectors(config: GateConfig, nudity: Any = None) -> list[Any]:
    """Second face detector, possible-minor (sharing its face boxes), provenance, photo-or-render.

    With `nudity` (the ensemble, run first), the face detector also checks the ensemble's
    cached face boxes, so small faces get a dlib box and an age estimate too."""
    from rempart.signals.image.age import OnnxAgeModel, PossibleMinorDetector
    from rempart.signals.image.faces import DlibFaceDetector
    from rempart.signals.image.photo import PhotoVsRenderDetector
    from rempart.signals.image.provenance import ProvenanceDetector

    faces = DlibFaceDetector(
        working_side=config.face_working_side,
        try_rotations=config.face_rotations,
        cache_size=max(2, config.image_cache_size),  # the age estimate reuses this image's boxes
        hints=nudity if hasattr(nudity, "face_boxes") else None,
    )
    age_model = OnnxAgeModel(config.age_model, threads=config.onnx_threads) if config.age_model else None
    return [faces, PossibleMinorDetector(faces, age_model), ProvenanceDetector(), PhotoVsRenderDetector()]


def _second_opinion_from_env() -> Any:
    from rempart.signals.text.second_opinion import SecondOpinionConfig

    return SecondOpinionConfig.from_env()


def _detector_error(det: Any, why: str) -> Signal:
    name = getattr(det, "name", type(det).__name__)
    return Signal(kinds.DETECTOR_ERROR, 1.0, name, (Note(f"detector {name} {why}"),), {"detector": name})


def _ms(t: float) -> float:
    return round((time.perf_counter() - t) * 1000, 3)
