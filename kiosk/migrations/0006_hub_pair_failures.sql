-- Office hub (issue 10): failed pairing attempts, so guessing codes is limited (10 in 10 minutes,
-- then pairing is locked until the oldest failure is 10 minutes old).
CREATE TABLE hub_pair_failures (
    at_utc      TEXT NOT NULL
) STRICT;

CREATE INDEX hub_pair_failures_at ON hub_pair_failures (at_utc);
