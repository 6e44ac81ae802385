"""Import and export of accounts and contacts: CSV and vCard files as people have them.

Nothing here imports Qt; the services facade is ``crm_desktop.services.transfer``.
"""

from crm_desktop.transfer.errors import TransferError

__all__ = ["TransferError"]
