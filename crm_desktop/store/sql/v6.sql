-- Schema version 6: a sync issue keeps the name its record had when the
-- server's answer came back.  A change the server refused because the
-- record was deleted there is followed by a pull that drops the record here,
-- and the issue was then shown by its short id alone.  The Python step
-- names the open issues whose records the store still holds.
ALTER TABLE sync_issue ADD COLUMN record_name VARCHAR(300) NOT NULL DEFAULT '';
