"""The paper-form spreadsheet as a file (docs/paper-forms.md): its columns, the template the app
writes with the instructions beside it, the results file an import leaves next to its input, and
reading a filled-in sheet into cells (kiosk/report_import.py checks and stores them).

Files are written as UTF-8 with a BOM (so Excel shows Vietnamese right), comma-separated, CRLF
line ends. Reading accepts what Excel and others save: UTF-8 with or without BOM, UTF-16 with
BOM (Excel's “Unicode Text”), separated by ',' ';' or TAB (sniffed from the header row).
"""
from __future__ import annotations

import codecs
import csv
import io
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk import catalog
from kiosk.consent import PAPER_CONSENT
from kiosk.errors import KioskError
from kiosk.text import fold

DELIMITER = ","
DELIMITERS = (",", ";", "\t")     # accepted on import
BOM = "\ufeff"
MAX_FILE = 10 * 1024 * 1024
MAX_ROWS = 5000


@dataclass(frozen=True)
class Column:
    key: str
    header: str                 # what the template writes (Vietnamese, the office's paper)
    required: bool
    english: str                # also accepted as a header on import

    @property
    def keys(self) -> frozenset[str]:
        """Header spellings that name this column, as match keys."""
        return frozenset({match_key(self.header), match_key(self.english), self.key})


COLUMNS: tuple[Column, ...] = (
    Column("form", "Số phiếu", True, "form number"),
    Column("received", "Ngày nhận (dd/MM/yyyy)", True, "received"),
    Column("category", "Lĩnh vực", True, "category"),
    Column("text", "Nội dung", True, "text"),
    Column("hamlet", "Ấp/khu phố", False, "hamlet"),
    Column("address", "Địa chỉ", False, "address"),
    Column("name", "Họ tên", False, "name"),
    Column("phone", "Số điện thoại", False, "phone"),
    Column("consent", "Đồng ý liên hệ (có/không)", False, "consent"),
)
BY_KEY = {c.key: c for c in COLUMNS}
_PUNCT = re.compile(r"[\s/\\\-–—_.,:;*'\"]+")


def match_key(value: str) -> str:
    """'Ngày nhận (dd/MM/yyyy)' → 'ngay nhan'; 'Văn hoá – Du lịch' → 'van hoa du lich'.
    Diacritics, case, hints in brackets and punctuation do not matter when matching names."""
    without_hint = re.sub(r"\([^)]*\)", " ", fold(value))
    return " ".join(_PUNCT.sub(" ", without_hint).split())


def instructions_path(template: Path) -> Path:
    return template.with_name(template.stem + ".huong-dan.txt")


def results_path(source: Path) -> Path:
    """`phieu.csv` → `phieu.ket-qua.csv`, or `phieu.ket-qua-2.csv` … when that exists already."""
    candidate = source.with_name(source.stem + ".ket-qua.csv")
    number = 2
    while candidate.exists():
        candidate = source.with_name(f"{source.stem}.ket-qua-{number}.csv")
        number += 1
    return candidate


