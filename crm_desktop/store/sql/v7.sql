-- Schema version 7: a delete says which of its dependants it saw.  The
-- server's cascade deletes a record's connections with it; a queued delete
-- keeps the version this store held of each ("seen", JSON), so a connection
-- a colleague changed or added since makes the delete a conflict instead of
-- vanishing.  A delete conflict keeps those connections ("dependants",
-- JSON) to name them to the rep.  The Python step fills "seen" of the
-- deletes already queued from the connections the store holds now.
ALTER TABLE outbox ADD COLUMN seen VARCHAR;
ALTER TABLE sync_issue ADD COLUMN dependants VARCHAR NOT NULL DEFAULT '[]';
