"""`rempart hash`: local hashing into an exchange file; nothing but hashes leaves."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from threatexchange.exchanges.impl.file_api import FileCollaborationConfig, LocalFileSignalExchangeAPI
from threatexchange.signal_type.md5 import VideoMD5Signal
from threatexchange.signal_type.pdq.signal import PdqSignal
from threatexchange.signal_type.pdq.pdq_utils import simple_distance
from threatexchange.signal_type.sha256 import VideoSHA256Signal

from rempart.banks.formats import MD5, PDQ, SHA256, read_hash_file
from rempart.cli.main import main
from rempart.signals.hashes.compute import hamming_hex

PHOTOS = ("coffee.jpg", "rocket.jpg", "chelsea.jpg")


@pytest.fixture
def photos(tmp_path, samples) -> Path:
    d = tmp_path / "my photos" / "private-name"
    (d / "sub").mkdir(parents=True)
    shutil.copy(samples / PHOTOS[0], d / PHOTOS[0])
    shutil.copy(samples / PHOTOS[1], d / PHOTOS[1])
    shutil.copy(samples / PHOTOS[2], d / "sub" / PHOTOS[2])
    (d / "notes.txt").write_text("not a picture")  # ignored inside directories
    return d


def by_type(records, st):
    return [r for r in records if r.signal_type == st]


def test_hashes_a_directory_recursively_and_matches_threatexchange(photos, tmp_path, capsys):
    out = tmp_path / "report.jsonl"
    assert main(["hash", str(photos), "--out", str(out), "--no-progress"]) == 0
    records = read_hash_file(out)
    assert len(records) == 9 and len(by_type(records, PDQ)) == 3
    files = sorted(photos.rglob("*.jpg"))
    assert {r.value for r in by_type(records, MD5)} == {VideoMD5Signal.hash_from_file(f) for f in files}
    assert {r.value for r in by_type(records, SHA256)} == {VideoSHA256Signal.hash_from_file(f) for f in files}
    te_pdq = {PdqSignal.hash_from_file(f) for f in files}
    for r in by_type(records, PDQ):
        assert r.quality >= 50
        # threatexchange hashes full resolution, Rempart at most 512 px: near, well within 31.
        assert min(simple_distance(r.value, t) for t in te_pdq) <= 31
    assert "9 hashes of 3/3 files" in capsys.readouterr().err


def test_file_holds_no_paths_or_pixels_unless_asked(photos, tmp_path):
    out = tmp_path / "r.jsonl"
    assert main(["hash", str(photos), "--out", str(out), "--no-progress"]) == 0
    text = out.read_text()
    assert "private-name" not in text and "coffee" not in text and "my photos" not in text
    assert len(text) < 9 * 200  # hashes only: a few lines, no image data
    assert all(r.note is None for r in read_hash_file(out))
    assert main(["hash", str(photos), "--out", str(out), "--no-progress", "--with-paths"]) == 0
    notes = {r.note for r in read_hash_file(out)}
    assert str(photos / PHOTOS[0]) in notes


def test_dihedral_hashes_find_a_rotated_copy(tmp_path, samples):
    src = tmp_path / "a.png"
    Image.open(samples / "coffee.jpg").convert("RGB").save(src)
    rotated = tmp_path / "rotated" / "b.png"
    rotated.parent.mkdir()
    Image.open(src).transpose(Image.Transpose.ROTATE_90).save(rotated)
    out = tmp_path / "d.jsonl"
    assert main(["hash", str(src), "--dihedral", "--out", str(out), "--no-progress"]) == 0
    pdqs = by_type(read_hash_file(out), PDQ)
    assert len(pdqs) == 8 and pdqs[0].tags == ()
    assert {t for r in pdqs[1:] for t in r.tags} >= {"dihedral:rot90", "dihedral:fliph", "dihedral:transpose"}
    assert main(["hash", str(rotated), "--out", str(tmp_path / "r.jsonl"), "--no-progress"]) == 0
    query = by_type(read_hash_file(tmp_path / "r.jsonl"), PDQ)[0].value
    best = min(pdqs, key=lambda r: hamming_hex(r.value, query))
    assert best.tags == ("dihedral:rot90",) and hamming_hex(best.value, query) <= 31  # a match
    assert hamming_hex(pdqs[0].value, query) > 31  # plain PDQ would miss it


def test_unreadable_files_are_reported_and_the_rest_written(photos, tmp_path, capsys):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes((photos / PHOTOS[0]).read_bytes()[:300])
    out = tmp_path / "r.txt"
    rc = main(["hash", str(photos / PHOTOS[0]), str(bad), str(tmp_path / "missing.png"),
               "--out", str(out), "--format", "te-text", "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 5
    assert f"cannot hash {bad}: IMAGE_" in err and "missing.png: IMAGE_NOT_FOUND" in err
    assert len(read_hash_file(out, "te-text")) == 3
    # threatexchange's own local-file exchange reads the te-text output
    api = LocalFileSignalExchangeAPI(FileCollaborationConfig(name="t", filename=str(out)))
    assert len(list(api.fetch_iter([PdqSignal], None))[0].updates) == 3


def test_flat_picture_gets_exact_hashes_only(tmp_path, capsys):
    flat = tmp_path / "flat.png"
    Image.fromarray(np.full((64, 64, 3), 128, np.uint8)).save(flat)
    out = tmp_path / "f.jsonl"
    assert main(["hash", str(flat), "--out", str(out), "--no-progress"]) == 0
    assert [r.signal_type for r in read_hash_file(out)] == [MD5, SHA256]
    assert "quality 0 is below 50" in capsys.readouterr().err


def test_stdout_te_csv_and_usage_errors(photos, capsys):
    assert main(["hash", str(photos / PHOTOS[0]), "--format", "te-csv", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "signal_type,signal_str,collab,category,tags" and len(out.splitlines()) == 4
    assert hashlib.md5((photos / PHOTOS[0]).read_bytes()).hexdigest() in out
    with pytest.raises(SystemExit) as ei:
        main(["hash", str(photos), "--format", "xml"])
    assert ei.value.code == 2


def test_empty_directory_and_unwritable_output(tmp_path, photos, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["hash", str(tmp_path / "empty"), "--no-progress"]) == 5
    assert "no picture files" in capsys.readouterr().err
    assert main(["hash", str(photos), "--out", str(tmp_path / "no" / "dir" / "x.jsonl"), "--no-progress"]) == 5
    assert "cannot write" in capsys.readouterr().err
