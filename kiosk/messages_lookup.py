"""Words for offline case lookup (kiosk/lookup.py, kiosk/report_rating.py), Vietnamese first.

MESSAGES is merged into kiosk.messages.MESSAGES (keys are KioskError codes). The status tables
are the plain words a resident reads for each stable status code; they live here, beside the
errors, so the screen, the CLI and the printed slip say the same thing.
"""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "lookup_not_found": ("Không tìm thấy phản ánh hoặc hồ sơ với mã này. Xin kiểm tra lại mã "
                         "trên phiếu. Hồ sơ, phản ánh mới gửi từ nơi khác có thể chưa về máy "
                         "này; xin thử lại sau.",
                         "No report or dossier has this code. Please check the code on the "
                         "receipt. One filed elsewhere very recently may not have reached this "
                         "kiosk yet; please try again later."),
    "dossier_secret_needed": ("Để xem hồ sơ thủ tục hành chính, xin nhập thêm mã tra cứu (ít "
                              "nhất {min} ký tự) in trên giấy tiếp nhận hồ sơ.",
                              "To see an administrative dossier, please also enter the lookup "
                              "secret (at least {min} characters) printed on the dossier "
                              "receipt."),
    "dossier_secret_wrong": ("Mã tra cứu không đúng với hồ sơ này. Xin kiểm tra lại giấy tiếp "
                             "nhận hồ sơ.",
                             "The lookup secret does not match this dossier. Please check the "
                             "dossier receipt."),
    "lookup_slow_down": ("Máy đã nhận nhiều mã sai liên tiếp. Xin đợi {wait_vi} rồi thử lại; "
                         "nếu cần giúp, xin hỏi cán bộ xã.",
                         "Too many wrong codes in a row. Please wait {wait_en} and try again; "
                         "a staff member can help."),
    "not_answered_yet": ("Phản ánh này chưa có kết quả trả lời nên chưa đánh giá được.",
                         "This report has no published answer yet, so it cannot be rated."),
    "already_rated": ("Kết quả của phản ánh này đã được đánh giá. Cảm ơn bạn!",
                      "The answer to this report has already been rated. Thank you!"),
    "rating_level": ("Mức đánh giá không hợp lệ.", "That rating level is not valid."),
    "rating_comment_too_long": ("Ý kiến dài {length} ký tự, vượt quá {limit} ký tự cho phép.",
                                "The comment has {length} characters; the limit is {limit}."),
    "rating_comment_invalid": ("Ý kiến có ký tự không hợp lệ. Xin nhập lại.",
                               "The comment contains characters that are not allowed. Please "
                               "type it again."),
}

# A report's status: the server's stable codes plus the two local ones.
REPORT_STATUS: dict[str, tuple[str, str]] = {
    "not_sent": ("Đã lưu tại xã, chờ gửi lên tỉnh",
                 "Saved at the commune, waiting to be sent to the province"),
    "sent": ("Đã gửi lên tỉnh, chờ tiếp nhận", "Sent to the province, waiting to be received"),
    "received": ("Đã tiếp nhận", "Received"),
    "assigned": ("Đã chuyển đơn vị xử lý", "Passed to the unit handling it"),
    "in_progress": ("Đang xử lý", "Being handled"),
    "resolved": ("Đã xử lý xong", "Resolved"),
    "rejected": ("Không xử lý, đã trả lời lý do", "Not taken up; the reason was answered"),
    "withdrawn": ("Đã rút theo yêu cầu", "Withdrawn at the resident's request"),
}

# The one-stop dossier statuses, in the common list's words.
DOSSIER_STATUS: dict[str, tuple[str, str]] = {
    "new": ("Mới đăng ký", "Newly registered"),
    "accepted": ("Được tiếp nhận", "Accepted"),
    "not_accepted": ("Không được tiếp nhận", "Not accepted"),
    "processing": ("Đang xử lý", "Being processed"),
    "needs_documents": ("Yêu cầu bổ sung giấy tờ", "More documents required"),
    "needs_payment": ("Yêu cầu thực hiện nghĩa vụ tài chính", "Fees or charges to be paid"),
    "withdrawn": ("Công dân yêu cầu rút hồ sơ", "Withdrawn at the applicant's request"),
    "stopped": ("Dừng xử lý", "Processing stopped"),
    "done": ("Đã xử lý xong", "Processed"),
    "returned": ("Đã trả kết quả", "Result returned"),
}

# Timeline entries the kiosk knows itself, before the province's case exists.
LOCAL_EVENTS: dict[str, tuple[str, str]] = {
    "filed": ("Tiếp nhận tại xã", "Filed at the commune"),
    "sent": ("Đã gửi lên tỉnh", "Sent to the province"),
    "withdrawn": ("Rút phản ánh theo yêu cầu của người dân",
                  "Withdrawn at the resident's request"),
}

RATING_LEVELS: dict[str, tuple[str, str]] = {
    "satisfied": ("Hài lòng", "Satisfied"),
    "acceptable": ("Chấp nhận được", "Acceptable"),
    "unsatisfied": ("Không hài lòng", "Unsatisfied"),
}

KIND_WORDS: dict[str, tuple[str, str]] = {
    "report": ("Phản ánh, kiến nghị", "Report"),
    "dossier": ("Hồ sơ thủ tục hành chính", "Administrative dossier"),
}


def wait_words(seconds: int) -> tuple[str, str]:
    """'45 giây' / '2 phút' (rounded up: never tell someone to come back too early)."""
    if seconds < 60:
        return f"{seconds} giây", f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = -(-seconds // 60)
    return f"{minutes} phút", f"{minutes} minute{'s' if minutes != 1 else ''}"
