"""Remote hash banks: StopNCII.org and NCMEC, fetched with python-threatexchange's clients.

Nothing here runs unless an operator configures it. Configuration is a small YAML file
(named by --config or the environment variable REMPART_REMOTE_BANKS):

    state_db: rempart-remote.sqlite     # checkpoints; default: next to the YAML file
    remotes:
      - name: stopncii                  # label, also the checkpoint key
        type: stopncii
        bank: stopncii                  # target bank; created (source stopncii) when missing
        credentials_env: TX_STOPNCII_KEYS   # default; "function_key,subscription_key[,base_url]"
      - name: ncmec
        type: ncmec
        bank: ncmec
        environment: Industry           # a threatexchange NCMECEnvironment name
        credentials_env: TX_NCMEC_CREDENTIALS   # default; "user:password"
        only_esp_ids: [42]              # optional: only these members' entries
        start_time: 1700000000          # optional: first fetch starts here (unix seconds)
        base_url: https://...           # optional, both types: a proxy or a test server

or, without a file, environment variables alone: REMPART_STOPNCII_BANK=<bank> (with
TX_STOPNCII_KEYS), REMPART_NCMEC_BANK=<bank> and REMPART_NCMEC_ENVIRONMENT=<name> (with
TX_NCMEC_CREDENTIALS). Secrets never go in the YAML: only the name of the variable holding
them, in threatexchange's own credential formats.

Fetching is incremental. Each page fetched is applied to the bank (adds in one
transaction, then removals), then its checkpoint is saved (JSON in SQLite, never pickle),
so an interrupted sync resumes after the last applied page:

* StopNCII: `StopNCIIAPI.fetch_hashes_iter` from the saved `nextSetTimestamp`. A record whose
  status is Withdrawn or Deleted is removed from the bank: the victim withdrew it. (The
  threatexchange exchange wrapper compares the hash value, not its status, with those
  states, so withdrawals never reach its callers; this adapter reads the status itself.)
* NCMEC: `NCMECSignalExchangeAPI.fetch_iter` (its adaptive time windows and mid-page
  resume), the checkpoint being `NCMECCheckpoint`'s fields. NCMEC sends deletions as
  tombstones without fingerprints, so the hashes of each entry are remembered in the state
  database; a hash leaves the bank when no live entry of that remote still lists it.
  Image PDQ, image MD5 and video MD5 fingerprints are kept; other fingerprint kinds
  (PhotoDNA, SHA-1, ...) are not signal types Rempart matches.

Run: `rempart bank sync [--config remotes.yaml]` (or `python -m rempart.banks.remote --db
rempart.sqlite [--config remotes.yaml]`).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import re
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

import requests
from threatexchange.exchanges.clients.ncmec import hash_api as ncmec_api
from threatexchange.exchanges.clients.stopncii import api as stopncii_api
from threatexchange.exchanges.collab_config import CollaborationConfigBase
from threatexchange.exchanges.impl.ncmec_api import (
    NCMECCheckpoint,
    NCMECCollabConfig,
    NCMECCredentials,
    NCMECSignalExchangeAPI,
    _NCMECPagingInfo,
)
from threatexchange.exchanges.impl.stop_ncii_api import StopNCIICredentials

from rempart.banks.formats import MD5, PDQ, STORE_SIGNAL_TYPE, HashRecord, store_rows
from rempart.errors import RempartError, StorageError
from rempart.storage.sqlite import open_sqlite

log = logging.getLogger(__name__)

CONFIG_ENV = "REMPART_REMOTE_BANKS"
TYPES = ("stopncii", "ncmec")
DEFAULT_CREDENTIALS_ENV = {"stopncii": StopNCIICredentials.ENV_VARIABLE, "ncmec": NCMECCredentials.ENV_VARIABLE}
_CONFIG_KEYS = frozenset({"name", "type", "bank", "credentials_env", "base_url", "environment", "only_esp_ids",
                          "start_time"})
_SECRET_HINT = re.compile(r"pass|secret|key|token|credential(?!s_env)", re.I)

STOPNCII_TYPES = {stopncii_api.StopNCIISignalType.ImagePDQ: PDQ, stopncii_api.StopNCIISignalType.VideoMD5: MD5}
STOPNCII_GONE = frozenset({stopncii_api.StopNCIICaseStatus.Withdrawn, stopncii_api.StopNCIICaseStatus.Deleted})
NCMEC_TYPES = {
    (ncmec_api.NCMECEntryType.image, "pdq"): PDQ,
    (ncmec_api.NCMECEntryType.image, "md5"): MD5,
    (ncmec_api.NCMECEntryType.video, "md5"): MD5,
}


class RemoteBankError(RempartError):
    """A remote bank is misconfigured or could not be fetched. The bank keeps what it had."""

    code = "REMOTE_BANK_FAILED"
    http_status = 502


# --------------------------------------------------------------------------- configuration


@dataclass(frozen=True)
class RemoteConfig:
    name: str
    type: str
    bank: str
    credentials_env: str
    base_url: str | None = None
    environment: str | None = None  # NCMEC only
    only_esp_ids: tuple[int, ...] = ()  # NCMEC only
    start_time: int | None = None


@dataclass(frozen=True)
class RemotesConfig:
    remotes: tuple[RemoteConfig, ...]
    state_db: str


def _remote_from_dict(i: int, raw: Any, env: Mapping[str, str]) -> RemoteConfig:
    where = f"remotes[{i}]"
    if not isinstance(raw, dict):
        raise RemoteBankError(f"{where}: expected a mapping, got {type(raw).__name__}", code="REMOTE_CONFIG_INVALID")
    unknown = sorted(set(raw) - _CONFIG_KEYS)
    if unknown:
        secret = [k for k in unknown if _SECRET_HINT.search(str(k))]
        hint = " (secrets go in the environment variable named by credentials_env, never in this file)" if secret else ""
        raise RemoteBankError(f"{where}: unknown key(s) {', '.join(map(str, unknown))}{hint}",
                              code="REMOTE_CONFIG_INVALID")
    kind = raw.get("type")
    if kind not in TYPES:
        raise RemoteBankError(f"{where}: type must be one of {', '.join(TYPES)}, got {kind!r}",
                              code="REMOTE_CONFIG_INVALID")
    for key in ("bank",):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise RemoteBankError(f"{where}: '{key}' is required", code="REMOTE_CONFIG_INVALID")
    environment = raw.get("environment")
    if kind == "ncmec":
        if environment not in ncmec_api.NCMECEnvironment.__members__:
            raise RemoteBankError(f"{where}: environment must be one of "
                                  f"{', '.join(ncmec_api.NCMECEnvironment.__members__)}, got {environment!r}",
                                  code="REMOTE_CONFIG_INVALID")
    elif environment is not None or raw.get("only_esp_ids"):
        raise RemoteBankError(f"{where}: environment and only_esp_ids apply to ncmec only",
                              code="REMOTE_CONFIG_INVALID")
    ids = raw.get("only_esp_ids") or []
    if not isinstance(ids, list) or not all(isinstance(x, int) and not isinstance(x, bool) for x in ids):
        raise RemoteBankError(f"{where}: only_esp_ids must be a list of integers", code="REMOTE_CONFIG_INVALID")
    start = raw.get("start_time")
    if start is not None and (isinstance(start, bool) or not isinstance(start, int) or start < 0):
        raise RemoteBankError(f"{where}: start_time must be unix seconds", code="REMOTE_CONFIG_INVALID")
    base_url = raw.get("base_url")
    if base_url is not None and (not isinstance(base_url, str) or not re.match(r"^https?://", base_url)):
        raise RemoteBankError(f"{where}: base_url must be an http(s) URL", code="REMOTE_CONFIG_INVALID")
    return RemoteConfig(
        name=str(raw.get("name") or kind), type=kind, bank=raw["bank"],
        credentials_env=str(raw.get("credentials_env") or DEFAULT_CREDENTIALS_ENV[kind]),
        base_url=base_url.rstrip("/") if base_url else None, environment=environment,
        only_esp_ids=tuple(ids), start_time=start,
    )


def load_config(path: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> RemotesConfig:
    """The configured remotes: from the YAML at `path` (or $REMPART_REMOTE_BANKS), else from
    REMPART_STOPNCII_BANK / REMPART_NCMEC_BANK; none when nothing is configured."""
    env = os.environ if env is None else env
    path = path or env.get(CONFIG_ENV) or None
    if path is None:
        remotes = []
        if env.get("REMPART_STOPNCII_BANK"):
            remotes.append({"type": "stopncii", "bank": env["REMPART_STOPNCII_BANK"]})
        if env.get("REMPART_NCMEC_BANK"):
            remotes.append({"type": "ncmec", "bank": env["REMPART_NCMEC_BANK"],
                            "environment": env.get("REMPART_NCMEC_ENVIRONMENT")})
        return RemotesConfig(tuple(_remote_from_dict(i, r, env) for i, r in enumerate(remotes)),
                             env.get("REMPART_REMOTE_STATE", "rempart-remote.sqlite"))
    import yaml

    p = Path(path)
    try:
        doc = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise RemoteBankError(f"cannot read remote bank config {p}: {e.strerror or e}",
                              code="REMOTE_CONFIG_INVALID") from None
    except yaml.YAMLError as e:
        raise RemoteBankError(f"{p}: invalid YAML: {e}", code="REMOTE_CONFIG_INVALID") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("remotes", []), list) or set(doc) - {"remotes", "state_db"}:
        raise RemoteBankError(f"{p}: expected a mapping with 'remotes' (a list) and optional 'state_db'",
                              code="REMOTE_CONFIG_INVALID")
    remotes = tuple(_remote_from_dict(i, r, env) for i, r in enumerate(doc.get("remotes") or []))
    names = [r.name for r in remotes]
    if len(set(names)) != len(names):
        raise RemoteBankError(f"{p}: remote names must be unique, got {names}", code="REMOTE_CONFIG_INVALID")
    state = doc.get("state_db") or str(p.with_name("rempart-remote.sqlite"))
    return RemotesConfig(remotes, str(state))


# --------------------------------------------------------------------------- state


_STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS remote_checkpoints (
    name TEXT PRIMARY KEY, type TEXT NOT NULL, checkpoint TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS remote_entries (
    name TEXT NOT NULL, entry TEXT NOT NULL, signal_type TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (name, entry, signal_type, value)
);
CREATE INDEX IF NOT EXISTS remote_entries_by_hash ON remote_entries(name, signal_type, value);
"""


