"""Receipt -> PDF for 80 mm thermal paper, via reportlab (the only module that imports it).

The page is exactly as tall as its content: a roll has no page length, and a fixed A-size page
would feed blank paper. Only the vendored DejaVu fonts are used and embedded, because reportlab's
base-14 fonts have no Vietnamese glyphs and a kiosk printer may substitute anything it likes.
"""
from __future__ import annotations

import io
import os
import pathlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kiosk.receipt_model import Receipt

__all__ = ["render_receipt_pdf"]

FONT_DIR = pathlib.Path(__file__).resolve().parent.parent / "resources" / "fonts"
# Project-prefixed names, so another registration of "DejaVuSans" elsewhere cannot clash.
REGULAR = "CauNoi-DejaVuSans"
BOLD = "CauNoi-DejaVuSans-Bold"

PAGE_WIDTH = 80 * mm
MARGIN = 4 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
QR_SIZE = 40 * mm           # includes the 4-module quiet zone the widget draws
LINE_HEIGHT = 1.3           # leading as a multiple of the font size; room for stacked diacritics

OFFICE_SIZE = 10.0
TITLE_SIZE = 13.0
CODE_SIZE = 20.0
BODY_SIZE = 9.0
FOOTER_SIZE = 7.5

Draw = Callable[[Canvas, float], None]     # draws a block given the y of its top edge


@dataclass(frozen=True)
class _Block:
    height: float
    draw: Draw


@cache
def _register_fonts() -> None:
    # Parsing a TTF costs tens of ms; do it once per process, on first render, not at import.
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))


