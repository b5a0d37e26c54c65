"""`rempart eval prompts FILE.csv`: measure the gate's real decisions on a labelled prompt set.

Every row goes through `Gate.screen_request`, exactly as in production; edit rows carry a
photo of a person (by default the bundled adult portrait), read once. The audit records go
to a temporary SQLite file deleted afterwards unless `--db` is given, so an evaluation never
pollutes the real audit log. Exit 0 whenever the evaluation ran, whatever the scores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Sequence

from rempart.eval.prompts import REVIEW_AS, EvalInputError, EvalRow, Outcome, evaluate, format_report, read_rows

from rempart.cli.common import EXIT_CONFIG, EXIT_OK, EXIT_USAGE, fail
DEFAULT_IMAGE = "rempart.demo:samples/astronaut.jpg"
TIERS = ("anonymous", "free", "subscriber", "verified_adult")


def add_parser(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    e = subparsers.add_parser("eval", help="measure the gate on labelled sets")
    esub = e.add_subparsers(dest="eval_command", required=True, parser_class=type(e))
    p = esub.add_parser(
        "prompts",
        help="screen every row of a labelled CSV and print precision, recall, false blocks",
        description="CSV columns: prompt, mode (edit|generate), expected (block|allow), optional lang, category.",
    )
    # The common options minus --db: here --db must default to a throw-away file, and
    # set_defaults / conflict_handler would mutate the action shared with other commands.
    for action in common_parent._actions:  # noqa: SLF001 - what `parents=` does internally
        if action.dest not in ("help", "db"):
            p._add_action(action)  # noqa: SLF001
    p.add_argument("file", metavar="FILE.csv", help="the labelled prompts")
    p.add_argument("--db", default=None, metavar="PATH",
                   help="SQLite file for the audit records (default: a temporary file, deleted afterwards)")
    p.add_argument("--image", metavar="PATH",
                   help="photo used as the input of edit rows (default: the bundled adult portrait astronaut.jpg)")
    p.add_argument("--tier", choices=TIERS, default="anonymous", help="tier of every request (default anonymous)")
    p.add_argument("--review-as", choices=REVIEW_AS, default="block",
                   help="how a `review` verdict counts (default block: review does not reach the generator)")
    p.add_argument("--json", metavar="OUT.json", help="write every metric and misclassified row here")
    p.add_argument("--max-misclassified", type=int, default=50, metavar="N",
                   help="misclassified rows to print (default 50; the JSON has them all)")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N rows")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.eval_command != "prompts":
        raise AssertionError(args.eval_command)
    return run_prompts(args)


def run_prompts(args: argparse.Namespace) -> int:
    from rempart.cli.main import make_policy
    from rempart.cli.progress import Progress
    from rempart.decision.gate import Gate, GateConfig

    if args.limit is not None and args.limit < 1:
        return fail("--limit must be at least 1", EXIT_USAGE, "eval")
    if args.max_misclassified < 0:
        return fail("--max-misclassified must be 0 or more", EXIT_USAGE, "eval")
    path = Path(args.file)
    if not path.is_file():
        return fail(f"evaluation file not found: {path}", EXIT_CONFIG, "eval")
    try:
        rows = read_rows(path, args.limit)
    except EvalInputError as err:
        return fail(f"{path}:{err.line}: {err.message}" if err.line else f"{path}: {err.message}", EXIT_CONFIG, "eval")
    except OSError as err:
        return fail(f"cannot read {path}: {err.strerror or err}", EXIT_CONFIG, "eval")
    if not rows:
        return fail(f"{path}: no data rows", EXIT_CONFIG, "eval")

    photo: bytes | None = None
    photo_label = None
    if any(r.mode == "edit" for r in rows):
        try:
            photo, photo_label = load_photo(args.image)
        except (OSError, ValueError) as err:
            return fail(str(err), EXIT_CONFIG, "eval")

    policy = make_policy(args)  # an invalid policy raises PolicyError: main() maps it to exit 5
    progress = Progress(len(rows), label="evaluating", enabled=not args.no_progress)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="rempart-eval-") as tmp:
        db = args.db or os.path.join(tmp, "eval.sqlite")
        gate = Gate(policy, GateConfig(db_path=db))
        try:
            outcomes = screen_rows(gate, rows, photo, tier=args.tier, on_result=progress.update)
        finally:
            progress.close()
            gate.close()
    elapsed = time.perf_counter() - started

    report = evaluate(rows, outcomes, args.review_as)
    n_edit = sum(r.mode == "edit" for r in rows)
    settings: dict[str, Any] = {
        "file": str(path),
        "rows": len(rows),
        "edit_rows": n_edit,
        "generate_rows": len(rows) - n_edit,
        "tier": args.tier,
        "review_as": args.review_as,
        "policy": policy.label,
        "image": photo_label,
        "image_sha256": hashlib.sha256(photo).hexdigest() if photo else None,
        "db": args.db,
        "elapsed_s": round(elapsed, 3),
    }
    print(f"Evaluation of {path}: {len(rows)} rows ({n_edit} edit, {len(rows) - n_edit} generate), "
          f"tier {args.tier}, policy {policy.label}")
    if photo_label:
        print(f"Edit rows use the photo {photo_label}")
    print(f"Screened in {elapsed:.1f}s ({len(rows) / max(elapsed, 1e-9):,.0f} rows/s); audit records: "
          + (args.db if args.db else "temporary database, deleted"))
    print()
    print(format_report(report, max_misclassified=args.max_misclassified))
    if args.json:
        Path(args.json).write_text(
            json.dumps({"settings": settings, **report.to_dict()}, indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        print(f"\nmetrics written to {args.json}")
    return EXIT_OK


def load_photo(path: str | None) -> tuple[bytes, str]:
    """The edit rows' input photo, read once; checked now so a bad file is a clear error,
    not a column of fail-closed blocks."""
    from rempart.errors import InputError
    from rempart.request.images import decode_image

    if path is None:
        from importlib import resources

        pkg, name = DEFAULT_IMAGE.split(":")
        data = resources.files(pkg).joinpath(name).read_bytes()
        label = f"{name} (bundled)"
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise OSError(f"cannot read --image {path}: {err.strerror or err}") from None
        label = path
    try:
        decode_image(data)
    except InputError as err:
        raise ValueError(f"--image {label} cannot be used: {err.code}: {err.message}") from None
    return data, label


def screen_rows(
    gate: Any,
    rows: Sequence[EvalRow],
    photo: bytes | None,
    *,
    tier: str = "anonymous",
    on_result: Callable[[str], None] | None = None,
) -> list[Outcome]:
    """Screen each row through the gate's real request path; edit rows get `photo` as input."""
    from rempart.request.model import ScreenRequest

    outcomes: list[Outcome] = []
    for row in rows:
        images = [photo] if row.mode == "edit" and photo is not None else []
        request = ScreenRequest(prompt=row.prompt, mode=row.mode, images=images, tier=tier,
                                client={"app": "rempart-eval", "line": row.line})
        decision = gate.screen_request(request)
        verdict = decision.decision.value
        outcomes.append(Outcome(verdict, tuple(r.code for r in decision.reasons)))
        if on_result:
            on_result(verdict)
    return outcomes

