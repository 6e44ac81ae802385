-- Schema version 2: sync issues, indexes for connections and duplicate
-- checks, the mobile phone's E.164 form, and full-text search (the FTS
-- tables are filled from existing rows by the Python step of this version).
ALTER TABLE contact ADD COLUMN mobile_phone_e164 VARCHAR(20);
CREATE INDEX ix_connection_record2 ON connection (record2_id);
CREATE INDEX ix_connection_record1 ON connection (record1_id);
CREATE INDEX ix_contact_email ON contact (email);
CREATE INDEX ix_contact_list ON contact (deleted, state, sort_key, num);
CREATE INDEX ix_contact_phone ON contact (phone_e164);
CREATE TABLE sync_issue (
	id INTEGER NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	mutation_id INTEGER NOT NULL, 
	entity VARCHAR(40) NOT NULL, 
	record_id VARCHAR(36) NOT NULL, 
	op VARCHAR(10) NOT NULL, 
	reason VARCHAR(40) NOT NULL, 
	message VARCHAR(1000) NOT NULL, 
	fields VARCHAR NOT NULL, 
	server_version INTEGER NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_sync_issue_record_id ON sync_issue (record_id);
CREATE VIRTUAL TABLE contact_fts USING fts5(
    name, email, phone, company,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
CREATE VIRTUAL TABLE account_fts USING fts5(
    name, email, phone, website,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
