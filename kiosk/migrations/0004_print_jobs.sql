-- Print jobs: what was sent to which printer and how it ended, so failures are visible and the
-- last receipts can be reprinted. The report or ticket (and its PDF) exists whatever happens here.
CREATE TABLE print_jobs (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL CHECK (kind IN ('report', 'ticket', 'test')),
    ref         TEXT NOT NULL CHECK (length(ref) <= 60),       -- report code / ticket label
    ref_id      TEXT NOT NULL DEFAULT '' CHECK (length(ref_id) <= 60),  -- ticket id
    document    TEXT NOT NULL DEFAULT '' CHECK (length(document) <= 300),  -- PDF, data-dir relative
    printer_url TEXT NOT NULL CHECK (length(printer_url) <= 300),
    state       TEXT NOT NULL CHECK (state IN ('printed', 'failed')),
    error_code  TEXT CHECK (error_code IS NULL OR length(error_code) <= 60),
    at_utc      TEXT NOT NULL
) STRICT;

CREATE INDEX print_jobs_by_ref ON print_jobs (kind, ref, seq);
