"""Hash exchange files: what a victim's `rempart hash` writes and `rempart bank import` reads.

Signal type names are python-threatexchange's own (`SignalType.get_name()`): "pdq",
"video_md5" and "video_sha256" (threatexchange files MD5/SHA-256 under video, but they are
plain file digests and Rempart uses them for images too). "md5" and "sha256" are accepted
as aliases on input and written under the threatexchange names. Values are checked with
threatexchange's own `validate_signal_str`.

Formats (`fmt`):
    jsonl    Rempart's: one JSON object per line,
             {"signal_type", "value", "quality"?, "tags"?, "note"?}; unknown keys are refused.
    te-text  threatexchange's simple text: "<signal_type> <value>" per line, as
             `threatexchange hash` prints it and the local-file exchange
             (`LocalFileSignalExchangeAPI`) reads and appends it. Carries type and value only.
    te-csv   threatexchange's CSV, as `threatexchange dataset -P --csv` writes it: header
             signal_type,signal_str,collab,category,tags (tags space-separated).
             Rows whose category is NEGATIVE_CLASS (a known false positive) are refused:
             they belong in an allow-list bank, not a block bank.

Reading is all-or-nothing: every line is validated before anything is returned, and the
first bad line raises `HashFileError` naming the line (1-based) and what is wrong, so a
corrupt file never half-imports. A file in another format, an image, or binary data is
recognised and refused with a hint.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterable, Sequence

from threatexchange.exchanges.fetch_state import SignalOpinionCategory
from threatexchange.signal_type.md5 import VideoMD5Signal
from threatexchange.signal_type.pdq.signal import PdqSignal
from threatexchange.signal_type.sha256 import VideoSHA256Signal

from rempart.errors import InputError

PDQ = PdqSignal.get_name()  # "pdq"
MD5 = VideoMD5Signal.get_name()  # "video_md5"
SHA256 = VideoSHA256Signal.get_name()  # "video_sha256"
SIGNAL_TYPES = {PDQ: PdqSignal, MD5: VideoMD5Signal, SHA256: VideoSHA256Signal}
ALIASES = {"md5": MD5, "sha256": SHA256, "pdq": PDQ}
DESCRIPTIONS = {PDQ: "64 hex digits", MD5: "32 hex digits", SHA256: "64 hex digits"}

FORMATS = ("jsonl", "te-text", "te-csv")
TE_CSV_FIELDS = ("signal_type", "signal_str", "collab", "category", "tags")
JSONL_FIELDS = frozenset({"signal_type", "value", "quality", "tags", "note"})

MAX_TAGS = 32
MAX_TAG_LEN = 100
MAX_NOTE_LEN = 1000
_TAG_RE = re.compile(r"^\S+$")
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
)


def canonical_signal_type(name: Any) -> str:
    """threatexchange's name for a signal type (aliases accepted); ValueError if unknown."""
    key = name.strip().lower() if isinstance(name, str) else name
    if isinstance(key, str) and key in SIGNAL_TYPES:
        return key
    if isinstance(key, str) and key in ALIASES:
        return ALIASES[key]
    known = ", ".join(SIGNAL_TYPES)
    raise ValueError(f"unknown signal type {name!r:.60} (known: {known}; aliases md5, sha256)")


def validate_value(signal_type: str, value: Any) -> str:
    """Normalise (strip, lower-case) and check a hash with threatexchange's validator."""
    if not isinstance(value, str):
        raise ValueError(f"{signal_type} value must be a string, got {type(value).__name__}")
    v = value.strip().lower()
    try:
        return SIGNAL_TYPES[signal_type].validate_signal_str(v)
    except ValueError:
        raise ValueError(
            f"{signal_type} value must be {DESCRIPTIONS[signal_type]}, got {value!r:.80}"
        ) from None


