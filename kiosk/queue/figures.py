"""The day's figures, derived from ticket events only (waits and service times are stored on
the events that end them), so they can be recomputed for any past day."""
from __future__ import annotations

import sqlite3
import statistics
from collections import defaultdict

from kiosk.queue.api import DayFigures, Figures

_COUNTED = {"issued": "issued", "called": "called", "finished": "served", "no_show": "no_show",
            "cancelled": "cancelled", "closed": "not_served"}


class _Tally:
    def __init__(self) -> None:
        self.counts: dict[str, int] = defaultdict(int)
        self.waits: list[float] = []
        self.services: list[float] = []

    def figures(self, key: str) -> Figures:
        def median_min(values: list[float]) -> float | None:
            return round(statistics.median(values) / 60, 1) if values else None

        c = self.counts
        return Figures(key=key, issued=c["issued"], called=c["called"], served=c["served"],
                       no_show=c["no_show"], cancelled=c["cancelled"],
                       not_served=c["not_served"], median_wait_min=median_min(self.waits),
                       median_service_min=median_min(self.services))


def day_figures(conn: sqlite3.Connection, day: str) -> DayFigures:
    by: dict[str, dict[str, _Tally]] = {"service": defaultdict(_Tally),
                                        "counter": defaultdict(_Tally),
                                        "clerk": defaultdict(_Tally)}
    rows = conn.execute("SELECT kind, service_id, counter, clerk, wait_s, service_s"
                        " FROM ticket_events WHERE office_day = ? ORDER BY id", (day,))
    for kind, service_id, counter, clerk, wait_s, service_s in rows:
        keys = [("service", service_id)]
        if counter is not None and kind != "issued":
            keys.append(("counter", str(counter)))
        if clerk:
            keys.append(("clerk", clerk))
        for group, key in keys:
            tally = by[group][key]
            if kind in _COUNTED and not (kind == "issued" and group != "service"):
                tally.counts[_COUNTED[kind]] += 1
            if wait_s is not None:
                tally.waits.append(wait_s)
            if service_s is not None:
                tally.services.append(service_s)
    order = [r[0] for r in conn.execute("SELECT id FROM services ORDER BY sort, id")]
    services = sorted(by["service"].items(),
                      key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    ratings = conn.execute(
        "SELECT r.level, count(*) FROM ratings r JOIN tickets t ON t.id = r.ticket_id"
        " WHERE t.office_day = ? GROUP BY r.level ORDER BY r.level", (day,)).fetchall()
    return DayFigures(
        day=day,
        services=tuple(t.figures(k) for k, t in services),
        counters=tuple(t.figures(k) for k, t in sorted(by["counter"].items(),
                                                        key=lambda kv: int(kv[0]))),
        clerks=tuple(t.figures(k) for k, t in sorted(by["clerk"].items())),
        ratings=tuple((level, n) for level, n in ratings))
