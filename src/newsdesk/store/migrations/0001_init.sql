-- newsdesk store, schema 1
CREATE TABLE sources (
  key TEXT PRIMARY KEY,          -- input file path
  content_hash TEXT NOT NULL,    -- hash of the file bytes when it was fully processed
  articles INTEGER NOT NULL DEFAULT 0,
  quarantined INTEGER NOT NULL DEFAULT 0,
  done_at TEXT NOT NULL
);

CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- ingest order; also the FTS rowid
  id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  fmt TEXT NOT NULL,
  url TEXT,
  outlet TEXT,
  title TEXT,
  text TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  published TEXT,
  published_confidence REAL NOT NULL DEFAULT 0,
  published_evidence TEXT NOT NULL DEFAULT 'none',
  updated TEXT,
  lang TEXT NOT NULL DEFAULT 'en',
  removed TEXT NOT NULL DEFAULT '[]',     -- JSON list of dropped boilerplate lines
  minhash BLOB,
  copy_of TEXT,
  copy_kind TEXT,
  copy_score REAL,
  copies_done INTEGER NOT NULL DEFAULT 0,
  event TEXT,
  story TEXT
);
CREATE INDEX articles_body_hash ON articles(body_hash);
CREATE INDEX articles_event ON articles(event);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX articles_source ON articles(source);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TABLE copies (
  copy TEXT PRIMARY KEY REFERENCES articles(id),
  original TEXT NOT NULL REFERENCES articles(id),
  kind TEXT NOT NULL,
  score REAL NOT NULL,
  evidence TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE groups (
  id TEXT PRIMARY KEY,
  level TEXT NOT NULL,            -- event | story
  parent TEXT,                    -- the story of an event
  title TEXT NOT NULL,
  first TEXT,
  last TEXT,
  n INTEGER NOT NULL DEFAULT 0,
  centroid TEXT NOT NULL DEFAULT '{}'  -- JSON term -> weight (bounded)
);
CREATE INDEX groups_level ON groups(level, last);

CREATE TABLE explanations (
  article TEXT PRIMARY KEY,
  event TEXT,
  detail TEXT NOT NULL            -- JSON: similarity, shared terms, runner-up
);

CREATE TABLE term_df (
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL
);

CREATE TABLE outlet_lines (
  outlet TEXT NOT NULL,
  line TEXT NOT NULL,
  docs INTEGER NOT NULL,
  edge INTEGER NOT NULL,
  PRIMARY KEY (outlet, line)
);

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source TEXT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  UNIQUE (source, reason)
);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started TEXT NOT NULL,
  finished TEXT,
  summary TEXT
);
