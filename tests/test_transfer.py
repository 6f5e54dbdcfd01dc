"""USB hand-over end to end (docs/transfer.md): a volunteer laptop and the office PC, both real
kiosk stores enrolled with the reference provincial server (a real subprocess), a folder standing
in for the stick. Export → import twice → both sides sync → exactly one case per report."""
from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk import catalog, items
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.photos import Photo, prepare_photo
from kiosk.reports import FiledReport, ReportDraft, file_report
from sync import enrol, outbox
from sync.engine import run_sync
from sync.secrets import BACKEND_KEY, SecretStore
from sync.transfer import confirm_receipt, export_transfer, import_transfer
from sync.transfer_format import part_path, receipt_path
from tests.server_support import Province, province  # noqa: F401 - fixture
from tests.support import jpeg_bytes, seeded_store

COMMUNE = "29284"     # the bundled demo office's commune
PHONE = "0912345678"
NAME = "Trần Thị Bích"
CONSENT = "Tôi đồng ý để cán bộ xã liên hệ với tôi về phản ánh này."


@dataclass
class Kiosk:
    store: Store
    secrets: SecretStore

    @property
    def conn(self):  # noqa: ANN201
        return self.store.conn()

    @property
    def device_id(self) -> str:
        return str(catalog.get_setting(self.conn, enrol.DEVICE_ID_KEY))

    def sync(self):  # noqa: ANN201
        report = run_sync(self.store, secrets=self.secrets)
        assert report.error is None, report.error
        return report

    def count(self, sql: str, *args: object) -> int:
        return int(self.conn.execute(sql, args).fetchone()[0])


def make_kiosk(data_dir: Path, province: Province | None = None) -> Kiosk:  # noqa: F811
    """A seeded store using the file secret store (so `main.py` subprocesses read the same
    keys), enrolled with the province when one is given."""
    store = seeded_store(data_dir)
    with transaction(store.conn()):
        catalog.set_setting(store.conn(), BACKEND_KEY, "file")
    kiosk = Kiosk(store, SecretStore.for_store(store.conn(), store.data_dir))
    if province is not None:
        enrol.enrol(kiosk.conn, province.url, province.enrol_code(COMMUNE), kiosk.secrets)
    return kiosk


def noise_photo(seed: int, size: tuple[int, int] = (500, 400)) -> Photo:
    """A photo that does not compress away, so files have real weight."""
    from PIL import Image

    rng = random.Random(seed)
    image = Image.frombytes("RGB", size, rng.randbytes(3 * size[0] * size[1]))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return prepare_photo(out.getvalue())


def file_three(laptop: Kiosk) -> list[FiledReport]:
    """Three reports filed in the field; the first with a name, a phone and two photos."""
    photos = [noise_photo(1), prepare_photo(jpeg_bytes((900, 700), "blue"))]
    return [
        file_report(laptop.store, ReportDraft(
            category_id="moi-truong", text="Rác đổ trộm ở đầu ngõ 5", photos=photos,
            contact_name=NAME, contact_phone=PHONE, consent_text=CONSENT), channel="volunteer"),
        file_report(laptop.store, ReportDraft(category_id="ha-tang", text="Đèn đường hỏng",
                                              hamlet_id="ap-hoa-binh"), channel="volunteer"),
        file_report(laptop.store, ReportDraft(category_id="moi-truong", text="Cống nghẹt",
                                              photos=[photos[1]]), channel="volunteer"),
    ]


@dataclass
class Pair:
    laptop: Kiosk
    office: Kiosk
    stick: Path


@pytest.fixture()
def pair(tmp_path: Path, province: Province) -> Pair:  # noqa: F811
    # Order matters: each device learns the others from the feed, so both enrol, then both sync.
    laptop = make_kiosk(tmp_path / "laptop", province)
    office = make_kiosk(tmp_path / "office", province)
    laptop.sync()
    office.sync()
    stick = tmp_path / "stick"
    stick.mkdir()
    yield Pair(laptop, office, stick)
    laptop.store.close()
    office.store.close()


