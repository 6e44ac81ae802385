"""From a row's cells to the values of a contact and of its account.

Errors name the column the user sees ("E-mail: ..."), not our field names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from crm_core.reasons import FieldName, Reason
from crm_core.validation import ValidationError
from crm_desktop.transfer import reasons
from crm_desktop.transfer.csvout import unescape_cell
from crm_desktop.transfer.fields import FULL_NAME, IGNORE, normalize_header


class RowError(ValueError):
    """A row that cannot be imported, with the reason shown to the user."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass
class RowValues:
    """A row's values by record: the contact's (empty for accounts files) and the account's."""

    contact: dict[str, str] = field(default_factory=dict)
    account: dict[str, str] = field(default_factory=dict)


def split_full_name(full: str) -> tuple[str, str]:
    """(first, last) of a full name: "Ruiz, Ana" or "Ana Ruiz García" (two surnames stay last)."""
    if "," in full:
        last, _, first = full.partition(",")
        return first.strip(), last.strip()
    words = full.split()
    if len(words) == 1:
        return "", words[0]
    return words[0], " ".join(words[1:])


class RowMapper:
    """Applies a column mapping to rows and names columns in errors."""

    def __init__(self, headers: Sequence[str], mapping: Sequence[str]) -> None:
        self.headers = list(headers)
        self.mapping = list(mapping)
        self._columns = [(i, t.split(".", 1)[0], t.split(".", 1)[1]) for i, t in enumerate(mapping)
                         if t != IGNORE]
        self._header_of = {t: headers[i] for i, t in enumerate(mapping) if t != IGNORE and i < len(headers)}
        self._contact = [(i, name) for i, record, name in self._columns if record == "contact"]
        self._account = [(i, name) for i, record, name in self._columns if record != "contact"]
        self._phone_labels = _phone_label_columns(self.headers, self.mapping)

    def unused_columns(self) -> list[int]:
        """The columns no row is read from: mapped to no field, or to an account's field with no
        column naming the account (a contacts file makes accounts from a company column only)."""
        labels = {index for pair in self._phone_labels for index in pair}  # read by their labels
        no_account = "account.name" not in self.mapping
        return [i for i, target in enumerate(self.mapping[:len(self.headers)]) if i not in labels
                and (target == IGNORE or (no_account and target.startswith("account.")))]

    def values(self, cells: Sequence[str]) -> RowValues:
        """The row's values by record; raises RowError for a row with cells past the header."""
        extra = [c for c in cells[len(self.mapping):] if c.strip()]
        if extra:
            raise RowError(reasons.TOO_MANY_CELLS(cells=len(cells), headers=len(self.headers)))
        joined = "".join(cells)
        if "\ufffd" not in joined:  # nearly every row: the loop below without its checks
            contact = self._pick(cells, self._contact, True)
            if self._phone_labels:
                _place_labelled_phones(contact, cells, self._phone_labels)
            if _MULTIPLE_MARK in joined:
                _split_multiple(contact)
            return RowValues(contact, self._pick(cells, self._account, False))
        out = RowValues()
        for index, record, name in self._columns:
            if index >= len(cells):
                continue  # a short row: the missing cells are empty
            text = unescape_cell(cells[index].strip())
            if "\ufffd" in text:
                raise RowError(reasons.BAD_CHARACTERS(column=self.headers[index]))
            if text:
                (out.contact if record == "contact" else out.account)[name] = text
        _apply_full_name(out.contact)
        if self._phone_labels:
            _place_labelled_phones(out.contact, cells, self._phone_labels)
        _split_multiple(out.contact)
        return out

    @staticmethod
    def _pick(cells: Sequence[str], columns: list[tuple[int, str]], contact: bool) -> dict[str, str]:
        out: dict[str, str] = {}
        size = len(cells)
        for index, name in columns:
            if index < size:
                text = cells[index].strip()
                if text:
                    out[name] = unescape_cell(text) if text[0] == "'" else text
        if contact:
            _apply_full_name(out)
        return out

    def header(self, target: str) -> str | None:
        """The header of the column mapped to ``target`` ("account.name"), or None."""
        return self._header_of.get(target)

    def reason(self, exc: ValidationError, record: str) -> Reason:
        """A validation error named by the column that held the value (by its field if none did)."""
        header = self._header_of.get(f"{record}.{exc.field}")
        if header is None and record == "contact" and exc.field in ("first_name", "last_name"):
            header = self._header_of.get(FULL_NAME)
        why = exc.reason or exc.message
        if header is None and record == "account" and exc.field == "name":
            return reasons.ACCOUNT_NAME(why=why)
        if header:
            return reasons.IN_COLUMN(column=header, why=why)
        return reasons.IN_FIELD(field=FieldName(record, exc.field), why=why)


