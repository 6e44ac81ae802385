"""Asking before a delete, and saying what goes with the record.

Deleting an account takes its connections along and leaves its contacts
without an account; a rep about to do that to a customer with 800 contacts
should read it before saying yes, not find out in the lists afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crm_desktop.services import CrmService, Record
from crm_desktop.services.crm import DeleteEffects


def _cleared_text(entity_name: str, field: str, count: int) -> str:
    """One sentence for the records that lose their reference through ``field``."""
    translate = QCoreApplication.translate
    if (entity_name, field) == ("contact", "account_id"):
        one = translate("DeleteConfirm", "1 contact loses its account.")
        many = translate("DeleteConfirm", "%1 contacts lose their account.")
    elif (entity_name, field) == ("account", "parent_account_id"):
        one = translate("DeleteConfirm", "1 account loses its parent account.")
        many = translate("DeleteConfirm", "%1 accounts lose their parent account.")
    elif (entity_name, field) == ("account", "primary_contact_id"):
        one = translate("DeleteConfirm", "1 account loses its primary contact.")
        many = translate("DeleteConfirm", "%1 accounts lose their primary contact.")
    else:
        one = translate("DeleteConfirm", "1 record loses its link to it.")
        many = translate("DeleteConfirm", "%1 records lose their link to it.")
    return one if count == 1 else many.replace("%1", str(count))


def effects_text(effects: DeleteEffects) -> str:
    """What a delete takes along and changes, in sentences ("" when nothing)."""
    lines = []
    if effects.connections == 1:
        lines.append(QCoreApplication.translate("DeleteConfirm", "Its connection goes with it."))
    elif effects.connections:
        lines.append(QCoreApplication.translate("DeleteConfirm", "Its %1 connections go with it.").replace(
            "%1", str(effects.connections)))
    lines += [_cleared_text(entity_name, field, count)
              for (entity_name, field), count in sorted(effects.cleared.items())]
    return " ".join(lines)


def confirm_delete(parent: QWidget, crm: CrmService, record: Record) -> bool:
    """Ask the rep; whether they said yes."""
    question = QCoreApplication.translate("DeleteConfirm", "Delete %1? This cannot be undone.").replace(
        "%1", record.name)
    effects = effects_text(crm.deleting_affects(record))
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("DeleteConfirm", "Delete record"),
        f"{question}\n\n{effects}" if effects else question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
