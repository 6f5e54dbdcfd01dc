"""Mounted removable drives (USB sticks), to prefill the hand-over's path fields: the user may
always type another path. Linux: /media/USER/LABEL and /run/media/USER/LABEL mount points;
Windows: drive letters whose type is DRIVE_REMOVABLE. Nothing here opens a dialog."""
from __future__ import annotations

import os
import sys
from pathlib import Path

LINUX_ROOTS = (Path("/media"), Path("/run/media"))
DRIVE_REMOVABLE = 2


def removable_drives(roots: tuple[Path, ...] = LINUX_ROOTS) -> list[Path]:
    """Mounted removable drives, in a stable order (never raises)."""
    if sys.platform == "win32":
        return _windows_drives()
    found: list[Path] = []
    for root in roots:
        try:
            users = sorted(p for p in root.iterdir() if p.is_dir())
        except OSError:
            continue
        for user in users:
            try:
                mounts = sorted(p for p in user.iterdir() if p.is_dir())
            except OSError:
                continue
            found += [m for m in mounts if os.path.ismount(m) and os.access(m, os.R_OK)]
    return found


def _windows_drives() -> list[Path]:
    import ctypes
    import string

    try:
        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        mask = kernel.GetLogicalDrives()
    except (AttributeError, OSError):
        return []
    out = []
    for index, letter in enumerate(string.ascii_uppercase):
        if mask & (1 << index) and letter not in "AB":
            root = f"{letter}:\\"
            if kernel.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOVABLE:
                out.append(Path(root))
    return out


def first_drive() -> Path | None:
    drives = removable_drives()
    return drives[0] if drives else None
