"""`queue …` headless commands over the local store: what a clerk or a script does without the
UI. Staff commands are not limited by office hours or the kiosk's per-minute cap."""
from __future__ import annotations

import argparse
import logging
from dataclasses import asdict
from typing import Any

from cli.output import emit_json, emit_text, warn
from kiosk import catalog
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.queue.api import Ticket
from kiosk.queue.estimate import say_estimate
from kiosk.queue.local import LocalQueue

QueueLike = Any   # LocalQueue, or kiosk.hub.client.HubQueue with --hub (same methods)

NOBODY = ("Không còn ai chờ ở các dịch vụ của quầy {counter}.",
          "Nobody is waiting for counter {counter}'s services.")
STATE_VI = {"waiting": "đang chờ", "called": "đã gọi", "serving": "đang phục vụ",
            "finished": "đã xong", "no_show": "vắng mặt", "cancelled": "đã hủy",
            "not_served": "chưa được phục vụ (hết ngày)"}


def _ticket_json(t: Ticket, **extra: Any) -> dict[str, Any]:
    return {"ticket": t.label, "service": t.service_id, "service_vi": t.service_vi,
            "ahead": t.ahead, "estimate_minutes": t.estimate_minutes,
            "estimate": say_estimate(t.estimate_minutes), **extra, "detail": asdict(t)}


def _say(t: Ticket) -> str:
    where = f" — quầy {t.counter}" if t.counter and t.state in ("called", "serving") else ""
    return f"{t.label}  {t.service_vi}  {STATE_VI.get(t.state, t.state)}{where}"


def _counter(args: argparse.Namespace) -> int:
    counter = args.queue_counter if args.queue_counter is not None else args.counter
    if counter is None:
        raise KioskError("queue_counter_unknown", counter="?")
    return int(counter)


def _find(queue: QueueLike, ref: str) -> Ticket:
    found = queue.ticket(ref) if len(ref) == 36 else queue.ticket_by_label(ref)
    if found is None:
        raise KioskError("queue_ticket_unknown", ticket=ref)
    return found


