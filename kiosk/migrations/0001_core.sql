-- Catalog, reports with their photos, and the transactional outbox.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
    value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE hamlets (
    id        TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40),
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    name_fold TEXT NOT NULL,
    sort      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE categories (
    id         TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40),
    name_vi    TEXT NOT NULL CHECK (length(name_vi) BETWEEN 1 AND 100),
    name_en    TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    icon       TEXT NOT NULL CHECK (length(icon) BETWEEN 1 AND 60),
    reply_days INTEGER NOT NULL CHECK (reply_days BETWEEN 1 AND 90),
    sort       INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE reports (
    id            TEXT PRIMARY KEY CHECK (length(id) = 36),          -- UUID4, made at creation
    code          TEXT NOT NULL UNIQUE CHECK (length(code) = 11),    -- tracking code, no dashes
    category_id   TEXT NOT NULL REFERENCES categories (id),
    text          TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    text_fold     TEXT NOT NULL,
    hamlet_id     TEXT REFERENCES hamlets (id),
    address       TEXT CHECK (address IS NULL OR length(address) BETWEEN 1 AND 300),
    lat           REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    lon           REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
    contact_name  TEXT CHECK (contact_name IS NULL OR length(contact_name) BETWEEN 1 AND 100),
    contact_phone TEXT CHECK (contact_phone IS NULL OR contact_phone GLOB '0[0-9]*'
                              AND length(contact_phone) BETWEEN 10 AND 11),
    consent_hash  TEXT CHECK (consent_hash IS NULL OR length(consent_hash) = 64),
    channel       TEXT NOT NULL CHECK (channel IN ('kiosk', 'volunteer', 'cli')),
    created_utc   TEXT NOT NULL CHECK (created_utc GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    device_utc    TEXT NOT NULL,                                     -- what the clock said
    office_zone   TEXT NOT NULL,
    due_date      TEXT NOT NULL CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    CHECK ((contact_name IS NULL AND contact_phone IS NULL) OR consent_hash IS NOT NULL)
) STRICT;
CREATE INDEX reports_created ON reports (created_utc);

CREATE TABLE media (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    mime   TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
    width  INTEGER NOT NULL CHECK (width BETWEEN 1 AND 1600),
    height INTEGER NOT NULL CHECK (height BETWEEN 1 AND 1600),
    data   BLOB NOT NULL CHECK (length(data) BETWEEN 1 AND 8000000)
) STRICT;

CREATE TABLE report_media (
    report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL CHECK (position BETWEEN 0 AND 2),
    sha256    TEXT NOT NULL REFERENCES media (sha256),
    PRIMARY KEY (report_id, position)
) STRICT;

-- Rule 1 of DESIGN.md: every item to send is written here in the transaction that creates it.
CREATE TABLE outbox (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    item_uuid   TEXT NOT NULL UNIQUE CHECK (length(item_uuid) = 36),
    kind        TEXT NOT NULL CHECK (kind IN ('report')),
    ref_id      TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'quarantined')),
    attempts    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX outbox_pending ON outbox (state, seq);
