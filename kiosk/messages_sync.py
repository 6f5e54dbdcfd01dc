"""Words for the sync results, enrolment and quarantine reasons (sync/engine.py, server reasons), Vietnamese first.

Merged into kiosk.messages.MESSAGES; keys are KioskError / SyncError codes. A server's reason for
rejecting an item is keyed `reject_<reason>` (see `reason_key`), so a reason code never collides
with an error code of the same name.
"""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- running a sync ---------------------------------------------------------------------
    "sync_running": ("Máy đang đồng bộ với tỉnh. Xin đợi lần này xong rồi thử lại.",
                     "A sync with the province is already running. Please wait for it to finish."),
    "not_enrolled": ("Máy này chưa được đăng ký với máy chủ của tỉnh. Xin cán bộ quản trị nhập "
                     "mã đăng ký do tỉnh cấp.",
                     "This device is not enrolled with the provincial server yet. An "
                     "administrator needs to enter the enrolment code from the province."),
    "cursor_unknown": ("Máy chủ tỉnh không nhận ra mốc đồng bộ cũ; máy sẽ tải lại toàn bộ tình "
                       "trạng hồ sơ.",
                       "The provincial server no longer knows this device's sync point; the "
                       "device will download every status again."),
    "media_rejected": ("Máy chủ tỉnh không nhận một ảnh đính kèm ({detail}). Phản ánh vẫn được "
                       "lưu tại xã và sẽ gửi lại lần sau.",
                       "The provincial server refused an attached photo ({detail}). The report "
                       "stays saved here and will be sent again later."),
    "media_missing_locally": ("Ảnh của phản ánh không còn trên máy nên chưa gửi được. Xin báo "
                              "cán bộ kỹ thuật.",
                              "A report's photo is no longer on this device, so it cannot be "
                              "sent. Please tell a technician."),
    "sync_backoff": ("Lần đồng bộ trước chưa thành công; máy sẽ thử lại lúc {next_attempt}.",
                     "The last sync failed; the device will try again at {next_attempt}."),
    # --- enrolment ---------------------------------------------------------------------------
    "enrol_code_used": ("Mã đăng ký này đã được dùng cho một máy khác. Xin tỉnh cấp mã mới.",
                        "This enrolment code was already used by another device. Please ask "
                        "the province for a new one."),
    "enrol_code_invalid": ("Mã đăng ký không đúng hoặc đã hết hạn. Xin kiểm tra lại hoặc xin "
                           "tỉnh cấp mã mới.",
                           "The enrolment code is wrong or has expired. Please check it or ask "
                           "the province for a new one."),
    "enrol_code_format": ("Mã đăng ký phải có từ 6 đến 64 ký tự.",
                          "An enrolment code has 6 to 64 characters."),
    "enrol_other_server": ("Máy này đã đăng ký với máy chủ {current}. Muốn đổi sang máy chủ "
                           "khác, xin hủy đăng ký trước.",
                           "This device is enrolled with {current}. To move it to another "
                           "server, remove the enrolment first."),
    # --- server answers sync/http.py passes on by code (no sentence in messages_link.py yet) ---
    "unauthorized": ("Máy chủ tỉnh không còn nhận máy này (mã truy cập của thiết bị sai hoặc đã bị thu hồi). "
                     "Xin cán bộ quản trị đăng ký lại máy.",
                     "The provincial server no longer accepts this device (its token is wrong "
                     "or was revoked). An administrator needs to enrol it again."),
    "device_revoked": ("Tỉnh đã thu hồi quyền đồng bộ của máy này. Xin liên hệ tỉnh để đăng ký "
                       "lại.",
                       "The province revoked this device's access. Please contact the province "
                       "to enrol it again."),
    "server_refused": ("Máy chủ tỉnh từ chối yêu cầu (mã {status}: {error}). Xin báo cán bộ kỹ "
                       "thuật.",
                       "The provincial server refused the request ({status}: {error}). Please "
                       "tell a technician."),
    "batch_too_large": ("Máy chủ tỉnh không nhận gói dữ liệu lớn như vậy; máy sẽ gửi thành các "
                        "gói nhỏ hơn.",
                        "The provincial server refused a batch that large; the device will send "
                        "smaller batches."),
    "body_too_large": ("Máy chủ tỉnh không nhận gói dữ liệu lớn như vậy; máy sẽ gửi thành các "
                       "gói nhỏ hơn.",
                       "The provincial server refused a body that large; the device will send "
                       "smaller batches."),
    "range_mismatch": ("Việc gửi tiếp một ảnh bị lệch vị trí; máy sẽ gửi lại ảnh từ đầu.",
                       "Resuming a photo upload went out of step; the device will send it again."),
    "hash_mismatch": ("Ảnh gửi lên tỉnh bị sai lệch trên đường truyền; máy sẽ gửi lại lần sau.",
                      "A photo arrived damaged at the provincial server; it will be sent again."),
    # --- quarantine ---------------------------------------------------------------------------
    "quarantine_not_found": ("Không có mục nào đang chờ kiểm tra với mã {item}.",
                             "No quarantined item has the id {item}."),
    "quarantine_not_report": ("Chỉ sửa được phản ánh; mục này là {kind}.",
                              "Only reports can be edited; this item is a {kind}."),
    "quarantine_no_change": ("Nội dung chưa thay đổi nên máy chủ sẽ lại từ chối. Xin sửa rồi "
                             "gửi lại.",
                             "Nothing was changed, so the server would refuse it again. Please "
                             "edit it before resending."),
    # --- the server's reasons for refusing an item (sync/protocol.REJECT_REASONS, conflict) ---
    "reject_invalid_payload": ("Nội dung phản ánh không đúng quy định của tỉnh.",
                               "The content does not match what the province accepts."),
    "reject_hash_mismatch": ("Dữ liệu bị sai lệch trên đường truyền hoặc đã bị sửa sau khi lưu.",
                             "The data was altered in transit or changed after it was saved."),
    "reject_unknown_category": ("Lĩnh vực của phản ánh không còn trong danh mục của tỉnh. Xin "
                                "chọn lĩnh vực khác rồi gửi lại.",
                                "The report's category is no longer in the province's list. "
                                "Please choose another category and resend."),
    "reject_unknown_report": ("Máy chủ tỉnh không biết phản ánh mà mục này nhắc tới.",
                              "The provincial server does not know the report this item refers to."),
    "reject_tracking_code_taken": ("Mã tra cứu này đã được dùng cho một phản ánh khác trên máy "
                                   "chủ tỉnh.",
                                   "Another report on the provincial server already has this "
                                   "tracking code."),
    "reject_commune_mismatch": ("Mục này ghi một xã khác với xã của máy.",
                                "This item names a different commune than the device's."),
    "reject_conflict": ("Máy chủ tỉnh đã nhận một nội dung khác với cùng mã mục này.",
                        "The provincial server already received different content under this "
                        "item's id."),
    "reject_other": ("Máy chủ tỉnh từ chối mục này (lý do: {reason}).",
                     "The provincial server refused this item (reason: {reason})."),
}


def reason_key(reason: str | None) -> str:
    """The MESSAGES key for a server reason code; unknown codes get the generic sentence."""
    key = f"reject_{reason or 'other'}"
    return key if key in MESSAGES else "reject_other"
