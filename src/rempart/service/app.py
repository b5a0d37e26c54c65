"""HTTP service (FastAPI).

    POST /v1/screen/request   screen a request before generation
    POST /v1/screen/output    screen a generated result (compared with the input images)
    GET  /healthz             liveness, policy and detectors
    GET  /openapi.json        the OpenAPI document

Both screening endpoints take either `multipart/form-data` (fields prompt, mode, tier,
account_id, client as a JSON string; files `image` (repeatable) and `output`) or
`application/json` (see `ScreenRequestDoc`, images as base64).

A request that can be parsed always gets a decision, HTTP 200, even when its images are
bad: those fail closed as `block`. A request that cannot be parsed gets an error object
`{"error": {"code", "message"}}` with a stable code and a 4xx status.
"""

from __future__ import annotations

import base64
import binascii
import gc
import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from rempart import __version__
from rempart.decision.gate import Gate
from rempart.decision.model import Decision
from rempart.errors import InputError
from rempart.request.model import ScreenRequest, ScreenRequestDoc

MAX_BODY_BYTES = 64 * 1024 * 1024


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        self.status, self.code, self.message = status, code, message


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def _screen_body_doc(with_output: bool) -> dict[str, Any]:
    props = {
        "prompt": {"type": "string"},
        "mode": {"type": "string", "enum": ["generate", "edit"]},
        "tier": {"type": "string", "enum": ["anonymous", "free", "subscriber", "verified_adult"]},
        "account_id": {"type": "string"},
        "client": {"type": "string", "description": "JSON object as a string"},
        "image": {"type": "array", "items": {"type": "string", "format": "binary"}},
    }
    required = ["prompt"]
    if with_output:
        props["output"] = {"type": "string", "format": "binary"}
        required.append("output")
    return {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/ScreenRequestDoc"}},
                "multipart/form-data": {"schema": {"type": "object", "properties": props, "required": required}},
            },
        },
        "responses": {
            "200": {
                "description": "The decision",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}},
            },
            "4XX": {"description": "Error object with a stable code"},
        },
    }


def create_app(gate: Gate) -> FastAPI:
    app = FastAPI(
        title="Rempart",
        version=__version__,
        description="Consent and child-safety gate for AI image generation and editing.",
    )
    app.state.gate = gate
    from rempart.service.banks_api import router as banks_router  # hash-only reports (token-gated)

    app.include_router(banks_router)

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}.get(exc.status_code, "HTTP_ERROR")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "VALIDATION_ERROR", str(exc.errors()[:3]))

    @app.exception_handler(Exception)
    async def _internal(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, "INTERNAL_ERROR", f"{type(exc).__name__}; the request was not allowed")

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        return {
            "status": "ok",
            "version": __version__,
            "policy": gate.policy.label,
            "detectors": [d.name for d in gate.text_detectors + gate.image_detectors],
        }

    @app.post("/v1/screen/request", response_model=Decision, openapi_extra=_screen_body_doc(False))
    async def screen_request(http: Request) -> Decision:
        req, _, errors = await _parse(http, want_output=False)
        return await run_in_threadpool(gate.screen_request, req, input_errors=errors)

    @app.post("/v1/screen/output", response_model=Decision, openapi_extra=_screen_body_doc(True))
    async def screen_output(http: Request) -> Decision:
        req, output, errors = await _parse(http, want_output=True)
        return await run_in_threadpool(gate.screen_output, req, output or b"", input_errors=errors)

    # Make the JSON schema of the request body part of the OpenAPI components.
    original_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original_openapi()
        comps = schema.setdefault("components", {}).setdefault("schemas", {})
        doc_schema = ScreenRequestDoc.model_json_schema(ref_template="#/components/schemas/{model}")
        comps.update(doc_schema.pop("$defs", {}))
        comps["ScreenRequestDoc"] = doc_schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


async def _parse(http: Request, *, want_output: bool) -> tuple[ScreenRequest, bytes | None, list[InputError]]:
    length = http.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BODY_BYTES:
        raise ApiError(413, "PAYLOAD_TOO_LARGE", f"body over {MAX_BODY_BYTES} bytes")
    ctype = http.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        return await _parse_json(http, want_output)
    if ctype == "multipart/form-data":
        return await _parse_multipart(http, want_output)
    raise ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "send application/json or multipart/form-data")