class RemoteState:
    """Checkpoints (JSON) and, for NCMEC, which hashes each remote entry listed."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        self._conn = open_sqlite(self.path, "remote bank state")
        try:
            self._conn.executescript(_STATE_SCHEMA)
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise StorageError(f"remote bank state {self.path!r}: {e}") from None

    def close(self) -> None:
        self._conn.close()

    def checkpoint(self, name: str) -> dict | None:
        with self._lock:
            row = self._conn.execute("SELECT checkpoint FROM remote_checkpoints WHERE name=?", (name,)).fetchone()
        return None if row is None else json.loads(row[0])

    def save_checkpoint(self, name: str, kind: str, checkpoint: dict) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO remote_checkpoints(name, type, checkpoint, updated_at) VALUES (?,?,?,?) "
                "ON CONFLICT(name) DO UPDATE SET checkpoint=excluded.checkpoint, updated_at=excluded.updated_at",
                (name, kind, json.dumps(checkpoint, sort_keys=True), datetime.now(timezone.utc).isoformat()),
            )

    def replace_entry(self, name: str, entry: str, hashes: set[tuple[str, str]]) -> set[tuple[str, str]]:
        """Set the hashes an entry lists; returns the hashes no entry of `name` lists any more."""
        with self._lock:
            c = self._conn
            c.execute("BEGIN IMMEDIATE")
            try:
                old = set(c.execute("SELECT signal_type, value FROM remote_entries WHERE name=? AND entry=?",
                                    (name, entry)).fetchall())
                c.execute("DELETE FROM remote_entries WHERE name=? AND entry=?", (name, entry))
                c.executemany("INSERT INTO remote_entries VALUES (?,?,?,?)", [(name, entry, s, v) for s, v in hashes])
                orphans = {h for h in old - hashes if c.execute(
                    "SELECT 1 FROM remote_entries WHERE name=? AND signal_type=? AND value=? LIMIT 1",
                    (name, *h)).fetchone() is None}
                c.execute("COMMIT")
            except BaseException:
                c.execute("ROLLBACK")
                raise
        return orphans


# --------------------------------------------------------------------------- adapters


@dataclass
class RemoteBatch:
    """One fetched page, ready to apply: then `checkpoint` is saved."""

    adds: list[HashRecord]
    removes: list[tuple[str, str]]  # (signal_type, value)
    checkpoint: dict
    skipped: int = 0  # records of other signal types, or malformed


def _clean_tag(tag: str) -> str | None:
    t = re.sub(r"\s+", "_", str(tag).strip())[:100]
    return t or None


class StopNCIIAdapter:
    """StopNCII.org FetchHashes through threatexchange's `StopNCIIAPI`."""

    def __init__(self, config: RemoteConfig, credentials: StopNCIICredentials) -> None:
        self.config = config
        self.api = stopncii_api.StopNCIIAPI(
            credentials.subscription_key, credentials.fetch_function_key,
            base_url_override=config.base_url or credentials.base_url_override or None,
        )

    def fetch(self, checkpoint: dict | None, state: RemoteState) -> Iterator[RemoteBatch]:
        start = (checkpoint or {}).get("update_time") or self.config.start_time or \
            stopncii_api.StopNCIIAPI.DEFAULT_START_TIME
        for page in self.api.fetch_hashes_iter(start_timestamp=int(start)):
            batch = RemoteBatch([], [], {"update_time": page.nextSetTimestamp, "last_fetch_time": int(time.time())})
            latest: dict[tuple[str, str], HashRecord | None] = {}  # the last record of a hash wins
            for rec in page.hashRecords:
                st = STOPNCII_TYPES.get(rec.signalType)
                try:
                    if st is None:
                        raise ValueError(f"signal type {rec.signalType.value}")
                    value = HashRecord(st, rec.hashValue).value
                    if rec.hashStatus in STOPNCII_GONE:
                        latest[st, value] = None  # withdrawn by the victim, or deleted
                        continue
                    tags = {"stopncii"} | {t for f in rec.CSPFeedbacks for t in map(_clean_tag, f.tags) if t}
                    latest[st, value] = HashRecord(st, value, tags=tuple(sorted(tags))[:32])
                except ValueError as e:
                    batch.skipped += 1
                    log.info("stopncii: skipped record %r: %s", rec.hashValue[:80], e)
            batch.adds = [r for r in latest.values() if r is not None]
            batch.removes = [k for k, r in latest.items() if r is None]
            yield batch


