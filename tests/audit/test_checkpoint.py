"""Signed checkpoints: the Go signed-note reference vector, round trips, and tampering."""

import base64
import os
import stat

import pytest

from rempart.audit.checkpoint import (
    Checkpoint,
    CheckpointError,
    CheckpointFormatError,
    CheckpointSignatureError,
    generate_key,
    key_hash,
    load_key,
    load_verifier_key,
    open_note,
    parse_checkpoint,
    parse_signer_key,
    parse_verifier_key,
    save_key,
    sign_checkpoint,
    sign_note,
    verify_checkpoint,
)
from rempart.errors import AuditIntegrityError

# golang.org/x/mod/sumdb/note note_test.go. Ed25519 signatures are deterministic (RFC 8032), so
# signing this text with this key must give Go's note byte for byte.
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
GO_NOTE = (GO_TEXT + "\n\u2014 PeterNeumann "
           "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n")

ORIGIN = "rempart.example/audit"
ROOT = bytes.fromhex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")


@pytest.fixture(scope="module")
def key():
    return generate_key("rempart.example")


# --------------------------------------------------------------------------- reference vector


def test_go_reference_keys():
    sk = parse_signer_key(GO_SKEY)
    assert sk.verifier_key == GO_VKEY
    assert sk.signer_key() == GO_SKEY
    vk = parse_verifier_key(GO_VKEY)
    assert vk.key_hash.hex() == "c74f20a3" == key_hash("PeterNeumann", vk.public_bytes).hex()
    assert str(vk) == GO_VKEY


def test_go_reference_note_signed_byte_for_byte():
    assert sign_note(GO_TEXT, parse_signer_key(GO_SKEY)) == GO_NOTE
    text, sigs = open_note(GO_NOTE, GO_VKEY)
    assert text == GO_TEXT and [s.name for s in sigs] == ["PeterNeumann"]
    with pytest.raises(CheckpointSignatureError):
        open_note(GO_NOTE.replace("cryptography", "cryptographY"), GO_VKEY)


def test_mangled_verifier_keys_rejected():
    # As Go's TestNewVerifier: every proper substring and every single-byte increment fails.
    b = GO_VKEY
    for i in range(len(b) + 1):
        for j in range(i + 1, len(b) + 1):
            if (i, j) != (0, len(b)):
                with pytest.raises(ValueError):
                    parse_verifier_key(b[i:j])
    for i in range(len(b)):
        with pytest.raises(ValueError):
            parse_verifier_key(b[:i] + chr(ord(b[i]) + 1) + b[i + 1:])


# --------------------------------------------------------------------------- round trips


def test_checkpoint_round_trip(key):
    note = sign_checkpoint(ORIGIN, 8, ROOT, key)
    body, sig = note.split("\n\n")
    assert body == f"{ORIGIN}\n8\n{base64.b64encode(ROOT).decode()}"
    assert sig.startswith("\u2014 rempart.example ") and sig.endswith("\n")
    raw = base64.b64decode(sig.split(" ")[2])
    assert raw[:4] == key.key_hash and len(raw) == 68
    cp = verify_checkpoint(note, key.verifier_key)
    assert (cp.origin, cp.size, cp.root, cp.extensions) == (ORIGIN, 8, ROOT, ())
    assert verify_checkpoint(note.encode(), parse_verifier_key(key.verifier_key), origin=ORIGIN) == cp
    assert cp.text + "\n" + sig == note


def test_checkpoint_with_extensions_and_zero_size(key):
    note = sign_checkpoint(ORIGIN, 0, ROOT, key, extensions=["ext one", "timestamp 1700000000"])
    cp = verify_checkpoint(note, key.verifier_key)
    assert cp.size == 0 and cp.extensions == ("ext one", "timestamp 1700000000")


def test_parse_without_verifying(key):
    cp = parse_checkpoint(sign_checkpoint(ORIGIN, 123456789, ROOT, key))
    assert isinstance(cp, Checkpoint) and cp.size == 123456789 and cp.root == ROOT
    assert cp.signatures[0].name == "rempart.example" and cp.signatures[0].key_hash == key.key_hash
    assert cp.to_dict()["root"] == ROOT.hex()


def test_cosigned_checkpoint_verifies_with_either_key(key):
    witness = generate_key("witness.example")
    note = sign_checkpoint(ORIGIN, 8, ROOT, key)
    cosig = sign_note(parse_checkpoint(note).text, witness).split("\n\n")[1]
    both = note + cosig
    assert verify_checkpoint(both, key.verifier_key).signatures[0].name == "rempart.example"
    assert verify_checkpoint(both, witness.verifier_key).signatures[0].name == "witness.example"
    assert len(verify_checkpoint(both, [key.verifier_key, witness.verifier_key]).signatures) == 2


# --------------------------------------------------------------------------- tampering


def test_every_one_byte_change_fails(key):
    note = sign_checkpoint(ORIGIN, 40, ROOT, key, extensions=["x"]).encode("utf-8")
    verify_checkpoint(note, key.verifier_key)
    for i in range(len(note)):
        for delta in (0x01, 0x20):
            bad = note[:i] + bytes([note[i] ^ delta]) + note[i + 1:]
            with pytest.raises(CheckpointError):
                verify_checkpoint(bad, key.verifier_key)
    for i in range(len(note)):  # a deleted byte too
        with pytest.raises(CheckpointError):
            verify_checkpoint(note[:i] + note[i + 1:], key.verifier_key)


