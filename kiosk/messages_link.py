"""Words for the link and credential errors of sync (sync/http.py, sync/secrets.py), Vietnamese first.

Merged into kiosk.messages.MESSAGES; keys are KioskError / SyncError codes.
"""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "link_down": ("Không kết nối được máy chủ của tỉnh ({url}). Dữ liệu vẫn được lưu tại xã và "
                  "sẽ tự gửi khi có mạng.",
                  "Cannot reach the provincial server ({url}). Everything stays saved at the "
                  "commune and is sent by itself when the link is back."),
    "link_timeout": ("Đường truyền tới máy chủ của tỉnh quá chậm hoặc bị treo; lần gửi này đã "
                     "dừng. Dữ liệu vẫn an toàn và sẽ được gửi lại sau.",
                     "The link to the provincial server is too slow or stalled; this attempt "
                     "stopped. Nothing is lost and it will be sent again later."),
    "server_busy": ("Máy chủ của tỉnh đang bận hoặc gặp sự cố (mã {status}). Máy sẽ tự thử lại "
                    "sau.",
                    "The provincial server is busy or failing (HTTP {status}). The kiosk will "
                    "try again later."),
    "not_our_server": ("Địa chỉ {url} không trả lời như máy chủ Cầu Nối của tỉnh. Có thể mạng "
                       "đang đòi đăng nhập (Wi-Fi công cộng) hoặc địa chỉ bị sai.",
                       "{url} does not answer like the province's Cầu Nối server. The network "
                       "may want a login page (public Wi-Fi) or the address is wrong."),
    "protocol_unsupported": ("Máy chủ của tỉnh không dùng cùng phiên bản giao thức (máy chủ: "
                             "{versions}). Cần cập nhật phần mềm.",
                             "The provincial server speaks another protocol version (server: "
                             "{versions}). The software needs updating."),
    "response_too_large": ("Máy chủ gửi về dữ liệu quá lớn (hơn {limit_mb} MB); đã dừng để "
                           "bảo vệ máy.",
                           "The server sent back too much data (over {limit_mb} MB); stopped "
                           "to protect this PC."),
    "tls_untrusted": ("Chứng chỉ bảo mật của {url} không đáng tin cậy nên máy không gửi dữ liệu. "
                      "Nhờ cán bộ kỹ thuật kiểm tra địa chỉ hoặc cài chứng chỉ của tỉnh.",
                      "The security certificate of {url} is not trusted, so nothing was sent. "
                      "Ask IT to check the address or install the province's certificate."),
    "url_invalid": ("Địa chỉ máy chủ “{url}” không hợp lệ: cần dạng https://tên-máy-chủ",
                    "The server address “{url}” is not valid: it must look like "
                    "https://server-name"),
    "insecure_url": ("Địa chỉ “{url}” không an toàn: máy chủ của tỉnh phải dùng https://. "
                     "(http:// chỉ dùng thử trên chính máy này.)",
                     "“{url}” is not secure: the provincial server must use https:// "
                     "(http:// only for tests on this PC)."),
    "secrets_unavailable": (
        "Máy chưa có kho khóa bí mật của hệ điều hành dùng được nên chưa thể lưu mã truy cập "
        "của thiết bị. Trên Linux cần một kho Secret Service như gnome-keyring, được mở khóa "
        "trong phiên kiosk; trên Windows dùng Credential Manager. Xem docs/keyring.md. Mã truy "
        "cập của thiết bị không được ghi ra tệp thường, trừ khi quản trị viên chủ động chọn lưu "
        "trong tệp (sync settings --secrets-store file) — chỉ nên chọn khi ổ đĩa của máy đã "
        "được mã hóa.",
        "This PC has no working OS keyring, so the device's access token cannot be stored. On "
        "Linux, install a Secret Service keyring such as gnome-keyring and unlock it in the kiosk "
        "session; on Windows, Credential Manager is used. See docs/keyring.md. The token is not "
        "written to a plain file unless an administrator explicitly chooses the file store "
        "(sync settings --secrets-store file), which is only safe on an encrypted disk."),
    "secrets_timeout": ("Kho khóa bí mật không trả lời sau {seconds} giây (có thể đang bị khóa "
                        "và chờ nhập mật khẩu). Cần mở khóa kho trong phiên của kiosk.",
                        "The keyring did not answer within {seconds} s (it may be locked and "
                        "waiting for a password). Unlock it in the kiosk's session."),
}
