"""Which lane a counter calls from next: booked-in-slot first, then priority and normal tickets
interleaved (one priority per N normal) or strictly (priority whenever one waits).

Setting `queue.priority`: {"mode": "interleave" | "strict", "every": N}. The decision needs only
the lanes' heads and the lanes of the last N calls, so it is stateless: a restart or another
process calling at the same counter's services decides the same way.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

from kiosk import catalog

Lane = Literal["booked", "priority", "normal"]
SETTING = "queue.priority"
T = TypeVar("T")


@dataclass(frozen=True)
class PriorityRule:
    mode: Literal["interleave", "strict"] = "interleave"
    every: int = 3           # normal tickets called between two priority ones

    def __post_init__(self) -> None:
        if self.mode not in ("interleave", "strict"):
            raise ValueError(f"unknown priority mode {self.mode!r}")
        if not 1 <= self.every <= 50:
            raise ValueError("every must be within 1..50")


def load_rule(conn: sqlite3.Connection) -> PriorityRule:
    raw = catalog.get_setting(conn, SETTING, {}) or {}
    return PriorityRule(mode=raw.get("mode", "interleave"), every=int(raw.get("every", 3)))


def save_rule(conn: sqlite3.Connection, rule: PriorityRule) -> None:
    catalog.set_setting(conn, SETTING, {"mode": rule.mode, "every": rule.every})


def take_priority(rule: PriorityRule, recent: Sequence[bool], has_priority: bool,
                  has_normal: bool) -> bool:
    """True: call the priority lane. `recent`: was each recent call priority, newest first."""
    if not has_priority:
        return False
    if rule.mode == "strict" or not has_normal:
        return True
    # Interleave: a priority call once the last `every` calls held no priority one.
    return not any(recent[:rule.every])


def call_order(rule: PriorityRule, recent: Sequence[bool], booked: Sequence[T],
               priority: Sequence[T], normal: Sequence[T]) -> Iterator[T]:
    """The order calls would take if nobody new arrived: for lists and boards."""
    yield from booked
    history = list(recent)
    p = n = 0
    while p < len(priority) or n < len(normal):
        if take_priority(rule, history, p < len(priority), n < len(normal)):
            yield priority[p]
            p += 1
            history.insert(0, True)
        else:
            yield normal[n]
            n += 1
            history.insert(0, False)
        del history[rule.every:]


def position(rule: PriorityRule, recent: Sequence[bool], lane: Lane, rank: int, booked: int,
             priority: int, normal: int) -> int:
    """How many calls come before the ticket at index `rank` of its lane, given the lanes'
    lengths. Counts only, so a 5,000-ticket day costs no rows."""
    if lane == "booked":
        return rank
    ahead = booked
    history = list(recent)
    p = n = 0
    while True:
        pick_p = take_priority(rule, history, p < priority, n < normal)
        if pick_p:
            if lane == "priority" and p == rank:
                return ahead
            p += 1
        else:
            if lane == "normal" and n == rank:
                return ahead
            if n >= normal:     # rank out of range: nothing left to call
                return ahead
            n += 1
        ahead += 1
        history.insert(0, pick_p)
        del history[rule.every:]