async def _parse_json(http: Request, want_output: bool):
    body = await http.body()
    if len(body) > MAX_BODY_BYTES:
        raise ApiError(413, "PAYLOAD_TOO_LARGE", f"body over {MAX_BODY_BYTES} bytes")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "INVALID_UTF8", f"body is not valid UTF-8 (byte {exc.start})") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(400, "INVALID_JSON", f"body is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    try:
        doc = ScreenRequestDoc.model_validate(raw)
    except ValidationError as exc:
        raise ApiError(422, "VALIDATION_ERROR", _brief(exc)) from None
    if want_output and doc.output_base64 is None:
        raise ApiError(422, "VALIDATION_ERROR", "output_base64 is required for /v1/screen/output")
    errors: list[InputError] = []
    images = []
    for i, b64 in enumerate(doc.images_base64):
        data = _b64(b64, f"images_base64[{i}]", errors)
        if data is not None:
            images.append(data)
    output = _b64(doc.output_base64, "output_base64", errors) if doc.output_base64 is not None else None
    req = _request(doc.prompt, doc.mode.value, images, doc.tier.value, doc.account_id, doc.client, doc.request_id)
    return req, output, errors


async def _parse_multipart(http: Request, want_output: bool):
    try:
        form = await http.form(max_files=16, max_fields=32)
    except Exception as exc:  # noqa: BLE001 - malformed multipart bodies raise various errors
        raise ApiError(400, "INVALID_MULTIPART", f"cannot parse multipart body: {exc}") from None
    prompt_field = form.get("prompt")
    if prompt_field is None:
        raise ApiError(422, "VALIDATION_ERROR", "field 'prompt' is required")
    # Keep the raw bytes of a prompt sent as a file part so the gate can reject invalid UTF-8.
    prompt: str | bytes = await prompt_field.read() if isinstance(prompt_field, UploadFile) else prompt_field
    fields = {}
    for key in ("mode", "tier", "account_id", "client", "request_id"):
        value = form.get(key)
        if isinstance(value, UploadFile):
            raise ApiError(422, "VALIDATION_ERROR", f"field '{key}' must be text")
        fields[key] = value
    try:
        client = json.loads(fields["client"]) if fields["client"] else {}
    except json.JSONDecodeError:
        raise ApiError(422, "VALIDATION_ERROR", "field 'client' must be a JSON object") from None
    images = [await f.read() for f in form.getlist("image") if isinstance(f, UploadFile)]
    output = None
    out_field = form.get("output")
    if isinstance(out_field, UploadFile):
        output = await out_field.read()
    elif want_output:
        raise ApiError(422, "VALIDATION_ERROR", "file 'output' is required for /v1/screen/output")
    mode = fields["mode"] or ("edit" if images else "generate")
    req = _request(prompt, mode, images, fields["tier"] or "anonymous", fields["account_id"], client, fields["request_id"])
    return req, output, []


def _request(prompt, mode, images, tier, account_id, client, request_id) -> ScreenRequest:
    extra = {"request_id": request_id} if request_id else {}
    try:
        return ScreenRequest(prompt=prompt, mode=mode, images=images, tier=tier, account_id=account_id, client=client, **extra)
    except ValidationError as exc:
        raise ApiError(422, "VALIDATION_ERROR", _brief(exc)) from None


def _b64(value: str, where: str, errors: list[InputError]) -> bytes | None:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        errors.append(InputError(f"{where} is not valid base64", code="IMAGE_BAD_BASE64"))
        return None


def _brief(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5])


def app_from_env() -> FastAPI:
    """App factory for uvicorn (one gate per worker process), configured by environment:
    REMPART_DB, REMPART_POLICY (file), REMPART_POLICY_OPTIONS (JSON object of booleans)."""
    import os

    from rempart.decision.gate import GateConfig
    from rempart.policy.engine import Policy

    options = json.loads(os.environ.get("REMPART_POLICY_OPTIONS") or "{}")
    path = os.environ.get("REMPART_POLICY")
    if path:
        policy = Policy.from_file(path, options=options)
    else:
        policy = Policy.default_with(options)
    gate = Gate(policy, GateConfig(db_path=os.environ.get("REMPART_DB", "rempart.sqlite")))
    gate.warm_up()  # load every model before the first request, not during it
    # The models, lexicons and name lists loaded above live as long as the worker. Frozen, they
    # are out of the cyclic collector's reach: a full collection walked them in 90 ms, a pause
    # in whichever request it fell on.
    gc.freeze()
    return create_app(gate)


def serve(*, db_path: str, policy_path: str | None, options: dict[str, bool], host: str, port: int, workers: int) -> None:
    """Run the service. The policy is loaded (and validated) before this is called."""
    import os

    import uvicorn

    os.environ["REMPART_DB"] = db_path
    os.environ["REMPART_POLICY_OPTIONS"] = json.dumps(options)
    if policy_path:
        os.environ["REMPART_POLICY"] = policy_path
    else:
        os.environ.pop("REMPART_POLICY", None)
    uvicorn.run("rempart.service.app:app_from_env", factory=True, host=host, port=port, workers=workers, log_level="info")
