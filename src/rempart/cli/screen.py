"""`rempart screen`: one request, or a JSONL batch (the evaluation contract).

Batch contract (stable): each input line is
    {"id": ..., "prompt": ..., "mode": ..., "image": PATH or null, "output": PATH or null}
(optional: "tier", "account_id"; "image" may also be a list of paths). Each output line is
the decision object with the same "id" added: {"id": ..., "decision": "block", "reasons": [...], ...}.
Every input line yields exactly one output line, in order; a malformed line yields a
fail-closed `block` with an error, never a gap. Relative image paths are resolved against
the current directory, then against the batch file's directory.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterator

from rempart.decision.model import Decision
from rempart.errors import InputError
from rempart.request.images import load_image_file
from rempart.request.model import ScreenRequest


def _gate(args: argparse.Namespace):
    from rempart.cli.main import make_policy
    from rempart.decision.gate import Gate, GateConfig

    return Gate(make_policy(args), GateConfig(db_path=args.db))


def run_single(args: argparse.Namespace) -> int:
    from rempart.cli.main import _VERDICT_EXIT

    gate = _gate(args)
    try:
        decision = screen_paths(
            gate,
            prompt=args.prompt,
            mode=args.mode or ("edit" if args.image else "generate"),
            images=args.image,
            output=args.output,
            tier=args.tier,
            account_id=args.account,
        )
    finally:
        gate.close()
    if args.json:
        print(decision.model_dump_json(indent=2))
    else:
        print(format_decision(decision))
    for err in decision.errors:
        print(f"rempart: {err['code']}: {err['message']}", file=sys.stderr)
    return _VERDICT_EXIT[decision.decision.value]


def screen_paths(
    gate,
    *,
    prompt: str | bytes,
    mode: str,
    images: list[str],
    output: str | None,
    tier: str = "anonymous",
    account_id: str | None = None,
    base_dir: Path | None = None,
    request_id: str | None = None,
) -> Decision:
    """Read image files (fail closed on unreadable ones) and screen."""
    errors: list[InputError] = []
    blobs: list[bytes] = []
    for path in images:
        try:
            blobs.append(load_image_file(_resolve(path, base_dir)))
        except InputError as err:
            errors.append(err)
    extra: dict[str, Any] = {"request_id": request_id} if request_id else {}
    request = ScreenRequest(prompt=prompt, mode=mode, images=blobs, tier=tier, account_id=account_id, **extra)
    if output is None:
        return gate.screen_request(request, input_errors=errors)
    try:
        out_bytes = load_image_file(_resolve(output, base_dir))
    except InputError as err:
        errors.append(err)
        out_bytes = b""
    return gate.screen_output(request, out_bytes, input_errors=errors)


def _resolve(path: str, base_dir: Path | None) -> str:
    p = Path(path)
    if p.is_absolute() or p.exists() or base_dir is None:
        return str(p)
    alt = base_dir / p
    return str(alt) if alt.exists() else str(p)


def run_batch(args: argparse.Namespace) -> int:
    from rempart.cli.progress import Progress

    in_path = Path(args.batch)
    if not in_path.is_file():
        print(f"rempart: batch file not found: {in_path}", file=sys.stderr)
        return 5
    with in_path.open("rb") as fh:
        total = sum(1 for _ in fh)
    gate = _gate(args)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    progress = Progress(total, enabled=not args.no_progress)
    workers = max(1, args.workers)
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for result in _ordered_map(pool, lambda item: _screen_line(gate, item, in_path.parent), _lines(in_path), workers * 4):
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                progress.update(result["decision"])
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
        gate.close()
    return 0


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            yield n, raw


def _ordered_map(pool: ThreadPoolExecutor, fn, items, window: int):
    """Like pool.map, but holds at most `window` items in flight (bounded memory)."""
    pending = []
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.pop(0).result()
    for fut in pending:
        yield fut.result()


def _screen_line(gate, item: tuple[int, bytes], base_dir: Path) -> dict[str, Any]:
    line_no, raw = item
    line_id: Any = line_no
    try:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"line {line_no} is not valid UTF-8 (byte {exc.start})", code="BATCH_LINE_INVALID") from None
        if not text.strip():
            raise InputError(f"line {line_no} is empty", code="BATCH_LINE_INVALID")
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {line_no} is not JSON: {exc.msg}", code="BATCH_LINE_INVALID") from None
        if not isinstance(obj, dict):
            raise InputError(f"line {line_no} must be a JSON object", code="BATCH_LINE_INVALID")
        line_id = obj.get("id", line_no)
        prompt = obj.get("prompt")
        if not isinstance(prompt, str):
            raise InputError(f"line {line_no}: 'prompt' must be a string", code="BATCH_LINE_INVALID")
        image = obj.get("image")
        images = [] if image is None else image if isinstance(image, list) else [image]
        if not all(isinstance(p, str) for p in images):
            raise InputError(f"line {line_no}: 'image' must be a path, a list of paths or null", code="BATCH_LINE_INVALID")
        mode = obj.get("mode") or ("edit" if images else "generate")
        if mode not in ("edit", "generate"):
            raise InputError(f"line {line_no}: 'mode' must be edit or generate", code="BATCH_LINE_INVALID")
        tier = obj.get("tier") or "anonymous"
        if tier not in ("anonymous", "free", "subscriber", "verified_adult"):
            raise InputError(f"line {line_no}: unknown tier {tier!r}", code="BATCH_LINE_INVALID")
        output = obj.get("output")
        if output is not None and not isinstance(output, str):
            raise InputError(f"line {line_no}: 'output' must be a path or null", code="BATCH_LINE_INVALID")
        decision = screen_paths(
            gate,
            prompt=prompt,
            mode=mode,
            images=images,
            output=output,
            tier=tier,
            account_id=obj.get("account_id") if isinstance(obj.get("account_id"), str) else None,
            base_dir=base_dir,
        )
    except InputError as err:
        # A line we cannot even parse still gets a recorded, fail-closed decision.
        decision = gate.screen_request(ScreenRequest(prompt="", mode="generate"), input_errors=[err])
    return {"id": line_id, **decision.model_dump(mode="json")}


def format_decision(d: Decision) -> str:
    head = {"allow": "ALLOW", "block": "BLOCK", "review": "REVIEW"}[d.decision.value]
    lines = [f"{head}  request {d.request_id[:12]}  stage {d.stage}  audit #{d.audit_seq}  policy {d.policy}"]
    for r in d.reasons:
        lines.append(f"  - {r.code}: {r.message}")
        for s in r.signals:
            lines.append(f"      {s['kind']} {s['score']:.2f} ({s['detector']}){_evidence_brief(s['evidence'])}")
    if not d.reasons:
        lines.append("  no policy rule matched")
    lines.append(f"  {d.timings_ms.get('total', 0):.1f} ms")
    return "\n".join(lines)


def _evidence_brief(evidence: list[dict[str, Any]], limit: int = 3) -> str:
    parts = []
    for ev in evidence[:limit]:
        t = ev.get("type")
        if t == "text_span":
            parts.append(f'"{ev["text"]}" [{ev["start"]}:{ev["end"]}]')
        elif t == "image_box":
            parts.append(f'{ev["label"]} at {ev["x"]},{ev["y"]} {ev["w"]}x{ev["h"]} ({ev["role"]})')
        elif t == "hash_match":
            parts.append(f'{ev["algorithm"]} match in bank {ev["bank"]} (distance {ev["distance"]})')
        elif t == "note":
            parts.append(ev["text"])
    more = f" +{len(evidence) - limit} more" if len(evidence) > limit else ""
    return (": " + "; ".join(parts) + more) if parts else ""
