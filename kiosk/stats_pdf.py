"""The commune's monthly figures as a one-page A4 PDF (Vietnamese), for the monthly report:
reports by category (the month and the two before it, with bars for the month), the share
answered on time, and satisfaction shares. Rendered with reportlab; only the vendored DejaVu
fonts are used and embedded (the base-14 fonts have no Vietnamese glyphs).
"""
from __future__ import annotations

import io
import pathlib
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kiosk import catalog
from kiosk.clock import utc_now
from kiosk.db import Store
from kiosk.receipt_pdf import BOLD, FONT_DIR, REGULAR, _write_atomically
from kiosk.stats import (LEVELS, ON_TIME_DEFINITION_VI, MonthFigures, Period, month_figures,
                         percent)

__all__ = ["render_month_pdf", "save_month_report", "report_path", "title_for"]

PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
CONTENT_W = PAGE_W - 2 * MARGIN
BLUE = HexColor("#0b3d91")
LIGHT = HexColor("#dbe5f5")
GREY = HexColor("#4a5866")
RULE = HexColor("#b3bccb")
LEVEL_COLOURS = {"satisfied": HexColor("#1b5e20"), "acceptable": HexColor("#e0a800"),
                 "unsatisfied": HexColor("#b00020")}
LEVEL_NAMES = {"satisfied": "Hài lòng", "acceptable": "Chấp nhận được",
               "unsatisfied": "Không hài lòng"}

ROW_H = 5.6 * mm
TABLE_SIZE = 8.5
BODY_SIZE = 9.5


@cache
def _register_fonts() -> None:
    # The receipt module's names and files: whichever registers first, both get the same font.
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _month_label(key: str) -> str:
    """'2026-11' → '11/2026'."""
    year, month = key.split("-")
    return f"{month}/{year}"


def title_for(period: Period) -> str:
    if period.is_month:
        return f"Báo cáo phản ánh, kiến nghị tháng {_month_label(period.key)}"
    return f"Báo cáo phản ánh, kiến nghị từ {_dmy(period.first)} đến {_dmy(period.last)}"


def report_path(data_dir: pathlib.Path, month: str) -> pathlib.Path:
    """Where the monthly PDF is kept: <data dir>/reports/bao-cao-phan-anh-YYYY-MM.pdf."""
    return data_dir / "reports" / f"bao-cao-phan-anh-{Period.month(month).key}.pdf"


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut with an ellipsis so a long category name stays in its column."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _heading(c: Canvas, y: float, text: str) -> float:
    c.setFont(BOLD, 11)
    c.setFillColor(BLUE)
    c.drawString(MARGIN, y - 11, text)
    c.setFillColor(HexColor("#10213f"))
    return y - 11 - 3 * mm


def _category_table(c: Canvas, y: float, f: MonthFigures) -> float:
    """Table of counts per category and month, and a bar per row for the report's month."""
    months = f.counts.months
    name_w = 72 * mm
    num_w = 17 * mm
    bars_x = MARGIN + name_w + num_w * len(months) + 4 * mm
    bars_w = MARGIN + CONTENT_W - bars_x
    current = months.index(f.month)
    rows = [r for r in f.counts.rows]
    biggest = max([r.counts[current] for r in rows] + [1])

    # header
    c.setFillColor(LIGHT)
    c.rect(MARGIN, y - ROW_H, CONTENT_W, ROW_H, stroke=0, fill=1)
    c.setFillColor(HexColor("#10213f"))
    c.setFont(BOLD, TABLE_SIZE)
    base = y - ROW_H + 1.8 * mm
    c.drawString(MARGIN + 1.5 * mm, base, "Lĩnh vực")
    for i, key in enumerate(months):
        c.drawRightString(MARGIN + name_w + num_w * (i + 1) - 1.5 * mm, base, _month_label(key))
    c.drawString(bars_x, base, f"Tháng {_month_label(f.month)}")
    y -= ROW_H

    drawing = Drawing(bars_w, ROW_H * len(rows), initialFontName=REGULAR)
    for n, row in enumerate(rows):
        top = y - n * ROW_H
        base = top - ROW_H + 1.8 * mm
        c.setFont(REGULAR, TABLE_SIZE)
        c.drawString(MARGIN + 1.5 * mm, base,
                     _fit(row.name_vi, REGULAR, TABLE_SIZE, name_w - 3 * mm))
        for i, count in enumerate(row.counts):
            c.setFont(BOLD if i == current else REGULAR, TABLE_SIZE)
            c.drawRightString(MARGIN + name_w + num_w * (i + 1) - 1.5 * mm, base, str(count))
        value = row.counts[current]
        bar_y = ROW_H * (len(rows) - n - 1) + 1.2 * mm
        length = (bars_w - 10 * mm) * value / biggest
        if value:
            drawing.add(Rect(0, bar_y, length, ROW_H - 2.4 * mm, fillColor=BLUE,
                             strokeColor=None))
        drawing.add(String(length + 1.5 * mm, bar_y + 0.5 * mm, str(value), fontName=REGULAR,
                           fontSize=7.5, fillColor=GREY))
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(MARGIN, top - ROW_H, MARGIN + name_w + num_w * len(months), top - ROW_H)
    renderPDF.draw(drawing, c, bars_x, y - ROW_H * len(rows))
    y -= ROW_H * len(rows)

    # total row
    c.setFont(BOLD, TABLE_SIZE)
    base = y - ROW_H + 1.8 * mm
    c.drawString(MARGIN + 1.5 * mm, base, "Tổng cộng")
    for i, key in enumerate(months):
        c.drawRightString(MARGIN + name_w + num_w * (i + 1) - 1.5 * mm, base,
                          str(f.counts.month_total(key)))
    c.setStrokeColor(BLUE)
    c.setLineWidth(0.8)
    c.line(MARGIN, y, MARGIN + name_w + num_w * len(months), y)
    return y - ROW_H


