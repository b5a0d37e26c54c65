"""HTTP service: in-process with TestClient, and a real uvicorn process on 127.0.0.1."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from rempart.decision.gate import Gate, GateConfig
from rempart.service.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    gate = Gate(config=GateConfig(db_path=str(tmp_path_factory.mktemp("http") / "s.sqlite")))
    with TestClient(create_app(gate)) as c:
        yield c
    gate.close()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["policy"].startswith("rempart-strict@")
    assert "nudity_ensemble_v1" in body["detectors"]


def test_openapi_documents_both_endpoints_and_body_types(client):
    doc = client.get("/openapi.json").json()
    for path in ("/v1/screen/request", "/v1/screen/output"):
        content = doc["paths"][path]["post"]["requestBody"]["content"]
        assert {"application/json", "multipart/form-data"} <= set(content)
    assert "ScreenRequestDoc" in doc["components"]["schemas"]
    assert "Decision" in doc["components"]["schemas"]


def test_json_bikini_edit_blocks(client, person_photo):
    r = client.post("/v1/screen/request", json={"prompt": "put her in a bikini", "mode": "edit",
                                                "images_base64": [b64(person_photo)], "tier": "free"})
    assert r.status_code == 200
    body = r.json()
    assert body["decision"] == "block"
    assert body["reasons"][0]["code"] == "REAL_PERSON_SEXUALIZED_EDIT"


def test_multipart_edit(client, person_photo):
    r = client.post("/v1/screen/request", data={"prompt": "remove the background", "mode": "edit"},
                    files={"image": ("p.jpg", person_photo, "image/jpeg")})
    assert r.status_code == 200 and r.json()["decision"] == "allow"
    r = client.post("/v1/screen/request", data={"prompt": "remove her clothes", "mode": "edit"},
                    files={"image": ("p.jpg", person_photo, "image/jpeg")})
    assert r.json()["decision"] == "block"


def test_multipart_prompt_with_invalid_utf8_fails_closed(client):
    r = client.post("/v1/screen/request", files={"prompt": ("p.txt", b"a \xff cat", "text/plain")})
    assert r.status_code == 200
    assert r.json()["decision"] == "block"
    assert r.json()["errors"][0]["code"] == "TEXT_INVALID_UTF8"


def test_output_screening(client, person_photo):
    r = client.post("/v1/screen/output", json={"prompt": "make it sepia", "mode": "edit",
                                               "images_base64": [b64(person_photo)], "output_base64": b64(person_photo)})
    assert r.status_code == 200
    assert r.json()["stage"] == "output" and r.json()["decision"] == "allow"


@pytest.mark.parametrize(
    "kwargs, status, code",
    [
        ({"content": b"{nope", "headers": {"content-type": "application/json"}}, 400, "INVALID_JSON"),
        ({"content": b'{"prompt": "\xff"}', "headers": {"content-type": "application/json"}}, 400, "INVALID_UTF8"),
        ({"content": b"prompt=x", "headers": {"content-type": "text/plain"}}, 415, "UNSUPPORTED_MEDIA_TYPE"),
        ({"json": {"mode": "edit"}}, 422, "VALIDATION_ERROR"),
        ({"json": {"prompt": "x", "tier": "king"}}, 422, "VALIDATION_ERROR"),
    ],
)
def test_malformed_requests_get_stable_error_codes(client, kwargs, status, code):
    r = client.post("/v1/screen/request", **kwargs)
    assert r.status_code == status
    assert r.json()["error"]["code"] == code


def test_output_endpoint_requires_output(client):
    r = client.post("/v1/screen/output", json={"prompt": "x"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "VALIDATION_ERROR"


def test_bad_base64_and_bad_image_fail_closed(client):
    r = client.post("/v1/screen/request", json={"prompt": "x", "mode": "edit", "images_base64": ["***"]})
    assert r.status_code == 200 and r.json()["decision"] == "block"
    assert r.json()["errors"][0]["code"] == "IMAGE_BAD_BASE64"
    r = client.post("/v1/screen/request", json={"prompt": "x", "mode": "edit", "images_base64": [b64(b"GIF89a garbage")]})
    assert r.json()["decision"] == "block"


def test_unknown_path_is_json_error(client):
    r = client.get("/nope")
    assert r.status_code == 404 and r.json()["error"]["code"] == "NOT_FOUND"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_real_uvicorn_process(tmp_path, person_photo):
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "rempart", "serve", "--port", str(port), "--db", str(tmp_path / "srv.sqlite")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, proc.stdout.read().decode()
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        r = httpx.post(base + "/v1/screen/request", timeout=30,
                       data={"prompt": "put her in a bikini", "mode": "edit"},
                       files={"image": ("p.jpg", person_photo, "image/jpeg")})
        assert r.status_code == 200 and r.json()["decision"] == "block"
        r = httpx.post(base + "/v1/screen/request", timeout=30, json={"prompt": "a lighthouse"})
        assert r.json()["decision"] == "allow" and r.json()["audit_seq"] == 2
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_the_service_factory_freezes_what_it_loaded(tmp_path, monkeypatch):
    # app_from_env (one call per uvicorn worker) moves the loaded models and lexicons out of the
    # cyclic collector's reach, so that a full collection does not walk them during a request.
    import gc

    from rempart.service.app import app_from_env

    monkeypatch.setenv("REMPART_DB", str(tmp_path / "s.sqlite"))
    monkeypatch.delenv("REMPART_POLICY", raising=False)
    gc.unfreeze()
    try:
        app_from_env()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
