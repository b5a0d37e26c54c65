"""Hash exchange files: round trips, every refusal with its line, threatexchange interop."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from threatexchange.cli.dataset_cmd import DatasetCommand
from threatexchange.cli.hash_cmd import HashCommand
from threatexchange.content_type.photo import PhotoContent
from threatexchange.exchanges.fetch_state import FetchedSignalMetadata
from threatexchange.exchanges.impl.file_api import FileCollaborationConfig, LocalFileSignalExchangeAPI
from threatexchange.signal_type.md5 import VideoMD5Signal
from threatexchange.signal_type.pdq.signal import PdqSignal
from threatexchange.signal_type.sha256 import VideoSHA256Signal

from rempart.banks.formats import (
    MD5,
    PDQ,
    SHA256,
    HashFileError,
    HashRecord,
    parse_hash_bytes,
    read_hash_file,
    record_from_entry,
    store_rows,
    write_hash_file,
)
from rempart.banks.store import BankStore
from rempart.errors import InputError

P1 = PdqSignal.get_examples()[0]
P2 = PdqSignal.get_examples()[-1]
M1 = VideoMD5Signal.get_examples()[0]
S1 = VideoSHA256Signal.get_examples()[0]
RECORDS = [
    HashRecord(PDQ, P1, 93, ("victim-report", "dihedral:rot90"), "reported 2026-01-05"),
    HashRecord(PDQ, P2),
    HashRecord(MD5, M1, tags=("x",)),
    HashRecord(SHA256, S1, note="ünïcode note"),
]


def write(tmp_path: Path, text: str | bytes, name: str = "h.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode() if isinstance(text, str) else text)
    return p


# --------------------------------------------------------------------------- records


def test_signal_type_names_are_threatexchanges():
    assert (PDQ, MD5, SHA256) == (PdqSignal.get_name(), VideoMD5Signal.get_name(), VideoSHA256Signal.get_name())
    assert HashRecord("md5", M1.upper()).signal_type == MD5 and HashRecord("md5", M1.upper()).value == M1
    assert HashRecord("SHA256", " " + S1 + " ").signal_type == SHA256


@pytest.mark.parametrize("kwargs, fragment", [
    ({"signal_type": "photodna", "value": P1}, "unknown signal type"),
    ({"signal_type": PDQ, "value": P1[:-1]}, "64 hex digits"),
    ({"signal_type": PDQ, "value": "g" * 64}, "64 hex digits"),
    ({"signal_type": MD5, "value": S1}, "32 hex digits"),
    ({"signal_type": SHA256, "value": M1}, "64 hex digits"),
    ({"signal_type": PDQ, "value": P1, "quality": 101}, "quality must be an integer 0..100"),
    ({"signal_type": PDQ, "value": P1, "quality": True}, "quality must be an integer 0..100"),
    ({"signal_type": MD5, "value": M1, "quality": 80}, "quality applies to pdq"),
    ({"signal_type": PDQ, "value": P1, "tags": ("two words",)}, "without spaces"),
    ({"signal_type": PDQ, "value": P1, "tags": "notalist"}, "tags must be a list"),
    ({"signal_type": PDQ, "value": P1, "note": "x" * 1001}, "note must be text"),
])
def test_record_validation(kwargs, fragment):
    with pytest.raises(ValueError, match=fragment):
        HashRecord(**kwargs)


def test_threatexchange_examples_are_valid_records():
    for v in PdqSignal.get_examples():
        assert HashRecord(PDQ, v).value == v
    for v in VideoMD5Signal.get_examples():
        assert HashRecord(MD5, v).value == v


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt, keeps", [("jsonl", "all"), ("te-text", "value"), ("te-csv", "tags")])
def test_round_trip(tmp_path, fmt, keeps):
    p = tmp_path / f"out.{fmt}"
    assert write_hash_file(p, RECORDS, fmt) == 4
    back = read_hash_file(p)  # auto-detected
    assert back == read_hash_file(p, fmt)
    if keeps == "all":
        assert back == RECORDS
    else:
        assert [(r.signal_type, r.value) for r in back] == [(r.signal_type, r.value) for r in RECORDS]
        assert all(r.quality is None and r.note is None for r in back)
        assert [r.tags for r in back] == ([r.tags for r in RECORDS] if keeps == "tags" else [()] * 4)


def test_write_to_stream_and_refuses_unknown_format():
    buf = io.StringIO()
    assert write_hash_file(buf, RECORDS[:2], "te-text") == 2
    assert buf.getvalue() == f"pdq {P1}\npdq {P2}\n"
    with pytest.raises(InputError, match="unknown format"):
        write_hash_file(io.StringIO(), RECORDS, "xml")
    with pytest.raises(InputError, match="record #0"):
        write_hash_file(io.StringIO(), [("pdq", P1)], "jsonl")


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path):
    p = tmp_path / "h.jsonl"
    p.write_text("old\n")
    with pytest.raises(InputError):
        write_hash_file(p, [RECORDS[0], "junk"], "jsonl")
    assert p.read_text() == "old\n" and sorted(x.name for x in tmp_path.iterdir()) == ["h.jsonl"]


def test_empty_file_and_comments(tmp_path):
    assert read_hash_file(write(tmp_path, "")) == []
    assert read_hash_file(write(tmp_path, f"# a victim's hashes\n\npdq {P1}\n")) == [HashRecord(PDQ, P1)]


# --------------------------------------------------------------------------- refusals with line numbers


@pytest.mark.parametrize("text, line, fragment", [
    (f'{{"signal_type":"pdq","value":"{P1}"}}\n\n{{"signal_type":"pdq","value":"{P1[:-2]}"}}\n', 3, "64 hex digits"),
    (f'{{"signal_type":"pdq","value":"{P1}"}}\n{{"signal_type":"pdq","value":"{P1}",\n', 2, "not a JSON object"),
    (f'{{"signal_type":"pdq","value":"{P1}","hash":"x"}}\n', 1, "unknown field(s) 'hash'"),
    (f'{{"signal_type":"pdq"}}\n', 1, "missing field 'value'"),
    (f'{{"signal_type":"pdq","value":"{P1}","quality":250}}\n', 1, "quality must be"),
    (f'{{"signal_type":"tmk","value":"{P1}"}}\n', 1, "unknown signal type"),
    (f'{{"signal_type":"pdq","value":"{P1}"}}\n[1, 2]\n', 2, "expected a JSON object"),
    (f"pdq {P1}\nvideo_md5 {M1}\nvideo_md5 {M1}0\n", 3, "32 hex digits"),
    (f"pdq {P1}\npdq {P1} extra\n", 2, "2 fields"),
    (f"pdq {P1}\nurl_md5 {M1}\n", 2, "unknown signal type"),
    (f"signal_type,signal_str,collab,category,tags\npdq,{P1},c,POSITIVE_CLASS,a b\npdq,{P1},c\n", 3, "5 columns"),
    (f"signal_type,signal_str,collab,category,tags\npdq,{P1},c,NEGATIVE_CLASS,\n", 2, "false positive"),
    (f"signal_type,signal_str,collab,category,tags\npdq,{P1},c,MAYBE,\n", 2, "unknown category"),
    (f"signal_type,signal_str,collab,category,tags\npdq,{P1},c,,\nvideo_sha256,{M1},c,,\n", 3, "64 hex digits"),
    (f"signal_type,signal_str,collab,category,tags\n\n\npdq,\"{P1[:9]}\n{P1[9:]}\",c,,\n", 4, "64 hex digits"),
    (f"\n\nhello world, this is not a hash file\n", 3, "unrecognised hash file format"),
])
def test_bad_lines_are_named(tmp_path, text, line, fragment):
    with pytest.raises(HashFileError) as ei:
        read_hash_file(write(tmp_path, text))
    err = ei.value
    assert err.line == line, err.message
    assert fragment in err.message
    assert f":line {line}: " in err.message and err.code.startswith("HASH_")


def test_one_bad_line_refuses_the_whole_file(tmp_path):
    lines = [json.dumps({"signal_type": "pdq", "value": f"{i:064x}"}) for i in range(500)]
    lines[321] = lines[321].replace('"pdq"', '"pdqq"')
    with pytest.raises(HashFileError) as ei:
        read_hash_file(write(tmp_path, "\n".join(lines)))
    assert ei.value.line == 322


def test_wrong_format_named_explicitly_is_detected(tmp_path):
    p = write(tmp_path, f"pdq {P1}\n")
    with pytest.raises(HashFileError, match="looks like a te-text file, not jsonl") as ei:
        read_hash_file(p, "jsonl")
    assert ei.value.code == "HASH_FORMAT_MISMATCH" and ei.value.line == 1
    with pytest.raises(HashFileError, match="unknown format"):
        read_hash_file(p, "xml")


def test_images_and_binary_are_refused(tmp_path, samples):
    with pytest.raises(HashFileError, match="JPEG image, not a hash file") as ei:
        read_hash_file(samples / "coffee.jpg")
    assert ei.value.code == "HASH_FILE_NOT_TEXT" and "rempart hash" in ei.value.message
    with pytest.raises(HashFileError, match="binary data"):
        read_hash_file(write(tmp_path, b"pdq \x00\x01\x02"))


def test_invalid_utf8_names_its_line(tmp_path):
    with pytest.raises(HashFileError, match="not valid UTF-8") as ei:
        read_hash_file(write(tmp_path, f"pdq {P1}\npdq {P1}\n# caf\xe9\n".encode("latin-1")))
    assert ei.value.line == 3


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(HashFileError, match="not found") as ei:
        read_hash_file(tmp_path / "nope.jsonl")
    assert ei.value.code == "HASH_FILE_NOT_FOUND"
    with pytest.raises(HashFileError, match="directory"):
        read_hash_file(tmp_path)


def test_utf8_bom_is_accepted():
    assert parse_hash_bytes(f"\ufeffpdq {P1}\n".encode()) == [HashRecord(PDQ, P1)]


# --------------------------------------------------------------------------- threatexchange interop


class _HashSettings:
    """The one CLISettings method `threatexchange hash` uses."""

    def get_signal_types_for_content(self, content_type):
        return [PdqSignal, VideoMD5Signal, VideoSHA256Signal]


def test_threatexchange_hash_command_output_is_read(tmp_path, samples, capsys):
    # `threatexchange hash photo FILE` prints "<signal_type> <hash>" lines; run its own code.
    # (LocalFileSignalExchangeAPI.report_opinion, the other writer, opens its file with mode
    # "wta", which Python rejects, so it cannot be used.)
    HashCommand(PhotoContent, None, [samples / "coffee.jpg"]).execute(_HashSettings())
    out = capsys.readouterr().out
    records = read_hash_file(write(tmp_path, out))
    assert [r.signal_type for r in records] == [PDQ, MD5, SHA256]
    assert records[1].value == hashlib.md5((samples / "coffee.jpg").read_bytes()).hexdigest()


def test_threatexchange_local_file_api_reads_what_we_write(tmp_path):
    p = tmp_path / "ours.txt"
    write_hash_file(p, RECORDS, "te-text")
    api = LocalFileSignalExchangeAPI(FileCollaborationConfig(name="t", filename=str(p)))
    deltas = list(api.fetch_iter([PdqSignal, VideoMD5Signal, VideoSHA256Signal], None))
    assert set(deltas[0].updates) == {(r.signal_type, r.value) for r in RECORDS}


def test_threatexchange_dataset_csv_is_read(tmp_path):
    buf = io.StringIO()
    writer = csv.DictWriter(buf, ["signal_type", "signal_str", "collab", "category", "tags"])
    writer.writeheader()
    # DatasetCommand._print_csv is what `threatexchange dataset -P --csv` prints each row with.
    DatasetCommand._print_csv(None, writer, "Sample Data", PdqSignal, P1, FetchedSignalMetadata())
    DatasetCommand._print_csv(None, writer, "Sample Data", VideoMD5Signal, M1, FetchedSignalMetadata())
    p = write(tmp_path, buf.getvalue(), "te.csv")
    assert read_hash_file(p) == [HashRecord(PDQ, P1), HashRecord(MD5, M1)]


# --------------------------------------------------------------------------- bank store


def test_store_rows_import_and_export_through_a_bank(tmp_path):
    store = BankStore(str(tmp_path / "b.sqlite"))
    try:
        store.create_bank("reports", source="victim")
        assert store.add_hashes("reports", store_rows(RECORDS)) == 4
        exported = sorted((record_from_entry(e) for e in store.all_entries(bank="reports")),
                          key=lambda r: (r.signal_type, r.value))
        assert exported == sorted(RECORDS, key=lambda r: (r.signal_type, r.value))
    finally:
        store.close()
