"""Sync benchmarks against the reference provincial server (a real subprocess on loopback), each
against a floor from the same run:

- wire: bytes on the wire (both directions, counted by the fault proxy with no fault and no
  shaping) to sync 200 reports with 60 photos, vs the payload floor = photo bytes +
  gzip(JSON of the items); requests other than photo uploads per report; uploads per photo.
  Target ≤ 1.05×, ≤ 0.1 request per report, each photo uploaded once.
- link: time to sync 20 reports with 6 photos (~1.5 MB) through the proxy shaped to 256 kbit/s
  and 300 ms RTT, vs payload floor ÷ bandwidth. Target ≤ 1.15×.
- loopback: reports per second into the server by a whole run_sync (unthrottled, no proxy), and
  the same number of rows inserted by a bare in-process loop into the same schema (items +
  cases, same batch size, same SQLite settings): the sync's cost over the storage floor.
The whole sync is timed and counted, changes pull included: that is what a kiosk pays.
"""
from __future__ import annotations

import gzip
import io
import json
import random
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]  # `queue` shadowing
sys.path.insert(0, str(_HERE.parent))

WIRE_REPORTS, WIRE_PHOTOS = 200, 60
LINK_REPORTS, LINK_PHOTOS = 20, 6
PHOTO_SIDE = 620                  # noise JPEG → ≈ 250 KB after kiosk.photos.prepare_photo
LINK_BPS = 256_000 // 8           # bytes per second, each direction
LINK_LATENCY_S = 0.15             # one way: 300 ms RTT
LOOP_REPORTS = 1000
COMMUNE = "29284"


def _noise_photo(rng: random.Random, side: int) -> Any:
    from PIL import Image

    from kiosk.photos import prepare_photo

    raw = io.BytesIO()
    Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3)).save(raw, "JPEG",
                                                                             quality=90)
    return prepare_photo(raw.getvalue())


class _Kiosk:
    """A seeded store enrolled with the server directly, then pointed at `url` (the proxy)."""

    def __init__(self, root: Path, province: Any, url: str) -> None:
        from kiosk import catalog
        from sync import enrol
        from sync.secrets import SecretStore
        from tests.support import seeded_store

        self.store = seeded_store(root)
        self.secrets = SecretStore.for_store(self.store.conn(), self.store.data_dir)
        enrol.enrol(self.store.conn(), province.url, province.enrol_code(COMMUNE), self.secrets)
        catalog.set_setting(self.store.conn(), enrol.SERVER_URL_KEY, url)
        self.photo_bytes = 0
        self.calls: Counter[tuple[str, str]] = Counter()

    def file(self, reports: int, photos: int, rng: random.Random) -> None:
        from kiosk.reports import ReportDraft, file_report

        for n in range(reports):
            shots = [_noise_photo(rng, PHOTO_SIDE)] if n < photos else []
            self.photo_bytes += sum(len(p.data) for p in shots)
            file_report(self.store, ReportDraft(
                category_id="moi-truong", photos=shots,
                text=f"Phản ánh số {n + 1}: rác đổ trộm ở đầu ngõ, nhiều ngày chưa dọn"))

    def payload_floor(self) -> int:
        """Photo bytes + gzip of the JSON of every pending item (what must cross, at best)."""
        from sync import outbox

        items = [i.wire().model_dump(mode="json") for i in outbox.pending(self.store.conn())]
        text = json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode()
        return self.photo_bytes + len(gzip.compress(text, compresslevel=9, mtime=0))

    def sync(self) -> Any:
        from sync.engine import run_sync
        from sync.http import Transport

        calls = self.calls

        class Counting(Transport):
            def call(self, method: str, path: str, **kwargs: Any) -> Any:
                photo = method in ("PUT", "HEAD") and path.startswith("/media/")
                calls[(method, "/media/{sha256}" if photo else path)] += 1
                return super().call(method, path, **kwargs)

        def factory(base_url: str, token: str | None = None, *,
                    ca_bundle: str | None = None) -> Transport:
            return Counting(base_url, token, ca_bundle=ca_bundle)

        report = run_sync(self.store, secrets=self.secrets, transport_factory=factory)
        if report.error is not None or report.pending:
            raise RuntimeError(f"sync did not finish: {report.as_json()}")
        return report


def _wire(tmp: Path, province: Any) -> dict[str, float]:
    from tests.faultproxy import FaultProxy

    with FaultProxy(province.port) as proxy:
        kiosk = _Kiosk(tmp / "wire", province, proxy.url)
        kiosk.file(WIRE_REPORTS, WIRE_PHOTOS, random.Random(1))
        floor = kiosk.payload_floor()
        report = kiosk.sync()
        wire = proxy.bytes_up + proxy.bytes_down
        kiosk.store.close()
    puts = sum(n for (method, _), n in kiosk.calls.items() if method == "PUT")
    others = sum(kiosk.calls.values()) - puts
    r = {"wire_bytes": wire, "floor_bytes": floor, "wire_ratio": wire / floor,
         "requests_per_report": others / WIRE_REPORTS, "uploads_per_photo": puts / WIRE_PHOTOS,
         "photos_uploaded": report.photos_uploaded}
    met = r["wire_ratio"] <= 1.05 and r["requests_per_report"] <= 0.1 and puts == WIRE_PHOTOS
    print(f"sync wire: {WIRE_REPORTS} reports with {WIRE_PHOTOS} photos, {wire / 1e6:.2f} MB on "
          f"the wire vs payload floor {floor / 1e6:.2f} MB (photos + gzip JSON): "
          f"{r['wire_ratio']:.3f}× (target ≤ 1.05×); requests other than photo uploads "
          f"{others} = {r['requests_per_report']:.3f} per report (target ≤ 0.1: "
          f"{dict(sorted((f'{m} {p}', n) for (m, p), n in kiosk.calls.items()))}); "
          f"uploads per photo {r['uploads_per_photo']:.2f} (target 1) — "
          f"target {'met' if met else 'not met'}")
    return r


