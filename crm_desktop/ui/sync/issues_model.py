"""Item models of the Sync issues view: the issues, and one issue's fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from crm_core.reasons import FieldName
from crm_core.roles import SEED_ROLES
from crm_desktop.ui.i18n import QT_TRANSLATE_NOOP
from crm_desktop.ui.import_reasons import reason_text as why_text
from crm_desktop.ui.sync.status_bar import local_time_text

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_MUTED = QColor("#757575")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncIssues", text)


def reason_text(issue: Any) -> str:
    """Why the server did not take the change, in the rep's words."""
    reasons = {
        "conflict": _tr("Changed on the server too"),
        "permission": _tr("Not allowed"),
        "validation": _tr("Value refused"),
        "missing": _tr("Not on the server"),
        "deleted": _tr("Linked record deleted"),
    }
    if issue.reason == "deleted" and _names_itself(issue):
        return _tr("Deleted on the server")
    return reasons.get(issue.reason, issue.reason or _tr("Refused"))


def _names_itself(issue: Any) -> bool:
    """Whether the server's message is about the record itself ("contact <its id> was deleted")."""
    return str(issue.message or "").startswith(f"{issue.entity} {issue.record_id}")


def named_message(issue: Any) -> str:
    """The server's message with the records it names by id named as the rep knows them."""
    message = str(issue.message or "")
    names = {issue.record_id: issue.record_name, **linked_names(issue)}
    for record_id, name in names.items():
        if name:
            message = message.replace(record_id, name)
    return message


def server_words(issue: Any) -> str:
    """Why the server refused the change: in the rep's language when it said why as a code
    (``issue.why``), records named as the rep knows them and fields by their labels; else the
    server's own (English) message, records named the same way."""
    why = getattr(issue, "why", None)
    if why is None:
        return named_message(issue)
    names = {issue.record_id: issue.record_name, **linked_names(issue)}
    return why_text(why, names={k: v for k, v in names.items() if v}, fields=_field_words)


def _field_words(field: FieldName) -> str:
    return field_label(field.name)


def kind_text(issue: Any) -> str:
    """'Conflict' or 'Rejected'."""
    return _tr("Conflict") if issue.kind == "conflict" else _tr("Rejected")


ENTITY_NAMES = {
    "account": QT_TRANSLATE_NOOP("SyncIssues", "account"),
    "contact": QT_TRANSLATE_NOOP("SyncIssues", "contact"),
    "connection": QT_TRANSLATE_NOOP("SyncIssues", "connection"),
    "connection_role": QT_TRANSLATE_NOOP("SyncIssues", "connection role"),
}


def entity_text(entity: str) -> str:
    """'account' in the rep's language ('cuenta')."""
    return _tr(ENTITY_NAMES[entity]) if entity in ENTITY_NAMES else entity.replace("_", " ")


def record_text(issue: Any) -> str:
    """'Acme Ltd (account)': the record and what it is."""
    return _tr("{record} ({entity})").format(record=issue.record_name, entity=entity_text(issue.entity))


