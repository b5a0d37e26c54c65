"""Remote banks against local servers speaking the StopNCII (JSON) and NCMEC (XML) protocols
that threatexchange's client classes use: headers, auth, paging, checkpoints, withdrawals."""

from __future__ import annotations

import base64
import dataclasses
import json
import threading
import time
import urllib.parse
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

from rempart.banks.remote import (
    RemoteBankError,
    RemoteConfig,
    RemoteState,
    load_config,
    make_adapter,
    sync_remote,
)
from rempart.banks.store import BankStore


@contextmanager
def serve(handle):
    """Run `handle(handler) -> (status, content_type, body)` on 127.0.0.1, a free port."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            status, ctype, body = handle(self)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def hexv(i: int, n: int = 64) -> str:
    return f"{i:0{n}x}"


@pytest.fixture
def store(tmp_path):
    s = BankStore(str(tmp_path / "banks.sqlite"))
    yield s
    s.close()


@pytest.fixture
def state(tmp_path):
    s = RemoteState(tmp_path / "remote.sqlite")
    yield s
    s.close()


def values(store, bank):
    return {(e.signal_type, e.value) for e in store.all_entries(bank=bank)}


# --------------------------------------------------------------------------- StopNCII


class FakeStopNCII:
    """GET /v1/FetchHashes?startTimestamp&pageSize[&nextPageToken], keys in two headers."""

    FUNCTION_KEY, SUBSCRIPTION_KEY = "fn-key", "sub-key"

    def __init__(self):
        self.records: dict[tuple[str, str], dict] = {}
        self.requests: list[dict] = []

    def put(self, signal_type, value, ts, status="Active", tags=()):
        self.records[signal_type, value] = {
            "lastModtimestamp": ts, "signalType": signal_type, "hashValue": value, "hashStatus": status,
            "caseNumbers": {"case-1": status} if status != "Active" else [],  # [] as some responses send
            "CSPFeedbacks": [{"feedbackValue": "Blocked", "tags": list(tags), "source": "csp"}] if tags else [],
        }

    def __call__(self, h):
        url = urllib.parse.urlsplit(h.path)
        q = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
        self.requests.append(q)
        if h.headers.get("x-functions-key") != self.FUNCTION_KEY or \
                h.headers.get("Ocp-Apim-Subscription-Key") != self.SUBSCRIPTION_KEY:
            return 401, "application/json", b'{"error":"unauthorized"}'
        if url.path != "/v1/FetchHashes":
            return 404, "application/json", b"{}"
        start, size = int(q["startTimestamp"]), int(q["pageSize"])
        offset = int(q.get("nextPageToken", "0"))
        rows = sorted((r for r in self.records.values() if r["lastModtimestamp"] >= start),
                      key=lambda r: (r["lastModtimestamp"], r["hashValue"]))
        page = rows[offset: offset + size]
        more = offset + size < len(rows)
        body = {"count": len(page), "nextPageToken": str(offset + size) if more else None,
                "nextSetTimestamp": (max(r["lastModtimestamp"] for r in rows) + 1) if rows else start,
                "hasMoreRecords": more, "hashRecords": page}
        return 200, "application/json", json.dumps(body).encode()


def stopncii_env(base_url, fn="fn-key", sub="sub-key"):
    return {"TX_STOPNCII_KEYS": f"{fn},{sub},{base_url}/v1"}


def stopncii_config():
    return RemoteConfig(name="stopncii", type="stopncii", bank="stopncii", credentials_env="TX_STOPNCII_KEYS")


def test_stopncii_fetch_pages_checkpoint_and_withdrawal(store, state):
    fake = FakeStopNCII()
    for i in range(1000):  # more than one 800-record page
        fake.put("ImagePDQ", hexv(i + 1), ts=100 + i)
    fake.put("VideoMD5", hexv(7, 32), ts=50, tags=("nc ii",))
    fake.put("URL", "https://example.org/x", ts=60)  # not a signal type Rempart matches
    fake.put("ImagePDQ", "not-a-hash", ts=70)
    with serve(fake) as url:
        cfg = stopncii_config()
        report = sync_remote(store, cfg, state, make_adapter(cfg, stopncii_env(url)))
        assert (report.pages, report.added, report.removed, report.skipped) == (2, 1001, 0, 2)
        assert store.get_bank("stopncii").source == "stopncii"
        assert ("md5", hexv(7, 32)) in values(store, "stopncii")
        md5 = [e for e in store.all_entries(bank="stopncii") if e.signal_type == "md5"][0]
        assert set(md5.tags) == {"stopncii", "nc_ii"}
        assert state.checkpoint("stopncii")["update_time"] == 1100
        assert fake.requests[0]["startTimestamp"] == "10" and fake.requests[1]["nextPageToken"] == "800"

        # The victim withdraws one case; another hash arrives. Only changes are fetched.
        fake.put("ImagePDQ", hexv(5), ts=2000, status="Withdrawn")
        fake.put("ImagePDQ", hexv(99999), ts=2001)
        fake.requests.clear()
        report = sync_remote(store, cfg, state, make_adapter(cfg, stopncii_env(url)))
        assert fake.requests[0]["startTimestamp"] == "1100"
        assert (report.pages, report.added, report.removed) == (1, 1, 1)
        assert ("pdq", hexv(5)) not in values(store, "stopncii") and ("pdq", hexv(99999)) in values(store, "stopncii")
        assert len(values(store, "stopncii")) == 1001


def test_stopncii_bad_keys_fail_clearly_and_keep_the_bank(store, state):
    fake = FakeStopNCII()
    fake.put("ImagePDQ", hexv(1), ts=100)
    with serve(fake) as url:
        cfg = stopncii_config()
        sync_remote(store, cfg, state, make_adapter(cfg, stopncii_env(url)))
        with pytest.raises(RemoteBankError, match="HTTP 401") as ei:
            sync_remote(store, cfg, state, make_adapter(cfg, stopncii_env(url, fn="wrong")))
        assert ei.value.code == "REMOTE_BANK_FAILED"
    assert values(store, "stopncii") == {("pdq", hexv(1))}


# --------------------------------------------------------------------------- NCMEC

NS = "https://hashsharing.ncmec.org/hashsharing/v2"
DATE = "%Y-%m-%dT%H:%M:%SZ"


class FakeNCMEC:
    """GET /v2/entries?from&to (then the `next` paging URL), HTTP Basic auth, XML answers."""

    USER, PASSWORD = "esp-user", "esp-pass"
    PAGE = 2

    def __init__(self):
        self.entries: dict[str, dict] = {}
        self.requests: list[dict] = []
        self.fail_next_page_once = False

    def put(self, kind, entry_id, member, ts, fingerprints=None, classification="A1", deleted=False):
        self.entries[f"{member}-{entry_id}"] = dict(kind=kind, id=entry_id, member=member, ts=ts,
                                                    fingerprints=fingerprints or {}, cls=classification,
                                                    deleted=deleted)

    @staticmethod
    def _entry_xml(e):
        tag = ("deleted" + e["kind"].capitalize()) if e["deleted"] else e["kind"]
        stamp = time.strftime(DATE, time.gmtime(e["ts"]))
        inner = f'<member id="{e["member"]}">Member {e["member"]}</member><timestamp>{stamp}</timestamp><id>{e["id"]}</id>'
        if not e["deleted"]:
            fps = "".join(f"<{k}>{v}</{k}>" for k, v in e["fingerprints"].items())
            inner += f"<classification>{e['cls']}</classification><fingerprints>{fps}</fingerprints>"
        return f"<{tag}>{inner}</{tag}>"

    def __call__(self, h):
        expected = "Basic " + base64.b64encode(f"{self.USER}:{self.PASSWORD}".encode()).decode()
        if h.headers.get("Authorization") != expected:
            return 401, "text/plain", b"unauthorized"
        url = urllib.parse.urlsplit(h.path)
        if url.path != "/v2/entries":
            return 404, "text/plain", b""
        q = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
        self.requests.append(q)
        if "start" in q and self.fail_next_page_once:
            self.fail_next_page_once = False
            return 401, "text/plain", b"interrupted"
        # The client formats from/to from local time; read them back the same way.
        lo, hi = (time.mktime(time.strptime(q[k], DATE)) for k in ("from", "to"))
        rows = sorted((e for e in self.entries.values() if lo <= e["ts"] <= hi), key=lambda e: (e["ts"], e["id"]))
        start = int(q.get("start", 0))
        page = rows[start: start + self.PAGE]
        parts = [f'<queryResult xmlns="{NS}">']
        for kind in ("image", "video"):
            mine = [e for e in page if e["kind"] == kind]
            if mine:
                top = time.strftime(DATE, time.gmtime(max(e["ts"] for e in mine)))
                parts.append(f'<{kind}s count="{len(mine)}" maxTimestamp="{top}">'
                             + "".join(map(self._entry_xml, mine)) + f"</{kind}s>")
        if start + self.PAGE < len(rows):
            nxt = "/v2/entries?" + urllib.parse.urlencode(
                {"from": q["from"], "to": q["to"], "start": start + self.PAGE, "size": self.PAGE, "max": len(rows)})
            parts.append(f"<paging><next>{escape(nxt)}</next></paging>")
        parts.append("</queryResult>")
        return 200, "application/xml", ('<?xml version="1.0" encoding="UTF-8"?>' + "".join(parts)).encode()


def ncmec_config(base_url, start, **kw):
    return RemoteConfig(name="ncmec", type="ncmec", bank="ncmec", credentials_env="TX_NCMEC_CREDENTIALS",
                        base_url=base_url, environment="test_Industry", start_time=start, **kw)


NCMEC_ENV = {"TX_NCMEC_CREDENTIALS": "esp-user:esp-pass"}


def test_ncmec_fetch_paging_tombstones_and_shared_hashes(store, state):
    now = int(time.time())
    fake = FakeNCMEC()
    fake.put("image", "i1", 42, now - 90, {"md5": hexv(1, 32), "pdq": hexv(11), "sha1": "a" * 40, "pdna": "x"})
    fake.put("image", "i2", 42, now - 80, {"pdq": hexv(12)})
    fake.put("image", "i3", 43, now - 70, {"pdq": hexv(12)})  # same PDQ as i2, another member
    fake.put("video", "v1", 42, now - 60, {"md5": hexv(2, 32), "sha1": "b" * 40})
    fake.put("image", "i4", 42, now - 50, {"pdq": "tooshort"})
    with serve(fake) as url:
        cfg = ncmec_config(url, now - 100)
        report = sync_remote(store, cfg, state, make_adapter(cfg, NCMEC_ENV))
        assert values(store, "ncmec") == {("md5", hexv(1, 32)), ("pdq", hexv(11)), ("pdq", hexv(12)),
                                          ("md5", hexv(2, 32))}
        assert report.pages >= 3 and report.skipped == 1  # 5 entries, 2 per page
        cp = state.checkpoint("ncmec")
        assert cp["paging_info"] is None and now - 10 <= cp["get_entries_max_ts"] <= now
        entry = [e for e in store.all_entries(bank="ncmec") if e.value == hexv(11)][0]
        assert set(entry.tags) == {"esp:42", "ncmec:A1"} and "42-i1" in entry.note

        # Changes land after the checkpoint; fetches stop 5 s before "now", so wait just past it.
        mark = cp["get_entries_max_ts"]
        fake.put("image", "i2", 42, mark, deleted=True)  # tombstone: no fingerprints
        fake.put("image", "i1", 42, mark, {"md5": hexv(1, 32)})  # update drops its PDQ
        fake.put("video", "v1", 42, mark, deleted=True)
        time.sleep(max(0.0, mark + 6.2 - time.time()))
        report = sync_remote(store, cfg, state, make_adapter(cfg, NCMEC_ENV))
    # hexv(12) is still listed by member 43's entry, so it stays.
    assert values(store, "ncmec") == {("md5", hexv(1, 32)), ("pdq", hexv(12))}
    assert report.removed == 2


def test_ncmec_member_filter_and_bad_password(store, state):
    now = int(time.time())
    fake = FakeNCMEC()
    fake.put("image", "i1", 42, now - 30, {"pdq": hexv(1)})
    fake.put("image", "i2", 43, now - 20, {"pdq": hexv(2)})
    with serve(fake) as url:
        cfg = ncmec_config(url, now - 40, only_esp_ids=(43,))
        sync_remote(store, cfg, state, make_adapter(cfg, NCMEC_ENV))
        assert values(store, "ncmec") == {("pdq", hexv(2))}
        fresh = dataclasses.replace(cfg, name="ncmec-again")  # no checkpoint yet: it must fetch
        with pytest.raises(RemoteBankError, match="HTTP 401"):
            sync_remote(store, fresh, state, make_adapter(fresh, {"TX_NCMEC_CREDENTIALS": "esp-user:nope"}))
    assert values(store, "ncmec") == {("pdq", hexv(2))}


def test_ncmec_interrupted_sync_resumes_mid_page(store, state):
    now = int(time.time())
    fake = FakeNCMEC()
    for i in range(6):
        fake.put("image", f"i{i}", 42, now - 40 + i, {"pdq": hexv(i + 1)})
    fake.fail_next_page_once = True
    with serve(fake) as url:
        cfg = ncmec_config(url, now - 45)
        with pytest.raises(RemoteBankError, match="resumes from there"):
            sync_remote(store, cfg, state, make_adapter(cfg, NCMEC_ENV))
        cp = state.checkpoint("ncmec")
        assert cp["paging_info"] and "start=2" in cp["paging_info"]["paging_url"]
        assert len(values(store, "ncmec")) == 2  # the first page was applied
        fake.requests.clear()
        sync_remote(store, cfg, state, make_adapter(cfg, NCMEC_ENV))
    assert fake.requests[0]["start"] == "2"  # resumed from the saved paging URL
    assert values(store, "ncmec") == {("pdq", hexv(i + 1)) for i in range(6)}
    assert state.checkpoint("ncmec")["paging_info"] is None


# --------------------------------------------------------------------------- configuration


def test_nothing_configured_means_nothing_runs(tmp_path):
    assert load_config(env={}).remotes == ()


def test_yaml_and_env_configuration(tmp_path):
    p = tmp_path / "remotes.yaml"
    p.write_text("remotes:\n"
                 "  - {type: stopncii, bank: stopncii}\n"
                 "  - {name: ncmec-ind, type: ncmec, bank: ncmec, environment: Industry, only_esp_ids: [4],\n"
                 "     base_url: 'http://127.0.0.1:9/'}\n")
    cfg = load_config(env={"REMPART_REMOTE_BANKS": str(p)})
    assert [r.name for r in cfg.remotes] == ["stopncii", "ncmec-ind"]
    assert cfg.remotes[0].credentials_env == "TX_STOPNCII_KEYS"
    assert cfg.remotes[1].base_url == "http://127.0.0.1:9" and cfg.remotes[1].only_esp_ids == (4,)
    assert cfg.state_db == str(tmp_path / "rempart-remote.sqlite")
    env_cfg = load_config(env={"REMPART_NCMEC_BANK": "csam", "REMPART_NCMEC_ENVIRONMENT": "NGO"})
    assert [(r.type, r.bank, r.environment) for r in env_cfg.remotes] == [("ncmec", "csam", "NGO")]


@pytest.mark.parametrize("yaml_text, fragment", [
    ("remotes:\n  - {type: stopncii, bank: s, password: hunter2}\n", "secrets go in the environment"),
    ("remotes:\n  - {type: ftp, bank: s}\n", "type must be one of"),
    ("remotes:\n  - {type: ncmec, bank: s, environment: Moon}\n", "environment must be one of"),
    ("remotes:\n  - {type: stopncii}\n", "'bank' is required"),
    ("remotes:\n  - {type: stopncii, bank: a}\n  - {type: stopncii, bank: b}\n", "unique"),
    ("remotes: [\n", "invalid YAML"),
])
def test_bad_configuration_is_refused(tmp_path, yaml_text, fragment):
    p = tmp_path / "r.yaml"
    p.write_text(yaml_text)
    with pytest.raises(RemoteBankError, match=fragment) as ei:
        load_config(p, env={})
    assert ei.value.code == "REMOTE_CONFIG_INVALID"


def test_missing_credentials_are_named():
    cfg = RemoteConfig(name="stopncii", type="stopncii", bank="s", credentials_env="TX_STOPNCII_KEYS")
    with pytest.raises(RemoteBankError, match="set TX_STOPNCII_KEYS to function_key,subscription_key") as ei:
        make_adapter(cfg, {})
    assert ei.value.code == "REMOTE_CREDENTIALS_MISSING"


# --------------------------------------------------------------------------- rempart bank sync


def test_cli_bank_sync_both_remotes_progress_summary_and_a_failing_one(tmp_path, monkeypatch, capsys):
    from rempart.cli.main import main

    def run(*args):
        capsys.readouterr()
        rc = main(["bank", *args, "--banks", str(tmp_path / "banks.sqlite"), "--db", str(tmp_path / "a.sqlite")])
        return (rc, *capsys.readouterr())

    now = int(time.time())
    stop, ncmec = FakeStopNCII(), FakeNCMEC()
    for i in range(900):  # two StopNCII pages
        stop.put("ImagePDQ", hexv(i + 1), ts=100 + i)
    ncmec.put("image", "i1", 42, now - 30, {"pdq": hexv(5000), "md5": hexv(1, 32)})
    config = tmp_path / "remotes.yaml"
    with serve(stop) as s_url, serve(ncmec) as n_url:
        config.write_text(
            f"state_db: {tmp_path / 'state.sqlite'}\n"
            "remotes:\n"
            f"  - {{type: stopncii, bank: stopncii, base_url: '{s_url}/v1'}}\n"
            f"  - {{type: ncmec, bank: ncmec, environment: test_Industry, base_url: '{n_url}', start_time: {now - 40}}}\n")
        monkeypatch.setenv("TX_STOPNCII_KEYS", "fn-key,sub-key")
        monkeypatch.setenv("TX_NCMEC_CREDENTIALS", "esp-user:esp-pass")
        rc, out, err = run("sync", "--config", str(config))
        assert rc == 0, err
        assert "stopncii -> bank stopncii: 2 page(s), +900 added, -0 withdrawn" in out
        assert "ncmec -> bank ncmec:" in out and "+2 added" in out
        assert "synced 2/2 remote(s): +902 added, -0 withdrawn" in out
        assert "sync stopncii 2" in err  # progress on stderr: pages applied

        # Only what changed is fetched; a withdrawal leaves the bank. NCMEC's credentials are gone:
        # it fails with one line, StopNCII still syncs, the exit code says something failed.
        stop.put("ImagePDQ", hexv(3), ts=5000, status="Withdrawn")
        monkeypatch.delenv("TX_NCMEC_CREDENTIALS")
        rc, out, err = run("sync", "--config", str(config), "--no-progress")
        assert rc == 5
        assert "stopncii -> bank stopncii: 1 page(s), +0 added, -1 withdrawn" in out
        assert "synced 1/2 remote(s)" in out and "1 failed" in out
        assert "rempart: ncmec: REMOTE_CREDENTIALS_MISSING: remote 'ncmec': set TX_NCMEC_CREDENTIALS" in err
        assert "Traceback" not in err and stop.requests[-1]["startTimestamp"] == "1000"
        rc, out, err = run("sync", "--config", str(config), "--only", "stopncii", "--no-progress")
        assert rc == 0 and "synced 1/1" in out
    with BankStore(str(tmp_path / "banks.sqlite")) as store:
        assert store.get_bank("stopncii").entries == 899 and store.get_bank("ncmec").entries == 2
        assert store.get_bank("ncmec").source == "ncmec"


def test_cli_bank_sync_configuration_errors(tmp_path, monkeypatch, capsys):
    from rempart.cli.main import main

    monkeypatch.delenv("REMPART_REMOTE_BANKS", raising=False)
    monkeypatch.delenv("REMPART_STOPNCII_BANK", raising=False)
    monkeypatch.delenv("REMPART_NCMEC_BANK", raising=False)
    db = ["--banks", str(tmp_path / "b.sqlite")]
    assert main(["bank", "sync", *db]) == 0
    assert "no remote banks configured" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("remotes:\n  - {type: stopncii, bank: s, password: x}\n")
    assert main(["bank", "sync", "--config", str(bad), *db]) == 5
    assert "REMOTE_CONFIG_INVALID" in capsys.readouterr().err
    good = tmp_path / "good.yaml"
    good.write_text(f"state_db: {tmp_path / 's.sqlite'}\nremotes:\n  - {{type: stopncii, bank: s}}\n")
    assert main(["bank", "sync", "--config", str(good), "--only", "nope", *db]) == 2
    monkeypatch.delenv("TX_STOPNCII_KEYS", raising=False)
    assert main(["bank", "sync", "--config", str(good), *db]) == 5
    assert "REMOTE_CREDENTIALS_MISSING" in capsys.readouterr().err
