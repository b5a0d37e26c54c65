"""`rempart provenance read|mark|dev-cert`: C2PA provenance of images."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rempart.cli.common import EXIT_OK


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("provenance", help="read or add C2PA provenance marks")
    psub = p.add_subparsers(dest="provenance_command", required=True, parser_class=type(p))
    r = psub.add_parser("read", help="what an image's C2PA manifest, XMP and generator metadata say")
    r.add_argument("path")
    r.set_defaults(handler=run_read)
    m = psub.add_parser("mark", help="embed a signed C2PA manifest in an allowed output")
    m.add_argument("input")
    m.add_argument("output")
    m.add_argument("--cert", required=True, help="PEM certificate chain, signer first")
    m.add_argument("--key", required=True, help="PEM private key of the signer")
    m.add_argument("--alg", default="es256", help="signing algorithm (default es256)")
    m.add_argument("--generator", default="unknown image model", help="name of the model that made the image")
    m.add_argument("--audit-seq", type=int, default=None, help="audit record of the allow decision")
    m.set_defaults(handler=run_mark)
    d = psub.add_parser("dev-cert", help="make a throw-away CA and signer for development (not for production)")
    d.add_argument("--out", required=True, help="directory for signer.pem (chain) and signer.key")
    d.set_defaults(handler=run_dev_cert)


def run_read(args: argparse.Namespace) -> int:
    from rempart.request.images import decode_image, load_image_file
    from rempart.signals.image.provenance import read_provenance

    prov = read_provenance(decode_image(load_image_file(args.path)))
    print(json.dumps({
        "ai_generated": prov.ai_generated,
        "source_types": sorted(set(prov.source_types)),
        "generators": sorted(set(prov.generators)),
        "c2pa_state": prov.c2pa_state,
        "evidence": prov.evidence,
    }, indent=2))
    return EXIT_OK


def run_mark(args: argparse.Namespace) -> int:
    from rempart.decision.marks import ProvenanceMarker, SigningIdentity
    from rempart.request.images import decode_image, load_image_file

    data = load_image_file(args.input)
    image = decode_image(data)  # refuses what the gate would refuse, before signing anything
    marker = ProvenanceMarker(SigningIdentity.from_files(args.cert, args.key, args.alg), generator=args.generator)
    marked = marker.mark(data, image_format=image.format, decision="allow", audit_seq=args.audit_seq)
    Path(args.output).write_bytes(marked)
    print(f"marked {args.output} ({len(marked)} bytes)", file=sys.stderr)
    return EXIT_OK


def run_dev_cert(args: argparse.Namespace) -> int:
    from rempart.decision.marks import make_dev_certificate

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    ident = make_dev_certificate()
    (out / "signer.pem").write_bytes(ident.cert_chain_pem)
    key = out / "signer.key"
    key.write_bytes(ident.private_key_pem)
    key.chmod(0o600)
    print(f"wrote {out / 'signer.pem'} and {key} (development only: not trusted by any validator)")
    return EXIT_OK