def test_wrong_key_fails(key):
    note = sign_checkpoint(ORIGIN, 8, ROOT, key)
    other = generate_key("rempart.example")  # same name, other key: other key hash
    with pytest.raises(CheckpointSignatureError, match="no signature by a known key"):
        verify_checkpoint(note, other.verifier_key)
    # Right name and key hash but a signature by another key: a forgery, not an unknown signer.
    sig = other.sign(parse_checkpoint(note).text.encode())
    forged_line = "\u2014 rempart.example " + base64.b64encode(key.key_hash + sig).decode() + "\n"
    forged = note.split("\n\n")[0] + "\n\n" + forged_line
    with pytest.raises(CheckpointSignatureError, match="invalid signature"):
        verify_checkpoint(forged, key.verifier_key)


def test_signature_over_another_checkpoint_fails(key):
    a = sign_checkpoint(ORIGIN, 8, ROOT, key)
    b = sign_checkpoint(ORIGIN, 9, ROOT, key)
    spliced = a.split("\n\n")[0] + "\n\n" + b.split("\n\n")[1]
    with pytest.raises(CheckpointSignatureError):
        verify_checkpoint(spliced, key.verifier_key)


def test_origin_pinning(key):
    note = sign_checkpoint(ORIGIN, 8, ROOT, key)
    with pytest.raises(CheckpointFormatError, match="origin"):
        verify_checkpoint(note, key.verifier_key, origin="other.example/log")


@pytest.mark.parametrize("body", [
    f"{ORIGIN}\n08\n{base64.b64encode(ROOT).decode()}\n",  # leading zero
    f"{ORIGIN}\n-1\n{base64.b64encode(ROOT).decode()}\n",
    f"{ORIGIN}\n8\n{base64.b64encode(ROOT[:31]).decode()}\n",  # short hash
    f"{ORIGIN}\n8\n{base64.b64encode(ROOT).decode()[:-2]}9=\n",  # non-canonical padding bits
    f"{ORIGIN}\n8\n",  # no root line
    f"\n8\n{base64.b64encode(ROOT).decode()}\n",  # empty origin
])
def test_malformed_bodies_rejected_even_when_signed(key, body):
    note = body + "\n" + sign_note(GO_TEXT, key).split("\n\n")[1]
    with pytest.raises(CheckpointError):
        verify_checkpoint(note, key.verifier_key)
    # and a correctly signed malformed body still fails on format
    if "\n\n" not in body and body.strip():
        try:
            signed = sign_note(body, key)
        except CheckpointFormatError:
            return
        with pytest.raises(CheckpointFormatError):
            verify_checkpoint(signed, key.verifier_key)


def test_malformed_notes_rejected(key):
    good = sign_checkpoint(ORIGIN, 8, ROOT, key)
    sig_line = good.split("\n\n")[1]
    for bad in [good.replace("\n\n", "\n"), good[:-1], good + "\n", good.replace("\u2014", "-"),
                good.replace("\u2014 rempart.example ", "\u2014 rempart.example  "),
                good.replace(ORIGIN, ORIGIN + "\r"), good + sig_line * 100, good.encode()[:-3] + b"\xff\n"]:
        with pytest.raises(CheckpointError):
            verify_checkpoint(bad, key.verifier_key)
    with pytest.raises(CheckpointError):
        verify_checkpoint(good, "not a key")


def test_signing_refuses_bad_input(key):
    for origin, size, root in [("a\nb", 1, ROOT), ("", 1, ROOT), (ORIGIN, -1, ROOT), (ORIGIN, 1, ROOT[:5]),
                               (ORIGIN, True, ROOT)]:
        with pytest.raises(CheckpointFormatError):
            sign_checkpoint(origin, size, root, key)
    with pytest.raises(CheckpointFormatError):
        sign_checkpoint(ORIGIN, 1, ROOT, key, extensions=[""])
    for name in ["", "a b", "a+b"]:
        with pytest.raises(ValueError):
            generate_key(name)


def test_checkpoint_errors_are_audit_integrity_errors(key):
    with pytest.raises(AuditIntegrityError):
        verify_checkpoint("garbage", key.verifier_key)


# --------------------------------------------------------------------------- key files


def test_key_file_round_trip_is_owner_only(tmp_path, key):
    path = tmp_path / "audit.key"
    save_key(key, path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    loaded = load_key(path)
    assert loaded.verifier_key == key.verifier_key
    assert sign_checkpoint(ORIGIN, 3, ROOT, loaded) == sign_checkpoint(ORIGIN, 3, ROOT, key)  # deterministic
    with pytest.raises(FileExistsError):
        save_key(generate_key("x"), path)
    os.chmod(path, 0o644)
    with pytest.raises(PermissionError, match="600"):
        load_key(path)
    save_key(key, path, overwrite=True)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_verifier_key_from_file_or_string(tmp_path, key):
    pub = tmp_path / "audit.pub"
    pub.write_text(key.verifier_key + "\n")
    assert load_verifier_key(pub).key_hash == key.key_hash
    assert load_verifier_key(key.verifier_key).key_hash == key.key_hash


def test_secret_not_in_repr(key):
    # PRIVATE+KEY+<name>+<hash>+<base64>: the base64 itself may hold "+", so split from the left
    secret = key.signer_key().split("+", 4)[4]
    assert secret not in repr(key) and "PRIVATE" not in repr(key)


def test_malformed_signer_keys_rejected():
    for s in [GO_SKEY.replace("PRIVATE", "PUBLIC"), GO_SKEY.replace("c74f20a3", "c74f20a4"), GO_SKEY[:-4],
              GO_VKEY, "PRIVATE+KEY+x"]:
        with pytest.raises(ValueError):
            parse_signer_key(s)
