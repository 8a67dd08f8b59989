-- newsdesk store, schema 2: an outlet's updated version of its own article is a revision, not a copy
CREATE TABLE revisions (
  newer TEXT NOT NULL REFERENCES articles(id),
  older TEXT NOT NULL REFERENCES articles(id),
  score REAL NOT NULL,
  evidence TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (newer, older)
);
-- signatures are now MinHash over content-word sets: recompute copies for stored articles
UPDATE articles SET minhash = NULL, copies_done = 0;
DELETE FROM copies;
UPDATE articles SET copy_of = NULL, copy_kind = NULL, copy_score = NULL;
