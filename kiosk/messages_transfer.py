"""Words for USB hand-overs (sync/transfer.py, docs/transfer.md), Vietnamese first.

Merged into kiosk.messages.MESSAGES; keys are KioskError codes raised by sync/transfer*.py.
"""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- keys and devices -----------------------------------------------------------------------
    "transfer_no_device_key": (
        "Máy này không còn khóa thiết bị trong kho bí mật nên không ký hoặc mở được tệp chuyển "
        "giao. Xin cán bộ quản trị đăng ký lại máy với tỉnh.",
        "This device's key is missing from the secret store, so it cannot sign or open a "
        "transfer file. An administrator needs to enrol the device again."),
    "transfer_no_recipient": (
        "Chưa biết máy nào của xã để mã hóa — hãy đồng bộ ở xã trước. Không có tệp nào được ghi.",
        "No office device of the commune is known to encrypt for — sync at the office first. "
        "Nothing was written."),
    "transfer_unknown_device": (
        "Tệp chuyển giao do một máy chưa biết làm ra ({device}). Hãy đồng bộ máy này với tỉnh "
        "rồi nhập lại; nếu vẫn vậy, đừng nhập tệp này.",
        "The transfer file was made by a device this office does not know ({device}). Sync "
        "with the province and import again; if it persists, do not import this file."),
    "transfer_revoked_device": (
        "Tệp chuyển giao do một máy đã bị tỉnh thu hồi làm ra ({device}); không nhập gì.",
        "The transfer file was made by a device the province revoked ({device}); nothing was "
        "imported."),
    "transfer_not_for_us": (
        "Tệp chuyển giao không được mã hóa cho máy này (máy đăng ký sau khi tệp được làm, hoặc "
        "khóa đã đổi). Hãy để máy tình nguyện viên đồng bộ rồi xuất lại; không nhập gì.",
        "The transfer file was not encrypted for this device (enrolled after it was made, or "
        "its key changed). Let the volunteer's laptop sync and export again; nothing was "
        "imported."),
    "transfer_own_file": (
        "Tệp chuyển giao này do chính máy này làm ra; không cần nhập.",
        "This transfer file was made by this very device; there is nothing to import."),
    "transfer_other_commune": (
        "Tệp chuyển giao thuộc xã khác ({commune}); không nhập gì.",
        "The transfer file belongs to another commune ({commune}); nothing was imported."),
    # --- the file -------------------------------------------------------------------------------
    "transfer_corrupt": (
        "Tệp chuyển giao bị hỏng hoặc đã bị sửa; không nhập gì.",
        "The transfer file is damaged or was altered; nothing was imported."),
    "transfer_version": (
        "Tệp chuyển giao thuộc phiên bản mới hơn ({version}); xin cập nhật phần mềm Cầu Nối.",
        "The transfer file is from a newer version ({version}); please update Cầu Nối."),
    "transfer_not_found": (
        "Không tìm thấy tệp chuyển giao “{path}”. Xin kiểm tra USB.",
        "Transfer file “{path}” was not found. Please check the USB stick."),
    "transfer_part_missing": (
        "Thiếu phần {missing} của tệp chuyển giao (gồm {count} phần); không nhập gì. Xin chép "
        "đủ các phần vào USB.",
        "Part {missing} of the transfer file ({count} parts) is missing; nothing was imported. "
        "Please copy every part onto the stick."),
    "transfer_read_failed": (
        "Không đọc được “{path}” ({detail}). Xin rút USB ra, cắm lại rồi thử lại.",
        "Cannot read “{path}” ({detail}). Please unplug the stick, plug it in again and retry."),
    "transfer_folder_missing": (
        "Không có thư mục “{path}”. Xin kiểm tra USB đã cắm chưa.",
        "Folder “{path}” does not exist. Please check that the stick is plugged in."),
    "transfer_nothing": (
        "Không có phản ánh nào đang chờ gửi; không có gì để chuyển giao.",
        "No report is waiting to be sent; there is nothing to hand over."),
    "transfer_disk_full": (
        "USB đã đầy nên chưa ghi được tệp chuyển giao (không để lại tệp dở dang). Xin dùng USB "
        "khác hoặc xóa bớt tệp trong “{path}”.",
        "The stick is full, so the transfer file was not written (no partial file was left). "
        "Please use another stick or free space in “{path}”."),
    "transfer_write_failed": (
        "Không ghi được tệp chuyển giao “{path}” ({detail}); không để lại tệp dở dang.",
        "Could not write the transfer file “{path}” ({detail}); no partial file was left."),
    "transfer_verify_failed": (
        "Đọc lại “{path}” từ USB không khớp với dữ liệu đã ghi; tệp đã được xóa. USB có thể bị "
        "hỏng: xin dùng USB khác.",
        "Reading “{path}” back from the stick did not match what was written; the file was "
        "removed. The stick may be faulty: please use another."),
    "transfer_limit_too_small": (
        "Giới hạn kích thước phần ({limit} byte) quá nhỏ cho tệp chuyển giao.",
        "The part size limit ({limit} bytes) is too small for a transfer file."),
    # --- importing at the office -------------------------------------------------------------
    "transfer_category_unknown": (
        "Phản ánh {tracking} thuộc lĩnh vực “{category}” mà máy này chưa có. Hãy đồng bộ máy này với "
        "tỉnh rồi nhập lại; chưa nhập gì.",
        "Report {tracking} has category “{category}”, which this device does not have yet. Sync "
        "with the province and import again; nothing was imported."),
    "transfer_hamlet_unknown": (
        "Phản ánh {tracking} ghi ấp/khu phố “{hamlet}” không có trong danh sách của máy này; chưa "
        "nhập gì.",
        "Report {tracking} names hamlet “{hamlet}”, which is not in this device's list; nothing "
        "was imported."),
    "transfer_code_taken": (
        "Mã theo dõi {tracking} đã thuộc một phản ánh khác trên máy này; chưa nhập gì. Xin báo cán "
        "bộ kỹ thuật.",
        "Tracking code {tracking} already belongs to another report here; nothing was imported. "
        "Please tell a technician."),
    "transfer_not_reproducible": (
        "Phản ánh {tracking} không lưu được đúng như bản gốc trên máy này; chưa nhập gì. Xin báo "
        "cán bộ kỹ thuật.",
        "Report {tracking} could not be stored exactly as the original here; nothing was "
        "imported. Please tell a technician."),
    # --- receipts --------------------------------------------------------------------------------
    "transfer_receipt_missing": (
        "Chưa có biên nhận của xã “{path}” trên USB. Hãy nhập tệp ở xã trước.",
        "There is no office receipt “{path}” on the stick yet. Import the file at the office "
        "first."),
    "transfer_receipt_corrupt": (
        "Biên nhận của xã bị hỏng hoặc đã bị sửa; không đánh dấu gì.",
        "The office receipt is damaged or was altered; nothing was marked."),
    "transfer_receipt_not_ours": (
        "Biên nhận này dành cho tệp của máy khác; không đánh dấu gì.",
        "This receipt is for another device's file; nothing was marked."),
    "transfer_receipt_not_written": (
        "Đã nhập phản ánh nhưng không ghi được biên nhận lên USB; máy tình nguyện viên sẽ được "
        "xác nhận ở lần đồng bộ tới.",
        "The reports were imported, but the receipt could not be written to the stick; the "
        "laptop will be confirmed at its next sync."),
}
