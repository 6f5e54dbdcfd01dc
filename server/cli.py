"""`python -m server [--db PATH|URL] [--port N] [--host H] [limits] [COMMAND …]`.

No command (or `serve`) serves HTTP. Operator commands: enrol-code, device list|revoke,
case list|set-status, operator-token, dossier load, catalog load. `--json` prints JSON (UTF-8);
errors print one sentence, Vietnamese then English, to stderr and exit 1.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy.exc import SQLAlchemyError

from server import cases, catalog, dossiers, enrol, operator
from server.db import DEFAULT_DB, Database
from server.limits import Limits
from sync.protocol import Commune


class CliError(Exception):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")


def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    line = json.dumps(data, ensure_ascii=False) if args.json else text
    sys.stdout.buffer.write((line + "\n").encode("utf-8"))   # UTF-8 whatever the locale says
    sys.stdout.flush()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m server", description="Cầu Nối provincial server")
    p.add_argument("--db", default=os.environ.get("CAUNOI_SERVER_DB", DEFAULT_DB),
                   help="SQLite file path or SQLAlchemy URL (postgresql://…)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470)
    d = Limits()
    p.add_argument("--max-batch-items", type=int, default=d.max_batch_items)
    p.add_argument("--max-batch-bytes", type=int, default=d.max_batch_bytes)
    p.add_argument("--max-media-bytes", type=int, default=d.max_media_bytes)
    p.add_argument("--max-changes", type=int, default=d.max_changes)
    sub = p.add_subparsers(dest="command")
    sub.add_parser("serve", help="serve HTTP (the default)")

    def cmd(parent: Any, name: str, **kw: Any) -> argparse.ArgumentParser:
        c = parent.add_parser(name, **kw)
        c.add_argument("--json", action="store_true", help="print JSON")
        return c

    c = cmd(sub, "enrol-code", help="a one-time enrolment code for a kiosk")
    c.add_argument("--commune", required=True)
    c.add_argument("--hours", type=float, default=72.0, help="valid for (default 72)")
    dev = sub.add_parser("device").add_subparsers(dest="action", required=True)
    cmd(dev, "list")
    cmd(dev, "revoke").add_argument("id")
    case = sub.add_parser("case").add_subparsers(dest="action", required=True)
    cmd(case, "list")
    c = cmd(case, "set-status")
    c.add_argument("ref")
    c.add_argument("--status", required=True, choices=cases.STATUSES)
    c.add_argument("--note")
    c.add_argument("--publish", action="store_true", help="the note becomes the published answer")
    c.add_argument("--unit")
    cmd(sub, "operator-token").add_argument("--label", default="")
    cmd(sub.add_parser("dossier").add_subparsers(dest="action", required=True),
        "load").add_argument("file", type=Path)
    cmd(sub.add_parser("catalog").add_subparsers(dest="action", required=True),
        "load").add_argument("file", type=Path)
    return p


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(max_batch_items=args.max_batch_items, max_batch_bytes=args.max_batch_bytes,
                  max_media_bytes=args.max_media_bytes, max_changes=args.max_changes)


def _serve(db: Database, args: argparse.Namespace) -> None:
    import uvicorn

    from server.app import create_app

    uvicorn.run(create_app(db, _limits(args)), host=args.host, port=args.port, workers=1,
                log_level="warning", access_log=False)


def _run(db: Database, args: argparse.Namespace) -> None:
    cmd, action = args.command, getattr(args, "action", None)
    if cmd == "enrol-code":
        try:
            TypeAdapter(Commune).validate_python(args.commune)
        except ValidationError:
            raise CliError(f"Mã xã không hợp lệ: {args.commune} (cần 5 chữ số)",
                           "commune code must be 5 digits") from None
        made = enrol.new_code(db, args.commune, args.hours)
        _out(args, made, made["code"])
    elif cmd == "device" and action == "list":
        rows = enrol.list_devices(db)
        _out(args, rows, "\n".join(f"{r['id']}\t{r['commune']}\t{r['label']}\t"
                                   f"{'thu hồi/revoked' if r['revoked_at'] else 'hoạt động/active'}"
                                   for r in rows))
    elif cmd == "device" and action == "revoke":
        if not enrol.revoke(db, args.id):
            raise CliError(f"Không tìm thấy thiết bị {args.id}", f"no device {args.id}")
        _out(args, {"revoked": args.id}, f"Đã thu hồi thiết bị / revoked: {args.id}")
    elif cmd == "case" and action == "list":
        rows = cases.list_cases(db)
        _out(args, rows, "\n".join(f"{r['ref']}\t{r['tracking_code']}\t{r['category']}\t"
                                   f"{r['status']}\t{r['created_at']}" for r in rows))
    elif cmd == "case" and action == "set-status":
        try:
            snap = cases.set_status(db, args.ref, args.status, args.note, args.publish, args.unit)
        except cases.CaseNotFound:
            raise CliError(f"Không tìm thấy hồ sơ vụ việc {args.ref}",
                           f"no case {args.ref}") from None
        _out(args, snap.model_dump(mode="json"), f"{snap.ref}: {snap.status}")
    elif cmd == "operator-token":
        token = operator.new_token(db, args.label)
        _out(args, {"token": token}, token)
    elif cmd in ("dossier", "catalog"):
        _load(db, args)


def _read_json_or_fail(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except ValueError as exc:
        raise CliError(f"Tệp {path} không phải JSON hợp lệ", f"{path} is not valid JSON: {exc}")


def _load(db: Database, args: argparse.Namespace) -> None:
    path: Path = args.file
    if not path.is_file():
        raise CliError(f"Không tìm thấy tệp {path}", f"file not found: {path}")
    if args.command == "dossier":
        try:
            n = dossiers.load(db, dossiers.read_file(path))
        except (dossiers.DossierError, ValueError) as exc:
            raise CliError(f"Không nạp được hồ sơ từ {path}: {exc}",
                           "dossiers not loaded; nothing was changed") from None
        _out(args, {"loaded": n}, f"Đã nạp {n} hồ sơ / loaded {n} dossiers")
        return
    data = _read_json_or_fail(path)
    try:
        with db.write() as conn:
            snap = catalog.load(conn, data)
    except (ValidationError, ValueError) as exc:
        raise CliError(f"Danh mục trong {path} không hợp lệ: {str(exc).splitlines()[0]}",
                       "catalog not loaded; nothing was changed") from None
    _out(args, snap.model_dump(mode="json"),
         f"Đã nạp danh mục phiên bản {snap.version} / catalog version {snap.version} loaded")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    where = args.db
    try:
        db = Database(args.db)
        where = db.display()
        try:
            db.init()
            if args.command in (None, "serve"):
                _serve(db, args)
            else:
                _run(db, args)
        finally:
            db.dispose()
    except CliError as exc:
        sys.stderr.buffer.write(f"{exc}\n".encode("utf-8"))
        return 1
    except SQLAlchemyError as exc:
        msg = (f"Không dùng được cơ sở dữ liệu {where} / cannot use the database: "
               f"{type(exc).__name__}")
        sys.stderr.buffer.write(f"{msg}\n".encode("utf-8"))
        return 2
    return 0
