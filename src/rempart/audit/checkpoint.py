"""Ed25519-signed checkpoints of the audit Merkle tree, in the C2SP formats.

A checkpoint (https://c2sp.org/tlog-checkpoint) is a signed note (https://c2sp.org/signed-note):

    <origin>\\n                      e.g. "rempart.example.org/audit"
    <tree size, decimal>\\n          no leading zeros
    <base64(root hash)>\\n
    [<extension line>\\n ...]
    \\n
    — <key name> <base64(key hash (4 bytes) || Ed25519 signature (64 bytes))>\\n

The signature covers the note text, i.e. everything before the blank line (with its final
newline). key hash = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4]. Keys are
written as in Go's golang.org/x/mod/sumdb/note, so Go witnesses and verifiers accept them:

    verifier key   <name>+<hex key hash>+<base64(0x01 || public key)>
    signer key     PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 || 32-byte seed)>

Base64 is checked strictly (canonical padding bits) so that no other spelling of a signed
checkpoint verifies. Verification follows the signed-note rules: signatures by unknown keys are
ignored, a bad signature by a known key fails, and at least one known key must have signed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from rempart.errors import AuditIntegrityError

ALG_ED25519 = 0x01
SIG_PREFIX = "\u2014 "  # em dash, space
MAX_SIGNATURES = 100  # as Go's note.Open: bounds the work an untrusted note can cause
_DECIMAL_RE = re.compile(r"^(0|[1-9][0-9]*)$")


class CheckpointError(AuditIntegrityError):
    """A checkpoint or signed note is malformed or does not verify."""


class CheckpointFormatError(CheckpointError):
    pass


class CheckpointSignatureError(CheckpointError):
    pass


# --------------------------------------------------------------------------- helpers


def _b64decode_strict(s: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(s, validate=True)
    except (binascii.Error, ValueError):
        raise CheckpointFormatError(f"{what} is not valid base64") from None
    if base64.b64encode(raw).decode("ascii") != s:  # e.g. non-zero padding bits: another spelling
        raise CheckpointFormatError(f"{what} is not canonical base64")
    return raw


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _valid_name(name: str) -> bool:
    return bool(name) and "+" not in name and not any(c.isspace() or unicodedata.category(c) == "Zs" for c in name)


def key_hash(name: str, public_key: bytes) -> bytes:
    """signed-note key ID for an Ed25519 key: first 4 bytes of SHA-256(name || \\n || 0x01 || key)."""
    return hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([ALG_ED25519]) + public_key).digest()[:4]


def _pub_raw(k: Ed25519PublicKey) -> bytes:
    return k.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# --------------------------------------------------------------------------- keys


@dataclass(frozen=True)
class VerifierKey:
    name: str
    key_hash: bytes
    public_key: Ed25519PublicKey

    @property
    def public_bytes(self) -> bytes:
        return _pub_raw(self.public_key)

    def __str__(self) -> str:
        return f"{self.name}+{self.key_hash.hex()}+{_b64(bytes([ALG_ED25519]) + self.public_bytes)}"

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            self.public_key.verify(signature, message)
            return True
        except InvalidSignature:
            return False


@dataclass(frozen=True)
class SigningKey:
    name: str
    private_key: Ed25519PrivateKey

    @property
    def public_bytes(self) -> bytes:
        return _pub_raw(self.private_key.public_key())

    @property
    def key_hash(self) -> bytes:
        return key_hash(self.name, self.public_bytes)

    @property
    def verifier(self) -> VerifierKey:
        return VerifierKey(self.name, self.key_hash, self.private_key.public_key())

    @property
    def verifier_key(self) -> str:
        """The public verifier key string to publish (`name+hash+base64`)."""
        return str(self.verifier)

    def signer_key(self) -> str:
        """The secret key string (`PRIVATE+KEY+...`). Keep it out of logs."""
        seed = self.private_key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                              serialization.NoEncryption())
        return f"PRIVATE+KEY+{self.name}+{self.key_hash.hex()}+{_b64(bytes([ALG_ED25519]) + seed)}"

    def __repr__(self) -> str:  # never print the secret
        return f"SigningKey(name={self.name!r}, key_hash={self.key_hash.hex()})"

    def sign(self, message: bytes) -> bytes:
        return self.private_key.sign(message)


def generate_key(name: str) -> SigningKey:
    if not _valid_name(name):
        raise ValueError(f"key name {name!r} must be non-empty, without spaces or '+'")
    return SigningKey(name, Ed25519PrivateKey.generate())


def _split_key(s: str, parts: int, what: str) -> list[str]:
    fields = s.strip().split("+", parts - 1)  # base64 may itself contain '+'
    if len(fields) != parts:
        raise ValueError(f"malformed {what}")
    return fields


def parse_verifier_key(s: str) -> VerifierKey:
    """Parse `name+hexhash+base64(0x01 || pubkey)`; the hash must match name and key."""
    name, hash_hex, b64 = _split_key(s, 3, "verifier key")
    try:
        raw = _b64decode_strict(b64, "verifier key")
    except CheckpointFormatError:
        raise ValueError("malformed verifier key: bad base64") from None
    if not _valid_name(name) or not re.fullmatch(r"[0-9a-f]{8}", hash_hex) or len(raw) != 33 or raw[0] != ALG_ED25519:
        raise ValueError("malformed verifier key (expected name+8 hex digits+base64 of 0x01 and a 32-byte key)")
    if key_hash(name, raw[1:]) != bytes.fromhex(hash_hex):
        raise ValueError(f"verifier key {name!r}: key hash does not match the name and key")
    return VerifierKey(name, bytes.fromhex(hash_hex), Ed25519PublicKey.from_public_bytes(raw[1:]))


def parse_signer_key(s: str) -> SigningKey:
    """Parse `PRIVATE+KEY+name+hexhash+base64(0x01 || seed)`."""
    p1, p2, name, hash_hex, b64 = _split_key(s, 5, "signer key")
    try:
        raw = _b64decode_strict(b64, "signer key")
    except CheckpointFormatError:
        raise ValueError("malformed signer key: bad base64") from None
    if (p1, p2) != ("PRIVATE", "KEY") or not _valid_name(name) or not re.fullmatch(r"[0-9a-f]{8}", hash_hex) \
            or len(raw) != 33 or raw[0] != ALG_ED25519:
        raise ValueError("malformed signer key (expected PRIVATE+KEY+name+hash+base64 of 0x01 and a 32-byte seed)")
    key = SigningKey(name, Ed25519PrivateKey.from_private_bytes(raw[1:]))
    if key.key_hash.hex() != hash_hex:
        raise ValueError(f"signer key {name!r}: key hash does not match the name and key")
    return key


def save_key(key: SigningKey, path: str | Path, *, overwrite: bool = False) -> None:
    """Write the signer key to `path`, readable by its owner only (0600). Refuses to overwrite."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if overwrite else os.O_EXCL)
    fd = os.open(path, flags, 0o600)  # created 0600 atomically: never readable by others, even briefly
    try:
        os.fchmod(fd, 0o600)  # an existing file being overwritten keeps its mode otherwise
        os.write(fd, (key.signer_key() + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)


def load_key(path: str | Path) -> SigningKey:
    """Read a signer key file; refuses one that group or others can read or write."""
    st = os.stat(path)
    if os.name == "posix" and st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise PermissionError(f"signing key {str(path)!r} has mode {stat.S_IMODE(st.st_mode):o}: "
                              "it must be readable by its owner only (chmod 600)")
    return parse_signer_key(Path(path).read_text("ascii"))


def load_verifier_key(path_or_key: str | Path) -> VerifierKey:
    """A verifier key string, or a file holding one."""
    s = str(path_or_key)
    if "+" not in s or os.path.exists(s):
        s = Path(s).read_text("utf-8")
    return parse_verifier_key(s)


# --------------------------------------------------------------------------- signed notes


def sign_note(text: str, key: SigningKey) -> str:
    """Sign a note text (which must end with a newline) and return the signed note."""
    _check_text(text)
    sig = key.sign(text.encode("utf-8"))
    return f"{text}\n{SIG_PREFIX}{key.name} {_b64(key.key_hash + sig)}\n"


def _check_text(text: str) -> None:
    if not text or not text.endswith("\n") or "\n\n" in text:
        raise CheckpointFormatError("note text must be non-empty, end with a newline and have no blank line")
    if any(c < " " and c != "\n" for c in text):
        raise CheckpointFormatError("note text has a control character")


@dataclass(frozen=True)
class NoteSignature:
    name: str
    key_hash: bytes
    signature: bytes


def _split_note(note: str | bytes) -> tuple[str, list[NoteSignature]]:
    if isinstance(note, bytes):
        try:
            note = note.decode("utf-8")
        except UnicodeDecodeError:
            raise CheckpointFormatError("note is not valid UTF-8") from None
    if any((c < " " and c != "\n") or 0xD800 <= ord(c) <= 0xDFFF for c in note):
        raise CheckpointFormatError("note has a control character or invalid text")
    split = note.rfind("\n\n")
    if split < 0:
        raise CheckpointFormatError("note has no blank line before its signatures")
    text, block = note[:split + 1], note[split + 2:]
    if not block or not block.endswith("\n"):
        raise CheckpointFormatError("note's signature block is empty or does not end with a newline")
    sigs = []
    for line in block[:-1].split("\n"):
        if not line.startswith(SIG_PREFIX):
            raise CheckpointFormatError(f"signature line does not start with '{SIG_PREFIX.strip()} '")
        name, _, b64 = line[len(SIG_PREFIX):].partition(" ")
        if not _valid_name(name) or not b64:
            raise CheckpointFormatError("malformed signature line")
        raw = _b64decode_strict(b64, f"signature by {name!r}")
        if len(raw) < 5:
            raise CheckpointFormatError(f"signature by {name!r} is too short")
        sigs.append(NoteSignature(name, raw[:4], raw[4:]))
        if len(sigs) > MAX_SIGNATURES:
            raise CheckpointFormatError(f"note has more than {MAX_SIGNATURES} signatures")
    return text, sigs


def open_note(note: str | bytes,
              verifiers: VerifierKey | str | Iterable[VerifierKey | str]) -> tuple[str, list[NoteSignature]]:
    """Verify a signed note; returns (text, verified signatures). Raises CheckpointError."""
    keys = _verifier_list(verifiers)
    text, sigs = _split_note(note)
    message = text.encode("utf-8")
    ok, seen = [], set()
    for s in sigs:
        key = keys.get((s.name, s.key_hash))
        if key is None or (s.name, s.key_hash) in seen:
            continue  # signature by a key we do not know (a witness, say), or a repeat
        seen.add((s.name, s.key_hash))
        if len(s.signature) != 64 or not key.verify(message, s.signature):
            raise CheckpointSignatureError(f"invalid signature by {s.name!r} (key {s.key_hash.hex()})")
        ok.append(s)
    if not ok:
        names = ", ".join(sorted({f"{n}+{h.hex()}" for n, h in keys})) or "none"
        raise CheckpointSignatureError(f"no signature by a known key (known: {names})")
    return text, ok


def _verifier_list(verifiers: VerifierKey | str | Iterable[VerifierKey | str]) -> dict[tuple[str, bytes], VerifierKey]:
    if isinstance(verifiers, (VerifierKey, str)):
        verifiers = [verifiers]
    out = {}
    for v in verifiers:
        if isinstance(v, str):
            try:
                v = parse_verifier_key(v)
            except ValueError as e:
                raise CheckpointError(str(e)) from None
        out[(v.name, v.key_hash)] = v
    return out


# --------------------------------------------------------------------------- checkpoints


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()
    signatures: tuple[NoteSignature, ...] = ()  # as parsed; verified only from verify_checkpoint

    @property
    def text(self) -> str:
        """The note text the signature covers."""
        return "".join(line + "\n" for line in (self.origin, str(self.size), _b64(self.root), *self.extensions))

    def to_dict(self) -> dict:
        return {"origin": self.origin, "size": self.size, "root": self.root.hex(), "extensions": list(self.extensions)}


def checkpoint_text(origin: str, size: int, root: bytes, extensions: Iterable[str] = ()) -> str:
    cp = Checkpoint(origin, size, bytes(root), tuple(extensions))
    _validate(cp)
    return cp.text


def _validate(cp: Checkpoint) -> None:
    if not cp.origin or "\n" in cp.origin:
        raise CheckpointFormatError("checkpoint origin must be a non-empty line")
    if not isinstance(cp.size, int) or isinstance(cp.size, bool) or cp.size < 0:
        raise CheckpointFormatError(f"checkpoint tree size must be a non-negative int, got {cp.size!r}")
    if len(cp.root) != 32:
        raise CheckpointFormatError("checkpoint root hash must be 32 bytes (SHA-256)")
    for e in cp.extensions:
        if not e or "\n" in e:
            raise CheckpointFormatError("checkpoint extension lines must be non-empty single lines")
    _check_text(cp.text)


def sign_checkpoint(origin: str, size: int, root: bytes, key: SigningKey, extensions: Iterable[str] = ()) -> str:
    """The signed checkpoint note for tree (size, root)."""
    return sign_note(checkpoint_text(origin, size, root, extensions), key)


def _parse_body(text: str, signatures: tuple[NoteSignature, ...] = ()) -> Checkpoint:
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        raise CheckpointFormatError("checkpoint needs origin, tree size and root hash lines")
    origin, size_s, root_s, *ext = lines
    if not _DECIMAL_RE.fullmatch(size_s):
        raise CheckpointFormatError(f"checkpoint tree size {size_s[:30]!r} is not a decimal without leading zeros")
    root = _b64decode_strict(root_s, "checkpoint root hash")
    cp = Checkpoint(origin, int(size_s), root, tuple(ext), signatures)
    _validate(cp)
    return cp


def parse_checkpoint(note: str | bytes) -> Checkpoint:
    """Parse a signed checkpoint WITHOUT verifying its signatures (to show or route it)."""
    text, sigs = _split_note(note)
    return _parse_body(text, tuple(sigs))


def verify_checkpoint(note: str | bytes, verifier_key: VerifierKey | str | Iterable[VerifierKey | str],
                      *, origin: str | None = None) -> Checkpoint:
    """Verify a signed checkpoint and return it, with only its verified signatures. Raises
    CheckpointFormatError / CheckpointSignatureError (both CheckpointError)."""
    text, ok = open_note(note, verifier_key)
    cp = _parse_body(text, tuple(ok))
    if origin is not None and cp.origin != origin:
        raise CheckpointFormatError(f"checkpoint origin is {cp.origin!r}, expected {origin!r}")
    return cp