def _csv_bytes(rows: Iterable[Sequence[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerows(rows)
    return (BOM + out.getvalue()).encode("utf-8")


def write_template(conn: sqlite3.Connection, path: Path) -> tuple[Path, Path]:
    """Write the empty sheet (headers only: an example row would be imported by mistake) and
    the instructions beside it. Refuses to overwrite a sheet: it may already be filled in."""
    try:
        with open(path, "xb") as fh:
            fh.write(_csv_bytes([[c.header for c in COLUMNS]]))
    except FileExistsError as exc:
        raise KioskError("import_template_exists", path=str(path)) from exc
    except OSError as exc:
        raise KioskError("import_file_unwritable", path=str(path)) from exc
    guide = instructions_path(path)
    try:
        guide.write_bytes((BOM + instructions(conn).replace("\n", "\r\n")).encode("utf-8"))
    except OSError as exc:
        raise KioskError("import_file_unwritable", path=str(guide)) from exc
    return path, guide


def instructions(conn: sqlite3.Connection) -> str:
    """The instructions sheet, listing THIS office's categories and hamlets."""
    office = catalog.office(conn)
    lines = [
        f"HƯỚNG DẪN ĐIỀN TỆP NHẬP PHIẾU PHẢN ÁNH GIẤY — {office.name}",
        "",
        "Mỗi dòng của tệp mẫu là một phiếu giấy. Giữ nguyên dòng tiêu đề; không thêm cột.",
        "Lưu tệp bằng Excel: Tệp → Lưu thành → “CSV UTF-8 (phân tách bằng dấu phẩy)”",
        "(hoặc “Văn bản Unicode”). Kiểu “CSV (phân tách bằng dấu phẩy)” cũ làm mất dấu tiếng Việt.",
        "Kiểm tra trước khi nhập:  caunoi report import TEP.csv --dry-run",
        "Nhập:                      caunoi report import TEP.csv",
        "Tệp có dòng nào sai thì không phiếu nào được lưu; sửa hết các lỗi rồi nhập lại.",
        "Mã tra cứu của từng phiếu được ghi vào tệp TEP.ket-qua.csv bên cạnh để trả cho người dân.",
        "",
        "CÁC CỘT",
        "- Số phiếu (bắt buộc): số in trên phiếu giấy, không trùng; chỉ gồm chữ, số và - / . _ #.",
        "- Ngày nhận (bắt buộc): ngày xã nhận phiếu, dạng ngày/tháng/năm, ví dụ 05/03/2025;",
        "  không sau hôm nay, không quá một năm. Hạn trả lời được tính từ ngày này.",
        "- Lĩnh vực (bắt buộc): mã hoặc tên trong danh sách dưới đây (không cần đúng dấu,",
        "  chữ hoa hay chữ thường).",
        "- Nội dung (bắt buộc): nội dung phản ánh, chép đúng như trên phiếu.",
        "- Ấp/khu phố: mã hoặc tên trong danh sách dưới đây; để trống nếu phiếu không ghi.",
        "- Địa chỉ: địa chỉ hoặc địa danh nơi xảy ra sự việc.",
        "- Họ tên, Số điện thoại: chỉ điền khi người dân đã đánh dấu ô đồng ý trên phiếu.",
        "- Đồng ý liên hệ: ghi “có” khi người dân đã đánh dấu và ký ô đồng ý; ngược lại ghi",
        "  “không” hoặc để trống, và khi đó để trống họ tên, số điện thoại (phản ánh ẩn danh).",
        "",
        "LỜI ĐỒNG Ý IN TRÊN PHIẾU GIẤY (in đúng nguyên văn, cạnh ô đánh dấu và chỗ ký):",
        PAPER_CONSENT["vi"],
        "",
        "LĨNH VỰC (mã — tên)",
        *(f"  {c.id} — {c.name_vi}" for c in catalog.categories(conn)),
        "",
        "ẤP/KHU PHỐ (mã — tên)",
        *(f"  {h.id} — {h.name}" for h in catalog.hamlets(conn)),
        "",
        "VÍ DỤ MỘT DÒNG (không chép vào tệp mẫu):",
        "  PA-0012, 05/03/2025, Môi trường, Rác thải đổ ra kênh cạnh cầu, Ấp Hòa Bình,"
        " Cạnh cầu Cái Sơn, Trần Thị Mai, 0987654321, có",
        "",
    ]
    return "\n".join(lines)


RESULT_HEADERS = ("Dòng", "Số phiếu", "Mã tra cứu", "Hạn trả lời")


def write_results(source: Path, rows: Sequence[tuple[int, str, str, str]]) -> Path:
    """Form number → tracking code, beside the input, written whole or not at all. No names or
    phone numbers: the results file is handed around the office."""
    target = results_path(source)
    temp = target.with_name(target.name + ".tmp")
    try:
        temp.write_bytes(_csv_bytes([RESULT_HEADERS, *([str(r[0]), *r[1:]] for r in rows)]))
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise KioskError("import_file_unwritable", path=str(target)) from exc
    return target


# ---- reading the file ------------------------------------------------------------------------

def read_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE + 1)
    except OSError as exc:
        raise KioskError("import_file_unreadable", path=str(path)) from exc
    if len(data) > MAX_FILE:
        raise KioskError("import_file_too_large", path=str(path), limit_mb=MAX_FILE // 2**20)
    return data


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """(NFC text, encoding name): UTF-8 with or without BOM, UTF-16 with BOM (Excel's
    “Unicode Text”). Spreadsheets and other binary files get their own sentence."""
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):   # .xlsx (zip) / .xls (OLE)
        raise KioskError("import_spreadsheet", path=str(path))
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in data:
        raise KioskError("import_not_text", path=str(path))
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        code = "import_not_utf8" if encoding == "utf-8" else "import_not_text"
        raise KioskError(code, path=str(path)) from exc
    if "\x00" in text:
        raise KioskError("import_not_text", path=str(path))
    return unicodedata.normalize("NFC", text), encoding


def _records(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return list(reader)
    except csv.Error as exc:
        raise KioskError("import_csv_broken", row=reader.line_num, detail=str(exc)) from exc


def _header_score(text: str, delimiter: str) -> int:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        cells = next(csv.reader([first], delimiter=delimiter), [])
    except csv.Error:
        return 0
    known = {k for c in COLUMNS for k in c.keys}
    return sum(1 for cell in cells if match_key(cell) in known)


def sniff_delimiter(text: str) -> str:
    """The separator that makes the most known headers: Excel writes ',' or ';' by the
    Windows list separator, and TAB for “Unicode Text”."""
    return max(DELIMITERS, key=lambda d: (_header_score(text, d), -DELIMITERS.index(d)))


def _columns(header: list[str]) -> list[Column | None]:
    found: list[Column | None] = []
    seen: set[str] = set()
    for cell in header:
        key = match_key(cell)
        column = next((c for c in COLUMNS if key in c.keys), None)
        if column is None and key:
            raise KioskError("import_column_unknown", column=cell.strip())
        if column is not None and column.key in seen:
            raise KioskError("import_column_duplicate", column=cell.strip())
        if column is not None:
            seen.add(column.key)
        found.append(column)
    missing = [c.header for c in COLUMNS if c.required and c.key not in seen]
    if missing:
        raise KioskError("import_columns_missing", columns=", ".join(f"“{m}”" for m in missing))
    return found


def read_table(path: Path) -> tuple[list[tuple[int, dict[str, str], bool]], str, str]:
    """([(row number, {column key: cell}, has extra cells)], delimiter, encoding).
    Blank rows are skipped but still counted, so numbers match what Excel shows."""
    text, encoding = decode(read_bytes(path), path)
    delimiter = sniff_delimiter(text)
    records = _records(text, delimiter)
    numbered = [(n, cells) for n, cells in enumerate(records, start=1)
                if any(cell.strip() for cell in cells)]
    if not numbered:
        raise KioskError("import_empty", path=str(path))
    columns = _columns(numbered[0][1])
    body = numbered[1:]
    if not body:
        raise KioskError("import_empty", path=str(path))
    if len(body) > MAX_ROWS:
        raise KioskError("import_too_many_rows", rows=len(body), limit=MAX_ROWS)
    rows = []
    for number, cells in body:
        values = {c.key: cells[i] if i < len(cells) else "" for i, c in enumerate(columns) if c}
        extra = any(cell.strip() for i, cell in enumerate(cells)
                    if i >= len(columns) or columns[i] is None)
        rows.append((number, values, extra))
    return rows, delimiter, encoding