@dataclass(frozen=True)
class HashRecord:
    """One hash to share: never pixels, never a path unless the user asked for it.

    Constructing one validates and normalises it (signal type to threatexchange's name,
    lower-case hex); a bad field raises ValueError saying which and why.
    """

    signal_type: str
    value: str
    quality: int | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None

    def __post_init__(self) -> None:
        st = canonical_signal_type(self.signal_type)
        object.__setattr__(self, "signal_type", st)
        object.__setattr__(self, "value", validate_value(st, self.value))
        q = self.quality
        if q is not None and (isinstance(q, bool) or not isinstance(q, int) or not 0 <= q <= 100):
            raise ValueError(f"quality must be an integer 0..100 or absent, got {q!r:.40}")
        if q is not None and st != PDQ:
            raise ValueError(f"quality applies to pdq hashes only, not {st}")
        tags = self.tags
        if isinstance(tags, str) or not isinstance(tags, (tuple, list)):
            raise ValueError(f"tags must be a list of strings, got {type(tags).__name__}")
        if len(tags) > MAX_TAGS:
            raise ValueError(f"at most {MAX_TAGS} tags, got {len(tags)}")
        for tag in tags:
            if not isinstance(tag, str) or not _TAG_RE.fullmatch(tag) or len(tag) > MAX_TAG_LEN:
                raise ValueError(f"each tag must be 1-{MAX_TAG_LEN} characters without spaces, got {tag!r:.60}")
        object.__setattr__(self, "tags", tuple(tags))
        if self.note is not None and (not isinstance(self.note, str) or len(self.note) > MAX_NOTE_LEN):
            raise ValueError(f"note must be text of at most {MAX_NOTE_LEN} characters")

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"signal_type": self.signal_type, "value": self.value}
        if self.quality is not None:
            out["quality"] = self.quality
        if self.tags:
            out["tags"] = list(self.tags)
        if self.note is not None:
            out["note"] = self.note
        return out


class HashFileError(InputError):
    """A hash file (or body) was refused. `.line` is 1-based (0 when no line applies)."""

    code = "HASH_FILE_INVALID"

    def __init__(self, message: str, *, line: int = 0, source: str | None = None, code: str | None = None) -> None:
        self.line = line
        self.source = source
        self.problem = message
        where = f"{source}:" if source else ""
        prefix = f"{where}line {line}: " if line else (f"{where} " if where else "")
        super().__init__(prefix + message, code=code)