def _link(tmp: Path, province: Any) -> dict[str, float]:
    from tests.faultproxy import FaultProxy

    with FaultProxy(province.port) as proxy:
        kiosk = _Kiosk(tmp / "link", province, proxy.url)
        kiosk.file(LINK_REPORTS, LINK_PHOTOS, random.Random(2))
        floor = kiosk.payload_floor()
        proxy.set_link(latency_s=LINK_LATENCY_S, bandwidth_bps=LINK_BPS)
        start = time.perf_counter()
        kiosk.sync()
        took = time.perf_counter() - start
        wire = proxy.bytes_up + proxy.bytes_down
        kiosk.store.close()
    ideal = floor / LINK_BPS
    r = {"link_s": took, "link_floor_s": ideal, "link_ratio": took / ideal,
         "link_payload_mb": floor / 1e6}
    print(f"sync over 256 kbit/s, 300 ms RTT: {LINK_REPORTS} reports with {LINK_PHOTOS} photos "
          f"({floor / 1e6:.2f} MB payload, {wire / 1e6:.2f} MB on the wire) in {took:.1f} s vs "
          f"payload ÷ bandwidth {ideal:.1f} s: {r['link_ratio']:.3f}× (target ≤ 1.15×) — "
          f"target {'met' if r['link_ratio'] <= 1.15 else 'not met'}")
    return r


def _bare_inserts(db_path: Path, n: int, batch: int) -> float:
    """Seconds to insert n reports' rows (items + cases) in transactions of `batch`, in-process,
    into the server's schema with the server's SQLite settings: the storage floor."""
    from server.db import Database
    from server.schema import cases, devices, enrol_codes, items
    from tests.server_support import report_payload

    db = Database(str(db_path))
    db.init()
    payloads = [report_payload(tracking_code=f"B{n_:010d}") for n_ in range(n)]
    device = str(uuid.uuid4())
    with db.write() as conn:
        conn.execute(enrol_codes.insert().values(
            id="bench", code_sha256="0" * 64, commune=COMMUNE, created_at="2026-01-05T08:00:00Z",
            expires_at="2026-01-08T08:00:00Z", device_id=device, used_at="2026-01-05T08:00:00Z"))
        conn.execute(devices.insert().values(
            id=device, commune=COMMUNE, public_key="A" * 43, token_sha256="1" * 64,
            code_id="bench", label="bench", enrolled_at="2026-01-05T08:00:00Z"))
    start = time.perf_counter()
    for first in range(0, n, batch):
        with db.write() as conn:
            for i in range(first, min(n, first + batch)):
                client = str(uuid.uuid4())
                conn.execute(items.insert().values(
                    uuid=client, kind="report", hash="0" * 64, device_id=device,
                    commune=COMMUNE, received_at="2026-01-05T08:00:00Z", ref=f"PA-{i}"))
                conn.execute(cases.insert().values(
                    ref=f"PA-{i}", client_id=client, tracking_code=payloads[i]["tracking_code"],
                    commune=COMMUNE, category="moi-truong", status="received",
                    created_at="2026-01-05T08:00:00Z", due_date="2026-01-19",
                    payload=payloads[i]))
    took = time.perf_counter() - start
    db.dispose()
    return took


def _loopback(tmp: Path, province: Any) -> dict[str, float]:
    kiosk = _Kiosk(tmp / "loop", province, province.url)
    kiosk.file(LOOP_REPORTS, 0, random.Random(3))
    hello = json.loads(__import__("requests").get(f"{province.url}/api/v1/hello",
                                                  timeout=10).content)
    start = time.perf_counter()
    kiosk.sync()
    took = time.perf_counter() - start
    kiosk.store.close()
    bare = _bare_inserts(tmp / "bare.sqlite3", LOOP_REPORTS, int(hello["max_batch_items"]))
    r = {"sync_reports_per_s": LOOP_REPORTS / took, "bare_reports_per_s": LOOP_REPORTS / bare,
         "loopback_ratio": took / bare}
    print(f"sync on loopback (unthrottled): {LOOP_REPORTS} reports in {took:.2f} s = "
          f"{r['sync_reports_per_s']:.0f} reports/s into the server (whole run_sync, changes "
          f"pull included); bare server-side insert loop {r['bare_reports_per_s']:.0f} rows/s; "
          f"ratio {r['loopback_ratio']:.1f}× the bare insert time")
    return r


def main() -> dict[str, float]:
    import keyring

    from tests.secrets_support import MemoryKeyring
    from tests.server_support import Province

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    r: dict[str, float] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            # a fresh server each: a kiosk pulls its commune's cases, earlier benches' too
            for name, bench in (("wire", _wire), ("loop", _loopback), ("link", _link)):
                province = Province(tmp / f"province-{name}.sqlite3").start()
                try:
                    r |= bench(tmp, province)
                finally:
                    province.kill()
    finally:
        keyring.set_keyring(previous)
    return r


if __name__ == "__main__":
    main()
