-- newsdesk store, schema 3: hashes of each article's long sentences, for finding embedded blocks
ALTER TABLE articles ADD COLUMN anchors BLOB;
UPDATE articles SET minhash = NULL, copies_done = 0;
DELETE FROM copies;
DELETE FROM revisions;
UPDATE articles SET copy_of = NULL, copy_kind = NULL, copy_score = NULL;
