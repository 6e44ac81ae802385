"""Errors the rep can act on, raised by services and shown by the CLI and GUI.

Anything else that escapes a service is a bug: it is logged with a trace.
"""

from __future__ import annotations

from crm_core.validation import ValidationError
from crm_desktop.store.db import StoreError
from crm_desktop.store.writes import RecordNotFound


class ServiceError(Exception):
    """A request the services refuse, with a message naming what is wrong."""


class AmbiguousRecord(ServiceError):
    """A name that matches more than one record."""


KNOWN_ERRORS: tuple[type[Exception], ...] = (ServiceError, ValidationError, RecordNotFound, StoreError)

__all__ = ["KNOWN_ERRORS", "AmbiguousRecord", "RecordNotFound", "ServiceError", "StoreError",
           "ValidationError"]
