-- Schema version 3: leaner search tables.  The app never asks FTS for
-- positions, phrases or column sizes (search is word prefixes in rowid
-- order), so the tables keep document lists only (detail=none,
-- columnsize=0): a third cheaper to write, for every edit, import and sync.
-- The Python step of this version refills them.
DROP TABLE contact_fts;
DROP TABLE account_fts;
CREATE VIRTUAL TABLE contact_fts USING fts5(
    name, email, phone, company,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = none, columnsize = 0
);
CREATE VIRTUAL TABLE account_fts USING fts5(
    name, email, phone, website,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = none, columnsize = 0
);