def record_from_dict(obj: Any) -> HashRecord:
    """A HashRecord from a JSON object (a JSONL line or an HTTP list item); ValueError if bad."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object with signal_type and value, got {type(obj).__name__}")
    unknown = sorted(set(obj) - JSONL_FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(sorted(JSONL_FIELDS))}")
    for key in ("signal_type", "value"):
        if key not in obj:
            raise ValueError(f"missing field {key!r}")
    tags = obj.get("tags") or ()
    if not isinstance(tags, list) and tags != ():
        raise ValueError(f"tags must be a list of strings, got {type(tags).__name__}")
    return HashRecord(obj["signal_type"], obj["value"], obj.get("quality"), tuple(tags), obj.get("note"))


# The bank store (rempart.banks.store) names the exact hashes "md5" and "sha256".
STORE_SIGNAL_TYPE = {PDQ: "pdq", MD5: "md5", SHA256: "sha256"}


def store_rows(records: Iterable[HashRecord]) -> list[tuple]:
    """Rows for `BankStore.add_hashes`: (signal_type, value, quality, note, tags)."""
    return [(STORE_SIGNAL_TYPE[r.signal_type], r.value, r.quality, r.note, r.tags) for r in records]


def record_from_entry(entry: Any) -> HashRecord:
    """A HashRecord from a bank entry (`BankEntry`), for exports."""
    return HashRecord(entry.signal_type, entry.value,
                      entry.quality if entry.signal_type == "pdq" else None,
                      tuple(getattr(entry, "tags", ()) or ()), entry.note)


# --------------------------------------------------------------------------- detection


def sniff_binary(data: bytes) -> str | None:
    """What a non-text body is, if it is one (images are the likely mistake)."""
    for magic, what in _IMAGE_MAGIC:
        if data.startswith(magic):
            return what
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image"
    if data[4:12] in (b"ftypavif", b"ftypheic", b"ftypmif1"):
        return "an AVIF/HEIF image"
    if b"\x00" in data[:4096]:
        return "binary data"
    return None


def detect_format(first_line: str) -> str | None:
    """The format a first non-blank line belongs to, or None when it fits none."""
    s = first_line.strip()
    if s.startswith("{"):
        return "jsonl"
    try:
        cells = next(csv.reader([s]))
    except (csv.Error, StopIteration):
        cells = []
    if [c.strip().lower() for c in cells][:2] == ["signal_type", "signal_str"]:
        return "te-csv"
    parts = s.split()
    if len(parts) == 2:
        try:
            canonical_signal_type(parts[0])
            return "te-text"
        except ValueError:
            return None
    return None


def _decode(data: bytes, source: str | None) -> str:
    what = sniff_binary(data)
    if what is not None:
        hint = " Compute its hashes on your own machine with `rempart hash` and send the file it writes." \
            if "image" in what else ""
        raise HashFileError(f"this is {what}, not a hash file: only hashes are accepted.{hint}",
                            line=1, source=source, code="HASH_FILE_NOT_TEXT")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise HashFileError(f"not valid UTF-8 (byte {e.start})", line=line, source=source,
                            code="HASH_FILE_NOT_TEXT") from None
    return text[1:] if text.startswith("\ufeff") else text


# --------------------------------------------------------------------------- reading


def parse_hash_bytes(data: bytes, fmt: str = "auto", *, source: str | None = None) -> list[HashRecord]:
    """Parse a whole hash file held in memory (HTTP bodies use this). All-or-nothing."""
    if fmt != "auto" and fmt not in FORMATS:
        raise HashFileError(f"unknown format {fmt!r}; use one of: auto, {', '.join(FORMATS)}",
                            source=source, code="HASH_FORMAT_UNKNOWN")
    text = _decode(bytes(data), source)
    lines = text.splitlines()
    first = next(((i, ln) for i, ln in enumerate(lines, 1) if ln.strip() and not ln.lstrip().startswith("#")), None)
    if first is None:
        return []
    detected = detect_format(first[1])
    if fmt == "auto":
        if detected is None:
            raise HashFileError(
                f"unrecognised hash file format: expected a JSONL object, a threatexchange CSV header "
                f"({','.join(TE_CSV_FIELDS)}) or '<signal_type> <hash>', got {first[1].strip()!r:.80}",
                line=first[0], source=source, code="HASH_FORMAT_UNKNOWN")
        fmt = detected
    elif detected is not None and detected != fmt:
        raise HashFileError(f"this looks like a {detected} file, not {fmt}: use --format {detected} (or auto)",
                            line=first[0], source=source, code="HASH_FORMAT_MISMATCH")
    reader = {"jsonl": _read_jsonl, "te-text": _read_te_text, "te-csv": _read_te_csv}[fmt]
    return reader(text, lines, source)


def read_hash_file(path: str | os.PathLike[str], fmt: str = "auto") -> list[HashRecord]:
    """Read and validate a whole hash file; raise HashFileError (with the line) on the first problem."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise HashFileError(f"hash file not found: {p}", code="HASH_FILE_NOT_FOUND") from None
    except IsADirectoryError:
        raise HashFileError(f"expected a hash file but found a directory: {p}", code="HASH_FILE_NOT_FOUND") from None
    except OSError as e:
        raise HashFileError(f"cannot read hash file {p}: {e.strerror or e}", code="HASH_FILE_UNREADABLE") from None
    return parse_hash_bytes(data, fmt, source=str(p))


def _skip(line: str) -> bool:
    s = line.strip()
    return not s or s.startswith("#")


def _read_jsonl(text: str, lines: list[str], source: str | None) -> list[HashRecord]:
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise HashFileError(f"not a JSON object: {e.msg} at column {e.colno}", line=n, source=source) from None
        try:
            out.append(record_from_dict(obj))
        except ValueError as e:
            raise HashFileError(str(e), line=n, source=source) from None
    return out


