"""Consent texts shown next to unticked boxes. The exact text a resident agreed to is hashed
into the record, so a later change of wording never rewrites what someone accepted."""
from __future__ import annotations

import hashlib
import unicodedata

CONTACT_CONSENT = {
    "vi": ("Tôi đồng ý để UBND xã dùng họ tên và số điện thoại này chỉ để liên hệ với tôi "
           "về phản ánh này. Thông tin được xóa sau khi phản ánh đã được chuyển lên tỉnh."),
    "en": ("I agree that the commune office may use this name and phone number only to contact "
           "me about this report. They are deleted after the report has reached the province."),
}


def consent_hash(text: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()