def _cases_by_code(province: Province) -> dict[str, int]:  # noqa: F811
    out: dict[str, int] = {}
    for case in province.cases():
        out[case["tracking_code"]] = out.get(case["tracking_code"], 0) + 1
    return out


def _code_of(error: pytest.ExceptionInfo[KioskError]) -> str:
    return error.value.code


def test_devices_learn_each_other_through_the_feed(pair: Pair) -> None:
    for me, other in ((pair.laptop, pair.office), (pair.office, pair.laptop)):
        row = me.conn.execute("SELECT public_key, box_key, revoked_utc FROM devices WHERE id = ?",
                              (other.device_id,)).fetchone()
        assert row is not None and row[0] == enrol.public_key_of(
            other.secrets.get(enrol.DEVICE_KEY_SECRET)) and row[1] and row[2] is None


def test_export_import_twice_then_both_sync_gives_one_case_per_report(
        pair: Pair, province: Province) -> None:  # noqa: F811
    laptop, office = pair.laptop, pair.office
    filed = file_three(laptop)
    path = pair.stick / "chuyen-giao.cnt"
    done = export_transfer(laptop.store, path, secrets=laptop.secrets)
    assert (done.items, done.photos, done.parts, done.path) == (3, 2, 1, str(path))
    assert done.bytes == path.stat().st_size and not list(pair.stick.glob("*.tmp"))
    # nothing marked at export: the laptop still sends them itself if the office never does
    assert outbox.counts(laptop.conn)["pending"] == 3
    # personal fields are sealed: neither the phone nor the name is in the file in clear
    raw = path.read_bytes()
    assert PHONE.encode() not in raw and NAME.encode() not in raw
    assert "Rác đổ trộm".encode() in raw          # the public part is readable on purpose

    first = import_transfer(office.store, path, secrets=office.secrets)
    assert (first.imported, first.skipped) == (3, 0)
    assert first.receipt == str(receipt_path(path)) and Path(first.receipt).exists()
    again = import_transfer(office.store, path, secrets=office.secrets)
    assert (again.imported, again.skipped) == (0, 3)
    assert office.count("SELECT count(*) FROM reports") == 3
    assert office.count("SELECT count(*) FROM outbox WHERE state = 'pending'") == 3
    # the original uuids and hashes, the resident's code, dates and contact details
    for f in filed:
        lap = laptop.conn.execute("SELECT item_uuid, item_hash FROM outbox WHERE ref_id = ?",
                                  (f.id,)).fetchone()
        off = office.conn.execute("SELECT item_uuid, item_hash FROM outbox WHERE ref_id = ?",
                                  (f.id,)).fetchone()
        assert tuple(lap) == tuple(off) == (f.id, tuple(lap)[1])
        row = office.conn.execute("SELECT code, created_utc, due_date, channel FROM reports"
                                  " WHERE id = ?", (f.id,)).fetchone()
        assert tuple(row) == (f.code, f.created_utc, f.due_date.isoformat(), "volunteer")
    # (read through the payload builder: the store may keep them sealed at rest)
    kept = items.report_payload(office.conn, filed[0].id)
    assert (kept["contact_name"], kept["contact_phone"]) == (NAME, PHONE)
    assert office.count("SELECT count(*) FROM report_media WHERE report_id = ?", filed[0].id) == 2

    sent = office.sync()
    assert sent.sent == 3 and sent.photos_uploaded == 2
    assert _cases_by_code(province) == {f.code: 1 for f in filed}
    late = laptop.sync()      # the laptop never got the receipt: it sends, the server knows them
    assert (late.sent, late.duplicates, late.photos_uploaded) == (0, 3, 0)
    assert _cases_by_code(province) == {f.code: 1 for f in filed}
    assert outbox.counts(laptop.conn)["pending"] == 0
    assert {c["client_id"] for c in province.cases()} == {f.id for f in filed}


