"""`sync …` headless commands: enrol, run, status, quarantine, settings. No Qt here.

Exit status: 0 done; 2 an error a person can act on (a Vietnamese sentence on stderr); 3 a sync
that ran but could not finish (what was committed stays, the sentence says why)."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.output import emit_json, emit_text, fail, local_time, number, warn
from kiosk import catalog
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from kiosk.messages import describe

EXIT_SYNC_FAILED = 3
SECRETS_STORE_WORDS = {"keyring": ("kho khóa của hệ điều hành", "the OS keyring"),
                       "file": ("tệp trong thư mục dữ liệu", "a file in the data directory")}


def run(args: argparse.Namespace, store: Store) -> int:
    handlers = {"enrol": enrol_cmd, "run": run_cmd, "status": status_cmd,
                "quarantine": quarantine_cmd, "settings": settings_cmd}
    return handlers[args.action](args, store)


def _secrets(store: Store) -> Any:
    from sync.secrets import SecretStore

    return SecretStore.for_store(store.conn(), store.data_dir)


def enrol_cmd(args: argparse.Namespace, store: Store) -> int:
    from sync.enrol import enrol

    conn = store.conn()
    done = enrol(conn, args.server, args.code, _secrets(store), label=args.label,
                 ca_bundle=_ca_bundle(conn))
    if args.json:
        emit_json({"device_id": done.device_id, "commune": done.commune,
                   "server_url": done.server_url})
    else:
        emit_text(f"Đã đăng ký máy với máy chủ tỉnh {done.server_url} (xã {done.commune}).\n"
                  f"Mã máy: {done.device_id}")  # the device id (not the token)
    return 0


def _ca_bundle(conn: Any) -> str | None:
    value = catalog.get_setting(conn, "sync.ca_bundle")
    return str(value) if value else None


def run_cmd(args: argparse.Namespace, store: Store) -> int:
    from sync.engine import run_sync

    report = run_sync(store)
    if args.json:
        emit_json(report.as_json() | ({"message": describe(report.error, args.lang)}
                                      if report.error else {}))
    else:
        emit_text(f"Đã gửi {report.sent} mục mới ({report.duplicates} mục tỉnh đã có), "
                  f"{report.rejected + report.conflicts} mục bị từ chối, nhận {report.pulled} "
                  f"cập nhật. Còn chờ gửi: {report.pending}; chờ kiểm tra: {report.quarantined}.")
    if report.error is not None:
        return fail(describe(report.error, args.lang), status=EXIT_SYNC_FAILED)
    return 0


def status_cmd(args: argparse.Namespace, store: Store) -> int:
    from sync.engine import sync_status

    status = sync_status(store.conn())
    if args.json:
        emit_json(status)
        return 0
    en = args.lang == "en"
    zone = catalog.office_zone(store.conn())
    if status["enrolled"]:
        server = status["server_url"]
    elif status["server_url"]:
        server = (f"not enrolled (enrol again after a restore); previous address: "
                  f"{status['server_url']}" if en else
                  f"Chưa đăng ký (cần đăng ký lại sau khi khôi phục); địa chỉ trước đây: "
                  f"{status['server_url']}")
    else:
        server = "not enrolled" if en else "chưa đăng ký"
    last = local_time(status["last_success"], zone) if status["last_success"] else None
    if en:
        lines = [f"Provincial server: {server}",
                 f"Waiting to send: {status['pending']}; to check: {status['quarantined']}; "
                 f"sent: {status['sent']}",
                 f"Last successful sync: {last or 'none yet'}"]
    else:
        lines = [f"Máy chủ tỉnh: {server}",
                 f"Chờ gửi: {status['pending']}; chờ kiểm tra: {status['quarantined']}; "
                 f"đã gửi: {status['sent']}",
                 f"Lần đồng bộ thành công gần nhất: {last or 'chưa có'}"]
    if status["clock_offset_s"] is not None:
        offset = number(float(status["clock_offset_s"]), args.lang)
        lines.append(f"Device clock differs from the province by {offset} s" if en else
                     f"Đồng hồ máy lệch so với tỉnh: {offset} giây")
    if status["last_error"]:
        detail = status["last_error_detail"] or {}
        error = KioskError(status["last_error"], **(detail.get("params") or {}))
        lines.append(f"{'Last error' if en else 'Lỗi lần trước'}: {describe(error, args.lang)}")
    if status["next_attempt"]:
        lines.append(f"{'Next try at' if en else 'Thử lại lúc'}: "
                     f"{local_time(status['next_attempt'], zone)}")
    emit_text("\n".join(lines))
    return 0


def quarantine_cmd(args: argparse.Namespace, store: Store) -> int:
    from sync.outbox import quarantined, resend_report

    conn = store.conn()
    if args.quarantine_action == "resend":
        new_uuid = resend_report(conn, args.item, category_id=args.category, text=args.text,
                                 hamlet_id=args.hamlet)
        if args.json:
            emit_json({"uuid": new_uuid, "replaces": args.item})
        else:
            emit_text(f"Đã sửa và xếp lại để gửi (mục mới {new_uuid}).")
        return 0
    rows = quarantined(conn)
    if args.json:
        emit_json([q.as_json() for q in rows])
    elif not rows:
        emit_text("Không có mục nào đang chờ kiểm tra.")
    else:
        zone = catalog.office_zone(conn)
        for q in rows:
            what = q.tracking_code or q.kind
            emit_text(f"{q.uuid}  {what}  {local_time(q.created_utc, zone)}  {q.text_vi if args.lang == 'vi' else q.text_en}")
    return 0


def settings_cmd(args: argparse.Namespace, store: Store) -> int:
    from sync.secrets import BACKEND_KEY, chosen_backend

    conn = store.conn()
    if args.ca_bundle is not None:
        if args.ca_bundle and not Path(args.ca_bundle).is_file():
            return fail(f"Không tìm thấy tệp chứng chỉ “{args.ca_bundle}”.")
        with transaction(conn):
            if args.ca_bundle:
                catalog.set_setting(conn, "sync.ca_bundle", str(Path(args.ca_bundle).resolve()))
            else:
                conn.execute("DELETE FROM settings WHERE key = 'sync.ca_bundle'")
    if args.secrets_store is not None and args.secrets_store != chosen_backend(conn):
        _move_secrets(store, args.secrets_store, BACKEND_KEY)
    en = args.lang == "en"
    if args.secrets_store == "file":
        warn("Warning: the device's access token will be kept in a file in the data directory; "
             "this is only safe when the disk is encrypted (BitLocker, LUKS…)." if en else
             "Cảnh báo: mã truy cập của thiết bị sẽ được lưu trong một tệp trong thư mục dữ liệu. "
             "Cách này chỉ an toàn khi ổ đĩa của máy đã được mã hóa (BitLocker, LUKS…).")
    current = {"ca_bundle": catalog.get_setting(conn, "sync.ca_bundle"),
               "secrets_store": chosen_backend(conn)}
    if args.json:
        emit_json(current)
    else:
        where = SECRETS_STORE_WORDS.get(str(current["secrets_store"]),
                                        (str(current["secrets_store"]),) * 2)[1 if en else 0]
        if en:
            emit_text(f"Root certificate: {current['ca_bundle'] or 'the system default'}\n"
                      f"Access token kept in: {where}")
        else:
            emit_text(f"Chứng chỉ gốc: {current['ca_bundle'] or 'mặc định của hệ thống'}\n"
                      f"Nơi giữ mã truy cập của thiết bị: {where}")
    return 0


def _move_secrets(store: Store, backend: str, backend_key: str) -> None:
    """Switch the secret store, carrying an existing enrolment over when the old one answers."""
    from sync.enrol import DEVICE_KEY_SECRET, TOKEN_SECRET
    from sync.errors import SyncError
    from sync.secrets import SecretStore

    conn = store.conn()
    old = SecretStore.for_store(conn, store.data_dir)
    carried: dict[str, str] = {}
    for name in (TOKEN_SECRET, DEVICE_KEY_SECRET):
        try:
            value = old.get(name)
        except SyncError:      # the old keyring does not work: that is why the admin switches
            value = None
        if value is not None:
            carried[name] = value
    with transaction(conn):
        catalog.set_setting(conn, backend_key, backend)
    new = SecretStore.for_store(conn, store.data_dir)
    for name, value in carried.items():
        new.set(name, value)
    for name in carried:
        try:
            old.delete(name)
        except SyncError:
            pass