def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Word-wrap; a single word wider than the line (a URL, a long number) is broken by
    characters so nothing runs off the paper."""
    out: list[str] = []
    for line in simpleSplit(text, font, size, width) or [""]:
        while _width(line, font, size) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and _width(line[:cut], font, size) > width:
                cut -= 1
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return out


def _baseline(top: float, font: str, size: float) -> float:
    # Centre the font's ascent..descent box inside the line's leading.
    ascent, descent = pdfmetrics.getAscentDescent(font, size)
    return top - (size * LINE_HEIGHT - (ascent - descent)) / 2 - ascent


def _text_rows(lines: list[str], font: str, size: float, align: str = "left",
               indent: float = 0.0) -> _Block:
    leading = size * LINE_HEIGHT

    def draw(c: Canvas, top: float) -> None:
        c.setFont(font, size)
        for i, line in enumerate(lines):
            y = _baseline(top - i * leading, font, size)
            if align == "centre":
                c.drawCentredString(PAGE_WIDTH / 2, y, line)
            else:
                c.drawString(MARGIN + indent, y, line)

    return _Block(leading * len(lines), draw)


def _centred(text: str, font: str, size: float) -> _Block:
    return _text_rows(_wrap(text, font, size, CONTENT_WIDTH), font, size, "centre")


def _big_code(code: str, wanted: float | None = None) -> _Block:
    # The code must stay on one line to be copied reliably, so shrink it rather than wrap.
    wanted = wanted or CODE_SIZE
    size = min(wanted, wanted * CONTENT_WIDTH / max(_width(code, BOLD, wanted), 1.0))
    return _text_rows([code], BOLD, size, "centre")


def _label_value(label: str, value: str) -> _Block:
    head = f"{label}:"
    gap = _width(" ", REGULAR, BODY_SIZE)
    if _width(head, REGULAR, BODY_SIZE) + gap + _width(value, BOLD, BODY_SIZE) <= CONTENT_WIDTH:
        # Short pair: label left, value right-aligned on the same row, like a till receipt.
        leading = BODY_SIZE * LINE_HEIGHT

        def draw(c: Canvas, top: float) -> None:
            y = _baseline(top, REGULAR, BODY_SIZE)
            c.setFont(REGULAR, BODY_SIZE)
            c.drawString(MARGIN, y, head)
            c.setFont(BOLD, BODY_SIZE)
            c.drawRightString(PAGE_WIDTH - MARGIN, y, value)

        return _Block(leading, draw)
    # Long value: label on its own row(s), value wrapped underneath, slightly indented.
    indent = 3 * mm
    return _stack([
        _text_rows(_wrap(head, REGULAR, BODY_SIZE, CONTENT_WIDTH), REGULAR, BODY_SIZE),
        _text_rows(_wrap(value, BOLD, BODY_SIZE, CONTENT_WIDTH - indent), BOLD, BODY_SIZE,
                   indent=indent),
    ])


def _qr(payload: str) -> _Block:
    widget = QrCodeWidget(payload, barLevel="M", barWidth=QR_SIZE, barHeight=QR_SIZE)
    # initialFontName: the renderer otherwise sets Helvetica, which would land in the PDF unused
    # and unembedded.
    drawing = Drawing(QR_SIZE, QR_SIZE, initialFontName=REGULAR)
    drawing.add(widget)

    def draw(c: Canvas, top: float) -> None:
        renderPDF.draw(drawing, c, (PAGE_WIDTH - QR_SIZE) / 2, top - QR_SIZE)

    return _Block(QR_SIZE, draw)


def _rule(space: float = 3 * mm) -> _Block:
    # Dashed separator, the usual look of a thermal receipt.
    def draw(c: Canvas, top: float) -> None:
        y = top - space / 2
        c.saveState()
        c.setLineWidth(0.6)
        c.setDash(2, 1.5)
        c.line(MARGIN, y, PAGE_WIDTH - MARGIN, y)
        c.restoreState()

    return _Block(space, draw)


def _gap(space: float) -> _Block:
    return _Block(space, lambda c, top: None)


def _stack(blocks: list[_Block]) -> _Block:
    def draw(c: Canvas, top: float) -> None:
        for block in blocks:
            block.draw(c, top)
            top -= block.height

    return _Block(sum(b.height for b in blocks), draw)


def _layout(receipt: Receipt) -> _Block:
    blocks = [
        _centred(receipt.office_name, BOLD, OFFICE_SIZE),
        _gap(1 * mm),
        _centred(receipt.title, BOLD, TITLE_SIZE),
        _rule(),
        _big_code(receipt.big_code, receipt.big_code_size),
        _qr(receipt.qr_payload),
    ]
    if receipt.lines:
        blocks += [_rule(), *(_label_value(ln.label, ln.value) for ln in receipt.lines)]
    if receipt.footer:
        blocks.append(_rule())
        blocks += [_centred(text, REGULAR, FOOTER_SIZE) for text in receipt.footer]
    return _stack(blocks)


def _render_bytes(receipt: Receipt) -> bytes:
    _register_fonts()
    content = _layout(receipt)      # measure first: the page height depends on it
    height = content.height + 2 * MARGIN
    buf = io.BytesIO()
    # initialFontName: the default (Helvetica) would be written into every page's resources.
    c = Canvas(buf, pagesize=(PAGE_WIDTH, height), initialFontName=REGULAR,
               initialFontSize=BODY_SIZE)
    c.setTitle(f"{receipt.title} – {receipt.big_code}")
    c.setSubject(receipt.big_code)      # else reportlab writes "unspecified"
    c.setAuthor(receipt.office_name)
    c.setCreator("Cầu Nối")
    content.draw(c, height - MARGIN)
    c.showPage()
    c.save()
    return buf.getvalue()


def _write_atomically(data: bytes, path: pathlib.Path) -> None:
    # A reprint reads this file later; a crash mid-write must leave the old file or none.
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    # Not mkstemp: its 0600 mode would survive os.replace and could hide the file from a print
    # spooler running as another user; 0666 here is narrowed by the umask like any new file.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def render_receipt_pdf(receipt: Receipt, path: pathlib.Path) -> pathlib.Path:
    """Render `receipt` to a one-page 80 mm PDF at `path` (parents created); return the path."""
    path = pathlib.Path(path)
    _write_atomically(_render_bytes(receipt), path)
    return path