def test_receipt_confirms_on_the_laptop_and_nothing_is_sent_twice(
        pair: Pair, province: Province) -> None:  # noqa: F811
    laptop, office = pair.laptop, pair.office
    filed = file_three(laptop)
    path = pair.stick / "chuyen-giao.cnt"
    export_transfer(laptop.store, path, secrets=laptop.secrets)
    import_transfer(office.store, path, secrets=office.secrets)

    # A fourth report, then the next export to the same stick: the receipt there is applied
    # first, so only the new report goes out.
    fourth = file_report(laptop.store, ReportDraft(category_id="khac", text="Cây đổ"),
                         channel="volunteer")
    second = export_transfer(laptop.store, path, secrets=laptop.secrets)
    assert (second.confirmed, second.items) == (3, 1)
    states = dict(laptop.conn.execute("SELECT ref_id, state || ':' || coalesce(reason, '')"
                                      " FROM outbox").fetchall())
    assert states == {**{f.id: "sent:handed_over" for f in filed}, fourth.id: "pending:"}
    # the laptop in the field no longer keeps the resident's contact details
    gone = items.report_payload(laptop.conn, filed[0].id)
    assert (gone["contact_name"], gone["contact_phone"]) == (None, None)
    result = import_transfer(office.store, path, secrets=office.secrets)
    assert (result.imported, result.skipped) == (1, 0)
    again = confirm_receipt(laptop.store, path, secrets=laptop.secrets)
    assert (again.confirmed, again.already, again.office_device) == (1, 0, office.device_id)
    assert outbox.counts(laptop.conn)["pending"] == 0
    with pytest.raises(KioskError) as nothing:
        export_transfer(laptop.store, path, secrets=laptop.secrets)
    assert _code_of(nothing) == "transfer_nothing"

    assert laptop.sync().sent == 0      # handed over: not sent again from the laptop
    assert office.sync().sent == 4
    assert _cases_by_code(province) == {f.code: 1 for f in [*filed, fourth]}

    # a receipt someone edited (one more uuid) is refused and marks nothing
    receipt = receipt_path(path)
    receipt.write_text(receipt.read_text(encoding="utf-8").replace(fourth.id, filed[0].id),
                       encoding="utf-8")
    with pytest.raises(KioskError) as bad:
        confirm_receipt(laptop.store, receipt, secrets=laptop.secrets)
    assert _code_of(bad) == "transfer_receipt_corrupt"


