"""Which queue a station uses: the office hub's when paired, else its own store. Imports the
HTTP client only for a paired station, so a single-PC kiosk starts without it."""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from kiosk import catalog

if TYPE_CHECKING:
    from kiosk.hub.client import HubQueue

URL_KEY, TOKEN_KEY = "hub.url", "hub.token"   # written by `hub pair` (keyring: issue 4)


def station_queue(conn: sqlite3.Connection) -> HubQueue | None:
    """The hub's queue for a station paired with one (settings `hub.url` + `hub.token`), else
    None (the station uses its own store)."""
    url = catalog.get_setting(conn, URL_KEY)
    if not url:
        return None
    from kiosk.hub.client import HubQueue

    token = catalog.get_setting(conn, TOKEN_KEY)
    return HubQueue(str(url), str(token) if token else None)


def paired_hub(conn: sqlite3.Connection) -> str | None:
    """The hub address this station is paired with (None: it uses its own store)."""
    url, token = catalog.get_setting(conn, URL_KEY), catalog.get_setting(conn, TOKEN_KEY)
    return str(url) if url and token else None


def pair_station(conn: sqlite3.Connection, url: str, code: str, name: str = "") -> str:
    """Exchange a one-time code with the hub at `url` and store its address and this station's
    token (what `hub pair` does); the normalised address. Raises KioskError on refusal."""
    from kiosk.hub.client import _base, pair

    base = _base(url)
    token = pair(base, code, name)
    with conn:
        catalog.set_setting(conn, URL_KEY, base)
        catalog.set_setting(conn, TOKEN_KEY, token)
    return base


def unpair_station(conn: sqlite3.Connection) -> None:
    """Forget the hub: this station goes back to its own store (takes effect on restart)."""
    with conn:
        conn.execute("DELETE FROM settings WHERE key IN (?, ?)", (URL_KEY, TOKEN_KEY))


# --- this PC as the office hub (`--role hub`, or a kiosk PC with the hub switched on) ------------
ENABLED_KEY, PORT_KEY = "hub.enabled", "hub.port"
DEFAULT_PORT = 8765


def hub_enabled(conn: sqlite3.Connection) -> bool:
    """Whether this PC serves the office hub next to its own window (admin setting)."""
    return catalog.get_setting(conn, ENABLED_KEY) in (True, 1, "1", "true")


def hub_port(conn: sqlite3.Connection) -> int:
    value = catalog.get_setting(conn, PORT_KEY)
    try:
        return int(str(value)) if value not in (None, "") else DEFAULT_PORT
    except (TypeError, ValueError):
        return DEFAULT_PORT


def save_hub_enabled(conn: sqlite3.Connection, on: bool, actor: str = "admin") -> None:
    """Switch the hub on or off for this PC (takes effect at the next start), with an audit row."""
    from kiosk.clock import to_iso, utc_now

    with conn:
        catalog.set_setting(conn, ENABLED_KEY, bool(on))
        conn.execute("INSERT INTO audit_log (at_utc, actor, action) VALUES (?, ?, ?)",
                     (to_iso(utc_now()), actor, "hub_enabled" if on else "hub_disabled"))
