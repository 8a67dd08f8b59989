-- newsdesk store, schema 5: copy signatures are one-permutation MinHash now; stored ones are recomputed
UPDATE articles SET minhash = NULL, anchors = NULL, copies_done = 0;
DELETE FROM copies;
DELETE FROM revisions;
UPDATE articles SET copy_of = NULL, copy_kind = NULL, copy_score = NULL;
