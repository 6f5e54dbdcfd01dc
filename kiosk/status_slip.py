"""The status slip a resident may print after a lookup: 80 mm, same look and fonts as the receipt
(kiosk/receipt_pdf.py's blocks, DejaVu embedded), always Vietnamese (it is the office's paper).

It says only what the lookup screen says: code, kind, status, timeline, due date, the published
answer, where to collect a dossier's result and "Cập nhật lúc …" (the last sync, so an old
status is not taken for today's). Nothing personal: a LookupResult carries none. Printing goes
through kiosk/printing like a receipt (it rasterises the PDF itself for thermal printers)."""
from __future__ import annotations

import pathlib
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from kiosk import catalog
from kiosk.clock import utc_now
from kiosk.db import Store
from kiosk.lookup import LookupResult, _parse_utc, as_of_words, due_words
from kiosk.messages_lookup import KIND_WORDS

TITLES = {"report": "Phiếu tình trạng phản ánh", "dossier": "Phiếu tình trạng hồ sơ"}
PRIVACY_NOTE = "Phiếu chỉ ghi tình trạng xử lý, không có thông tin cá nhân."
SLIPS_DIR = "status_slips"


def _when(utc_text: str, zone: str) -> str:
    return _parse_utc(utc_text).astimezone(ZoneInfo(zone)).strftime("%d/%m/%Y %H:%M")


def _render_bytes(office_name: str, zone: str, result: LookupResult, printed: datetime,
                  qr: bool) -> bytes:
    # The receipt's private blocks are reused on purpose: one look for every slip the office
    # prints, and one place that knows how to wrap Vietnamese on 72 mm of paper.
    import io

    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from kiosk import receipt_pdf as rp

    rp._register_fonts()
    indent = 3 * mm
    date_fmt = "%d/%m/%Y"

    def para(text: str, font: str, size: float, pad: float = 0.0) -> rp._Block:
        return rp._text_rows(rp._wrap(text, font, size, rp.CONTENT_WIDTH - pad), font, size,
                             indent=pad)

    date_width = rp._width("00/00/0000 00:00  ", rp.REGULAR, rp.BODY_SIZE)

    def event_row(when: str, status: str) -> rp._Block:
        # Date in its own column, the status wrapped beside it (a hanging indent), so a long
        # status such as "Yêu cầu thực hiện nghĩa vụ tài chính" stays readable.
        left = rp._text_rows([when], rp.REGULAR, rp.BODY_SIZE)
        right = para(status, rp.BOLD, rp.BODY_SIZE, date_width)

        def draw(c: Canvas, top: float) -> None:
            left.draw(c, top)
            right.draw(c, top)

        return rp._Block(max(left.height, right.height), draw)

    lines: list[tuple[str, str]] = [
        ("Loại", KIND_WORDS[result.kind][0]),
        ("Lĩnh vực" if result.kind == "report" else "Thủ tục", result.title_vi),
    ]
    if result.filed_utc:
        lines.append(("Ngày tiếp nhận", _when(result.filed_utc, zone)))
    lines.append(("Tình trạng", result.status_vi))
    if result.unit:
        lines.append(("Đơn vị xử lý", result.unit))
    if result.due is not None:
        lines.append(("Hạn xử lý" if result.kind == "dossier" else "Hạn trả lời",
                      result.due.strftime(date_fmt) if result.new_due else
                      (due_words(result, "vi") or "")))
    if result.new_due is not None:
        lines.append(("Hẹn trả mới", due_words(result, "vi") or ""))
    if result.collect_at:
        lines.append(("Nơi nhận kết quả", result.collect_at))

    blocks = [
        rp._centred(office_name, rp.BOLD, rp.OFFICE_SIZE),
        rp._gap(1 * mm),
        rp._centred(TITLES[result.kind], rp.BOLD, rp.TITLE_SIZE),
        rp._rule(),
        rp._big_code(result.code),
    ]
    if qr:
        blocks.append(rp._qr(result.code.replace("-", "") if result.kind == "report"
                             else result.code))
    blocks += [rp._rule(), *(rp._label_value(label, value) for label, value in lines)]
    if result.events:
        blocks += [rp._rule(), para("Quá trình xử lý:", rp.BOLD, rp.BODY_SIZE)]
        unit = None
        for event in result.events:
            blocks.append(event_row(_when(event.at_utc, zone), event.text_vi))
            # The unit only when it changes: repeated on every row it drowns the statuses.
            extras = [event.unit if event.unit and event.unit != unit else None, event.note]
            unit = event.unit or unit
            for extra in extras:
                if extra:
                    blocks.append(para(extra, rp.REGULAR, rp.FOOTER_SIZE, date_width))
    if result.answer:
        blocks += [rp._rule(), para("Kết quả trả lời:", rp.BOLD, rp.BODY_SIZE),
                   para(result.answer, rp.REGULAR, rp.BODY_SIZE, indent)]
    if result.apology:
        blocks += [rp._rule(), para("Thư xin lỗi của cơ quan:", rp.BOLD, rp.BODY_SIZE),
                   para(result.apology, rp.REGULAR, rp.BODY_SIZE, indent)]
    blocks += [
        rp._rule(),
        rp._centred(as_of_words(result.as_of, zone, "vi"), rp.BOLD, rp.BODY_SIZE),
        rp._centred(f"In lúc {printed.astimezone(ZoneInfo(zone)):%H:%M %d/%m/%Y}", rp.REGULAR,
                    rp.FOOTER_SIZE),
        rp._centred(PRIVACY_NOTE, rp.REGULAR, rp.FOOTER_SIZE),
    ]
    content = rp._stack(blocks)
    height = content.height + 2 * rp.MARGIN
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(rp.PAGE_WIDTH, height), initialFontName=rp.REGULAR,
               initialFontSize=rp.BODY_SIZE)
    c.setTitle(f"{TITLES[result.kind]} – {result.code}")
    c.setSubject(result.code)
    c.setAuthor(office_name)
    c.setCreator("Cầu Nối")
    content.draw(c, height - rp.MARGIN)
    c.showPage()
    c.save()
    return buf.getvalue()


def render_status_slip_pdf(office_name: str, zone: str, result: LookupResult,
                           path: pathlib.Path, *, qr: bool = True,
                           printed: datetime | None = None) -> pathlib.Path:
    """Render the slip to a one-page 80 mm PDF at `path` (written atomically)."""
    from kiosk.receipt_pdf import _write_atomically

    path = pathlib.Path(path)
    _write_atomically(_render_bytes(office_name, zone, result, printed or utc_now(), qr), path)
    return path


def slip_path(store: Store, result: LookupResult) -> pathlib.Path:
    # One file per code, overwritten by each print: a slip is only as good as its latest sync.
    safe = re.sub(r"[^0-9A-Za-z.-]", "_", result.code)
    return store.data_dir / SLIPS_DIR / f"{result.kind}-{safe}.pdf"


def save_status_slip(store: Store, result: LookupResult, *, qr: bool = True,
                     printed: datetime | None = None) -> pathlib.Path:
    """Render the slip for a lookup result into the data dir and return its PDF path (hand it
    to kiosk.printing.print_document, as for a receipt)."""
    office = catalog.office(store.conn())
    return render_status_slip_pdf(office.name, office.zone, result, slip_path(store, result),
                                  qr=qr, printed=printed)