def _on_time(c: Canvas, y: float, f: MonthFigures) -> float:
    share = f.on_time.share
    c.setFillColor(BLUE)
    c.setFont(BOLD, 30)
    c.drawString(MARGIN, y - 30, percent(share))
    c.setFillColor(HexColor("#10213f"))
    c.setFont(REGULAR, BODY_SIZE)
    x = MARGIN + 42 * mm
    lines = [f"{f.on_time.answered_on_time}/{f.on_time.due_in_period} phản ánh, kiến nghị "
             f"đến hạn trong kỳ được trả lời đúng hạn.",
             f"Đến hạn trong kỳ mà chưa có trả lời: {len(f.overdue_open)}."]
    if f.on_time.due_in_period == 0:
        lines = ["Không có phản ánh, kiến nghị nào đến hạn trả lời trong kỳ (tỷ lệ: —)."]
    for i, text in enumerate(lines):
        c.drawString(x, y - 12 - i * 5 * mm, text)
    # a single bar: the share of the due reports answered on time
    bar = Drawing(CONTENT_W - 42 * mm, 4 * mm, initialFontName=REGULAR)
    width = CONTENT_W - 42 * mm
    bar.add(Rect(0, 0, width, 3 * mm, fillColor=LIGHT, strokeColor=None))
    if share:
        bar.add(Rect(0, 0, width * share, 3 * mm, fillColor=BLUE, strokeColor=None))
    renderPDF.draw(bar, c, x, y - 12 - len(lines) * 5 * mm - 1 * mm)
    return y - 40


def _satisfaction(c: Canvas, y: float, f: MonthFigures) -> float:
    sat = f.satisfaction
    combined = sat.combined
    label_w = 34 * mm
    bar_w = CONTENT_W - label_w - 36 * mm
    height = ROW_H * len(LEVELS)
    d = Drawing(CONTENT_W, height, initialFontName=REGULAR)
    for n, level in enumerate(LEVELS):
        share = combined.share(level)
        row_y = height - (n + 1) * ROW_H
        d.add(String(0, row_y + 1.8 * mm, LEVEL_NAMES[level], fontName=REGULAR,
                     fontSize=BODY_SIZE))
        d.add(Rect(label_w, row_y + 1 * mm, bar_w, ROW_H - 2 * mm, fillColor=LIGHT,
                   strokeColor=None))
        if share:
            d.add(Rect(label_w, row_y + 1 * mm, bar_w * share, ROW_H - 2 * mm,
                       fillColor=LEVEL_COLOURS[level], strokeColor=None))
        d.add(String(label_w + bar_w + 3 * mm, row_y + 1.8 * mm,
                     f"{percent(share)} ({combined.count(level)})", fontName=BOLD,
                     fontSize=BODY_SIZE))
    d.add(Line(label_w, 0, label_w, height, strokeColor=GREY, strokeWidth=0.5))
    renderPDF.draw(d, c, MARGIN, y - height)
    y -= height + 2 * mm
    c.setFont(REGULAR, BODY_SIZE)
    c.setFillColor(GREY)
    text = (f"Tổng số đánh giá: {combined.total} — dịch vụ tại quầy một cửa: "
            f"{sat.queue.total}; kết quả giải quyết phản ánh: "
            f"{sat.reports.total if sat.reports is not None else 'chưa có dữ liệu'}.")
    for line in simpleSplit(text, REGULAR, BODY_SIZE, CONTENT_W):
        y -= BODY_SIZE * 1.35
        c.drawString(MARGIN, y, line)
    c.setFillColor(HexColor("#10213f"))
    return y - 3 * mm


