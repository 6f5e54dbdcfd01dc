"""Importing paper forms from CSV: checked whole, every bad row listed, all rows or none stored."""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk import catalog, report_import, report_template
from kiosk.clock import from_iso
from kiosk.consent import PAPER_CONSENT, consent_hash, paper_consent_text
from kiosk.errors import KioskError
from kiosk.messages import MESSAGES, describe
from kiosk.messages_import import describe_row
from kiosk.report_import import IMPORTED_KEY, import_file
from kiosk.report_template import COLUMNS, write_template
from kiosk.reports import ReportDraft, file_reports, get_report
from kiosk.workdays import due_date
from tests.support import counts, jpeg_bytes
from tests.test_cli import imported, run

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
HEADERS = [c.header for c in COLUMNS]
NOTHING = {"reports": 0, "media": 0, "report_media": 0, "outbox": 0}


def day(days_ago: int = 0) -> str:
    return f"{datetime.now(ZONE).date() - timedelta(days=days_ago):%d/%m/%Y}"


def row(form: str = "PA-001", received: str | None = None, category: str = "Môi trường",
        text: str = "Rác thải đổ ra kênh cạnh cầu", hamlet: str = "Ấp Hòa Bình",
        address: str = "", name: str = "", phone: str = "", consent: str = "") -> list[str]:
    return [form, received or day(2), category, text, hamlet, address, name, phone, consent]


