-- Queue numbers: services, counters, tickets and their timed events, bookings, ratings.
-- A ticket's truth is its events; tickets.state/counter/*_utc are a cache written in the same
-- transaction as each event (kiosk/queue/events.py), so reads never replay history.

CREATE TABLE services (
    id           TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40),
    prefix       TEXT NOT NULL UNIQUE CHECK (length(prefix) = 1 AND prefix GLOB '[A-Z]'),
    name_vi      TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 100),
    name_en      TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    icon         TEXT NOT NULL CHECK (length(icon) BETWEEN 1 AND 60),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort         INTEGER NOT NULL DEFAULT 0,
    admin_edited INTEGER NOT NULL DEFAULT 0 CHECK (admin_edited IN (0, 1))  -- seed keeps hands off
) STRICT;

CREATE TABLE counters (
    number INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 99),
    name   TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE counter_services (
    counter    INTEGER NOT NULL REFERENCES counters (number) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    PRIMARY KEY (counter, service_id)
) STRICT;

-- One counter per ticket: the UNIQUE ticket_id keeps a ticket from being at two counters.
CREATE TABLE counter_state (
    counter     INTEGER PRIMARY KEY REFERENCES counters (number) ON DELETE CASCADE,
    open        INTEGER NOT NULL DEFAULT 0 CHECK (open IN (0, 1)),
    clerk       TEXT CHECK (clerk IS NULL OR length(clerk) BETWEEN 1 AND 60),
    ticket_id   TEXT UNIQUE REFERENCES tickets (id),
    changes     INTEGER NOT NULL DEFAULT 0,       -- bumps the watermark on open/close
    updated_utc TEXT
) STRICT;

-- Numbers per service per office day; the row survives restarts, so a number is never reused.
CREATE TABLE ticket_seq (
    office_day TEXT NOT NULL CHECK (office_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    service_id TEXT NOT NULL REFERENCES services (id),
    last       INTEGER NOT NULL CHECK (last >= 1),
    PRIMARY KEY (office_day, service_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE tickets (
    id                TEXT PRIMARY KEY CHECK (length(id) = 36),
    office_day        TEXT NOT NULL CHECK (office_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    issued_service_id TEXT NOT NULL REFERENCES services (id),
    number            INTEGER NOT NULL CHECK (number >= 1),
    label             TEXT NOT NULL CHECK (length(label) BETWEEN 4 AND 8),
    priority          INTEGER NOT NULL CHECK (priority IN (0, 1)),
    channel           TEXT NOT NULL CHECK (channel IN ('kiosk', 'staff')),
    booking_code      TEXT,
    issued_utc        TEXT NOT NULL CHECK (issued_utc GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    -- cache of the events, below
    service_id        TEXT NOT NULL REFERENCES services (id),   -- current (after transfers)
    state             TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'called',
                          'serving', 'finished', 'no_show', 'cancelled', 'not_served')),
    counter           INTEGER REFERENCES counters (number),     -- current or last counter
    booked_from_utc   TEXT,      -- booked in time: called first once this instant has passed
    waiting_since_utc TEXT NOT NULL,   -- issue or last transfer: start of the current wait
    called_utc        TEXT,
    started_utc       TEXT,      -- start of the current service segment (call or serving)
    UNIQUE (office_day, issued_service_id, number),
    UNIQUE (office_day, label)
) STRICT;
-- call_next: the head of each lane, in place order (issue time, then insertion order).
CREATE INDEX tickets_lane ON tickets (office_day, state, priority, issued_utc);
CREATE INDEX tickets_booked ON tickets (office_day, booked_from_utc)
    WHERE booked_from_utc IS NOT NULL AND state = 'waiting';
CREATE INDEX tickets_open ON tickets (state, office_day);
CREATE INDEX tickets_kiosk_rate ON tickets (issued_utc) WHERE channel = 'kiosk';

CREATE TABLE ticket_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,   -- grows forever: the stations' watermark
    uuid       TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    ticket_id  TEXT NOT NULL REFERENCES tickets (id),
    kind       TEXT NOT NULL CHECK (kind IN ('issued', 'called', 'recalled', 'serving',
                   'transferred', 'no_show', 'finished', 'cancelled', 'closed')),
    at_utc     TEXT NOT NULL,
    office_day TEXT NOT NULL,
    service_id TEXT NOT NULL REFERENCES services (id),  -- the service the ticket was in
    counter    INTEGER REFERENCES counters (number),
    clerk      TEXT CHECK (clerk IS NULL OR length(clerk) BETWEEN 1 AND 60),
    target_service_id TEXT REFERENCES services (id),   -- transferred: where to
    lane       TEXT CHECK (lane IS NULL OR lane IN ('booked', 'priority', 'normal')),  -- called
    wait_s     REAL CHECK (wait_s IS NULL OR wait_s >= 0),     -- called: end of a wait
    service_s  REAL CHECK (service_s IS NULL OR service_s >= 0) -- finished/transferred
) STRICT;
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);
CREATE INDEX ticket_events_day ON ticket_events (office_day, kind);
CREATE INDEX ticket_events_service_times ON ticket_events (office_day, service_id, id)
    WHERE service_s IS NOT NULL;

CREATE TABLE bookings (
    code           TEXT PRIMARY KEY CHECK (length(code) BETWEEN 4 AND 24),
    service_id     TEXT NOT NULL REFERENCES services (id),
    slot_start_utc TEXT NOT NULL,
    slot_end_utc   TEXT NOT NULL CHECK (slot_end_utc > slot_start_utc),
    imported_utc   TEXT NOT NULL,
    ticket_id      TEXT UNIQUE REFERENCES tickets (id)    -- set when the resident took it
) STRICT;

CREATE TABLE ratings (
    id        TEXT PRIMARY KEY CHECK (length(id) = 36),
    ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets (id),
    level     TEXT NOT NULL CHECK (level IN ('satisfied', 'acceptable', 'unsatisfied')),
    at_utc    TEXT NOT NULL
) STRICT;

-- The outbox's kind CHECK cannot be altered in place: rebuild it, keeping every row and the
-- AUTOINCREMENT counter (sqlite_sequence), so a seq is never handed out twice.
CREATE TABLE outbox_new (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    item_uuid   TEXT NOT NULL UNIQUE CHECK (length(item_uuid) = 36),
    kind        TEXT NOT NULL CHECK (kind IN ('report', 'ticket_event', 'rating')),
    ref_id      TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'quarantined')),
    attempts    INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO outbox_new (seq, item_uuid, kind, ref_id, created_utc, state, attempts)
    SELECT seq, item_uuid, kind, ref_id, created_utc, state, attempts FROM outbox ORDER BY seq;
DELETE FROM sqlite_sequence WHERE name = 'outbox_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_new', seq FROM sqlite_sequence
    WHERE name = 'outbox';
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (state, seq);
CREATE INDEX outbox_ref ON outbox (kind, ref_id);