def services(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    infos = queue.services()
    if args.json:
        emit_json([asdict(s) for s in infos])
    else:
        for s in infos:
            emit_text(f"{s.prefix}  {s.id:22} {s.name_vi}  (đang chờ: {s.waiting})")
    return 0


def take(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    if args.service is None and args.booking is None:
        raise KioskError("queue_service_unknown", service="")
    ticket = queue.take(args.service, priority=args.priority, booking_code=args.booking)
    pdf: str | None = None
    if not args.no_pdf:
        from kiosk.queue.ticket_pdf import save_ticket_pdf, ticket_path

        office = catalog.office(store.conn())
        try:
            pdf = str(save_ticket_pdf(ticket, office.name, ticket_path(store.data_dir, ticket),
                                      office.zone))
        except Exception:  # noqa: BLE001 - the number is committed; only the paper is missing
            logging.getLogger("caunoi.cli").exception("ticket PDF failed for an issued number")
            warn(f"Đã cấp số {ticket.label} nhưng chưa tạo được phiếu PDF; có thể in lại sau.")
    if args.json:
        emit_json(_ticket_json(ticket, pdf=pdf, id=ticket.id))
    else:
        wait = say_estimate(ticket.estimate_minutes)
        emit_text(f"Số của bạn: {ticket.label} — {ticket.service_vi}\n"
                  f"Số người đang chờ trước: {ticket.ahead}"
                  + (f"\nThời gian chờ dự kiến: {wait}" if wait else "")
                  + (f"\nPhiếu: {pdf}" if pdf else ""))
    return 0


def call(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    counter = _counter(args)
    ticket = queue.call_next(counter, args.clerk)
    if ticket is None:
        words = NOBODY[1 if args.lang == "en" else 0].format(counter=counter)
        emit_json({"ticket": None, "counter": counter, "message": words}) if args.json \
            else emit_text(words)
        return 0
    if args.json:
        emit_json(_ticket_json(ticket, counter=counter))
    else:
        emit_text(f"Mời số {ticket.label} đến quầy số {counter}.")
    return 0


def _counter_action(method: str):  # noqa: ANN202 - a small handler factory
    def handler(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
        ticket = getattr(queue, method)(_counter(args), clerk=args.clerk)
        emit_json(_ticket_json(ticket, counter=ticket.counter)) if args.json \
            else emit_text(_say(ticket))
        return 0
    return handler


def transfer(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    ticket = queue.transfer(_counter(args), args.to, clerk=args.clerk)
    emit_json(_ticket_json(ticket)) if args.json else emit_text(_say(ticket))
    return 0


def status(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    board = queue.board_state()
    window = queue.issue_window()
    data = {"issuing": asdict(window), "services": [asdict(s) for s in queue.services()],
            "counters": [asdict(c) for c in board.serving],
            "recent_calls": [asdict(c) for c in board.recent_calls],
            "next_waiting": list(board.next_waiting), "watermark": board.watermark}
    if args.json:
        emit_json(data)
    else:
        for slot in board.serving:
            emit_text(f"Quầy {slot.counter}: {slot.label or '—'}"
                      f"{'' if slot.open else ' (đóng)'}")
        emit_text("Tiếp theo: " + (", ".join(board.next_waiting) or "không có ai chờ"))
    return 0


def figures(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    day = queue.figures(args.day)
    if args.json:
        emit_json(asdict(day))
    else:
        for f in day.services:
            emit_text(f"{f.key:22} cấp {f.issued}  xong {f.served}  vắng {f.no_show}"
                      f"  chờ TB {f.median_wait_min} phút  phục vụ TB {f.median_service_min} phút")
    return 0


def cancel(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    ticket = queue.cancel(_find(queue, args.ticket).id)
    emit_json(_ticket_json(ticket)) if args.json else emit_text(_say(ticket))
    return 0


def rate(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    ticket = _find(queue, args.ticket)
    queue.rate(ticket.id, args.level)
    if args.json:
        emit_json({"ticket": ticket.label, "id": ticket.id, "level": args.level})
    else:
        emit_text(f"Đã ghi nhận đánh giá cho số {ticket.label}. Cảm ơn!")
    return 0


def close_day(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    closed = queue.close_day()
    emit_json({"closed": closed}) if args.json else emit_text(f"Đã đóng {closed} số.")
    return 0


def bookings_import(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    from pathlib import Path

    from kiosk.clock import utc_now
    from kiosk.queue.bookings import import_bookings

    result = import_bookings(store.conn(), Path(args.file), queue.zone, utc_now())
    if args.json:
        emit_json(asdict(result))
    else:
        emit_text(f"Đã nhập {result.added} lịch hẹn mới, cập nhật {result.updated}; "
                  f"{result.already_used} lịch đã dùng được giữ nguyên.")
    return 0


def _admin_service_text(s: dict[str, Any]) -> str:
    flag = "" if s["active"] else "  (tạm ngừng)"
    counters = ", ".join(str(c) for c in s["counters"]) or "—"
    return f"{s['prefix']}  {s['id']:22} {s['vi']}  quầy: {counters}{flag}"


def _read_hours(path: str) -> object:
    import json
    from pathlib import Path

    try:
        with Path(path).open(encoding="utf-8") as fh:
            return json.loads(fh.read(1_000_001))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise KioskError("queue_hours_file_unreadable", path=path) from exc


def admin(args: argparse.Namespace, queue: LocalQueue, store: Store) -> int:
    """`queue admin …`: the admin's queue settings; every change is audited, bad input is
    refused (exit 2) with nothing written."""
    from kiosk.queue import admin as settings

    conn, what = store.conn(), args.admin_action
    changed: list[str] = []
    if what == "service":
        changed = settings.apply(conn, services={args.service_id: {
            "vi": args.vi, "en": args.en, "prefix": args.prefix, "active": args.active}})
    elif what == "counter":
        ids = [s.strip() for s in args.services.split(",") if s.strip()]
        changed = settings.apply(conn, counters={args.admin_counter: ids})
    elif what == "priority":
        every = args.every if args.every is not None else \
            settings.snapshot(conn)["priority"]["every"]
        changed = settings.apply(conn, priority={
            "mode": "strict" if args.strict else "interleave", "every": every})
    elif what == "rate-limit":
        changed = settings.apply(conn, kiosk_per_minute=args.limit)
    elif what == "hours" and args.file:
        changed = settings.apply(conn, hours=_read_hours(args.file))
    now = settings.snapshot(conn)
    if what == "hours":      # the same shape in and out: print, edit, load back
        emit_json(now["hours"]) if args.json or not args.file else emit_text(
            "Đã lưu giờ làm việc." if changed else "Giờ làm việc không thay đổi.")
        return 0
    if what == "services":
        data: Any = now["services"]
        text = "\n".join(_admin_service_text(s) for s in data)
    elif what == "service":
        data = next(s for s in now["services"] if s["id"] == args.service_id) | {
            "changed": changed}
        text = _admin_service_text(data)
    elif what == "counter":
        data = next(c for c in now["counters"] if c["number"] == args.admin_counter) | {
            "changed": changed}
        text = f"Quầy {data['number']} phục vụ: {', '.join(data['services'])}"
    elif what == "priority":
        data = now["priority"] | {"changed": changed}
        text = ("Luôn gọi số ưu tiên trước." if data["mode"] == "strict" else
                f"Gọi một số ưu tiên sau mỗi {data['every']} số thường.")
    else:
        data = {"kiosk_per_minute": now["kiosk_per_minute"], "changed": changed}
        text = f"Máy lấy số cấp tối đa {data['kiosk_per_minute']} phiếu mỗi phút."
    emit_json(data) if args.json else emit_text(text)
    return 0


HANDLERS = {
    "services": services, "take": take, "call": call, "transfer": transfer,
    "recall": _counter_action("recall"), "serve": _counter_action("start_serving"),
    "no-show": _counter_action("no_show"), "finish": _counter_action("finish"),
    "status": status, "figures": figures, "cancel": cancel, "rate": rate,
    "close-day": close_day, "bookings": bookings_import, "admin": admin,
}


LOCAL_ONLY = ("bookings", "admin")   # settings and imports change the hub's own store


def run(args: argparse.Namespace, store: Store) -> int:
    url = getattr(args, "queue_hub", None) or getattr(args, "hub", None)
    if url:
        from cli.hub_cmd import queue_for

        if args.action in LOCAL_ONLY:
            raise KioskError("hub_local_only")
        return HANDLERS[args.action](args, queue_for(url, store), store)
    return HANDLERS[args.action](args, LocalQueue(store), store)
