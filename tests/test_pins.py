"""kiosk.pins: no default PIN, hashes not PINs, a lockout that doubles and survives a restart.

`store` is the shared fixture in conftest.py (a real seeded SQLite store in tmp_path)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.pins import FIRST_LOCK, MAX_LOCK, check_pin_strength, has_pin, set_pin, verify_pin

PIN = "470913"
WRONG = "470914"
NOW = datetime(2026, 3, 10, 3, 0, tzinfo=timezone.utc)


def _failures(store: Store, role: str) -> int:
    return store.conn().execute("SELECT failures FROM pins WHERE role = ?", (role,)).fetchone()[0]


def _lock_out(store: Store, role: str, now: datetime) -> datetime:
    """Three wrong tries at `now`; returns the lock's end."""
    for _ in range(3):
        check = verify_pin(store.conn(), role, WRONG, now=now)
    assert check.locked_until is not None
    return check.locked_until


def test_no_pin_by_default(store: Store) -> None:
    for role in ("clerk", "volunteer", "admin"):
        assert not has_pin(store.conn(), role)
        with pytest.raises(KioskError) as caught:
            verify_pin(store.conn(), role, PIN)
        assert caught.value.code == "pin_not_set"


def test_set_then_verify(store: Store) -> None:
    set_pin(store.conn(), "clerk", PIN)
    assert has_pin(store.conn(), "clerk")
    assert verify_pin(store.conn(), "clerk", PIN, now=NOW).ok
    assert not has_pin(store.conn(), "admin")   # one role's PIN opens nothing else


def test_stored_hash_is_not_the_pin_and_is_salted_per_role(store: Store) -> None:
    set_pin(store.conn(), "clerk", PIN)
    set_pin(store.conn(), "admin", PIN)
    rows = {role: (bytes(salt), bytes(digest)) for role, salt, digest in
            store.conn().execute("SELECT role, salt, hash FROM pins")}
    for salt, digest in rows.values():
        assert PIN.encode() not in digest and PIN.encode() not in salt
        assert len(digest) == 32
    assert rows["clerk"][1] != rows["admin"][1]
    assert rows["clerk"][0] != rows["admin"][0]
    # Nothing else in the file holds the PIN either (audit log, settings).
    store.conn().execute("PRAGMA wal_checkpoint(FULL)")
    assert PIN.encode() not in store.path.read_bytes()


def test_three_wrong_tries_lock_the_role(store: Store) -> None:
    set_pin(store.conn(), "clerk", PIN)
    first = verify_pin(store.conn(), "clerk", WRONG, now=NOW)
    second = verify_pin(store.conn(), "clerk", WRONG, now=NOW)
    assert (first.ok, first.tries_left, first.locked_until) == (False, 2, None)
    assert second.tries_left == 1
    third = verify_pin(store.conn(), "clerk", WRONG, now=NOW)
    assert not third.ok and third.locked_until == NOW + FIRST_LOCK
    # While locked, even the right PIN is refused, without being checked or counted.
    during = verify_pin(store.conn(), "clerk", PIN, now=NOW + timedelta(seconds=5))
    assert (during.ok, during.locked_until) == (False, NOW + FIRST_LOCK)
    assert _failures(store, "clerk") == 3


def test_lock_survives_a_restart(store: Store) -> None:
    set_pin(store.conn(), "clerk", PIN)
    until = _lock_out(store, "clerk", NOW)
    store.close()
    restarted = Store(store.data_dir)   # a new process opening the same file
    check = verify_pin(restarted.conn(), "clerk", PIN, now=NOW + timedelta(seconds=1))
    assert not check.ok and check.locked_until == until


def test_after_the_lock_the_right_pin_works_and_resets_failures(store: Store) -> None:
    set_pin(store.conn(), "clerk", PIN)
    until = _lock_out(store, "clerk", NOW)
    assert verify_pin(store.conn(), "clerk", PIN, now=until + timedelta(seconds=1)).ok
    assert _failures(store, "clerk") == 0
    again = verify_pin(store.conn(), "clerk", WRONG, now=until + timedelta(seconds=2))
    assert again.tries_left == 2 and again.locked_until is None


def test_lock_durations_double_up_to_the_cap(store: Store) -> None:
    set_pin(store.conn(), "clerk", PIN)
    now = NOW
    until = _lock_out(store, "clerk", now)
    durations = [until - now]
    for _ in range(8):
        now = until + timedelta(seconds=1)
        check = verify_pin(store.conn(), "clerk", WRONG, now=now)
        assert check.locked_until is not None   # past the free tries, every miss locks again
        until = check.locked_until
        durations.append(until - now)
    assert durations[:4] == [FIRST_LOCK, 2 * FIRST_LOCK, 4 * FIRST_LOCK, 8 * FIRST_LOCK]
    assert max(durations) == MAX_LOCK and durations[-1] == MAX_LOCK


def test_setting_a_pin_clears_a_lock(store: Store) -> None:
    set_pin(store.conn(), "clerk", PIN)
    _lock_out(store, "clerk", NOW)
    set_pin(store.conn(), "clerk", "582039")
    assert verify_pin(store.conn(), "clerk", "582039", now=NOW + timedelta(seconds=1)).ok


@pytest.mark.parametrize(("pin", "code"), [
    ("123456", "pin_too_simple"),
    ("654321", "pin_too_simple"),
    ("111111", "pin_too_simple"),
    ("12ab", "pin_format"),
    ("12345", "pin_format"),
    ("1234567890123", "pin_format"),
    ("٤٧٠٩١٣", "pin_format"),          # Arabic-Indic digits pass str.isdigit(), not the check
    ("", "pin_format"),
])
def test_weak_pins_are_refused(store: Store, pin: str, code: str) -> None:
    with pytest.raises(KioskError) as caught:
        check_pin_strength(pin)
    assert caught.value.code == code
    with pytest.raises(KioskError) as caught:
        set_pin(store.conn(), "admin", pin)
    assert caught.value.code == code
    assert not has_pin(store.conn(), "admin")


def test_unknown_role_is_refused(store: Store) -> None:
    with pytest.raises(KioskError) as caught:
        set_pin(store.conn(), "board", PIN)
    assert caught.value.code == "role_unknown"


def test_first_pin_is_never_overwritten_by_a_late_first_run(store) -> None:  # noqa: ANN001
    from kiosk.pins import locked_until, set_pin, verify_pin

    conn = store.conn()
    assert set_pin(conn, "admin", "274915", only_if_unset=True) is True
    assert set_pin(conn, "admin", "583920", only_if_unset=True) is False
    assert verify_pin(conn, "admin", "274915").ok
    assert locked_until(conn, "admin") is None
    for _ in range(3):
        verify_pin(conn, "admin", "000001")
    assert locked_until(conn, "admin") is not None


def test_lockout_keeps_counting_after_many_failures(store) -> None:  # noqa: ANN001
    """2**n of a timedelta overflows near 45 failures; the lock must still be written."""
    from datetime import timedelta

    from kiosk.pins import MAX_LOCK, set_pin, verify_pin
    from kiosk.clock import utc_now

    conn = store.conn()
    set_pin(conn, "admin", "274915")
    conn.execute("UPDATE pins SET failures = 60 WHERE role = 'admin'")
    now = utc_now()
    check = verify_pin(conn, "admin", "000001", now=now)
    assert not check.ok and check.locked_until == now + MAX_LOCK
    assert conn.execute("SELECT failures FROM pins WHERE role = 'admin'").fetchone()[0] == 61
    later = now + MAX_LOCK + timedelta(seconds=1)
    assert verify_pin(conn, "admin", "274915", now=later).ok
