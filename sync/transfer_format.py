"""The transfer file on the stick: layout, names of parts, safe writing and reading back.

One part (docs/transfer.md "File format"):

    MAGIC "CAUNOI-TRANSFER\\n" | version u32 BE | header length u64 BE | header (canonical JSON)
    | photos of this part, back to back, in header order | "CNSIG001" | SHA-256 of every byte
    before the marker (32) | Ed25519 signature over SIG_DOMAIN + that SHA-256 (64)

The plain SHA-256 tells an accidental flip (a bad stick) from everything else before any key is
looked up; the signature says who made it. Nothing here knows items or keys: sync/transfer.py
builds the header and checks the signature.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from kiosk.canonical import canonical_json
from kiosk.errors import KioskError

MAGIC = b"CAUNOI-TRANSFER\n"
VERSION = 1
SIG_MARK = b"CNSIG001"
SIG_DOMAIN = b"caunoi-transfer-v1 file\n"
_PREFIX = struct.Struct(">IQ")                     # version, header length
PREFIX_BYTES = len(MAGIC) + _PREFIX.size
TRAILER_BYTES = len(SIG_MARK) + 32 + 64
OVERHEAD = PREFIX_BYTES + TRAILER_BYTES
# FAT32 stops at 4 GiB - 1; leave room so a part never comes near it.
PART_LIMIT = 3_900_000_000
MAX_HEADER = 256 * 1024 * 1024
SUFFIX = ".cnt"
_CHUNK = 1024 * 1024
_PART_RE = re.compile(r"^(?P<stem>.+)\.part(?P<n>[1-9][0-9]*)\.cnt$")
_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def corrupt() -> KioskError:
    return KioskError("transfer_corrupt")


# --- names ------------------------------------------------------------------------------------

def stem_of(path: Path) -> Path:
    """`/stick/x.cnt`, `/stick/x.part2.cnt` and `/stick/x` all name the set `/stick/x`."""
    match = _PART_RE.match(path.name)
    if match:
        return path.with_name(match["stem"])
    return path.with_suffix("") if path.suffix == SUFFIX else path


def part_path(stem: Path, number: int) -> Path:
    return stem.with_name(f"{stem.name}.part{number}{SUFFIX}")


def receipt_path(path: Path) -> Path:
    stem = stem_of(path)
    return stem.with_name(f"{stem.name}.receipt.json")


def file_names(path: Path, parts: int) -> list[Path]:
    """One part: the name the person chose. Several: NAME.part1.cnt … NAME.partN.cnt."""
    if parts == 1:
        return [path]
    stem = stem_of(path)
    return [part_path(stem, k) for k in range(1, parts + 1)]


# --- writing ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class PartPlan:
    path: Path
    header: dict[str, Any]
    photos: list[str]            # sha256 of this part's photos, in header order


def header_bytes(header: dict[str, Any]) -> bytes:
    return canonical_json(header)


def _write_part(out: BinaryIO, plan: PartPlan, photo_data: Callable[[str], bytes],
                sign: Callable[[bytes], bytes]) -> int:
    digest = hashlib.sha256()
    head = header_bytes(plan.header)

    def put(data: bytes) -> None:
        out.write(data)
        digest.update(data)

    put(MAGIC + _PREFIX.pack(VERSION, len(head)))
    put(head)
    for sha in plan.photos:
        put(photo_data(sha))
    out.write(SIG_MARK)
    out.write(digest.digest())
    out.write(sign(SIG_DOMAIN + digest.digest()))
    return out.tell()


def fsync_dir(folder: Path) -> None:
    """Make the renames durable; Windows cannot open a directory, and FAT has no dir entries to
    flush separately there, so that case is skipped."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_failed(exc: OSError, path: Path) -> KioskError:
    if exc.errno in _FULL:
        return KioskError("transfer_disk_full", path=str(path.parent))
    return KioskError("transfer_write_failed", path=str(path), detail=exc.strerror or str(exc))


def write_parts(plans: list[PartPlan], photo_data: Callable[[str], bytes],
                sign: Callable[[bytes], bytes]) -> int:
    """Every part to NAME.tmp (fsync), then renamed over NAME, then the folder fsynced; returns
    the bytes written. On any write error every temp file is removed and no final name is
    touched, so a stick that fills half way keeps no file that looks like a transfer."""
    temps: list[Path] = []
    total = 0
    try:
        for plan in plans:
            temp = plan.path.with_name(plan.path.name + ".tmp")
            temps.append(temp)
            with open(temp, "wb") as out:
                total += _write_part(out, plan, photo_data, sign)
                out.flush()
                os.fsync(out.fileno())
    except OSError as exc:
        for temp in temps:
            _unlink(temp)
        raise _write_failed(exc, plans[0].path) from exc
    except BaseException:
        for temp in temps:
            _unlink(temp)
        raise
    for temp, plan in zip(temps, plans):
        os.replace(temp, plan.path)
    fsync_dir(plans[0].path.parent)
    return total