def _footnote(c: Canvas, f: MonthFigures, made_on: date) -> None:
    size = 7.5
    notes = [f"(*) {ON_TIME_DEFINITION_VI} Ngày trả lời là ngày đầu tiên hồ sơ chuyển sang "
             "“đã giải quyết” hoặc “từ chối” theo dữ liệu đồng bộ từ hệ thống của tỉnh.",
             f"Số liệu lập từ các phản ánh, kiến nghị tiếp nhận tại {f.office_name or 'đơn vị'}"
             f" (theo giờ Việt Nam). Lập ngày {_dmy(made_on)} bằng phần mềm Cầu Nối."]
    lines: list[str] = []
    for note in notes:
        lines += simpleSplit(note, REGULAR, size, CONTENT_W)
    y = MARGIN + len(lines) * size * 1.35
    c.setStrokeColor(RULE)
    c.setLineWidth(0.5)
    c.line(MARGIN, y + 2 * mm, MARGIN + CONTENT_W, y + 2 * mm)
    c.setFont(REGULAR, size)
    c.setFillColor(GREY)
    for line in lines:
        y -= size * 1.35
        c.drawString(MARGIN, y + 1.5, line)


def _render_bytes(f: MonthFigures, made_on: date) -> bytes:
    _register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, initialFontName=REGULAR, initialFontSize=BODY_SIZE)
    title = title_for(f.period)
    c.setTitle(f"{title} – {f.office_name}")
    c.setSubject(title)
    c.setAuthor(f.office_name)
    c.setCreator("Cầu Nối")
    c.setFillColor(HexColor("#10213f"))
    y = PAGE_H - MARGIN
    c.setFont(BOLD, 11)
    c.drawString(MARGIN, y - 11, f.office_name.upper())
    c.setFont(REGULAR, BODY_SIZE)
    c.drawRightString(MARGIN + CONTENT_W, y - 11, f"Ngày lập: {_dmy(made_on)}")
    y -= 11 + 9 * mm
    c.setFont(BOLD, 16)
    c.setFillColor(BLUE)
    for line in simpleSplit(title, BOLD, 16, CONTENT_W):
        c.drawCentredString(PAGE_W / 2, y - 16, line)
        y -= 16 * 1.3
    c.setFillColor(HexColor("#10213f"))
    c.setFont(REGULAR, BODY_SIZE)
    c.drawCentredString(PAGE_W / 2, y - 8,
                        f"Kỳ báo cáo: từ {_dmy(f.period.first)} đến {_dmy(f.period.last)} — "
                        f"tiếp nhận trong tháng: {f.reports_in_month} phản ánh, kiến nghị")
    y -= 8 + 8 * mm
    y = _heading(c, y, "1. Phản ánh, kiến nghị tiếp nhận theo lĩnh vực và tháng")
    y = _category_table(c, y, f)
    y -= 6 * mm
    y = _heading(c, y, "2. Tỷ lệ trả lời đúng hạn (*)")
    y = _on_time(c, y, f)
    y -= 4 * mm
    y = _heading(c, y, "3. Mức độ hài lòng của người dân")
    _satisfaction(c, y, f)
    _footnote(c, f, made_on)
    c.showPage()
    c.save()
    return buf.getvalue()


def render_month_pdf(figures: MonthFigures, path: pathlib.Path,
                     made_on: date | None = None) -> pathlib.Path:
    """Write the one-page A4 report for `figures` to `path` (atomically); return the path."""
    made_on = made_on or date.today()
    path = pathlib.Path(path)
    _write_atomically(_render_bytes(figures, made_on), path)
    return path


def save_month_report(store: Store, month: str, now: datetime | None = None) -> pathlib.Path:
    """Compute the month's figures and save the PDF in the data dir's reports folder."""
    conn = store.conn()
    figures = month_figures(conn, month)
    made_on = (now or utc_now()).astimezone(ZoneInfo(catalog.office_zone(conn))).date()
    return render_month_pdf(figures, report_path(store.data_dir, month), made_on)
