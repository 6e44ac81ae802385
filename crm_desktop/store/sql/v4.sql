-- Schema version 4: sync issue ids are never reused.  Without AUTOINCREMENT
-- SQLite gives a new issue the id of the newest one just resolved, so a
-- `crm-desktop resolve 3` typed from an older listing could act on a
-- different issue.  The email index compares without case, as the import's
-- duplicate check does (Ana@Acme.example is ana@acme.example).  The Python
-- step refills the search tables: phones are now also found by their digits
-- as dialled inside their country.
CREATE TABLE sync_issue_v4 (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	kind VARCHAR(10) NOT NULL, 
	mutation_id INTEGER NOT NULL, 
	entity VARCHAR(40) NOT NULL, 
	record_id VARCHAR(36) NOT NULL, 
	op VARCHAR(10) NOT NULL, 
	reason VARCHAR(40) NOT NULL, 
	message VARCHAR(1000) NOT NULL, 
	fields VARCHAR NOT NULL, 
	server_version INTEGER NOT NULL, 
	created_at VARCHAR(32) NOT NULL
);
INSERT INTO sync_issue_v4 SELECT id, kind, mutation_id, entity, record_id, op, reason, message, fields,
    server_version, created_at FROM sync_issue;
DROP TABLE sync_issue;
ALTER TABLE sync_issue_v4 RENAME TO sync_issue;
CREATE INDEX ix_sync_issue_record_id ON sync_issue (record_id);
DROP INDEX ix_contact_email;
CREATE INDEX ix_contact_email ON contact (email COLLATE NOCASE);
