-- Offline case lookup (kiosk/lookup.py): failed tries, kept so the slow-down survives idle wipes
-- and restarts, and ratings of a report's answer.

-- One row per failed lookup (unknown code, wrong dossier secret). `scope` is the device or
-- station that typed it ('kiosk' on a single PC); `dossier` the dossier code tried, NULL for a
-- report code. Rows older than a day are pruned when a new failure is written.
CREATE TABLE lookup_failures (
    id       INTEGER PRIMARY KEY,
    scope    TEXT NOT NULL CHECK (length(scope) BETWEEN 1 AND 40),
    dossier  TEXT CHECK (dossier IS NULL OR length(dossier) BETWEEN 1 AND 40),
    at_utc   TEXT NOT NULL
) STRICT;
CREATE INDEX lookup_failures_scope ON lookup_failures (scope, at_utc);
CREATE INDEX lookup_failures_dossier ON lookup_failures (dossier, at_utc)
    WHERE dossier IS NOT NULL;

-- A resident's rating of a report's published answer: one per tracking code. The outbox row
-- (kind 'rating', ref_id = id) is written in the same transaction.
CREATE TABLE report_ratings (
    id            TEXT PRIMARY KEY CHECK (length(id) = 36),
    tracking_code TEXT NOT NULL UNIQUE CHECK (length(tracking_code) = 11),
    level         TEXT NOT NULL CHECK (level IN ('satisfied', 'acceptable', 'unsatisfied')),
    comment       TEXT CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 500),
    at_utc        TEXT NOT NULL
) STRICT;
