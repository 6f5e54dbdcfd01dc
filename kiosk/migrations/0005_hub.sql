-- Office hub (issue 10): one PC owns the queue and serves it over the LAN. Pairing codes and
-- station tokens are stored as SHA-256 hashes only; recent action results are kept by the
-- client's idempotency key, so a POST retried after a lost response is not applied twice.
CREATE TABLE hub_pair_codes (
    code_hash   TEXT PRIMARY KEY CHECK (length(code_hash) = 64),
    created_utc TEXT NOT NULL,
    expires_utc TEXT NOT NULL,
    used_utc    TEXT
) STRICT;

CREATE TABLE hub_tokens (
    token_hash  TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    station     TEXT NOT NULL DEFAULT '' CHECK (length(station) <= 80),
    created_utc TEXT NOT NULL,
    revoked_utc TEXT
) STRICT;

CREATE TABLE hub_requests (
    key         TEXT PRIMARY KEY CHECK (length(key) <= 64),
    method      TEXT NOT NULL CHECK (length(method) <= 40),
    status      INTEGER,                 -- NULL: applied, result not yet written
    body        TEXT,                    -- the JSON answer sent back
    at_utc      TEXT NOT NULL
) STRICT;

CREATE INDEX hub_requests_by_time ON hub_requests (at_utc);
