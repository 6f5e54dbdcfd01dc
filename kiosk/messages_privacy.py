"""Words for personal-data protection (kiosk/datakey.py, kiosk/crypto_fields.py,
kiosk/privacy.py), Vietnamese first. Merged into kiosk.messages.MESSAGES."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "data_key_missing": (
        "Không tìm thấy khóa bảo vệ thông tin cá nhân trên máy này (kho khóa đã bị xóa hoặc tệp "
        "khóa bị mất), nên không đọc hay lưu được họ tên, số điện thoại. Người dân vẫn gửi được "
        "phản ánh ẩn danh. Xin cán bộ quản trị khôi phục khóa từ bản sao lưu, hoặc tạo khóa mới "
        "trong mục Dữ liệu cá nhân (thông tin cũ sẽ không đọc được nữa).",
        "The key protecting personal data is not on this device (the keyring was wiped or the "
        "key file is gone), so names and phone numbers cannot be read or saved. Residents can "
        "still report anonymously. An administrator should restore the key from a backup, or "
        "make a new key under Personal data (older details then stay unreadable)."),
    "data_key_wrong": (
        "Khóa bảo vệ thông tin cá nhân trên máy không khớp với dữ liệu (có thể là khóa của máy "
        "khác). Xin cán bộ quản trị khôi phục đúng khóa từ bản sao lưu.",
        "The personal-data key on this device does not match the data (it may be another "
        "device's key). An administrator should restore the right key from a backup."),
    "data_key_unavailable": (
        "Kho khóa của máy không trả lời ({detail}), nên tạm thời không đọc hay lưu được họ tên, "
        "số điện thoại. Xin mở khóa kho khóa của phiên làm việc hoặc báo cán bộ kỹ thuật.",
        "The device's keyring did not answer ({detail}), so names and phone numbers cannot be "
        "read or saved for now. Please unlock the session keyring or tell a technician."),
    "data_key_present": (
        "Khóa bảo vệ thông tin cá nhân vẫn dùng được; không cần tạo khóa mới.",
        "The personal-data key still works; there is no need for a new one."),
    "personal_data_unreadable": (
        "Không mở được thông tin cá nhân của phản ánh này: dữ liệu đã bị thay đổi hoặc được khóa "
        "bằng một khóa khác. Máy không hiển thị dữ liệu sai.",
        "This report's personal details cannot be opened: the data was altered or sealed with "
        "another key. Nothing wrong is shown instead."),
    "retention_days_invalid": (
        "Số ngày lưu giữ phải từ 0 đến {limit}.",
        "The number of days to keep personal data must be between 0 and {limit}."),
    "privacy_nothing_to_export": (
        "Phản ánh này không còn thông tin cá nhân nào trên máy (ẩn danh hoặc đã xóa).",
        "This report holds no personal details on this device (anonymous or already erased)."),
    "privacy_erase_on_usb": (
        "Phản ánh {report} đã được chép ra USB và đang chờ xã xác nhận, nên chưa xóa được thông tin "
        "cá nhân ở máy này. Xin xóa sau khi xã đã nhận (hoặc đề nghị xã xóa).",
        "Report {report} is on a USB stick waiting for the office to confirm it, so its personal "
        "details cannot be erased on this PC yet. Erase them once the office has it (or ask the "
        "office to)."),
}