def _apply_full_name(contact: dict[str, str]) -> None:
    full = contact.pop("full_name", "")
    if full and not contact.get("last_name") and not contact.get("first_name"):
        first, last = split_full_name(full)
        contact.update({k: v for k, v in (("first_name", first), ("last_name", last)) if v})
    if contact.get("first_name") and not contact.get("last_name"):
        # Phone books often hold one name only; it is the one the rep will look for.
        contact["last_name"] = contact.pop("first_name")


# Google Contacts writes several values of one kind in one cell, " ::: " between them.
_MULTIPLE_MARK = ":::"
_SPARE = (("email", "email2"), ("phone", "mobile_phone"), ("mobile_phone", "phone"))


def _split_multiple(contact: dict[str, str]) -> None:
    """The first of several values stays; the second goes to the spare field if that is empty."""
    for name, spare in _SPARE:
        value = contact.get(name)
        if value is None or _MULTIPLE_MARK not in value:
            continue
        parts = [p.strip() for p in value.split(_MULTIPLE_MARK) if p.strip()]
        contact[name] = parts[0] if parts else ""
        if len(parts) > 1 and not contact.get(spare):
            contact[spare] = parts[1]


_LABEL_HEADER = re.compile(r"^phone (\d+) (?:label|type)$")  # Google's newer and older exports
_PHONE_TARGETS = ("contact.phone", "contact.mobile_phone")
_MOBILE_LABELS = ("mobile", "cell", "iphone", "movil", "celular")


def _phone_label_columns(headers: list[str], mapping: list[str]) -> list[tuple[int, int]]:
    """(label column, value column) of Google's "Phone 1 - Label" (or "- Type") and "Phone 1 - Value"
    pairs whose value column is mapped to a phone field or to nothing."""
    keys = [normalize_header(h) for h in headers]
    pairs = []
    for label_index, key in enumerate(keys):
        found = _LABEL_HEADER.match(key)
        if not found:
            continue
        value_key = f"phone {found.group(1)} value"
        value_index = keys.index(value_key) if value_key in keys else -1
        if value_index >= 0 and mapping[value_index] in (*_PHONE_TARGETS, IGNORE):
            pairs.append((label_index, value_index))
    # A third number has no column of its own, but its label may make it the mobile.
    return pairs if any(mapping[v] in _PHONE_TARGETS for _, v in pairs) else []


def _place_labelled_phones(contact: dict[str, str], cells: Sequence[str], pairs: list[tuple[int, int]]) -> None:
    """Each phone by its label, not its column: Google's "Phone 1" is whatever the rep added first."""
    numbers: list[tuple[bool, str]] = []
    for label_index, value_index in pairs:
        label = normalize_header(cells[label_index]) if label_index < len(cells) else ""
        value = cells[value_index].strip() if value_index < len(cells) else ""
        if not value or "fax" in label or "pager" in label:
            continue
        mobile = any(word in label for word in _MOBILE_LABELS)
        numbers += [(mobile, v.strip()) for v in value.split(_MULTIPLE_MARK) if v.strip()]
    contact.pop("phone", None)
    contact.pop("mobile_phone", None)
    for mobile, number in sorted(numbers, key=lambda n: not n[0]):  # labelled mobiles first
        slot = "mobile_phone" if mobile else "phone"
        if slot in contact:
            slot = "phone" if slot == "mobile_phone" else "mobile_phone"
        contact.setdefault(slot, number)
