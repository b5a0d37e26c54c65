"""`rempart hash PATH...`: hash pictures on this machine and write a hash exchange file.

This is the victim's side of a hash-only report (as with StopNCII): the pictures are read
and hashed locally, and only the hashes are written, so no image ever leaves the machine.
The file holds no pixels and no file names or paths unless `--with-paths` is given.

Per picture: PDQ (with its quality; below 50 the PDQ is left out, since a weak hash would
match unrelated flat pictures), MD5 and SHA-256 of the file's bytes. `--dihedral` adds the
PDQ of the 7 rotations and mirror images, tagged `dihedral:<transform>`, so that a platform
without rotation-aware matching still finds a rotated or mirrored re-upload.

Exit status: 0 when every file was hashed; 5 when any file could not be read or decoded
(each is named on stderr; the hashes of the others are still written); 2 on bad usage.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from rempart.banks.formats import FORMATS, MD5, PDQ, SHA256, HashRecord, write_hash_file
from rempart.errors import InputError
from rempart.request.images import decode_image, load_image_file
from rempart.signals.hashes.compute import DIHEDRAL_NAMES, PDQ_MIN_QUALITY, md5_hex, pdq_dihedral, pdq_hash

from rempart.cli.common import EXIT_DATA, EXIT_OK
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".bmp", ".avif"})


def add_parser(subparsers: Any, common_parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "hash",
        help="hash pictures on this machine into a hash exchange file (no image leaves the machine)",
        description="Compute PDQ (+quality), MD5 and SHA-256 of pictures locally and write only the hashes. "
        "Directories are searched recursively for picture files.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="picture files or directories")
    p.add_argument("--out", metavar="FILE", default="-", help="where to write the hashes (default: stdout)")
    p.add_argument("--format", choices=FORMATS, default="jsonl",
                   help="jsonl (Rempart, keeps PDQ quality; default), te-text or te-csv (threatexchange)")
    p.add_argument("--dihedral", action="store_true", help="also the PDQ of the 7 rotations and mirror images")
    p.add_argument("--with-paths", action="store_true",
                   help="record each file's path in the note field (off by default: paths can identify people)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.set_defaults(handler=run)


@dataclass(frozen=True)
class HashFailure:
    path: Path
    code: str
    message: str


def iter_files(paths: list[str]) -> Iterator[Path]:
    """Files named directly (whatever their suffix) and picture files found under directories."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in IMAGE_SUFFIXES)
        else:
            yield p  # a missing file is reported by load_image_file


def hash_file(path: Path, *, dihedral: bool = False, with_path: bool = False) -> tuple[list[HashRecord], list[str]]:
    """The records for one picture, and warnings. Raises InputError if it cannot be read or decoded."""
    data = load_image_file(path)  # size limits before reading
    image = decode_image(data)  # pixel, frame and bomb limits
    note = str(path) if with_path else None
    records = [HashRecord(MD5, md5_hex(data), note=note), HashRecord(SHA256, image.sha256, note=note)]
    warnings: list[str] = []
    pixels = image.views[0].pixels
    if dihedral:
        values, quality = pdq_dihedral(pixels)  # one DCT for all 8; [0] is the plain PDQ
        names = DIHEDRAL_NAMES
    else:
        value, quality = pdq_hash(pixels)
        values, names = [value], DIHEDRAL_NAMES[:1]
    if quality < PDQ_MIN_QUALITY:
        warnings.append(f"{path}: PDQ quality {quality} is below {PDQ_MIN_QUALITY} (flat or tiny picture): "
                        "only its MD5 and SHA-256 are written")
        return records, warnings
    for name, value in zip(names, values):
        tags = () if name == "original" else (f"dihedral:{name}",)
        records.append(HashRecord(PDQ, value, quality, tags=tags, note=note))
    return records, warnings


def run(args: argparse.Namespace) -> int:
    from rempart.cli.progress import Progress

    files = list(iter_files(args.paths))
    if not files:
        print("rempart: hash: no picture files found under " + ", ".join(args.paths), file=sys.stderr)
        return EXIT_DATA
    progress = Progress(len(files), label="hashing", enabled=not args.no_progress)
    records: list[HashRecord] = []
    failures: list[HashFailure] = []
    warnings: list[str] = []
    try:
        for path in files:
            try:
                recs, warns = hash_file(path, dihedral=args.dihedral, with_path=args.with_paths)
            except InputError as err:
                failures.append(HashFailure(path, err.code, err.message))
                progress.update("failed")
                continue
            records.extend(recs)
            warnings.extend(warns)
            progress.update("ok")
    finally:
        progress.close()
    for w in warnings:
        print(f"rempart: hash: warning: {w}", file=sys.stderr)
    for f in failures:
        print(f"rempart: hash: cannot hash {f.path}: {f.code}: {f.message}", file=sys.stderr)
    try:
        if args.out == "-":
            n = write_hash_file(sys.stdout, records, args.format)
        else:
            n = write_hash_file(args.out, records, args.format)
    except OSError as err:
        print(f"rempart: hash: cannot write {args.out}: {err.strerror or err}", file=sys.stderr)
        return EXIT_DATA
    ok = len(files) - len(failures)
    where = "stdout" if args.out == "-" else args.out
    print(f"rempart: hash: {n} hashes of {ok}/{len(files)} files written to {where} ({args.format}); "
          "no image data was written or sent", file=sys.stderr)
    return EXIT_DATA if failures else EXIT_OK
