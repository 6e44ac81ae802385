"""The local SQLite store: tables, queries, the write rules and the queue."""

from crm_desktop.store.db import StoreError
from crm_desktop.store.records import Record
from crm_desktop.store.store import Store
from crm_desktop.store.writes import RecordNotFound

__all__ = ["Record", "RecordNotFound", "Store", "StoreError"]
