-- newsdesk store, schema 6: facts (entity mentions, quotes, figures) with offsets into articles.text
ALTER TABLE articles ADD COLUMN facts_done INTEGER NOT NULL DEFAULT 0;

CREATE TABLE mentions (
  article TEXT NOT NULL REFERENCES articles(id),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  label TEXT NOT NULL,          -- PER | ORG | LOC
  canonical TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article);
CREATE INDEX mentions_canonical ON mentions(canonical);

CREATE TABLE quotes (
  article TEXT NOT NULL REFERENCES articles(id),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  direct INTEGER NOT NULL,
  speaker TEXT,
  speaker_mention TEXT,
  speaker_start INTEGER,
  speaker_end INTEGER,
  cue TEXT,
  cue_start INTEGER,
  cue_end INTEGER
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker);

CREATE TABLE figures (
  article TEXT NOT NULL REFERENCES articles(id),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  sentence TEXT NOT NULL,
  value REAL NOT NULL,
  value_high REAL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT,
  qualifier TEXT,
  source TEXT,
  as_of TEXT,
  unverified INTEGER NOT NULL DEFAULT 0,
  extra TEXT NOT NULL DEFAULT '{}'   -- JSON object
);
CREATE INDEX figures_article ON figures(article);
CREATE INDEX figures_kind ON figures(kind);

-- the desk's names: folded spelling -> canonical name, so variants merge across runs
CREATE TABLE names (
  key TEXT PRIMARY KEY,
  canonical TEXT NOT NULL
);
