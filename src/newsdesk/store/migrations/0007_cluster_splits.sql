-- newsdesk store, schema 7: an event that re-clustering split off another records its origin
-- (merges are in `redirects`; a split is not a redirect: both ids live on).
CREATE TABLE IF NOT EXISTS splits (
  id TEXT PRIMARY KEY,            -- the new event or story
  origin TEXT NOT NULL,           -- the group most of its articles came from
  level TEXT NOT NULL,            -- event | story
  at TEXT NOT NULL
);