def test_a_flipped_byte_anywhere_is_refused_and_nothing_imported(pair: Pair) -> None:
    laptop, office = pair.laptop, pair.office
    file_three(laptop)
    path = pair.stick / "x.cnt"
    export_transfer(laptop.store, path, secrets=laptop.secrets)
    good = path.read_bytes()
    size = len(good)
    header_end = good.index(b'"version"')   # somewhere inside the header
    for offset in (0, 17, 24, header_end, size // 2, size - 100, size - 80, size - 40, size - 1):
        bad = bytearray(good)
        bad[offset] ^= 0x01
        path.write_bytes(bytes(bad))
        with pytest.raises(KioskError) as refused:
            import_transfer(office.store, path, secrets=office.secrets)
        assert _code_of(refused) == "transfer_corrupt", offset
        assert describe(refused.value) == "Tệp chuyển giao bị hỏng hoặc đã bị sửa; không nhập gì."
    assert office.count("SELECT count(*) FROM reports") == 0
    assert office.count("SELECT count(*) FROM outbox") == 0
    assert not receipt_path(path).exists()
    path.write_bytes(good)
    assert import_transfer(office.store, path, secrets=office.secrets).imported == 3


def test_unknown_then_revoked_exporter_is_refused(pair: Pair, province: Province,  # noqa: F811
                                                  tmp_path: Path) -> None:
    office = pair.office
    # A device enrolled after the office last synced: the office does not know its key yet.
    stranger = make_kiosk(tmp_path / "stranger", province)
    stranger.sync()
    file_report(stranger.store, ReportDraft(category_id="khac", text="Đường ngập"))
    path = pair.stick / "s.cnt"
    export_transfer(stranger.store, path, secrets=stranger.secrets)
    with pytest.raises(KioskError) as unknown:
        import_transfer(office.store, path, secrets=office.secrets)
    assert _code_of(unknown) == "transfer_unknown_device"
    assert stranger.device_id in describe(unknown.value)
    # The province revokes the stranger; the office learns both at its next sync.
    done = province.run_cli("device", "revoke", stranger.device_id)
    assert done.returncode == 0, done.stderr
    office.sync()
    with pytest.raises(KioskError) as revoked:
        import_transfer(office.store, path, secrets=office.secrets)
    assert _code_of(revoked) == "transfer_revoked_device"
    assert office.count("SELECT count(*) FROM reports") == 0
    # the laptop learns the revocation too (a revoked device is neither trusted nor sealed for)
    pair.laptop.sync()
    assert pair.laptop.count("SELECT count(*) FROM devices WHERE revoked_utc IS NOT NULL") == 1
    stranger.store.close()


def test_split_into_parts_and_a_missing_part_is_named(pair: Pair) -> None:
    laptop, office = pair.laptop, pair.office
    file_report(laptop.store, ReportDraft(category_id="khac", text="Ảnh nhiều",
                                          photos=[noise_photo(7), noise_photo(8)]))
    filed = file_three(laptop)
    path = pair.stick / "lon.cnt"
    biggest = max(len(noise_photo(s).data) for s in (1, 7, 8))
    limit = biggest + 40_000                 # room for the header and one big photo per part
    done = export_transfer(laptop.store, path, secrets=laptop.secrets, part_limit=limit)
    assert done.parts >= 3 and done.photos == 4 and not path.exists()
    names = [part_path(pair.stick / "lon", k) for k in range(1, done.parts + 1)]
    assert done.files == [str(n) for n in names]
    assert all(n.stat().st_size <= limit for n in names)
    assert sum(n.stat().st_size for n in names) == done.bytes

    hidden = names[1].rename(names[1].with_suffix(".hidden"))
    with pytest.raises(KioskError) as missing:
        import_transfer(office.store, path, secrets=office.secrets)
    assert _code_of(missing) == "transfer_part_missing" and missing.value.params["missing"] == "2"
    assert "Thiếu phần 2" in describe(missing.value)
    assert office.count("SELECT count(*) FROM reports") == 0
    hidden.rename(names[1])
    result = import_transfer(office.store, names[2], secrets=office.secrets)   # any part will do
    assert (result.imported, result.skipped) == (4, 0)
    assert office.count("SELECT count(*) FROM media WHERE data IS NOT NULL") == 4
    assert {r[0] for r in office.conn.execute("SELECT code FROM reports")} >= {
        f.code for f in filed}


def test_no_office_known_or_no_key_writes_nothing(tmp_path: Path,
                                                  province: Province) -> None:  # noqa: F811
    alone = make_kiosk(tmp_path / "alone", province)
    alone.sync()
    file_report(alone.store, ReportDraft(category_id="khac", text="Mất điện"))
    stick = tmp_path / "stick"
    stick.mkdir()
    with pytest.raises(KioskError) as nobody:
        export_transfer(alone.store, stick / "a.cnt", secrets=alone.secrets)
    assert _code_of(nobody) == "transfer_no_recipient"
    assert describe(nobody.value).startswith(
        "Chưa biết máy nào của xã để mã hóa — hãy đồng bộ ở xã trước")
    assert list(stick.iterdir()) == []
    alone.secrets.delete(enrol.DEVICE_KEY_SECRET)
    with pytest.raises(KioskError) as keyless:
        export_transfer(alone.store, stick / "a.cnt", secrets=alone.secrets)
    assert _code_of(keyless) == "transfer_no_device_key"
    assert list(stick.iterdir()) == []
    alone.store.close()
