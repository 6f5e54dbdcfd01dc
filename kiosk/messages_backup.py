"""Words for backup and restore (kiosk/backup.py), Vietnamese first.

MESSAGES is merged into kiosk.messages.MESSAGES when kiosk.backup is imported (the only module
that raises these codes), so the shared table needs no edit for them.
"""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "backup_passphrase_short": (
        "Mật khẩu sao lưu cần ít nhất {min} ký tự. Xin chọn một câu dài, dễ nhớ và cất giữ "
        "cẩn thận: mất mật khẩu là mất bản sao lưu.",
        "The backup passphrase needs at least {min} characters. Choose a long one you can "
        "remember and keep it safe: without it the backup cannot be opened."),
    "backup_passphrase_missing": (
        "Chưa nhập mật khẩu sao lưu (không đọc được dòng nào từ đầu vào). Xin nhập mật khẩu "
        "khi được hỏi, hoặc đưa vào một dòng qua đầu vào chuẩn.",
        "No backup passphrase was given (nothing could be read from the input). Type it when "
        "asked, or pipe it in as one line on standard input."),
    "backup_passphrase_mismatch": (
        "Hai lần nhập mật khẩu sao lưu không giống nhau.",
        "The two backup passphrases are not the same."),
    "backup_passphrase_wrong": (
        "Mật khẩu sao lưu không đúng (hoặc phần đầu tệp sao lưu đã hỏng). Chưa khôi phục gì.",
        "The backup passphrase is wrong (or the start of the backup file is damaged). "
        "Nothing was restored."),
    "backup_damaged": (
        "Tệp sao lưu đã bị hỏng hoặc bị sửa đổi, không thể dùng. Chưa khôi phục gì.",
        "The backup file is damaged or was altered and cannot be used. Nothing was restored."),
    "backup_not_a_backup": (
        "Tệp “{path}” không phải là bản sao lưu của Cầu Nối.",
        "“{path}” is not a Cầu Nối backup."),
    "backup_too_new": (
        "Bản sao lưu này được tạo bởi phiên bản Cầu Nối mới hơn. Xin cập nhật ứng dụng trước "
        "khi khôi phục.",
        "This backup was made by a newer version of Cầu Nối. Please update the application "
        "before restoring it."),
    "backup_unreadable": (
        "Không đọc được tệp sao lưu “{path}”: {detail}",
        "The backup file “{path}” cannot be read: {detail}"),
    "backup_unwritable": (
        "Không ghi được bản sao lưu vào “{path}”: {detail}. Xin kiểm tra USB hoặc chỗ trống "
        "trên đĩa.",
        "The backup could not be written to “{path}”: {detail}. Please check the USB stick "
        "or the free disk space."),
    "backup_none_in_folder": (
        "Trong thư mục “{path}” không có tệp sao lưu nào (tệp có đuôi .caunoi-backup). Xin "
        "chọn đúng thư mục hoặc ghi rõ đường dẫn đến tệp sao lưu.",
        "The folder “{path}” holds no backup file (a file ending in .caunoi-backup). Choose "
        "the right folder or give the path of the backup file itself."),
    "backup_exists": (
        "Đã có tệp “{path}”. Xin chọn tên khác để không ghi đè bản sao lưu cũ.",
        "“{path}” already exists. Please choose another name so no earlier backup is "
        "overwritten."),
    "restore_target_not_empty": (
        "Máy này đã có dữ liệu ({reports} phản ánh, {outbox} mục chờ gửi). Khôi phục sẽ thay "
        "thế toàn bộ dữ liệu đó; chỉ làm khi chắc chắn (dòng lệnh: thêm --replace).",
        "This device already holds data ({reports} reports, {outbox} outbox items). A restore "
        "replaces all of it; do so only when you are sure (command line: add --replace)."),
    "restore_data_key_unsupported": (
        "Bản sao lưu mang khóa mã hóa dữ liệu cá nhân nhưng phiên bản này không nhận được "
        "khóa đó. Xin cập nhật ứng dụng.",
        "The backup carries the personal-data key but this version cannot take it. Please "
        "update the application."),
}
