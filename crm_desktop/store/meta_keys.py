"""Keys of the store's meta table that both the sync engine and the plain services read.

Here, not in ``outbox``, because the window's start reads them through the
services and must not load the sync protocol's models (pydantic) for that.
"""

LAST_SYNC_KEY = "last_sync"
FAILED_SYNC_KEY = "last_sync_failure"  # JSON {"at", "message"} of a failed sync since the last good one
SERVER_KEY = "sync_server_url"  # the server this store syncs with (saved at login)
USER_KEY = "sync_username"  # the user it syncs as
DURABLE_KEY = "synced_to_disk"  # when Database.make_durable last ran (its write is what makes its commit sync)