def sheet(rows: list[list[str]], delimiter: str = ",", header: list[str] | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([header or HEADERS, *rows])
    return out.getvalue()


def write(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig",
          delimiter: str = ",") -> Path:
    path.write_bytes(sheet(rows, delimiter).encode(encoding))
    return path


def codes_of(result: report_import.ImportResult) -> list[tuple[int, str]]:
    return [(e.row, e.code) for e in result.errors]


def test_template_round_trip(store, tmp_path: Path) -> None:
    template, guide = write_template(store.conn(), tmp_path / "mau.csv")
    raw = template.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\r\n")   # Excel-friendly UTF-8
    assert raw.decode("utf-8-sig").strip() == ",".join(HEADERS)
    notes = guide.read_bytes().decode("utf-8-sig")
    assert guide.name == "mau.huong-dan.txt" and unicodedata.is_normalized("NFC", notes)
    for c in catalog.categories(store.conn()):
        assert f"{c.id} — {c.name_vi}" in notes
    for h in catalog.hamlets(store.conn()):
        assert f"{h.id} — {h.name}" in notes
    assert PAPER_CONSENT["vi"] in notes
    with template.open("a", encoding="utf-8", newline="") as fh:   # the clerk fills it in
        csv.writer(fh, lineterminator="\r\n").writerows([
            row("PA-001", day(3)),
            row("PA-002", day(0), "Y tế", "Trạm y tế thiếu thuốc", "", "Trạm y tế xã",
                "Trần Thị Mai", "0987654321", "có"),
            row("PA-003", day(40), "ha-tang", "Đèn đường hỏng", "khu-pho-1"),
        ])
    result = import_file(store, template)
    assert result.errors == [] and result.rows == 3 and len(result.imported) == 3
    assert counts(store.path) == {"reports": 3, "media": 0, "report_media": 0, "outbox": 3}
    conn = store.conn()
    rows = {r["code"]: r for r in conn.execute(
        "SELECT r.code, r.category_id, r.hamlet_id, r.channel, r.created_utc, r.device_utc,"
        " r.due_date, o.kind, o.item_hash FROM reports r"
        " JOIN outbox o ON o.ref_id = r.id")}
    cal = catalog.calendar(conn)
    for item, received, category in zip(result.imported, (3, 0, 40),
                                        ("moi-truong", "y-te", "ha-tang")):
        stored = rows[item.code.replace("-", "")]
        assert stored["category_id"] == category and stored["channel"] == "volunteer"
        assert stored["kind"] == "report" and len(stored["item_hash"]) == 64
        created = from_iso(stored["created_utc"]).astimezone(ZONE)
        assert created.date() == datetime.now(ZONE).date() - timedelta(days=received)
        assert created <= from_iso(stored["device_utc"]).astimezone(ZONE)
        reply = catalog.category(conn, category).reply_days
        assert item.due_date == due_date(cal, created, reply)   # counted from the paper's date
        assert stored["due_date"] == item.due_date.isoformat()
    assert get_report(conn, result.imported[1].code).phone_masked == "098****321"
    assert get_report(conn, result.imported[0].code).anonymous
    # The office hands receipts back from the results file: form number → tracking code.
    assert result.results == tmp_path / "mau.ket-qua.csv"
    back = list(csv.reader(io.StringIO(result.results.read_bytes().decode("utf-8-sig"))))
    assert back[0] == list(report_template.RESULT_HEADERS)
    assert [r[:3] for r in back[1:]] == [[str(i.row), i.form, i.code] for i in result.imported]
    assert "Trần Thị Mai" not in result.results.read_text(encoding="utf-8-sig")
    assert sorted(catalog.get_setting(conn, IMPORTED_KEY)) == ["pa-001", "pa-002", "pa-003"]


@pytest.mark.parametrize("encoding, delimiter", [
    ("utf-8", ","), ("utf-8-sig", ","), ("utf-8-sig", ";"),
    ("utf-16", "\t"),            # Excel's “Unicode Text”: UTF-16 LE with BOM, TAB-separated
    ("utf-16-be-bom", ","),
])
def test_encodings_excel_writes(store, tmp_path: Path, encoding: str, delimiter: str) -> None:
    text = sheet([row(text="Nước sinh hoạt đục, có mùi; không dùng được",
                      name="Lê Văn Đức", phone="0912345678", consent="Có")], delimiter)
    data = ("\ufeff" + text).encode("utf-16-be") if encoding == "utf-16-be-bom" \
        else text.encode(encoding)
    path = tmp_path / "phieu.csv"
    path.write_bytes(data)
    plan = report_import.check(store.conn(), path)
    assert plan.errors == [] and plan.delimiter == delimiter
    assert plan.rows[0].draft.contact_name == "Lê Văn Đức"
    result = import_file(store, path)
    assert result.errors == [] and len(result.imported) == 1
    view = get_report(store.conn(), result.imported[0].code)
    assert view.text == "Nước sinh hoạt đục, có mùi; không dùng được"
    assert view.phone_masked == "091****678"


def test_nfd_input_is_stored_nfc(store, tmp_path: Path) -> None:
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731 - macOS and some IMEs type NFD
    path = write(tmp_path / "nfd.csv", [row(
        category=nfd("Môi trường"), text=nfd("Khói từ lò đốt rác"), hamlet=nfd("Ấp Mỹ Đông"),
        address=nfd("Cạnh chợ"), name=nfd("Nguyễn Thị Hoà"), phone="0912345678",
        consent=nfd("có"))])
    draft = report_import.check(store.conn(), path).rows[0].draft
    assert draft.contact_name == "Nguyễn Thị Hoà" and draft.contact_name != nfd(draft.contact_name)
    result = import_file(store, path)
    assert result.errors == []
    stored = store.conn().execute(
        "SELECT category_id, text, hamlet_id, address FROM reports").fetchone()
    assert stored["category_id"] == "moi-truong" and stored["hamlet_id"] == "ap-my-dong"
    for value in (stored["text"], stored["address"]):
        assert unicodedata.is_normalized("NFC", value)
    assert stored["text"] == "Khói từ lò đốt rác"


def test_dry_run_lists_every_bad_row_and_stores_nothing(store, tmp_path: Path) -> None:
    path = write(tmp_path / "loi.csv", [
        row("PA-1"),                                                   # row 2: fine
        row("PA-2", phone="0912", name="Ba", consent="có"),            # row 3
        ["", "", "", "", "", "", "", "", ""],                          # row 4: blank, skipped
        row("", received="31/02/2025", category="Khong co", text=""),  # row 5
        row("PA-6", received=day(-2), consent="chắc chắn"),            # row 6
        row("PA-7", name="Trần Văn B"),                                # row 7: no consent
    ])
    result = import_file(store, path, dry_run=True)
    assert result.dry_run and result.imported == [] and result.rows == 5
    assert codes_of(result) == [
        (3, "phone_invalid"),
        (5, "import_form_required"), (5, "import_date_invalid"),
        (5, "import_category_unknown"), (5, "text_required"),
        (6, "import_date_future"), (6, "import_consent_invalid"),
        (7, "import_contact_needs_consent"),
    ]
    said = [describe_row(e) for e in result.errors]
    assert said[0].startswith("Dòng 3 (phiếu PA-2): Số điện thoại không đúng")
    assert said[1] == "Dòng 5: Thiếu số phiếu."
    assert describe_row(result.errors[0], "en").startswith("Row 3 (form PA-2): That phone")
    assert counts(store.path) == NOTHING
    assert catalog.get_setting(store.conn(), IMPORTED_KEY) is None
    clean = write(tmp_path / "ok.csv", [row("PA-1")])
    dry = import_file(store, clean, dry_run=True)
    assert dry.errors == [] and dry.rows == 1 and dry.imported == []
    assert counts(store.path) == NOTHING and not (tmp_path / "ok.ket-qua.csv").exists()


def test_one_bad_row_among_good_stores_nothing(store, tmp_path: Path) -> None:
    rows = [row(f"PA-{n}") for n in range(1, 6)]
    rows[3] = row("PA-4", text="ư" * 4001)
    result = import_file(store, write(tmp_path / "f.csv", rows))
    assert codes_of(result) == [(5, "text_too_long")] and result.imported == []
    assert "vượt quá 4000" in describe_row(result.errors[0])
    assert counts(store.path) == NOTHING
    assert not (tmp_path / "f.ket-qua.csv").exists()


def test_duplicate_form_numbers_refused(store, tmp_path: Path) -> None:
    twice = import_file(store, write(tmp_path / "a.csv", [row("PA-1"), row("pa-1 ")]))
    assert codes_of(twice) == [(3, "import_form_duplicate")]
    assert describe_row(twice.errors[0]) == "Dòng 3 (phiếu pa-1): Số phiếu pa-1 trùng với dòng 2."
    first = import_file(store, write(tmp_path / "b.csv", [row("PA-1"), row("PA-2")]))
    assert len(first.imported) == 2
    again = import_file(store, write(tmp_path / "c.csv", [row("PA-3"), row("PA-2")]))
    assert codes_of(again) == [(3, "import_form_imported")]
    assert first.imported[1].code in describe_row(again.errors[0])
    assert counts(store.path)["reports"] == 2


def test_form_imported_meanwhile_rolls_back(store, tmp_path: Path) -> None:
    """Two imports racing: the second finds the form taken inside its transaction."""
    path = write(tmp_path / "a.csv", [row("PA-1"), row("PA-2")])
    plan = report_import.check(store.conn(), path)
    assert plan.errors == []
    import_file(store, write(tmp_path / "b.csv", [row("PA-2")]))
    with pytest.raises(KioskError) as err:
        report_import.commit(store, plan)
    assert err.value.code == "import_form_imported_meanwhile" and err.value.params["row"] == 3
    assert counts(store.path)["reports"] == 1
    assert sorted(catalog.get_setting(store.conn(), IMPORTED_KEY)) == ["pa-2"]


@pytest.mark.parametrize("category, hamlet, want_category, want_hamlet", [
    ("moi truong", "hoa binh", "moi-truong", "ap-hoa-binh"),
    ("MÔI TRƯỜNG", "AP HOA BINH", "moi-truong", "ap-hoa-binh"),
    ("Hạ tầng", "Khu pho 1", "ha-tang", "khu-pho-1"),              # hint in brackets optional
    ("Van hoa - du lich", "ap-tan-thanh", "van-hoa-du-lich", "ap-tan-thanh"),
    ("Văn hoá – du lịch", "Ấp Bình Phú", "van-hoa-du-lich", "ap-binh-phu"),  # old tone marks
    ("Health", "", "y-te", None),
    ("thai do phuc vu cua can bo", "my dong", "thai-do-phuc-vu", "ap-my-dong"),
])
def test_names_match_without_diacritics(store, tmp_path: Path, category: str, hamlet: str,
                                        want_category: str, want_hamlet: str | None) -> None:
    result = import_file(store, write(tmp_path / "n.csv", [row(category=category,
                                                                hamlet=hamlet)]))
    assert result.errors == []
    stored = store.conn().execute("SELECT category_id, hamlet_id FROM reports").fetchone()
    assert tuple(stored) == (want_category, want_hamlet)


def test_unknown_names_suggest_close_ones(store, tmp_path: Path) -> None:
    result = import_file(store, write(tmp_path / "n.csv", [
        row(category="moi truong nuoc", hamlet="Ap Hoa Binh 2"), row("PA-2", hamlet="1")]))
    assert codes_of(result) == [(2, "import_category_unknown_close"),
                                (2, "import_hamlet_unknown_close"),
                                (3, "import_hamlet_unknown")]
    said = describe_row(result.errors[0])
    assert "Không có lĩnh vực “moi truong nuoc”. Có phải: “Môi trường”" in said
    assert "“Ấp Hòa Bình”" in describe_row(result.errors[1])


def test_paper_consent_is_hashed_with_the_form_number(store, tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", [
        row("PA-7", name="Trần Thị Mai", phone="987654321", consent="có"),  # Excel ate the 0
        row("PA-8", consent="có"),                         # consent but no contact: anonymous
        row("PA-9", consent="không"),
    ])
    result = import_file(store, path)
    assert result.errors == []
    conn = store.conn()
    hashes = {i.form: conn.execute("SELECT consent_hash FROM reports WHERE code = ?",
                                   (i.code.replace("-", ""),)).fetchone()[0]
              for i in result.imported}
    assert hashes == {"PA-7": consent_hash(paper_consent_text("PA-7")), "PA-8": None,
                      "PA-9": None}
    assert get_report(conn, result.imported[0].code).phone_masked == "098****321"
    assert get_report(conn, result.imported[1].code).anonymous
    assert paper_consent_text("PA-7").startswith(PAPER_CONSENT["vi"])
    assert consent_hash(paper_consent_text("PA-7")) != consent_hash(paper_consent_text("PA-8"))