def write_small_file(path: Path, data: bytes) -> None:
    """A receipt: the same temp + fsync + rename + dir fsync, for a few kilobytes."""
    temp = path.with_name(path.name + ".tmp")
    try:
        with open(temp, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as exc:
        _unlink(temp)
        raise _write_failed(exc, path) from exc
    fsync_dir(path.parent)


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def remove_files(paths: Iterable[Path]) -> None:
    for path in paths:
        _unlink(path)


# --- reading ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Part:
    path: Path
    header: dict[str, Any]
    digest: bytes
    signature: bytes
    offsets: dict[str, tuple[int, int]]     # sha256 → (offset, size) of this part's photos

    def photo(self, sha: str) -> bytes:
        offset, size = self.offsets[sha]
        with open(self.path, "rb") as f:
            f.seek(offset)
            data = f.read(size)
        if len(data) != size or hashlib.sha256(data).hexdigest() != sha:
            raise corrupt()       # changed on the stick since it was checked, or a bad read
        return data


def read_part(path: Path) -> Part:
    """Structure and SHA-256 checked; the signature is the caller's (it needs the exporter's
    key from the devices mirror). Anything that does not add up is `transfer_corrupt`."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            return _read(f, path, size)
    except FileNotFoundError as exc:
        raise KioskError("transfer_not_found", path=str(path)) from exc
    except OSError as exc:
        raise KioskError("transfer_read_failed", path=str(path),
                         detail=exc.strerror or str(exc)) from exc


def _read(f: BinaryIO, path: Path, size: int) -> Part:
    if size < OVERHEAD or f.read(len(MAGIC)) != MAGIC:
        raise corrupt()
    # The checksum first: a flipped bit in the version or a length must read as "damaged",
    # not as "a newer version" or a misleading size.
    body_end = size - TRAILER_BYTES
    digest = hashlib.sha256()
    f.seek(0)
    left = body_end
    while left:
        chunk = f.read(min(_CHUNK, left))
        if not chunk:
            raise corrupt()
        digest.update(chunk)
        left -= len(chunk)
    trailer = f.read(TRAILER_BYTES)
    if trailer[:len(SIG_MARK)] != SIG_MARK or trailer[len(SIG_MARK):len(SIG_MARK) + 32] != \
            digest.digest():
        raise corrupt()
    f.seek(len(MAGIC))
    version, head_len = _PREFIX.unpack(f.read(_PREFIX.size))
    if version != VERSION:
        raise KioskError("transfer_version", version=version) if version > VERSION else corrupt()
    if head_len > MAX_HEADER or PREFIX_BYTES + head_len + TRAILER_BYTES > size:
        raise corrupt()
    f.seek(PREFIX_BYTES)
    try:
        header = json.loads(f.read(head_len).decode("utf-8"))
        offsets, at = {}, PREFIX_BYTES + head_len
        part = int(header["part"])
        for photo in header["photos"]:
            if int(photo["part"]) == part:
                offsets[str(photo["sha256"])] = (at, int(photo["size"]))
                at += int(photo["size"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise corrupt() from exc
    if at != body_end or not isinstance(header, dict):
        raise corrupt()
    return Part(path, header, digest.digest(), trailer[-64:], offsets)


def signed_message(part: Part) -> bytes:
    return SIG_DOMAIN + part.digest


def same_set(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Parts of one set carry the same header but for their own number."""
    return {k: v for k, v in a.items() if k != "part"} == {k: v for k, v in b.items()
                                                            if k != "part"}


def read_set(path: Path) -> list[Part]:
    """Every part of the set `path` names, in order; a missing part is named, not guessed at."""
    first_path = path
    if not path.exists():
        candidate = part_path(stem_of(path), 1)
        if not candidate.exists():
            raise KioskError("transfer_not_found", path=str(path))
        first_path = candidate
    first = read_part(first_path)
    try:
        count = int(first.header["parts"])
    except (KeyError, TypeError, ValueError) as exc:
        raise corrupt() from exc
    if count == 1:
        return [first]
    names = [part_path(stem_of(first_path), k) for k in range(1, count + 1)]
    missing = [str(k) for k, p in enumerate(names, 1) if not p.exists()]
    if missing:
        raise KioskError("transfer_part_missing", missing=", ".join(missing), count=count)
    parts = [first if p == first_path else read_part(p) for p in names]
    for k, part in enumerate(parts, 1):
        if part.header.get("part") != k or not same_set(part.header, first.header):
            raise corrupt()
    return parts
