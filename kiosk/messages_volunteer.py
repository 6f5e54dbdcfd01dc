"""Words for the volunteer's laptop (kiosk/volunteer.py, sync/outbox.py edit and withdraw,
docs/transfer.md), Vietnamese first. Merged into kiosk.messages.MESSAGES."""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "volunteer_id_missing": (
        "Máy này chưa ghi mã và họ tên tình nguyện viên. Xin nhập ở bước đầu rồi gửi lại.",
        "This laptop has no volunteer id and name yet. Please enter them at the first step, "
        "then send again."),
    "volunteer_id_invalid": (
        "Mã tình nguyện viên chỉ gồm chữ không dấu, số và dấu gạch (ví dụ TNV-0123), tối đa "
        "{limit} ký tự.",
        "A volunteer id has only letters without accents, digits and dashes (e.g. TNV-0123), "
        "at most {limit} characters."),
    "report_not_found": (
        "Không tìm thấy phản ánh này trên máy.",
        "This report is not on this device."),
    "report_already_sent": (
        "Phản ánh này đã gửi lên tỉnh nên không sửa hoặc rút ở máy này được nữa. Nếu cần, xin "
        "báo cán bộ xã.",
        "This report has already been sent to the province, so it can no longer be edited or "
        "withdrawn here. If needed, please tell the commune staff."),
    "report_handed_over": (
        "Phản ánh này đã được chép ra USB để nộp ở xã nên không sửa hoặc rút ở máy này được "
        "nữa. Nếu cần, xin báo cán bộ xã.",
        "This report has already been copied to a USB stick for the commune office, so it can "
        "no longer be edited or withdrawn here. If needed, please tell the commune staff."),
    "report_withdrawn": (
        "Phản ánh này đã được rút theo yêu cầu; không sửa được nữa.",
        "This report was withdrawn at the resident's request; it can no longer be edited."),
    "report_no_change": (
        "Chưa có gì thay đổi so với phản ánh đã nhận.",
        "Nothing differs from the report as it was filed."),
    "transfer_changed_meanwhile": (
        "Có phản ánh vừa được sửa hoặc rút trong lúc chép ra USB; tệp vừa ghi đã được xóa. Xin "
        "chép lại.",
        "A report was edited or withdrawn while it was being copied; the file just written was "
        "removed. Please copy again."),
}
