-- Sync with the provincial server (docs/sync.md): outbox results, media thumbnails, the mirror of
-- cases and dossiers the changes feed fills. Sync state lives in settings (sync.cursor,
-- sync.last_success, sync.clock_offset_s, sync.server_url, sync.device_id, sync.commune,
-- sync.last_error, sync.backoff): no table needed.

-- Outbox: rebuilt (a CHECK cannot be altered), keeping every row and the AUTOINCREMENT counter
-- (sqlite_sequence), as 0003 did. item_hash is set at creation from now on; rows written by an
-- earlier version get theirs from kiosk.items.fill_missing_hashes() (run at the start of every
-- sync and before any outbox listing that needs it: SQL cannot build the payloads).
CREATE TABLE outbox_new (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    item_uuid     TEXT NOT NULL UNIQUE CHECK (length(item_uuid) = 36),
    kind          TEXT NOT NULL CHECK (kind IN ('report', 'ticket_event', 'rating')),
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
INSERT INTO outbox_new (seq, item_uuid, kind, ref_id, created_utc, state, attempts)
    SELECT seq, item_uuid, kind, ref_id, created_utc, state, attempts FROM outbox ORDER BY seq;
DELETE FROM sqlite_sequence WHERE name = 'outbox_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_new', seq FROM sqlite_sequence
    WHERE name = 'outbox';
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (state, seq);
CREATE INDEX outbox_ref ON outbox (kind, ref_id);
CREATE INDEX outbox_unhashed ON outbox (seq) WHERE item_hash IS NULL;

-- Media: the full-size copy may be dropped once the server holds it, keeping a small thumbnail
-- for staff screens. report_media references media, and foreign keys stay ON inside this
-- transaction, so: defer the checks, park the rows, drop, recreate under the same name, and copy
-- back (re-inserting each parent row settles the deferred count before COMMIT).
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE media_keep AS SELECT sha256, mime, width, height, data FROM media;
DROP TABLE media;
CREATE TABLE media (
    sha256        TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    mime          TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
    width         INTEGER NOT NULL CHECK (width BETWEEN 1 AND 1600),
    height        INTEGER NOT NULL CHECK (height BETWEEN 1 AND 1600),
    data          BLOB CHECK (data IS NULL OR length(data) BETWEEN 1 AND 8000000),
    thumb         BLOB CHECK (thumb IS NULL OR length(thumb) BETWEEN 1 AND 200000),  -- JPEG ≤ 320 px
    on_server_utc TEXT,          -- the server confirmed it holds the full photo
    CHECK (data IS NOT NULL OR thumb IS NOT NULL),
    CHECK (data IS NOT NULL OR on_server_utc IS NOT NULL)   -- never drop what the server lacks
) STRICT;
INSERT INTO media (sha256, mime, width, height, data)
    SELECT sha256, mime, width, height, data FROM media_keep;
DROP TABLE media_keep;
CREATE INDEX report_media_sha ON report_media (sha256);

-- Mirror of the province's cases (reports as the server holds them) and their public history.
CREATE TABLE cases (
    ref           TEXT PRIMARY KEY CHECK (length(ref) BETWEEN 1 AND 100),
    client_id     TEXT NOT NULL CHECK (length(client_id) = 36),
    tracking_code TEXT NOT NULL CHECK (length(tracking_code) = 11),
    category      TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
    status        TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'in_progress',
                                                  'resolved', 'rejected')),
    unit          TEXT,
    created_utc   TEXT NOT NULL,
    due_date      TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    answer        TEXT,
    published_utc TEXT,
    updated_utc   TEXT NOT NULL           -- when this kiosk applied the snapshot
) STRICT;
CREATE INDEX cases_code ON cases (tracking_code);
CREATE INDEX cases_client ON cases (client_id);

CREATE TABLE case_events (
    ref      TEXT NOT NULL REFERENCES cases (ref) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    status   TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'in_progress',
                                             'resolved', 'rejected')),
    at_utc   TEXT NOT NULL,
    note     TEXT,
    unit     TEXT,
    PRIMARY KEY (ref, position)
) STRICT, WITHOUT ROWID;

-- Mirror of one-stop dossiers: only what a resident may see, behind the lookup secret's hash.
CREATE TABLE dossiers (
    code          TEXT PRIMARY KEY CHECK (length(code) BETWEEN 3 AND 40),
    secret_sha256 TEXT NOT NULL CHECK (length(secret_sha256) = 64),
    procedure     TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('new', 'accepted', 'not_accepted',
                      'processing', 'needs_documents', 'needs_payment', 'withdrawn', 'stopped',
                      'done', 'returned')),
    received_utc  TEXT NOT NULL,
    due_date      TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    collect_at    TEXT,
    apology       TEXT,
    new_due_date  TEXT CHECK (new_due_date IS NULL
                              OR new_due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT;

CREATE TABLE dossier_events (
    code     TEXT NOT NULL REFERENCES dossiers (code) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    status   TEXT NOT NULL CHECK (status IN ('new', 'accepted', 'not_accepted',
                  'processing', 'needs_documents', 'needs_payment', 'withdrawn', 'stopped',
                  'done', 'returned')),
    at_utc   TEXT NOT NULL,
    note     TEXT,
    PRIMARY KEY (code, position)
) STRICT, WITHOUT ROWID;
