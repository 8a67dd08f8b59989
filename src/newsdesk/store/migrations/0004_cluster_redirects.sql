-- newsdesk store, schema 4: merged events and stories redirect to their survivor; term counts
-- per event and story (what tells a story's events apart). A desk already at schema 5 or 6
-- when this landed skips it: rebuild such a desk.
CREATE TABLE IF NOT EXISTS redirects (
  old TEXT PRIMARY KEY,           -- a merged event or story id
  new TEXT NOT NULL,              -- its survivor (kept pointing at the final survivor)
  level TEXT NOT NULL,            -- event | story
  at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS group_terms (
  id TEXT PRIMARY KEY,            -- event or story
  n INTEGER NOT NULL,             -- articles counted
  df TEXT NOT NULL DEFAULT '{}'   -- JSON term -> articles of the group holding it (capped)
);