def test_received_date_forms_and_bounds(store, tmp_path: Path) -> None:
    today = datetime.now(ZONE).date()
    assert report_import.parse_date("5/3/2025") == date(2025, 3, 5)
    assert report_import.parse_date("05-03-25") == date(2025, 3, 5)
    assert report_import.parse_date("05.03.2025 00:00") == date(2025, 3, 5)
    assert report_import.parse_date("2025-03-05") == date(2025, 3, 5)
    for bad in ("3/15/2025", "2025/03/05", "hôm qua", "05/03"):
        assert report_import.parse_date(bad) is None
    result = import_file(store, write(tmp_path / "d.csv", [
        row("A", received=day(400)), row("B", received=day(-1)), row("C", received=" "),
        row("D", received=f"{today - timedelta(days=365):%Y-%m-%d}")]))
    assert codes_of(result) == [(2, "import_date_too_old"), (3, "import_date_future"),
                                (4, "import_date_required")]
    assert counts(store.path) == NOTHING


@pytest.mark.parametrize("data, code", [
    (jpeg_bytes(), "import_not_text"),
    (b"PK\x03\x04" + b"\x00" * 40, "import_spreadsheet"),           # an .xlsx saved by mistake
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "import_spreadsheet"),   # old .xls
    (sheet([row()]).encode("cp1258", errors="replace"), "import_not_utf8"),
    (b"", "import_empty"),
    (sheet([]).encode("utf-8-sig"), "import_empty"),
])
def test_unusable_files_are_refused_clearly(store, tmp_path: Path, data: bytes,
                                            code: str) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    with pytest.raises(KioskError) as err:
        import_file(store, path)
    assert err.value.code == code
    assert str(path) in describe(err.value) and "{" not in describe(err.value)
    assert counts(store.path) == NOTHING


