-- Personal data at rest (docs/privacy.md, Law 91/2025/QH15): residents' name, phone and private
-- address are sealed with AES-GCM (kiosk/crypto_fields.py) into the *_enc BLOB columns; the old
-- plain-text columns stay (a reports rebuild would cascade-delete report_media) but triggers keep
-- them NULL. Rows written by an earlier version are sealed by kiosk.privacy.seal_legacy_rows()
-- when the store opens. The purge (retention) and a resident's erasure set the *_enc columns to
-- NULL and record when and why.
ALTER TABLE reports ADD COLUMN contact_name_enc BLOB
    CHECK (contact_name_enc IS NULL OR (length(contact_name_enc) BETWEEN 30 AND 1000
                                        AND consent_hash IS NOT NULL));
ALTER TABLE reports ADD COLUMN contact_phone_enc BLOB
    CHECK (contact_phone_enc IS NULL OR (length(contact_phone_enc) BETWEEN 30 AND 100
                                         AND consent_hash IS NOT NULL));
-- A free-text address the resident marked private: sealed here, and `address` stays NULL.
ALTER TABLE reports ADD COLUMN address_enc BLOB
    CHECK (address_enc IS NULL OR (length(address_enc) BETWEEN 30 AND 2000 AND address IS NULL));
ALTER TABLE reports ADD COLUMN personal_erased_utc TEXT;
ALTER TABLE reports ADD COLUMN personal_erased_why TEXT
    CHECK (personal_erased_why IS NULL OR personal_erased_why IN ('retention', 'request'));

CREATE TRIGGER reports_contact_sealed_insert BEFORE INSERT ON reports
    WHEN NEW.contact_name IS NOT NULL OR NEW.contact_phone IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'personal fields are stored sealed (contact_*_enc)');
END;
CREATE TRIGGER reports_contact_sealed_update BEFORE UPDATE OF contact_name, contact_phone
    ON reports WHEN NEW.contact_name IS NOT NULL OR NEW.contact_phone IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'personal fields are stored sealed (contact_*_enc)');
END;
CREATE INDEX reports_personal ON reports (id)
    WHERE contact_name_enc IS NOT NULL OR contact_phone_enc IS NOT NULL OR address_enc IS NOT NULL;

-- Audit log: append-only, and every entry synced (outbox kind 'audit', ref_id = its seq).
ALTER TABLE audit_log ADD COLUMN target TEXT CHECK (target IS NULL OR length(target) <= 60);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Outbox rebuilt for the new kind (a CHECK cannot be altered), keeping every row and the
-- AUTOINCREMENT counter, as 0003 and 0007 did.
CREATE TABLE outbox_new (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    item_uuid     TEXT NOT NULL UNIQUE CHECK (length(item_uuid) = 36),
    kind          TEXT NOT NULL CHECK (kind IN ('report', 'ticket_event', 'rating', 'audit')),
    ref_id        TEXT NOT NULL,
    created_utc   TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'sent', 'quarantined', 'superseded')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    item_hash     TEXT CHECK (item_hash IS NULL OR (length(item_hash) = 64
                              AND item_hash NOT GLOB '*[^0-9a-f]*')),
    server_ref    TEXT CHECK (server_ref IS NULL OR length(server_ref) BETWEEN 1 AND 100),
    reason        TEXT CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 60),
    last_error    TEXT CHECK (last_error IS NULL OR length(last_error) <= 300),
    sent_utc      TEXT,
    superseded_by TEXT CHECK (superseded_by IS NULL OR length(superseded_by) = 36),
    CHECK ((state = 'superseded') = (superseded_by IS NOT NULL))
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

-- Every audit entry, however written (kiosk/audit.py, or the older direct INSERTs of pins, the
-- hub and the queue admin), gets its outbox row in the same transaction. The hash is filled by
-- kiosk.items.fill_missing_hashes (audit rows never change, so it is the creation-time hash).
-- Entries written before this migration are queued too.
INSERT INTO outbox (item_uuid, kind, ref_id, created_utc)
    SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
           || substr(lower(hex(randomblob(2))), 2) || '-'
           || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
           || '-' || lower(hex(randomblob(6))), 'audit', CAST(seq AS TEXT), at_utc
    FROM audit_log ORDER BY seq;
CREATE TRIGGER audit_log_to_outbox AFTER INSERT ON audit_log
BEGIN
    INSERT INTO outbox (item_uuid, kind, ref_id, created_utc)
    VALUES (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
            || substr(lower(hex(randomblob(2))), 2) || '-'
            || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
            || '-' || lower(hex(randomblob(6))), 'audit', CAST(NEW.seq AS TEXT), NEW.at_utc);
END;
