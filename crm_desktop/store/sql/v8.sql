-- Schema version 8: a rejection keeps why the server refused it as a code
-- and values ("why", the JSON form of crm_core.sync_reasons), so the window
-- says it in the rep's language.  Issues from before, and from a server
-- that sends none, have none (NULL) and show the server's English message.
ALTER TABLE sync_issue ADD COLUMN why VARCHAR;
