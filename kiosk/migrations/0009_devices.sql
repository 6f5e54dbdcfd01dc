-- Mirror of the commune's enrolled devices, filled by the changes feed ('device' changes,
-- sync/changes.py). USB hand-overs (docs/transfer.md) check an exporting laptop's signature
-- against `public_key` and encrypt residents' contact details for every office device's
-- `box_key`. Public keys only: no token, no private key ever lands here. The commune is not
-- stored: the feed only sends the device's own commune's devices.
CREATE TABLE devices (
    id           TEXT PRIMARY KEY CHECK (length(id) = 36),
    label        TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 100),
    public_key   TEXT NOT NULL CHECK (length(public_key) BETWEEN 43 AND 44),   -- Ed25519 b64url
    box_key      TEXT CHECK (box_key IS NULL OR length(box_key) BETWEEN 43 AND 44),  -- X25519
    enrolled_utc TEXT NOT NULL,
    revoked_utc  TEXT,           -- revoked: what it signs is refused, nothing is encrypted for it
    updated_utc  TEXT NOT NULL   -- when this kiosk applied the snapshot
) STRICT;
