"""report / catalog / pin subcommands over the local store."""
from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import asdict
from pathlib import Path

from cli.output import emit_json, emit_text, warn
from kiosk import catalog, pins
from kiosk.consent import CONTACT_CONSENT
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.reports import ReportDraft, ReportView, file_report, list_reports, get_report

MAX_PHOTO_FILE = 15 * 1024 * 1024


def open_store(data_dir: Path) -> Store:
    store = Store(data_dir)
    catalog.seed(store.conn())
    return store


def _read_photo(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_PHOTO_FILE + 1)  # never slurp a huge file: the cap is checked next
    except OSError as exc:
        raise KioskError("photo_unreadable", path=path) from exc


def report_new(args: argparse.Namespace, store: Store) -> int:
    from kiosk.photos import prepare_photo  # Pillow only for this command

    photos = [prepare_photo(_read_photo(p)) for p in args.photo or []]
    draft = ReportDraft(
        category_id=args.category, text=args.text, photos=photos, hamlet_id=args.hamlet,
        address=args.address or "", lat=args.lat, lon=args.lon,
        contact_name=args.name or "", contact_phone=args.phone or "",
        consent_text=CONTACT_CONSENT["vi"] if args.consent else None,
    )
    filed = file_report(store, draft, channel="cli")
    from kiosk.receipts import save_receipt

    view = get_report(store.conn(), filed.code)
    assert view is not None
    try:
        receipt: str | None = str(save_receipt(store, filed.code))
    except Exception:  # noqa: BLE001 - the report is committed: say so; only the PDF is missing
        logging.getLogger("caunoi.cli").exception("receipt PDF failed for a saved report")
        receipt = None
        warn("Phản ánh đã được lưu nhưng chưa tạo được phiếu PDF (bộ nhớ đầy?); "
             "có thể in lại phiếu sau.")
    if args.json:
        emit_json({"code": view.grouped_code, "receipt": receipt, "due_date": view.due_date})
    else:
        emit_text(f"Đã lưu phản ánh. Mã tra cứu: {view.grouped_code}\nPhiếu: {receipt or '—'}")
    return 0


def _public(view: ReportView) -> dict[str, object]:
    data = asdict(view)
    data["code"] = view.grouped_code
    return data


def report_show(args: argparse.Namespace, store: Store) -> int:
    view = get_report(store.conn(), args.code)
    if view is None:
        raise KioskError("report_not_found")
    if args.json:
        emit_json(_public(view))
    else:
        emit_text(f"{_line(view, catalog.office_zone(store.conn()))}\n{view.text}")
    return 0


def _line(view: ReportView, zone: str) -> str:
    """One report for a person reading a terminal: local time, words, no UTC or state codes."""
    from kiosk.clock import from_iso, local_display
    from kiosk.receipts import STATE_VI

    when = local_display(from_iso(view.created_utc), zone)
    return f"{view.grouped_code}  {when}  {view.category_vi}  {STATE_VI.get(view.sync_state, '')}"


def report_list(args: argparse.Namespace, store: Store) -> int:
    views = list_reports(store.conn(), args.limit)
    zone = catalog.office_zone(store.conn())
    if args.json:
        emit_json([_public(v) for v in views])
    else:
        for v in views:
            emit_text(_line(v, zone))
    return 0


def catalog_categories(args: argparse.Namespace, store: Store) -> int:
    cats = catalog.categories(store.conn())
    if args.json:
        emit_json([{"id": c.id, "vi": c.name_vi, "en": c.name_en, "reply_days": c.reply_days}
                   for c in cats])
    else:
        for c in cats:
            emit_text(f"{c.id:28} {c.name_vi}")
    return 0


def catalog_office(args: argparse.Namespace, store: Store) -> int:
    conn = store.conn()
    office = catalog.office(conn)
    data = {"name": office.name, "commune_code": office.commune_code,
            "province": office.province, "demo": office.demo,
            "hamlets": [{"id": h.id, "name": h.name} for h in catalog.hamlets(conn)]}
    if args.json:
        emit_json(data)
    else:
        emit_text(f"{office.name} ({office.commune_code})")
    return 0


def pin_set(args: argparse.Namespace, store: Store) -> int:
    """Reads the PIN from stdin so it never shows in the shell history or `ps`."""
    pin = sys.stdin.readline().strip()
    pins.set_pin(store.conn(), args.role, pin)
    if getattr(args, "lang", "vi") == "en":
        emit_text(f"PIN set for the {pins.role_name(args.role, 'en')} role.")
    else:
        emit_text(f"Đã đặt mã PIN cho vai trò {pins.role_name(args.role)}.")
    return 0