class _NCMECExchange(NCMECSignalExchangeAPI):
    """threatexchange's NCMEC exchange, with the client's base URL overridable (a proxy, a test server)."""

    def __init__(self, collab: NCMECCollabConfig, user: str, password: str, base_url: str | None) -> None:
        super().__init__(collab, user, password)
        self._base_url_override = base_url

    def get_client(self, environment: ncmec_api.NCMECEnvironment) -> ncmec_api.NCMECHashAPI:
        client = super().get_client(environment)
        if self._base_url_override:
            client._base_url = self._base_url_override  # the client has no public override
        return client


class NCMECAdapter:
    """NCMEC hash sharing through threatexchange's `NCMECSignalExchangeAPI.fetch_iter`."""

    def __init__(self, config: RemoteConfig, credentials: NCMECCredentials) -> None:
        self.config = config
        collab = NCMECCollabConfig(name=config.name, environment=ncmec_api.NCMECEnvironment[config.environment],
                                   only_esp_ids=set(config.only_esp_ids))
        self.exchange = _NCMECExchange(collab, credentials.user, credentials.password, config.base_url)

    @staticmethod
    def _checkpoint_in(raw: dict | None, start_time: int | None) -> NCMECCheckpoint | None:
        if raw:
            paging = raw.get("paging_info")
            return NCMECCheckpoint(int(raw["get_entries_max_ts"]), _NCMECPagingInfo(**paging) if paging else None)
        return NCMECCheckpoint(start_time) if start_time else None

    def _records(self, entry: ncmec_api.NCMECEntryUpdate) -> tuple[list[HashRecord], int]:
        out, skipped = [], 0
        tags = tuple(t for t in (f"esp:{entry.member_id}",
                                 _clean_tag(f"ncmec:{entry.classification}") if entry.classification else None) if t)
        for kind, value in entry.fingerprints.items():
            st = NCMEC_TYPES.get((entry.entry_type, kind.lower()))
            if st is None:
                continue
            try:
                out.append(HashRecord(st, value, tags=tags, note=f"ncmec entry {entry.member_id}-{entry.id}"))
            except ValueError as e:
                skipped += 1
                log.info("ncmec: skipped fingerprint of entry %s: %s", entry.id, e)
        return out, skipped

    def fetch(self, checkpoint: dict | None, state: RemoteState) -> Iterator[RemoteBatch]:
        wanted = set(self.config.only_esp_ids)
        from threatexchange.signal_type.md5 import VideoMD5Signal
        from threatexchange.signal_type.pdq.signal import PdqSignal

        for delta in self.exchange.fetch_iter([PdqSignal, VideoMD5Signal],
                                              self._checkpoint_in(checkpoint, self.config.start_time)):
            batch = RemoteBatch([], [], _checkpoint_out(delta.checkpoint))
            for key, entry in delta.updates.items():
                if entry is None:
                    continue
                records: list[HashRecord] = []
                if not entry.deleted and (not wanted or entry.member_id in wanted):
                    records, skipped = self._records(entry)
                    batch.skipped += skipped
                orphans = state.replace_entry(self.config.name, key, {(r.signal_type, r.value) for r in records})
                batch.adds.extend(records)
                batch.removes.extend(sorted(orphans))
            yield batch


