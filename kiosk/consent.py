"""Consent texts shown next to unticked boxes. The exact text a resident agreed to is hashed
into the record, so a later change of wording never rewrites what someone accepted."""
from __future__ import annotations

import hashlib
import unicodedata

# The longest time contact details stay at the office after the province acknowledged the
# report (kiosk/privacy.py caps `privacy.retention_days` at this): "at the latest" keeps the
# promise true for any shorter setting, and keeps one wording (one hash) for every office.
RETENTION_PROMISE_DAYS = 30

CONTACT_CONSENT = {
    "vi": ("Tôi đồng ý để UBND xã dùng họ tên và số điện thoại này chỉ để liên hệ với tôi "
           "về phản ánh này. Thông tin được mã hóa trên máy và được xóa khỏi máy tại xã chậm nhất "
           f"{RETENTION_PROMISE_DAYS} ngày sau khi phản ánh đã được chuyển lên tỉnh."),
    "en": ("I agree that the commune office may use this name and phone number only to contact "
           "me about this report. They are stored encrypted and deleted from the office's device "
           f"at the latest {RETENTION_PROMISE_DAYS} days after the report has reached the "
           "province."),
}

# Earlier wordings: records keep the hash of what was shown then (never recomputed); these let
# an export (kiosk/privacy.py) show the resident the very text they agreed to.
_EARLIER_CONTACT_CONSENT = (
    "Tôi đồng ý để UBND xã dùng họ tên và số điện thoại này chỉ để liên hệ với tôi "
    "về phản ánh này. Thông tin được xóa sau khi phản ánh đã được chuyển lên tỉnh.",
    "I agree that the commune office may use this name and phone number only to contact "
    "me about this report. They are deleted after the report has reached the province.",
)

# Printed on the paper form (docs/paper-forms.md) next to the box the resident ticks and signs.
# The record hashes this wording plus the form's number (paper_consent_text), so each paper
# consent is tied to the sheet that carries the signature.
PAPER_CONSENT = {
    "vi": ("Tôi đồng ý để UBND xã dùng họ tên và số điện thoại ghi trên phiếu này chỉ để liên hệ "
           "với tôi về phản ánh này. Thông tin được xóa khỏi máy tại xã chậm nhất "
           f"{RETENTION_PROMISE_DAYS} ngày sau khi phản ánh đã được chuyển lên tỉnh."),
    "en": ("I agree that the commune office may use the name and phone number on this form only "
           "to contact me about this report. They are deleted from the office's device at the "
           f"latest {RETENTION_PROMISE_DAYS} days after the report has reached the province."),
}


def paper_consent_text(form_number: str) -> str:
    """The consent a resident gave by ticking the box on paper form `form_number`."""
    return f"{PAPER_CONSENT['vi']} (Phiếu giấy số {form_number})"


def consent_hash(text: str) -> str:
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8")).hexdigest()


def consent_text_for(digest: str) -> str | None:
    """The on-screen consent wording (current or earlier, either language) with this hash."""
    for text in (*CONTACT_CONSENT.values(), *_EARLIER_CONTACT_CONSENT):
        if consent_hash(text) == digest:
            return text
    return None
