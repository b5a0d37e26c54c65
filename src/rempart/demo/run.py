"""`rempart demo`: screen the bundled sample requests against benign sample photos.

It uses exactly the batch path of `rempart screen --batch`, prints a table of decisions
with their reasons, writes the audit records to a local SQLite file and verifies them.
No sexual imagery is involved: the photos are public-domain samples, and the "reported
image" in the hash-bank example is a rocket standing in for a victim's report.
"""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

from PIL import Image


def run_demo(workdir: Path) -> int:
    from rempart.audit.log import AuditLog
    from rempart.cli.screen import _screen_line
    from rempart.decision.gate import Gate, GateConfig
    from rempart.request.images import decode_image

    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "rempart-demo.sqlite"
    for stale in workdir.glob("rempart-demo.sqlite*"):
        stale.unlink()
    base = workdir / "inputs"
    _prepare_inputs(base)

    gate = Gate(config=GateConfig(db_path=str(db)))
    try:
        # A victim's report, as a hash-only bank entry: the image itself is not stored.
        gate.banks.create_bank("demo-reports", source="victim")
        gate.banks.add_image("demo-reports", decode_image((base / "samples" / "rocket.jpg").read_bytes()))

        lines = (base / "requests.jsonl").read_bytes().splitlines()
        results = [_screen_line(gate, (n, raw), base) for n, raw in enumerate(lines, start=1)]
    finally:
        gate.close()

    (workdir / "decisions.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8"
    )
    requests = [json.loads(raw) for raw in lines]
    print(_render(requests, results))

    log = AuditLog(str(db))
    try:
        report = log.verify()
    finally:
        log.close()
    counts = {v: sum(r["decision"] == v for r in results) for v in ("allow", "review", "block")}
    print()
    print(f"{len(results)} requests: {counts['allow']} allowed, {counts['review']} to review, {counts['block']} blocked")
    print(f"audit log: {db} ({report.checked} records, chain {'intact' if report.ok else 'BROKEN'})")
    print(f"decisions: {workdir / 'decisions.jsonl'}")
    print(f"verify it yourself: rempart audit verify --db {db}")
    return 0 if report.ok else 6


def _prepare_inputs(base: Path) -> None:
    """Copy the bundled requests and photos, and derive two inputs: a benign edit result
    (black and white) and a truncated upload."""
    samples = base / "samples"
    generated = base / "generated"
    samples.mkdir(parents=True, exist_ok=True)
    generated.mkdir(parents=True, exist_ok=True)
    pkg = resources.files("rempart.demo")
    for item in pkg.joinpath("samples").iterdir():
        if item.name.endswith(".jpg"):
            (samples / item.name).write_bytes(item.read_bytes())
    (base / "requests.jsonl").write_bytes(pkg.joinpath("requests.jsonl").read_bytes())
    with Image.open(samples / "astronaut.jpg") as im:
        buf = io.BytesIO()
        im.convert("L").convert("RGB").save(buf, "PNG")
    (generated / "astronaut-bw.png").write_bytes(buf.getvalue())
    coffee = (samples / "coffee.jpg").read_bytes()
    (generated / "coffee-truncated.jpg").write_bytes(coffee[: len(coffee) // 3])


def _render(requests: list[dict], results: list[dict]) -> str:
    rows, legend = [], {}
    for req, res in zip(requests, results):
        image = Path(req["image"]).name if req.get("image") else "-"
        if req.get("output"):
            image += " -> " + Path(req["output"]).name
        codes = list(dict.fromkeys(r["code"] for r in res["reasons"])) or ["-"]
        for r in res["reasons"]:
            legend.setdefault(r["code"], r["message"])
        rows.append(([res["decision"].upper(), req.get("mode", ""), _short(req["prompt"], 34), image], codes))
    headers = ["DECISION", "MODE", "PROMPT", "IMAGE", "REASONS"]
    widths = [max(len(h), *(len(cells[i]) for cells, _ in rows)) for i, h in enumerate(headers[:-1])]
    pad = " " * (sum(widths) + 2 * len(widths))
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths + [0]))]
    for cells, codes in rows:
        out.append("  ".join(c.ljust(w) for c, w in zip(cells, widths)) + "  " + codes[0])
        out.extend(pad + code for code in codes[1:])  # one reason per line keeps codes whole
    out.append("")
    out.append("Reasons:")
    out.extend(f"  {code}: {message}" for code, message in legend.items())
    return "\n".join(out)


def _short(text: str, n: int) -> str:
    text = text.encode("unicode_escape").decode("ascii") if any(ord(c) in (0x200B, 0x200C, 0x200D) for c in text) else text
    return text if len(text) <= n else text[: n - 1] + "…"
