-- The volunteer's laptop (issue 9): a report filed on a resident's behalf records the volunteer
-- (reports.assisted_by, sent in the payload and part of its hash; NULL for every older row, whose
-- stored hashes were computed with None and stay valid). An item not yet sent may be withdrawn
-- at the resident's request (outbox state 'withdrawn': never sent, the report stays so its
-- receipt still looks up), and the laptop remembers when an item was copied to a USB stick
-- (outbox.exported_utc: from then on it is the office's to send, so it is no longer edited or
-- withdrawn here).
ALTER TABLE reports ADD COLUMN assisted_by TEXT
    CHECK (assisted_by IS NULL OR length(assisted_by) BETWEEN 1 AND 40);
-- When the report was withdrawn at the resident's request (its outbox row is then 'withdrawn').
ALTER TABLE reports ADD COLUMN withdrawn_utc TEXT;

-- Outbox rebuilt for the new state (a CHECK cannot be altered), keeping every row, its indexes
-- and the AUTOINCREMENT counter, as 0003, 0007 and 0010 did. The audit trigger writes into the
-- outbox: it is dropped first and made again afterwards, word for word as in 0010.
DROP TRIGGER audit_log_to_outbox;
CREATE TABLE outbox_new (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    item_uuid     TEXT NOT NULL UNIQUE CHECK (length(item_uuid) = 36),
    kind          TEXT NOT NULL CHECK (kind IN ('report', 'ticket_event', 'rating', 'audit')),
    ref_id        TEXT NOT NULL,
    created_utc   TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'sent', 'quarantined', 'superseded', 'withdrawn')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    item_hash     TEXT CHECK (item_hash IS NULL OR (length(item_hash) = 64
                              AND item_hash NOT GLOB '*[^0-9a-f]*')),
    server_ref    TEXT CHECK (server_ref IS NULL OR length(server_ref) BETWEEN 1 AND 100),
    reason        TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 60),
    last_error    TEXT CHECK (last_error IS NULL OR length(last_error) <= 300),
    sent_utc      TEXT,
    superseded_by TEXT CHECK (superseded_by IS NULL OR length(superseded_by) = 36),
    exported_utc  TEXT,
    CHECK ((state = 'superseded') = (superseded_by IS NOT NULL)),
    CHECK (state <> 'withdrawn' OR kind = 'report')
) STRICT;
INSERT INTO outbox_new (seq, item_uuid, kind, ref_id, created_utc, state, attempts, item_hash,
                        server_ref, reason, last_error, sent_utc, superseded_by)
    SELECT seq, item_uuid, kind, ref_id, created_utc, state, attempts, item_hash, server_ref,
           reason, last_error, sent_utc, superseded_by FROM outbox ORDER BY seq;
DELETE FROM sqlite_sequence WHERE name = 'outbox_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_new', seq FROM sqlite_sequence
    WHERE name = 'outbox';
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (state, seq);
CREATE INDEX outbox_ref ON outbox (kind, ref_id);
CREATE INDEX outbox_unhashed ON outbox (seq) WHERE item_hash IS NULL;

CREATE TRIGGER audit_log_to_outbox AFTER INSERT ON audit_log
BEGIN
    INSERT INTO outbox (item_uuid, kind, ref_id, created_utc)
    VALUES (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
            || substr(lower(hex(randomblob(2))), 2) || '-'
            || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
            || '-' || lower(hex(randomblob(6))), 'audit', CAST(NEW.seq AS TEXT), NEW.at_utc);
END;
