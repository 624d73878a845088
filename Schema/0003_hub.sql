-- Signatory schema 3: the offices a hub serves.
-- An enrolled office is also trusted (trusted_office), so the feeds it pushes are accepted.
-- Revoking keeps its feed (other offices hold and relay it) but refuses its requests.

CREATE TABLE hub_member (
    office       TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL,
    -- What the office may read through the hub's API: internal, coalition or public.
    audience     TEXT NOT NULL CHECK (audience IN ('internal', 'coalition', 'public')),
    enrolled_at  INTEGER NOT NULL,
    revoked_at   INTEGER
);
