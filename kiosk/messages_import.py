"""Words for importing paper forms (kiosk/report_import.py), Vietnamese first.

Merged into kiosk.messages.MESSAGES; keys are KioskError / RowError codes. A row's problem is
said as “Dòng 7 (phiếu PA-012): …” by `describe_row`, with the row number Excel shows.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.report_import import RowError

_SAVE_AS = ("Trong Excel chọn Tệp → Lưu thành → “CSV UTF-8 (phân tách bằng dấu phẩy)” "
            "(hoặc “Văn bản Unicode”)",
            "In Excel use File → Save As → “CSV UTF-8 (Comma delimited)” (or “Unicode Text”)")

MESSAGES: dict[str, tuple[str, str]] = {
    # The file as a whole: nothing was checked row by row, nothing was stored.
    "import_file_unreadable": ("Không đọc được tệp {path}.", "Cannot read the file {path}."),
    "import_file_unwritable": ("Không ghi được tệp {path} (thư mục chỉ đọc hoặc đầy?).",
                               "Cannot write the file {path} (read-only or full folder?)."),
    "import_file_too_large": ("Tệp {path} quá lớn (tối đa {limit_mb} MB); xin chia thành "
                              "nhiều tệp.",
                              "The file {path} is too large (at most {limit_mb} MB); please "
                              "split it."),
    "import_not_text": ("Tệp {path} không phải tệp văn bản CSV nên không nhập được.",
                        "The file {path} is not a CSV text file, so it cannot be imported."),
    "import_spreadsheet": ("Tệp {path} là bảng tính Excel (.xlsx/.xls), chưa phải CSV. "
                           + _SAVE_AS[0] + " rồi nhập tệp .csv đó.",
                           "The file {path} is an Excel workbook (.xlsx/.xls), not CSV. "
                           + _SAVE_AS[1] + " and import that .csv file."),
    "import_not_utf8": ("Tệp {path} không lưu theo bảng mã UTF-8 (kiểu “CSV” cũ của Excel làm "
                        "mất dấu tiếng Việt). " + _SAVE_AS[0] + " rồi nhập lại.",
                        "The file {path} is not UTF-8 (Excel's old “CSV” type loses Vietnamese "
                        "letters). " + _SAVE_AS[1] + " and import it again."),
    "import_csv_broken": ("Tệp CSV hỏng ở dòng {row} (dấu ngoặc kép không khớp?); chưa nhập "
                          "phiếu nào.",
                          "The CSV file is broken at line {row} (unbalanced quotes?); nothing "
                          "was imported."),
    "import_empty": ("Tệp {path} không có phiếu nào (chỉ có dòng tiêu đề hoặc trống).",
                     "The file {path} has no forms in it (only the header, or empty)."),
    "import_too_many_rows": ("Tệp có {rows} phiếu, quá {limit} phiếu mỗi lần nhập; xin chia "
                             "thành nhiều tệp.",
                             "The file has {rows} forms, more than {limit} per import; please "
                             "split it."),
    "import_columns_missing": ("Tệp thiếu cột {columns}. Xin dùng tệp mẫu "
                               "(report import --template) và giữ nguyên dòng tiêu đề.",
                               "The file lacks the column(s) {columns}. Please use the template "
                               "(report import --template) and keep its header row."),
    "import_column_unknown": ("Cột “{column}” không có trong tệp mẫu; xin xóa cột đó hoặc sửa "
                              "tên cột theo mẫu.",
                              "The column “{column}” is not in the template; delete it or name "
                              "it as in the template."),
    "import_column_duplicate": ("Cột “{column}” có hai lần trong dòng tiêu đề.",
                                "The column “{column}” appears twice in the header row."),
    "import_template_exists": ("Tệp {path} đã có; xin chọn tên khác để không ghi đè lên phiếu "
                               "đã điền.",
                               "{path} already exists; choose another name so no filled-in "
                               "sheet is overwritten."),
    "import_form_imported_meanwhile": ("Phiếu số {form} (dòng {row}) vừa được nhập ở một lần "
                                       "nhập khác; chưa lưu phiếu nào của tệp này.",
                                       "Form {form} (row {row}) was just imported by another "
                                       "import; nothing from this file was stored."),
    # One row.
    "import_row_extra_cells": ("Dòng có ô ngoài các cột của mẫu (thừa dấu phẩy hoặc chấm "
                               "phẩy?).",
                               "The row has cells outside the template's columns (a stray "
                               "comma or semicolon?)."),
    "import_form_required": ("Thiếu số phiếu.", "The form number is missing."),
    "import_form_too_long": ("Số phiếu dài quá {limit} ký tự.",
                             "The form number is longer than {limit} characters."),
    "import_form_invalid": ("Số phiếu “{value}” chỉ được gồm chữ, số và các dấu - / . _ #, "
                            "bắt đầu bằng chữ hoặc số.",
                            "The form number “{value}” may hold only letters, digits and "
                            "- / . _ #, starting with a letter or digit."),
    "import_form_duplicate": ("Số phiếu {form} trùng với dòng {other}.",
                              "Form number {form} is the same as in row {other}."),
    "import_form_imported": ("Phiếu số {form} đã được nhập trước đây (mã tra cứu {tracking}).",
                             "Form {form} was already imported (tracking code {tracking})."),
    "import_date_required": ("Thiếu ngày nhận phiếu.", "The date the form was received is "
                             "missing."),
    "import_date_invalid": ("Ngày nhận “{value}” không đúng; xin ghi ngày/tháng/năm, ví dụ "
                            "05/03/2025.",
                            "The received date “{value}” is not valid; write day/month/year, "
                            "e.g. 05/03/2025."),
    "import_date_future": ("Ngày nhận {date} chưa tới (sau hôm nay).",
                           "The received date {date} is in the future."),
    "import_date_too_old": ("Ngày nhận {date} đã quá một năm (trước {limit}); phiếu cũ như vậy "
                            "xin chuyển thẳng cho cán bộ phụ trách.",
                            "The received date {date} is more than a year ago (before {limit}); "
                            "please hand such an old form to the officer in charge."),
    "import_category_required": ("Thiếu lĩnh vực.", "The category is missing."),
    "import_category_unknown": ("Không có lĩnh vực “{value}”; xem danh sách trong tệp hướng "
                                "dẫn (.huong-dan.txt).",
                                "There is no category “{value}”; see the list in the "
                                "instructions file (.huong-dan.txt)."),
    "import_category_unknown_close": ("Không có lĩnh vực “{value}”. Có phải: {matches}?",
                                      "There is no category “{value}”. Did you mean: {matches}?"),
    "import_hamlet_unknown": ("Không có ấp/khu phố “{value}” trong danh sách của xã; xem tệp "
                              "hướng dẫn (.huong-dan.txt).",
                              "“{value}” is not in the commune's list of hamlets; see the "
                              "instructions file (.huong-dan.txt)."),
    "import_hamlet_unknown_close": ("Không có ấp/khu phố “{value}”. Có phải: {matches}?",
                                    "There is no hamlet “{value}”. Did you mean: {matches}?"),
    "import_consent_invalid": ("Cột đồng ý liên hệ ghi “{value}”; chỉ ghi “có” hoặc “không” "
                               "(hoặc để trống).",
                               "The consent column says “{value}”; write only “có” (yes) or "
                               "“không” (no), or leave it empty."),
    "import_contact_needs_consent": ("Có họ tên hoặc số điện thoại nhưng cột đồng ý liên hệ "
                                     "không ghi “có”. Ghi “có” nếu người dân đã đánh dấu và ký "
                                     "ô đồng ý trên phiếu; nếu không, xóa họ tên và số điện "
                                     "thoại (phản ánh ẩn danh).",
                                     "A name or phone number is given but the consent column "
                                     "does not say “có”. Write “có” if the resident ticked and "
                                     "signed the consent box on the form; otherwise delete the "
                                     "name and phone (anonymous report)."),
}

_ROW = ({"plain": "Dòng {row}: {message}", "form": "Dòng {row} (phiếu {form}): {message}"},
        {"plain": "Row {row}: {message}", "form": "Row {row} (form {form}): {message}"})


def describe_row(error: RowError, lang: str = "vi") -> str:
    """'Dòng 7 (phiếu PA-012): Số điện thoại không đúng. …'"""
    from kiosk.messages import describe   # kiosk.messages merges this table at import

    forms = _ROW[1 if lang == "en" else 0]
    template = forms["form" if error.form else "plain"]
    return template.format(row=error.row, form=error.form,
                           message=describe(error.error(), lang))
