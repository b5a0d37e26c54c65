"""HTTP endpoints for hash-only reports.

    POST /v1/banks/{bank}/hashes   add hashes to an existing bank (hashes only, never images)
    POST /v1/hashes/check          which banks hold (or nearly hold) the given hashes

Both take either JSON (a list of {"signal_type", "value", "quality"?, "tags"?, "note"?}
objects, or {"hashes": [...]}) or a hash exchange file as the body (text/plain,
application/x-ndjson, text/csv; see rempart.banks.formats), `?format=` to name its format.

Images are refused (415 IMAGES_REFUSED) whatever the content type says: a victim hashes her
pictures on her own device (`rempart hash`) and only the hashes travel. A malformed entry
refuses the whole request (422) and the error names the item index or file line; nothing
is added.

`check` matches through the process's shared incremental `BankMatcher` (the gate's hash
detector's, when the gate has one): the same per-bank thresholds, minimum PDQ quality,
enabled flags, allow-lists and withdrawals as screening, at the matcher's version (it
applies the store's change log at most every 200 ms; never a scan per request). Each result
lists every hit, allow and block, with `blocked` (a block hit and no allow hit) and
`allowlisted` (an allow hit cancelled the block hits).

Both endpoints need `Authorization: Bearer <token>` where the token is the environment
variable REMPART_BANK_TOKEN (at least 16 characters). Without it configured the endpoints
answer 503: they fail closed, never open. `check` needs the token too, since answering it
tells a caller whether a picture is banked, which helps anyone trying to evade the banks.
"""

from __future__ import annotations

import hmac
import json
import os
import threading
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from rempart.banks.formats import (
    FORMATS,
    STORE_SIGNAL_TYPE,
    HashFileError,
    HashRecord,
    parse_hash_bytes,
    record_from_dict,
    sniff_binary,
    store_rows,
)
from rempart.banks.matcher import BankHit, BankMatcher
from rempart.errors import RempartError

TOKEN_ENV = "REMPART_BANK_TOKEN"
MIN_TOKEN_LEN = 16
MAX_BODY_BYTES = 16 * 1024 * 1024
MAX_RECORDS = 100_000
MAX_CHECK = 1_000
FILE_TYPES = frozenset({"text/plain", "text/csv", "application/x-ndjson", "application/jsonl",
                        "application/x-jsonlines", "application/jsonlines"})

router = APIRouter(tags=["hash banks"])


class _Refused(Exception):
    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        self.status, self.code, self.message, self.extra = status, code, message, extra

    def response(self) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if self.status == 401 else None
        return JSONResponse(status_code=self.status, headers=headers,
                            content={"error": {"code": self.code, "message": self.message, **self.extra}})


def _authorize(http: Request) -> None:
    token = os.environ.get(TOKEN_ENV, "")
    if len(token.strip()) < MIN_TOKEN_LEN:
        why = "not configured" if not token.strip() else f"shorter than {MIN_TOKEN_LEN} characters"
        raise _Refused(503, "BANK_API_DISABLED",
                       f"the hash bank endpoints are disabled: {TOKEN_ENV} is {why}")
    scheme, _, given = http.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise _Refused(401, "UNAUTHORIZED", "send Authorization: Bearer <token>")
    if not hmac.compare_digest(given.strip().encode(), token.strip().encode()):
        raise _Refused(401, "UNAUTHORIZED", "invalid bearer token")


def _store(http: Request):
    store = getattr(http.app.state, "bank_store", None)
    if store is None:
        store = http.app.state.gate.banks
    return store


# --------------------------------------------------------------------------- body parsing


def _images_refused(what: str) -> _Refused:
    return _Refused(415, "IMAGES_REFUSED",
                    f"{what}: this endpoint accepts hashes only. Compute them on your own machine with "
                    "`rempart hash PATH --out hashes.jsonl` and send that file.")


async def _read_records(http: Request, limit: int) -> list[HashRecord]:
    length = http.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BODY_BYTES:
        raise _Refused(413, "PAYLOAD_TOO_LARGE", f"body over {MAX_BODY_BYTES} bytes")
    ctype = http.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype.startswith("image/") or ctype.startswith("video/") or ctype.startswith("multipart/"):
        raise _images_refused(f"content type {ctype}")
    body = await http.body()
    if len(body) > MAX_BODY_BYTES:
        raise _Refused(413, "PAYLOAD_TOO_LARGE", f"body over {MAX_BODY_BYTES} bytes")
    sniffed = sniff_binary(body)
    if sniffed is not None:
        if "image" in sniffed:
            raise _images_refused(f"the body is {sniffed}")
        raise _Refused(415, "UNSUPPORTED_MEDIA_TYPE", f"the body is {sniffed}; send JSON or a hash file")
    if ctype == "application/json":
        records = _records_from_json(body)
    elif ctype in FILE_TYPES:
        fmt = http.query_params.get("format", "auto")
        if fmt != "auto" and fmt not in FORMATS:
            raise _Refused(400, "HASH_FORMAT_UNKNOWN", f"format must be auto or one of {', '.join(FORMATS)}")
        try:
            records = parse_hash_bytes(body, fmt)
        except HashFileError as e:
            raise _Refused(422, e.code, e.message, line=e.line) from None
    else:
        raise _Refused(415, "UNSUPPORTED_MEDIA_TYPE",
                       "send application/json or a hash file as text/plain, application/x-ndjson or text/csv")
    if not records:
        raise _Refused(422, "HASH_INVALID", "no hashes in the request")
    if len(records) > limit:
        raise _Refused(413, "TOO_MANY_HASHES", f"{len(records)} hashes; at most {limit} per request")
    return records


