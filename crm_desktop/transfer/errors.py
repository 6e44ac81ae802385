"""The one error a file can earn as a whole (empty, binary, not a table)."""

from __future__ import annotations


class TransferError(Exception):
    """A file or a mapping the import refuses, with a message the user can act on."""