def _checkpoint_out(cp: NCMECCheckpoint) -> dict:
    return {"get_entries_max_ts": cp.get_entries_max_ts,
            "paging_info": dataclasses.asdict(cp.paging_info) if cp.paging_info else None}


# --------------------------------------------------------------------------- sync


@dataclass
class SyncReport:
    name: str
    bank: str
    pages: int = 0
    added: int = 0
    removed: int = 0
    skipped: int = 0
    checkpoint: dict | None = field(default=None)


def make_adapter(config: RemoteConfig, env: Mapping[str, str] | None = None):
    """The adapter for a remote, with its credentials read from `config.credentials_env`."""
    env = os.environ if env is None else env
    raw = env.get(config.credentials_env, "")
    cred_cls = StopNCIICredentials if config.type == "stopncii" else NCMECCredentials
    try:
        creds = cred_cls._from_str(raw) if raw.strip() else None  # threatexchange's own credential format
    except ValueError:
        creds = None
    if creds is None or not creds._are_valid():
        fmt = "function_key,subscription_key[,base_url]" if config.type == "stopncii" else "user:password"
        raise RemoteBankError(f"remote {config.name!r}: set {config.credentials_env} to {fmt}",
                              code="REMOTE_CREDENTIALS_MISSING")
    return StopNCIIAdapter(config, creds) if config.type == "stopncii" else NCMECAdapter(config, creds)


