"""The one error a file can earn as a whole (empty, binary, not a table)."""

from __future__ import annotations

from crm_core.reasons import Reason


class TransferError(Exception):
    """A file or a mapping the import refuses, with a message the user can act on.

    ``str()`` is the English message; ``reason`` its code and values, for the GUI.
    """

    def __init__(self, reason: Reason) -> None:
        super().__init__(str(reason))
        self.reason = reason
