"""Is a running speech-dispatcher answering? Asked before QTextToSpeech("speechd") is created.

A speech-dispatcher daemon that once failed to open its audio output can stop answering its
socket altogether; libspeechd then waits for it without a timeout, so QTextToSpeech("speechd")
would freeze the GUI thread at start-up. One SSIP command with a deadline tells us first.
When no socket exists libspeechd starts a fresh daemon itself, which is fine.
"""
from __future__ import annotations

import logging
import os
import socket
import time
from pathlib import Path

log = logging.getLogger("caunoi.ui.speech")


def _address() -> tuple[int, object] | None:
    """(family, address) of the socket libspeechd would use, or None when there is none yet."""
    configured = os.environ.get("SPEECHD_ADDRESS", "")
    if configured.startswith("inet_socket:"):
        host, _, port = configured[len("inet_socket:"):].rpartition(":")
        return socket.AF_INET, (host or "127.0.0.1", int(port or 6560))
    if configured.startswith("unix_socket:"):
        path = Path(configured[len("unix_socket:"):])
    else:
        runtime = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("XDG_CACHE_HOME") \
            or str(Path.home() / ".cache")
        path = Path(runtime) / "speech-dispatcher" / "speechd.sock"
    if not hasattr(socket, "AF_UNIX") or not path.exists():
        return None
    return socket.AF_UNIX, str(path)


def speechd_answers(timeout_s: float = 2.0) -> bool:
    """False only when a speech-dispatcher socket exists, accepts, and gives no SSIP answer
    within timeout_s (a hung daemon). True when it answers or when there is no socket yet."""
    where = _address()
    if where is None:
        return True
    family, address = where
    deadline = time.monotonic() + timeout_s
    try:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout_s)
            try:
                sock.connect(address)
            except (ConnectionRefusedError, FileNotFoundError):
                return True      # a stale socket: libspeechd starts a new daemon
            sock.sendall(b"SET SELF CLIENT_NAME caunoi:board:probe\r\n")
            reply = b""
            while b"\r\n" not in reply:
                sock.settimeout(max(0.01, deadline - time.monotonic()))
                chunk = sock.recv(1024)
                if not chunk:
                    break
                reply += chunk
            if reply[:1] == b"2":
                sock.sendall(b"QUIT\r\n")
                return True
            log.warning("speech-dispatcher answered %r; not used", reply[:80])
            return False
    except (socket.timeout, TimeoutError):
        log.warning("speech-dispatcher does not answer within %.1f s; not used", timeout_s)
        return False
    except OSError as exc:
        log.warning("speech-dispatcher cannot be reached (%s); not used", exc)
        return False
