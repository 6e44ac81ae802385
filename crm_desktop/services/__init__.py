"""Use cases without Qt: what the CLI and the GUI both call.

The GUI imports records and views from here, never from ``store`` (the
layering rule in DESIGN.md).
"""

from crm_desktop.services.context import AppContext
from crm_desktop.services.crm import CrmService, Status
from crm_desktop.services.errors import KNOWN_ERRORS, AmbiguousRecord, RecordNotFound, ServiceError
from crm_desktop.store.queries import ConnectionView, SortKey, View
from crm_desktop.store.records import Record

__all__ = ["KNOWN_ERRORS", "AmbiguousRecord", "AppContext", "ConnectionView", "CrmService", "Record",
           "RecordNotFound", "ServiceError", "SortKey", "Status", "View"]
