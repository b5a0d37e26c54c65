"""Hash-only HTTP endpoints: fail-closed auth, hashes only, item-numbered errors, matching."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from threatexchange.signal_type.pdq.signal import PdqSignal

from rempart.banks.matcher import BankMatcher
from rempart.banks.store import BankStore
from rempart.signals.hashes.detector import HashBankDetector
from rempart.service.banks_api import router

TOKEN = "t0ken-for-tests-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
P1 = PdqSignal.get_examples()[0]
P_FAR = PdqSignal.get_examples()[-2]  # an unrelated picture's PDQ
M1 = "cab08b36195edb1a1231d2d09fa450e0"
S1 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def flip(hex_value: str, bits: int) -> str:
    v = int(hex_value, 16) ^ ((1 << bits) - 1)
    return f"{v:064x}"


@pytest.fixture
def store(tmp_path):
    s = BankStore(str(tmp_path / "banks.sqlite"))
    s.create_bank("reports", source="victim", threshold=20)
    yield s
    s.close()


@pytest.fixture
def client(store, monkeypatch):
    monkeypatch.setenv("REMPART_BANK_TOKEN", TOKEN)
    with TestClient(bank_app(store)) as c:
        yield c


def bank_app(store, gate=None) -> FastAPI:
    """The router alone, as create_app mounts it (the endpoints need only the gate's store).
    Its matcher checks the store's version on every request (refresh_ms=0) so the tests see
    writes made on the store directly at once; the service default is 200 ms."""
    app = FastAPI()
    app.state.gate = gate or SimpleNamespace(banks=store)
    if gate is None:
        app.state.bank_matcher = BankMatcher(store, refresh_ms=0)
    app.include_router(router)
    return app


def items(*records):
    return [dict(zip(("signal_type", "value", "quality"), r)) for r in records]


# --------------------------------------------------------------------------- auth


@pytest.mark.parametrize("token", [None, "", "short"])
def test_disabled_without_a_proper_token(store, monkeypatch, token):
    if token is None:
        monkeypatch.delenv("REMPART_BANK_TOKEN", raising=False)
    else:
        monkeypatch.setenv("REMPART_BANK_TOKEN", token)
    with TestClient(bank_app(store)) as c:
        for path in ("/v1/banks/reports/hashes", "/v1/hashes/check"):
            r = c.post(path, json=items(("pdq", P1)), headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 503 and r.json()["error"]["code"] == "BANK_API_DISABLED"
    assert store.get_bank("reports").entries == 0


@pytest.mark.parametrize("headers", [{}, {"Authorization": TOKEN}, {"Authorization": "Bearer wrong-token-0123456789"},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_bad_credentials_are_401(client, store, headers):
    for path in ("/v1/banks/reports/hashes", "/v1/hashes/check"):
        r = client.post(path, json=items(("pdq", P1)), headers=headers)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert store.get_bank("reports").entries == 0


# --------------------------------------------------------------------------- adding


def test_add_json_list_then_again(client, store):
    body = items(("pdq", P1, 90), ("video_md5", M1), ("sha256", S1))
    r = client.post("/v1/banks/reports/hashes", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json() == {"bank": "reports", "received": 3, "added": 3, "already_present": 0}
    r = client.post("/v1/banks/reports/hashes", json={"hashes": body}, headers=AUTH)
    assert r.json()["added"] == 0 and r.json()["already_present"] == 3
    assert {(e.signal_type, e.value) for e in store.all_entries(bank="reports")} == {("pdq", P1), ("md5", M1), ("sha256", S1)}


@pytest.mark.parametrize("body, index, fragment", [
    (items(("pdq", P1), ("pdq", P1[:-1])), 1, "64 hex digits"),
    (items(("pdq", P1), ("md5", M1), ("photodna", M1)), 2, "unknown signal type"),
    (items(("pdq", P1, 500)), 0, "quality"),
    ([{"signal_type": "pdq", "value": P1, "url": "x"}], 0, "unknown field"),
    ([{"signal_type": "pdq", "value": P1}, "pdq " + P1], 1, "expected a JSON object"),
])
def test_malformed_item_refuses_everything_and_names_its_index(client, store, body, index, fragment):
    r = client.post("/v1/banks/reports/hashes", json=body, headers=AUTH)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "HASH_INVALID" and err["index"] == index
    assert err["message"].startswith(f"item {index}: ") and fragment in err["message"]
    assert store.get_bank("reports").entries == 0


def test_low_quality_pdq_is_refused_by_the_bank(client, store):
    r = client.post("/v1/banks/reports/hashes", json=items(("md5", M1), ("pdq", P1, 20)), headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "HASH_LOW_QUALITY"
    assert store.get_bank("reports").entries == 0


def test_hash_file_bodies(client, store):
    r = client.post("/v1/banks/reports/hashes", content=f"pdq {P1}\nvideo_md5 {M1}\n",
                    headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 200 and r.json()["added"] == 2
    jsonl = "\n".join(json.dumps(d) for d in items(("sha256", S1), ("pdq", "zz")))
    r = client.post("/v1/banks/reports/hashes", content=jsonl, headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert r.status_code == 422 and r.json()["error"]["line"] == 2 and "line 2:" in r.json()["error"]["message"]
    r = client.post("/v1/banks/reports/hashes?format=jsonl", content=f"pdq {P1}\n",
                    headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "HASH_FORMAT_MISMATCH"
    assert store.get_bank("reports").entries == 2


def test_images_are_refused(client, store, samples):
    jpeg = (samples / "coffee.jpg").read_bytes()
    attempts = [
        dict(content=jpeg, headers={**AUTH, "Content-Type": "image/jpeg"}),
        dict(content=jpeg, headers={**AUTH, "Content-Type": "application/json"}),  # lying content type
        dict(content=jpeg, headers={**AUTH, "Content-Type": "text/plain"}),
        dict(files={"image": ("p.jpg", jpeg, "image/jpeg")}, headers=AUTH),
        dict(json=[{"signal_type": "pdq", "value": P1}, {"image_base64": "AAAA"}], headers=AUTH),
        dict(json={"images_base64": ["AAAA"]}, headers=AUTH),
    ]
    for kwargs in attempts:
        r = client.post("/v1/banks/reports/hashes", **kwargs)
        assert r.status_code == 415, (kwargs.get("headers"), r.text)
        err = r.json()["error"]
        assert err["code"] == "IMAGES_REFUSED" and "rempart hash" in err["message"]
    assert store.get_bank("reports").entries == 0


def test_other_refusals(client):
    post = client.post
    assert post("/v1/banks/nope/hashes", json=items(("pdq", P1)), headers=AUTH).status_code == 404
    assert post("/v1/banks/reports/hashes", json=[], headers=AUTH).status_code == 422
    assert post("/v1/banks/reports/hashes", content=b"{", headers={**AUTH, "Content-Type": "application/json"}
                ).json()["error"]["code"] == "INVALID_JSON"
    assert post("/v1/banks/reports/hashes", content=b"x", headers={**AUTH, "Content-Type": "application/xml"}
                ).status_code == 415
    assert post("/v1/banks/reports/hashes", json={"pdq": P1}, headers=AUTH).status_code == 422


# --------------------------------------------------------------------------- checking


def test_check_exact_and_near_within_each_banks_threshold(client, store):
    store.create_bank("flagged", source="trusted_flagger", threshold=31)
    store.add_hashes("reports", [("pdq", P1, 90), ("md5", M1)])
    store.add_hashes("flagged", [("pdq", P1, 90), ("sha256", S1)])
    query = items(("pdq", flip(P1, 25)), ("pdq", flip(P1, 3)), ("video_md5", M1), ("sha256", S1), ("pdq", P_FAR))
    r = client.post("/v1/hashes/check", json=query, headers=AUTH)
    assert r.status_code == 200, r.text
    res = r.json()["results"]
    assert [m["bank"] for m in res[0]["matches"]] == ["flagged"]  # 25 bits: over reports' 20
    assert res[0]["matches"][0]["distance"] == 25 and res[0]["matches"][0]["kind"] == "block"
    assert sorted(m["bank"] for m in res[1]["matches"]) == ["flagged", "reports"]
    assert [m["bank"] for m in res[2]["matches"]] == ["reports"] and res[2]["matches"][0]["distance"] == 0
    assert [m["bank"] for m in res[3]["matches"]] == ["flagged"]
    assert res[4]["matches"] == [] and r.json()["matched"] == 4


def test_check_follows_withdrawals_disabled_and_allow_banks(client, store):
    store.add_hashes("reports", [("pdq", P1, 90)])
    check = lambda: client.post("/v1/hashes/check", json=items(("pdq", P1)), headers=AUTH).json()["results"][0]["matches"]
    assert len(check()) == 1
    store.withdraw(P1, "pdq")  # the victim withdrew her report
    assert check() == []
    store.create_bank("known-fp", source="platform_takedown", kind="allow")
    store.add_hashes("known-fp", [("pdq", P1, 90)])
    assert [(m["bank"], m["kind"]) for m in check()] == [("known-fp", "allow")]
    store.set_enabled("known-fp", False)
    assert check() == []


def test_check_allow_list_cancels_block_hits_and_lists_both(client, store):
    store.create_bank("known-fp", source="platform_takedown", kind="allow")
    store.add_hashes("reports", [("pdq", P1, 90), ("md5", M1)])
    store.add_hashes("known-fp", [("pdq", flip(P1, 2), 90)])
    body = client.post("/v1/hashes/check", json=items(("pdq", P1), ("md5", M1)), headers=AUTH).json()
    pdq, md5 = body["results"]
    assert [(m["bank"], m["kind"], m["distance"]) for m in pdq["matches"]] == [("reports", "block", 0),
                                                                              ("known-fp", "allow", 2)]
    assert pdq["allowlisted"] is True and pdq["blocked"] is False
    assert md5["blocked"] is True and md5["allowlisted"] is False  # the allow-list holds only the PDQ
    assert (body["matched"], body["allowlisted"]) == (1, 1)


def test_check_respects_each_banks_minimum_quality(client, store):
    store.create_bank("strict", source="ncmec", min_quality=80)
    store.add_hashes("reports", [("pdq", P1, 90)])
    store.add_hashes("strict", [("pdq", P1, 90)])
    r = client.post("/v1/hashes/check", json=items(("pdq", P1, 60), ("pdq", P1, 90), ("pdq", P1)), headers=AUTH)
    banks = [sorted(m["bank"] for m in res["matches"]) for res in r.json()["results"]]
    assert banks == [["reports"], ["reports", "strict"], ["reports", "strict"]]  # unknown quality: every bank


def test_check_shares_the_gate_detectors_incremental_matcher(store, monkeypatch):
    monkeypatch.setenv("REMPART_BANK_TOKEN", TOKEN)
    det = HashBankDetector(store, refresh_ms=0)
    app = bank_app(store, gate=SimpleNamespace(banks=store, image_detectors=[object(), det]))
    check = lambda c: c.post("/v1/hashes/check", json=items(("pdq", P1)), headers=AUTH).json()
    with TestClient(app) as c:
        assert check(c)["results"][0]["matches"] == []
        assert app.state.bank_matcher is det.matcher and det.matcher.rebuilds == 1
        assert c.post("/v1/banks/reports/hashes", json=items(("pdq", P1, 90)), headers=AUTH).json()["added"] == 1
        first = check(c)
        assert first["matched"] == 1 and first["bank_version"] == det.matcher.version
        store.withdraw(P1)
        assert check(c)["matched"] == 0
        for i in range(5):
            store.add_hashes("reports", [("pdq", flip(P1, 40 + i), 90)])
            check(c)
    assert det.matcher.rebuilds == 1  # every change arrived as a delta: no per-request or per-version rebuild


def test_check_limit(client):
    r = client.post("/v1/hashes/check", json=items(*[("pdq", P1)] * 1001), headers=AUTH)
    assert r.status_code == 413 and r.json()["error"]["code"] == "TOO_MANY_HASHES"


def test_the_service_mounts_the_router(store, monkeypatch):
    from rempart.service.app import create_app

    monkeypatch.setenv("REMPART_BANK_TOKEN", TOKEN)
    # create_app only keeps the gate; these endpoints need nothing but its bank store.
    with TestClient(create_app(SimpleNamespace(banks=store))) as c:
        paths = c.get("/openapi.json").json()["paths"]
        assert "/v1/banks/{bank}/hashes" in paths and "/v1/hashes/check" in paths
        r = c.post("/v1/banks/reports/hashes", json=items(("pdq", P1)), headers=AUTH)
        assert r.status_code == 200 and r.json()["added"] == 1