# The fields a change can carry (crm_core.entities, and assign and share), as the rep reads them.
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("SyncIssues", "Name"),
    "account_number": QT_TRANSLATE_NOOP("SyncIssues", "Account number"),
    "email": QT_TRANSLATE_NOOP("SyncIssues", "Email"),
    "email2": QT_TRANSLATE_NOOP("SyncIssues", "Email 2"),
    "phone": QT_TRANSLATE_NOOP("SyncIssues", "Phone"),
    "other_phone": QT_TRANSLATE_NOOP("SyncIssues", "Other phone"),
    "mobile_phone": QT_TRANSLATE_NOOP("SyncIssues", "Mobile phone"),
    "website": QT_TRANSLATE_NOOP("SyncIssues", "Website"),
    "industry": QT_TRANSLATE_NOOP("SyncIssues", "Industry"),
    "bill_to_street": QT_TRANSLATE_NOOP("SyncIssues", "Billing street"),
    "bill_to_city": QT_TRANSLATE_NOOP("SyncIssues", "Billing city"),
    "bill_to_postal_code": QT_TRANSLATE_NOOP("SyncIssues", "Billing postal code"),
    "bill_to_country": QT_TRANSLATE_NOOP("SyncIssues", "Billing country"),
    "ship_to_street": QT_TRANSLATE_NOOP("SyncIssues", "Shipping street"),
    "ship_to_city": QT_TRANSLATE_NOOP("SyncIssues", "Shipping city"),
    "ship_to_postal_code": QT_TRANSLATE_NOOP("SyncIssues", "Shipping postal code"),
    "ship_to_country": QT_TRANSLATE_NOOP("SyncIssues", "Shipping country"),
    "parent_account_id": QT_TRANSLATE_NOOP("SyncIssues", "Parent account"),
    "primary_contact_id": QT_TRANSLATE_NOOP("SyncIssues", "Primary contact"),
    "price_list": QT_TRANSLATE_NOOP("SyncIssues", "Price list"),
    "currency": QT_TRANSLATE_NOOP("SyncIssues", "Currency"),
    "payment_terms": QT_TRANSLATE_NOOP("SyncIssues", "Payment terms"),
    "description": QT_TRANSLATE_NOOP("SyncIssues", "Description"),
    "state": QT_TRANSLATE_NOOP("SyncIssues", "Status"),
    "first_name": QT_TRANSLATE_NOOP("SyncIssues", "First name"),
    "last_name": QT_TRANSLATE_NOOP("SyncIssues", "Last name"),
    "job_title": QT_TRANSLATE_NOOP("SyncIssues", "Job title"),
    "street": QT_TRANSLATE_NOOP("SyncIssues", "Street"),
    "city": QT_TRANSLATE_NOOP("SyncIssues", "City"),
    "postal_code": QT_TRANSLATE_NOOP("SyncIssues", "Postal code"),
    "country": QT_TRANSLATE_NOOP("SyncIssues", "Country"),
    "account_id": QT_TRANSLATE_NOOP("SyncIssues", "Account"),
    "category": QT_TRANSLATE_NOOP("SyncIssues", "Category"),
    "matching_role_ids": QT_TRANSLATE_NOOP("SyncIssues", "Matching roles"),
    "record1_type": QT_TRANSLATE_NOOP("SyncIssues", "From (type)"),
    "record1_id": QT_TRANSLATE_NOOP("SyncIssues", "From"),
    "role1_id": QT_TRANSLATE_NOOP("SyncIssues", "Role"),
    "record2_type": QT_TRANSLATE_NOOP("SyncIssues", "To (type)"),
    "record2_id": QT_TRANSLATE_NOOP("SyncIssues", "To"),
    "role2_id": QT_TRANSLATE_NOOP("SyncIssues", "Role of the other"),
    "valid_from": QT_TRANSLATE_NOOP("SyncIssues", "Valid from"),
    "valid_to": QT_TRANSLATE_NOOP("SyncIssues", "Valid to"),
    "owner_type": QT_TRANSLATE_NOOP("SyncIssues", "Owner is a"),
    "owner": QT_TRANSLATE_NOOP("SyncIssues", "Owner"),
    "principal_type": QT_TRANSLATE_NOOP("SyncIssues", "Shared with a"),
    "principal": QT_TRANSLATE_NOOP("SyncIssues", "Shared with"),
    "rights": QT_TRANSLATE_NOOP("SyncIssues", "Rights"),
    "record_id": QT_TRANSLATE_NOOP("SyncIssues", "Record id"),  # named by the server's refusal of a create
}


def field_label(name: str) -> str:
    """'bill_to_city' -> 'Billing city', in the rep's language; an unknown field from its name."""
    if name in FIELD_LABELS:
        return _tr(FIELD_LABELS[name])
    words = name.removesuffix("_id").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def value_text(value: Any, names: dict[str, str] | None = None) -> str:
    """A field value for display; empty values read '(empty)', a linked record's id its name."""
    if value is None or value == "":
        return _tr("(empty)")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or _tr("(none)")
    if isinstance(value, bool):
        return _tr("Yes") if value else _tr("No")
    if isinstance(value, str) and names and value in names:
        return names[value]
    if value in ENTITY_NAMES or value in ("user", "team"):  # a connection's end, an owner's kind
        return entity_text(value) if value in ENTITY_NAMES else (_tr("user") if value == "user" else _tr("team"))
    return str(value)


# The seeded roles by id: the store names them in English, the rep reads them in the window's language.
_SEEDED_ROLES = {role.id: role.name for role in SEED_ROLES}


def _role_words(name: str) -> str:
    return QCoreApplication.translate("Roles", name)


def linked_names(issue: Any) -> dict[str, str]:
    """The names of the records an issue's values and message point at, by id; a seeded role in the rep's words."""
    names = dict(getattr(issue, "linked_names", {}))
    for record_id, name in names.items():
        if _SEEDED_ROLES.get(record_id) == name:
            names[record_id] = _role_words(name)
    return names


def _with_role_words(connection_name: str) -> str:
    """"Rita Vega (Decision Maker) - Acme (Customer)" with the seeded roles in the rep's words."""
    for name in _SEEDED_ROLES.values():
        if f"({name})" in connection_name:
            connection_name = connection_name.replace(f"({name})", f"({_role_words(name)})")
    return connection_name


