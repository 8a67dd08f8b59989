-- newsdesk store, schema 8: content words are hashed from their bytes (copies.sketch.word_hashes), so stored
-- MinHash signatures change; they are recomputed, and copy links with them, on the next build
UPDATE articles SET minhash = NULL, anchors = NULL, copies_done = 0;
DELETE FROM copies;
DELETE FROM revisions;
UPDATE articles SET copy_of = NULL, copy_kind = NULL, copy_score = NULL;
