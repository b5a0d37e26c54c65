"""Provenance marks on allowed outputs: a signed C2PA manifest saying the image is AI-made.

Only an output the gate allowed is marked. The manifest records:
  * a `c2pa.created` action with IPTC digitalSourceType `trainedAlgorithmicMedia` and the
    generator's name as software agent;
  * a `rempart.screening` assertion: the decision, the audit record's seq and the policy, so a
    marked image leads back to the audit log without carrying any personal data.

Signing uses the operator's certificate chain and private key (PEM). For development and
tests, `make_dev_certificate` makes a throw-away CA and signer; such marks verify as "Valid"
but not "Trusted", because no trust list knows that CA.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from rempart.errors import InputError, RempartError

_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


class MarkingError(RempartError):
    code = "PROVENANCE_MARK_FAILED"


@dataclass(frozen=True)
class SigningIdentity:
    cert_chain_pem: bytes  # signer first, then intermediates
    private_key_pem: bytes
    alg: str = "es256"

    @classmethod
    def from_files(cls, cert_chain: str | Path, private_key: str | Path, alg: str = "es256") -> "SigningIdentity":
        return cls(Path(cert_chain).read_bytes(), Path(private_key).read_bytes(), alg)


def make_dev_certificate(common_name: str = "rempart dev signer") -> SigningIdentity:
    """A throw-away CA + ES256 signer chain for development and tests. Not for production."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = dt.datetime.now(dt.timezone.utc)

    def name(cn: str) -> x509.Name:
        return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Rempart (development)")])

    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder().subject_name(name("rempart dev CA")).issuer_name(name("rempart dev CA"))
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    leaf = (
        x509.CertificateBuilder().subject_name(name(common_name)).issuer_name(ca.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    chain = leaf.public_bytes(pem) + ca.public_bytes(pem)
    private = key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return SigningIdentity(chain, private)


class ProvenanceMarker:
    """Adds a signed C2PA manifest to allowed outputs."""

    def __init__(self, identity: SigningIdentity, *, generator: str = "unknown image model") -> None:
        import c2pa

        self._c2pa = c2pa
        self.identity = identity
        self.generator = generator

    def mark(self, image: bytes, *, image_format: str, decision: str, audit_seq: int | None,
             policy: str | None = None, title: str = "generated image") -> bytes:
        """The same image with a C2PA manifest embedded. Refuses anything but an allowed output."""
        if decision != "allow":
            raise MarkingError(f"only allowed outputs are marked, this one was {decision!r}")
        mime = _MIME.get(image_format.upper())
        if mime is None:
            raise InputError(f"cannot embed a C2PA manifest in {image_format}; use JPEG, PNG or WebP", code="MARK_FORMAT")
        manifest = {
            "claim_generator_info": [{"name": "rempart", "version": _version()}],
            "title": title,
            "assertions": [
                {"label": "c2pa.actions", "data": {"actions": [{
                    "action": "c2pa.created",
                    "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                    "softwareAgent": {"name": self.generator},
                }]}},
                {"label": "rempart.screening", "data": {"decision": decision, "audit_seq": audit_seq, "policy": policy}},
            ],
        }
        c2pa = self._c2pa
        info = c2pa.C2paSignerInfo(self.identity.alg.encode(), self.identity.cert_chain_pem, self.identity.private_key_pem, None)
        out = io.BytesIO()
        try:
            signer = c2pa.Signer.from_info(info)
            with c2pa.Builder(manifest) as builder:
                builder.sign(signer, mime, io.BytesIO(image), out)
        except Exception as exc:  # noqa: BLE001 - c2pa's own error types; surface one clear error
            raise MarkingError(f"C2PA signing failed: {exc}") from exc
        return out.getvalue()


def _version() -> str:
    from rempart import __version__

    return __version__
