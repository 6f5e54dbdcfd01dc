-- Staff PINs (hashed, with a lockout that survives restarts) and an audit log without personal data.
CREATE TABLE pins (
    role         TEXT PRIMARY KEY CHECK (role IN ('clerk', 'volunteer', 'admin')),
    salt         BLOB NOT NULL CHECK (length(salt) = 16),
    hash         BLOB NOT NULL CHECK (length(hash) = 32),
    params       TEXT NOT NULL,                 -- scrypt n,r,p: lets us raise the cost later
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT                           -- UTC ISO instant, NULL when not locked
) STRICT;

CREATE TABLE audit_log (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc TEXT NOT NULL,
    actor  TEXT NOT NULL CHECK (length(actor) <= 40),
    action TEXT NOT NULL CHECK (length(action) <= 60),
    detail TEXT NOT NULL DEFAULT '' CHECK (length(detail) <= 500)
) STRICT;