def _records_from_json(body: bytes) -> list[HashRecord]:
    try:
        raw = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise _Refused(400, "INVALID_UTF8", f"body is not valid UTF-8 (byte {e.start})") from None
    except json.JSONDecodeError as e:
        raise _Refused(400, "INVALID_JSON", f"body is not JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
    if isinstance(raw, dict) and set(raw) == {"hashes"}:
        raw = raw["hashes"]
    if not isinstance(raw, list):
        if isinstance(raw, dict) and any("image" in str(k).lower() for k in raw):
            raise _images_refused("the body carries an image field")
        raise _Refused(422, "HASH_INVALID", 'expected a JSON list of hash objects, or {"hashes": [...]}')
    out = []
    for i, item in enumerate(raw):
        if isinstance(item, dict) and any("image" in str(k).lower() for k in item):
            raise _images_refused(f"item {i} carries an image field")
        try:
            out.append(record_from_dict(item))
        except ValueError as e:
            raise _Refused(422, "HASH_INVALID", f"item {i}: {e}", index=i) from None
    return out


# --------------------------------------------------------------------------- matching


_matcher_lock = threading.Lock()


def shared_matcher(app) -> BankMatcher:
    """The process's one incremental BankMatcher over the gate's bank store: the gate's hash
    detector's own when it has one (so screening and this endpoint see the same version),
    else one made on first use and kept in `app.state.bank_matcher`. Never a per-request
    scan: the matcher applies the store's change log (adds, withdrawals, bank settings)."""
    with _matcher_lock:
        matcher = getattr(app.state, "bank_matcher", None)
        store = getattr(app.state, "bank_store", None) or app.state.gate.banks
        if matcher is not None and matcher.store is store:
            return matcher
        for det in getattr(app.state.gate, "image_detectors", ()) or ():
            m = getattr(det, "matcher", None)
            if isinstance(m, BankMatcher) and m.store is store:
                matcher = m
                break
        else:
            matcher = BankMatcher(store)
        app.state.bank_matcher = matcher
        return matcher


def _match_doc(info, hit: BankHit) -> dict[str, Any]:
    return {"bank": hit.bank, "source": info.source if info else None, "entry_id": hit.entry_id,
            "distance": hit.distance, "kind": hit.kind}  # kind "allow": a known false positive


def _check(matcher: BankMatcher, records: list[HashRecord]) -> dict[str, Any]:
    """The detector's semantics, per hash: enabled banks only, each PDQ hit within its own
    bank's threshold, a PDQ hash of known quality below a bank's minimum not matched against
    it, and an allow-list hit cancelling the block hits (both are listed)."""
    matcher.maybe_refresh()
    banks = matcher.banks()
    version = matcher.version
    results = []
    for i, r in enumerate(records):
        signal_type = STORE_SIGNAL_TYPE[r.signal_type]
        if signal_type == "pdq":
            hits = matcher.match_pdq(r.value, r.quality)
        else:
            hits = matcher.match_exact(signal_type, r.value)
        hits.sort(key=lambda h: (h.distance, h.kind != "allow", h.bank, h.entry_id))
        allowlisted = any(h.kind == "allow" for h in hits)
        blocked = not allowlisted and any(h.kind == "block" for h in hits)
        results.append({"index": i, "signal_type": r.signal_type, "value": r.value,
                        "matches": [_match_doc(banks.get(h.bank), h) for h in hits],
                        "blocked": blocked, "allowlisted": allowlisted})
    return {"bank_version": version, "results": results,
            "matched": sum(r["blocked"] for r in results),
            "allowlisted": sum(r["allowlisted"] for r in results)}


# --------------------------------------------------------------------------- endpoints


def _add(store, bank: str, records: list[HashRecord], matcher: BankMatcher) -> dict[str, Any]:
    added = store.add_hashes(bank, store_rows(records))  # all-or-nothing; unknown bank -> 404
    if added and matcher.loaded:
        try:
            matcher.refresh()  # this process screens against the new hashes at once (a delta, no rebuild)
        except RempartError:
            pass  # the hashes are stored; the matcher catches up at its next refresh
    return {"bank": bank, "received": len(records), "added": added, "already_present": len(records) - added}


@router.post("/v1/banks/{bank}/hashes")
async def add_hashes(bank: str, http: Request) -> JSONResponse:
    try:
        _authorize(http)
        records = await _read_records(http, MAX_RECORDS)
        result = await run_in_threadpool(_add, _store(http), bank, records, shared_matcher(http.app))
    except _Refused as e:
        return e.response()
    except RempartError as e:
        return _Refused(e.http_status, e.code, e.message).response()  # unknown bank 404, bad hash 4xx, storage 500
    return JSONResponse(result)


@router.post("/v1/hashes/check")
async def check_hashes(http: Request) -> JSONResponse:
    try:
        _authorize(http)
        records = await _read_records(http, MAX_CHECK)
        result = await run_in_threadpool(_check, shared_matcher(http.app), records)
    except _Refused as e:
        return e.response()
    except RempartError as e:
        return _Refused(e.http_status, e.code, e.message).response()  # store unreachable: 5xx, never "no match"
    return JSONResponse(result)
