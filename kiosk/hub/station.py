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