def dependants_text(issue: Any) -> str:
    """A delete conflict's connections changed or added on the server, a line each ('' when none).

    "Rita Vega (Decision Maker) - Acme Ltd (Customer): Role now Decision Maker"; those the rep
    cannot see (another rep's) only counted: "And 1 connection you cannot see (another rep's) ..."
    """
    dependants = getattr(issue, "dependants", ())
    shown = [d for d in dependants if not getattr(d, "hidden", False)]
    hidden = [d for d in dependants if getattr(d, "hidden", False)]
    if not shown:
        return _hidden_text(hidden, after_shown=False)
    names = linked_names(issue)
    lines = [_tr("Deleting it also deletes these connections, changed on the server since you last synced:")]
    for dependant in shown:
        if dependant.created:
            what = _tr("added on the server")
        else:
            what = ", ".join(_tr("{field} now {value}").format(field=field_label(name),
                                                              value=value_text(values.get("theirs"), names))
                             for name, values in sorted(dependant.fields.items()))
        lines.append("\u2022 " + _tr("{connection}: {changes}").format(connection=_with_role_words(dependant.name),
                                                                      changes=what))
    if hidden:
        lines.append(_hidden_text(hidden, after_shown=True))
    return "\n".join(lines)


def _hidden_text(hidden: list[Any], *, after_shown: bool) -> str:
    """How many records the rep cannot see the delete would take: they are told nothing more."""
    count = len(hidden)
    if not count:
        return ""
    if any(d.entity != "connection" for d in hidden):  # no other entity needs a record yet
        return _tr("{count} more records you cannot see (other reps') would be deleted with it.").format(count=count)
    if after_shown:
        text = (_tr("And 1 connection you cannot see (another rep's) would be deleted with it.") if count == 1
                else _tr("And {count} connections you cannot see (other reps') would be deleted with it."))
    else:
        text = (_tr("Deleting it would also delete 1 connection you cannot see (another rep's),"
                    " added or changed on the server.") if count == 1
                else _tr("Deleting it would also delete {count} connections you cannot see (other reps'),"
                         " added or changed on the server."))
    return text.format(count=count)


def issue_time(issue: Any) -> str:
    """When the issue came back, in local time ('' when the service does not say)."""
    return local_time_text(getattr(issue, "created_at", None)) or ""


class SyncIssuesModel(QAbstractTableModel):
    """The open conflicts and rejections; ``Qt.UserRole`` gives the issue itself."""

    KIND, RECORD, REASON, WHEN = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._issues: list[Any] = []

    def set_issues(self, issues: list[Any]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._issues = list(issues)
        self.endResetModel()

    def issue(self, row: int) -> Any:
        """The issue on a row."""
        return self._issues[row]

    def row_of(self, issue_id: Any) -> int | None:
        """The row showing the issue with that id, if any."""
        return next((r for r, i in enumerate(self._issues) if i.id == issue_id), None)

    def has_times(self) -> bool:
        """Whether any issue says when it happened (else the view hides the column)."""
        return any(issue_time(i) for i in self._issues)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < 4:
            return None
        return (_tr("Kind"), _tr("Record"), _tr("Reason"), _tr("When"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._issues):
            return None
        issue = self._issues[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return issue
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(issue, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return server_words(issue) or reason_text(issue)
        return None

    def _display(self, issue: Any, column: int) -> str | None:
        if column == self.KIND:
            return kind_text(issue)
        if column == self.RECORD:
            return record_text(issue)
        if column == self.REASON:
            reason, message = reason_text(issue), server_words(issue)
            return f"{reason}: {message}" if message else reason
        if column == self.WHEN:
            return issue_time(issue)
        return None


class IssueFieldsModel(QAbstractTableModel):
    """One issue's fields: base / theirs / yours for a conflict, yours for a rejection.

    A delete conflict's "yours" reads "(deleted)": the rep deleted the record.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, dict[str, Any]]] = []
        self._keys: tuple[str, ...] = ()
        self._deleted = False
        self._names: dict[str, str] = {}

    def set_issue(self, issue: Any | None) -> None:
        """Show an issue's fields (None clears)."""
        self.beginResetModel()
        if issue is None:
            self._rows, self._keys = [], ()
        else:
            self._rows = sorted(issue.fields.items())
            self._keys = ("base", "theirs", "yours") if issue.kind == "conflict" else ("yours",)
        self._deleted = issue is not None and issue.kind == "conflict" and issue.op == "delete"
        self._names = linked_names(issue) if issue is not None else {}
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 1 + len(self._keys)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = {"base": _tr("Before"), "theirs": _tr("On the server"), "yours": _tr("Yours")}
        headers = [_tr("Field"), *(names[k] for k in self._keys)]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        name, values = self._rows[index.row()]
        if not 0 <= index.column() <= len(self._keys):
            return None
        key = self._keys[index.column() - 1] if index.column() else ""
        value = values.get(key) if key else name
        deleted = self._deleted and key == "yours"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if deleted:
                return _tr("(deleted)")
            return value_text(value, self._names) if index.column() else field_label(name)
        if role == Qt.ItemDataRole.ForegroundRole and (deleted or value in (None, "")):
            return _MUTED  # '(empty)' and '(deleted)' read as notes, not as values
        return None