def sync_remote(store, config: RemoteConfig, state: RemoteState, adapter=None,
                on_page: Callable[[SyncReport], None] | None = None) -> SyncReport:
    """Fetch what changed since the saved checkpoint and apply it to `config.bank`, page by
    page; `on_page(report)` runs after each applied page (progress)."""
    adapter = adapter or make_adapter(config)
    try:
        store.get_bank(config.bank)
    except RempartError as e:
        if getattr(e, "code", "") != "BANK_UNKNOWN":
            raise
        store.create_bank(config.bank, source=config.type)
    report = SyncReport(config.name, config.bank)
    try:
        for batch in adapter.fetch(state.checkpoint(config.name), state):
            # Removals first: a hash one NCMEC entry drops and another (later in the page) lists
            # is removed and re-added, never lost.
            for st, value in batch.removes:
                report.removed += bool(store.remove(config.bank, STORE_SIGNAL_TYPE[st], value))
            report.added += store.add_hashes(config.bank, store_rows(batch.adds)) if batch.adds else 0
            state.save_checkpoint(config.name, config.type, batch.checkpoint)
            report.checkpoint = batch.checkpoint
            report.pages += 1
            report.skipped += batch.skipped
            if on_page is not None:
                on_page(report)
    except requests.HTTPError as e:
        status = e.response.status_code if e.response is not None else "?"
        raise RemoteBankError(f"remote {config.name!r}: HTTP {status} from {_url(e)}; "
                              f"{report.pages} page(s) applied before it, sync resumes from there") from None
    except requests.RequestException as e:
        raise RemoteBankError(f"remote {config.name!r}: {type(e).__name__}: {e}; "
                              f"{report.pages} page(s) applied before it") from None
    return report


def _url(e: requests.HTTPError) -> str:
    url = e.request.url if e.request is not None else "?"
    return url.split("?")[0]  # the query may carry paging tokens


def sync_all(store, config: RemotesConfig) -> list[SyncReport]:
    state = RemoteState(config.state_db)
    try:
        return [sync_remote(store, r, state) for r in config.remotes]
    finally:
        state.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m rempart.banks.remote", description="Fetch configured remote banks.")
    p.add_argument("--db", default=os.environ.get("REMPART_DB", "rempart.sqlite"), help="bank store (SQLite file or postgresql:// URL)")
    p.add_argument("--config", default=None, help=f"remote bank YAML (default: ${CONFIG_ENV})")
    args = p.parse_args(argv)
    from rempart.banks.store import BankStore

    try:
        config = load_config(args.config)
        if not config.remotes:
            print("rempart: no remote banks configured; nothing to do", file=sys.stderr)
            return 0
        store = BankStore(args.db)
        try:
            for r in sync_all(store, config):
                print(f"{r.name} -> bank {r.bank}: {r.pages} page(s), +{r.added} -{r.removed}, skipped {r.skipped}")
        finally:
            store.close()
    except RempartError as e:
        print(f"rempart: {e.code}: {e.message}", file=sys.stderr)
        return 5
    return 0


if __name__ == "__main__":
    sys.exit(main())