@pytest.mark.parametrize("header, code", [
    (HEADERS[:2] + HEADERS[3:], "import_columns_missing"),
    (HEADERS + ["Ghi chú"], "import_column_unknown"),
    (HEADERS + ["Số phiếu"], "import_column_duplicate"),
])
def test_header_problems(store, tmp_path: Path, header: list[str], code: str) -> None:
    path = tmp_path / "h.csv"
    path.write_text(sheet([row()], header=header), encoding="utf-8")
    with pytest.raises(KioskError) as err:
        import_file(store, path)
    assert err.value.code == code


def test_headers_without_diacritics_or_in_english_and_optional_columns(store,
                                                                      tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(sheet([["PA-1", day(1), "khac", "Ổ gà giữa đường"]],
                          header=["so phieu", "Received", "LINH VUC", "Nội dung (ghi rõ)"]),
                    encoding="utf-8")
    result = import_file(store, path)
    assert result.errors == [] and len(result.imported) == 1


def test_stray_cells_and_broken_quotes(store, tmp_path: Path) -> None:
    extra = tmp_path / "x.csv"
    extra.write_text(sheet([row() + ["lạc"]]), encoding="utf-8")
    assert codes_of(import_file(store, extra)) == [(2, "import_row_extra_cells")]
    broken = tmp_path / "q.csv"
    broken.write_text(sheet([row()]) + 'PA-2,"01/01/2025,khac\r\n', encoding="utf-8")
    with pytest.raises(KioskError) as err:
        import_file(store, broken)
    assert err.value.code == "import_csv_broken"


def test_bad_form_numbers(store, tmp_path: Path) -> None:
    result = import_file(store, write(tmp_path / "f.csv", [
        row("=HYPERLINK(1)"), row("x" * 41), row("Số 12/2025")]))
    assert codes_of(result) == [(2, "import_form_invalid"), (3, "import_form_too_long")]


def test_template_never_overwrites(store, tmp_path: Path) -> None:
    path = write(tmp_path / "mau.csv", [row()])
    with pytest.raises(KioskError) as err:
        write_template(store.conn(), path)
    assert err.value.code == "import_template_exists"
    assert "PA-001" in path.read_text(encoding="utf-8-sig")


def test_results_file_is_not_overwritten_and_its_failure_keeps_the_reports(
        store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "f.ket-qua.csv").write_text("cũ", encoding="utf-8")
    result = import_file(store, write(tmp_path / "f.csv", [row("PA-1")]))
    assert result.results == tmp_path / "f.ket-qua-2.csv"
    assert (tmp_path / "f.ket-qua.csv").read_text(encoding="utf-8") == "cũ"

    def full(*_: object) -> None:
        raise KioskError("import_file_unwritable", path="f.ket-qua.csv")

    monkeypatch.setattr(report_import, "write_results", full)
    second = import_file(store, write(tmp_path / "g.csv", [row("PA-2")]))
    assert second.results is None and second.results_error.code == "import_file_unwritable"
    assert len(second.imported) == 1 and counts(store.path)["reports"] == 2


def test_file_reports_is_all_or_nothing(store) -> None:
    drafts = [ReportDraft(category_id="khac", text=f"Phản ánh {n}") for n in range(3)]

    def refuse(conn: sqlite3.Connection, filed: list) -> None:
        assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == 3
        raise KioskError("import_form_imported_meanwhile", form="x", row=2)

    with pytest.raises(KioskError):
        file_reports(store, drafts, "volunteer", before_commit=refuse)
    assert counts(store.path) == NOTHING
    filed = file_reports(store, drafts, "volunteer")
    assert len({f.code for f in filed}) == 3 and counts(store.path)["outbox"] == 3


def test_every_import_code_has_both_languages() -> None:
    root = Path(report_import.__file__).parent
    source = "".join((root / name).read_text(encoding="utf-8")
                     for name in ("report_import.py", "report_template.py"))
    used = set(re.findall(r'"(import_[a-z_0-9]+)"', source))
    used |= {f"import_{c}_{s}" for c in ("category", "hamlet")
             for s in ("unknown", "unknown_close")} | {"import_category_required"}
    assert used <= set(MESSAGES)
    for code in used:
        vi, en = MESSAGES[code]
        assert vi != en and unicodedata.is_normalized("NFC", vi)


# ---- through the command line (a real process, the real store) -----------------------------

def test_cli_template_fill_dry_run_and_import(tmp_path: Path) -> None:
    data, template = tmp_path / "d", tmp_path / "mau.csv"
    made = run(data, "report", "import", "--template", str(template), "--json")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["instructions"].endswith("mau.huong-dan.txt")
    again = run(data, "report", "import", "--template", str(template))
    assert again.returncode == 2 and "đã có" in again.stderr
    with template.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows([row("PA-1"), row("PA-2", hamlet="")])
    dry = run(data, "report", "import", str(template), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) == {"dry_run": True, "rows": 2, "imported": 0,
                                           "codes": [], "forms": [], "results": None,
                                           "errors": []}
    done = run(data, "report", "import", str(template), "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["imported"] == 2 and out["errors"] == [] and "\\u" not in done.stdout
    assert Path(out["results"]).name == "mau.ket-qua.csv"
    listed = json.loads(run(data, "report", "list", "--json").stdout)
    assert sorted(r["code"] for r in listed) == sorted(out["codes"])
    text = run(data, "report", "import", str(template))       # the same forms a second time
    assert text.returncode == 2 and "Dòng 2 (phiếu PA-1): Phiếu số PA-1 đã được nhập" in text.stderr
    assert "2/2 dòng có lỗi; chưa lưu phiếu nào." in text.stderr


def test_cli_bad_rows_are_listed_and_nothing_is_stored(tmp_path: Path) -> None:
    data = tmp_path / "d"
    path = write(tmp_path / "loi.csv", [row("PA-1"), row("PA-2", phone="12345", name="An",
                                                           consent="có"), row("PA-3")],
                 encoding="utf-16", delimiter="\t")
    vi = run(data, "report", "import", str(path))
    assert vi.returncode == 2 and "Traceback" not in vi.stderr
    assert vi.stderr.splitlines()[0].startswith("Dòng 3 (phiếu PA-2): Số điện thoại không đúng")
    en = run(data, "--lang", "en", "report", "import", str(path), "--json")
    assert en.returncode == 2
    errors = json.loads(en.stdout)["errors"]
    assert [(e["row"], e["column"], e["code"]) for e in errors] == [(3, "phone", "phone_invalid")]
    assert errors[0]["message"].startswith("Row 3 (form PA-2): That phone number")
    binary = tmp_path / "anh.csv"
    binary.write_bytes(jpeg_bytes())
    refused = run(data, "report", "import", str(binary), importtime=True)
    assert refused.returncode == 2 and "không phải tệp văn bản CSV" in refused.stderr
    assert not imported(refused.stderr) & {"PySide6", "PIL", "reportlab", "requests"}
    assert json.loads(run(data, "report", "list", "--json").stdout) == []
    assert not list(tmp_path.glob("*.ket-qua*.csv"))