def _read_te_text(text: str, lines: list[str], source: str | None) -> list[HashRecord]:
    out = []
    for n, line in enumerate(lines, 1):
        if _skip(line):
            continue
        parts = line.split()
        if len(parts) != 2:
            raise HashFileError(f"expected '<signal_type> <hash>' (2 fields), got {len(parts)} field(s): "
                                f"{line.strip()!r:.80}", line=n, source=source)
        try:
            out.append(HashRecord(parts[0], parts[1]))
        except ValueError as e:
            raise HashFileError(str(e), line=n, source=source) from None
    return out


def _read_te_csv(text: str, lines: list[str], source: str | None) -> list[HashRecord]:
    reader = csv.reader(io.StringIO(text, newline=""))
    out = []
    header: list[str] | None = None
    end = 0
    try:
        for row in reader:
            n, end = end + 1, reader.line_num  # a quoted cell may span lines: name the row's first
            if not row or all(not c.strip() for c in row):
                continue
            if header is None:
                header = [c.strip().lower() for c in row]
                missing = [f for f in ("signal_type", "signal_str") if f not in header]
                if missing:
                    raise HashFileError(f"CSV header lacks column(s) {', '.join(missing)}", line=n, source=source)
                continue
            if len(row) != len(header):
                raise HashFileError(f"expected {len(header)} columns like the header, got {len(row)}",
                                    line=n, source=source)
            cell = dict(zip(header, row))
            category = cell.get("category", "").strip()
            if category:
                if category not in SignalOpinionCategory.__members__:
                    raise HashFileError(f"unknown category {category!r:.40} (known: "
                                        f"{', '.join(SignalOpinionCategory.__members__)})", line=n, source=source)
                if category == SignalOpinionCategory.NEGATIVE_CLASS.name:
                    raise HashFileError("category NEGATIVE_CLASS marks a known false positive: import it into "
                                        "an allow-list bank, or remove the row", line=n, source=source)
            try:
                out.append(HashRecord(cell["signal_type"], cell["signal_str"], tags=tuple(cell.get("tags", "").split())))
            except ValueError as e:
                raise HashFileError(str(e), line=n, source=source) from None
    except csv.Error as e:
        raise HashFileError(f"malformed CSV: {e}", line=end + 1, source=source) from None
    return out


# --------------------------------------------------------------------------- writing


def format_records(records: Iterable[HashRecord], fmt: str) -> str:
    """The text of a hash file holding `records` in format `fmt`."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}", code="HASH_FORMAT_UNKNOWN")
    checked = _checked(records)
    buf = io.StringIO(newline="")
    if fmt == "jsonl":
        for r in checked:
            buf.write(json.dumps(r.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
    elif fmt == "te-text":
        for r in checked:
            buf.write(f"{r.signal_type} {r.value}\n")
    else:
        # lineterminator "\n": the csv module's default "\r\n" would differ from threatexchange's
        # stdout output on Unix only by line ends, but plain "\n" is what other tools expect.
        writer = csv.DictWriter(buf, TE_CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for r in checked:
            writer.writerow({"signal_type": r.signal_type, "signal_str": r.value, "collab": "",
                             "category": SignalOpinionCategory.POSITIVE_CLASS.name, "tags": " ".join(r.tags)})
    return buf.getvalue()


def write_hash_file(dest: str | os.PathLike[str] | IO[str], records: Iterable[HashRecord], fmt: str) -> int:
    """Write records to a path (atomically: a crash never leaves half a file) or a text stream.
    Returns how many records were written."""
    records = list(records)
    text = format_records(records, fmt)
    if hasattr(dest, "write"):
        dest.write(text)  # type: ignore[union-attr]
        return len(records)
    p = Path(dest)  # type: ignore[arg-type]
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent if str(p.parent) else ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return len(records)


def _checked(records: Iterable[HashRecord]) -> Sequence[HashRecord]:
    out = []
    for i, r in enumerate(records):
        if not isinstance(r, HashRecord):
            raise InputError(f"record #{i}: expected a HashRecord, got {type(r).__name__}", code="HASH_INVALID")
        out.append(r)
    return out
