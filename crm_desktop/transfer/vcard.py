"""vCard 2.1, 3.0 and 4.0 in; vCard 4.0 out.

Phones and address books export many cards per file, fold long lines,
escape ``, ; \\ \\n``, write 2.1's quoted-printable with a charset, and group
properties (Apple's ``item1.EMAIL``).  Each card becomes one contacts row
with a fixed set of columns, so the rest of the import treats it like CSV.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TextIO

from crm_desktop.transfer import reasons
from crm_desktop.transfer.reader import SourceRow

COLUMNS = ("First Name", "Last Name", "Full Name", "Company", "Job Title", "E-mail", "E-mail 2", "Phone",
           "Mobile Phone", "Street", "City", "Postal Code", "Country", "Notes")
MAPPING = ("contact.first_name", "contact.last_name", "contact.full_name", "account.name",
           "contact.job_title", "contact.email", "contact.email2", "contact.phone", "contact.mobile_phone",
           "contact.street", "contact.city", "contact.postal_code", "contact.country", "contact.description")
_MOBILE = {"cell", "mobile", "iphone"}
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


@dataclass
class Property:
    """One content line: ``group.NAME;PARAM=...:value``."""

    name: str
    params: dict[str, set[str]] = field(default_factory=dict)
    value: str = ""
    group: str = ""

    def types(self) -> set[str]:
        """The TYPE values in lower case (work, cell, pref...)."""
        return {t.lower() for t in self.params.get("TYPE", set())}

    def preferred(self) -> bool:
        """Whether the card marks this value as the preferred one (2.1/3.0 TYPE=pref, 4.0 PREF)."""
        return "pref" in self.types() or "PREF" in self.params


def unescape(text: str) -> str:
    """A vCard text value with ``\\n \\, \\; \\\\`` turned back into characters."""
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def split_structured(text: str) -> list[str]:
    """The components of N, ADR or ORG: split on unescaped semicolons, then unescaped."""
    parts, current, i = [], "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current += text[i:i + 2]
            i += 2
            continue
        if ch == ";":
            parts.append(unescape(current))
            current = ""
        else:
            current += ch
        i += 1
    parts.append(unescape(current))
    return parts


def parse_line(line: str) -> Property:
    """One unfolded content line as a Property (names upper-cased, group lower-cased)."""
    head, _, value = _split_unquoted(line, ":")
    name, *raw_params = _split_params(head)
    group, _, bare = name.strip().rpartition(".")
    prop = Property(bare.upper(), value=value, group=group.lower())
    for raw in raw_params:
        key, sep, val = raw.partition("=")
        if not sep:  # vCard 2.1: a bare type such as TEL;WORK;VOICE
            key, val = ("ENCODING", key) if key.upper() in ("QUOTED-PRINTABLE", "BASE64") else ("TYPE", key)
        values = {v.strip().strip('"') for v in val.split(",")}
        prop.params.setdefault(key.strip().upper(), set()).update(values)
    return prop


def _split_unquoted(text: str, sep: str) -> tuple[str, str, str]:
    quoted = False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            return text[:i], sep, text[i + 1:]
    return text, "", ""


def _split_params(head: str) -> list[str]:
    parts, rest = [], head
    while True:
        part, sep, rest = _split_unquoted(rest, ";")
        parts.append(part)
        if not sep:
            return parts


def _decode_qp(prop: Property) -> None:
    if "QUOTED-PRINTABLE" not in {e.upper() for e in prop.params.get("ENCODING", set())}:
        return
    raw = quopri.decodestring(prop.value.encode("latin-1", errors="replace"))
    # A line break inside a value is "=0D=0A" (Windows' CRLF); the store holds
    # "\n", as a 3.0 card's "\n" and the record forms give.
    prop.value = _NEWLINES.sub("\n", _qp_text(raw, prop.params.get("CHARSET")))


_NEWLINES = re.compile(r"\r\n?")


def _qp_text(raw: bytes, charsets: set[str] | None) -> str:
    if not charsets:
        # Outlook writes quoted-printable in its own code page without saying so.
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    try:
        return raw.decode(next(iter(charsets)), errors="replace")
    except LookupError:
        return raw.decode("utf-8", errors="replace")


def logical_lines(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Unfolded content lines with their first physical line number.

    Folding is a line starting with a space or tab; 2.1's quoted-printable
    continues a value whose line ends with ``=``.
    """
    current: str | None = None
    start = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if current is not None and line[:1] in (" ", "\t"):
            current += line[1:]
            continue
        if current is not None and current.endswith("=") and _is_quoted_printable(current):
            current = current[:-1] + line
            continue
        if current is not None:
            yield start, current
        current, start = line, number
    if current is not None:
        yield start, current


def _is_quoted_printable(line: str) -> bool:
    return "QUOTED-PRINTABLE" in line.split(":", 1)[0].upper()


def read_cards(stream: TextIO) -> Iterator[tuple[int, list[Property], bool]]:
    """Each card of the file as (line of BEGIN:VCARD, its properties, whether END:VCARD closed it)."""
    card: list[Property] | None = None
    begin = 0
    for number, line in logical_lines(stream):
        if not line.strip():
            continue
        prop = parse_line(line)
        if prop.name == "BEGIN" and prop.value.strip().upper() == "VCARD":
            if card is not None:  # the previous card never ended
                yield begin, _apply_labels(card), False
            card, begin = [], number
        elif prop.name == "END" and card is not None:
            yield begin, _apply_labels(card), True
            card = None
        elif card is not None:
            _decode_qp(prop)
            card.append(prop)
    if card is not None:
        yield begin, _apply_labels(card), False


def _apply_labels(card: list[Property]) -> list[Property]:
    """Apple's ``itemN.X-ABLabel`` names the kind of the other properties in group itemN.

    Contacts.app writes a phone as ``item1.TEL:...`` plus
    ``item1.X-ABLabel:_$!<Mobile>!$_`` instead of ``TEL;TYPE=CELL``; the label
    becomes a TYPE so a labelled mobile or fax is told apart like any other.
    """
    labels = {p.group: _label_type(p.value) for p in card if p.name == "X-ABLABEL" and p.group}
    for prop in card:
        if prop.group in labels and prop.name != "X-ABLABEL":
            prop.params.setdefault("TYPE", set()).add(labels[prop.group])
    return card


def _label_type(label: str) -> str:
    """``_$!<HomeFAX>!$_`` -> ``fax``; ``_$!<Mobile>!$_`` -> ``mobile``; a custom label lower-cased."""
    word = unescape(label).strip().removeprefix("_$!<").removesuffix(">!$_").strip().lower()
    return "fax" if "fax" in word else word


def card_row(line: int, props: list[Property]) -> SourceRow:
    """A card as a row of ``COLUMNS``."""
    values: dict[str, str] = {}
    for prop in props:
        _take(values, prop)
    _take_emails(values, [p for p in props if p.name == "EMAIL"])
    _take_phones(values, [p for p in props if p.name == "TEL"])
    return SourceRow(line, [values.get(c, "") for c in COLUMNS])


def _take(values: dict[str, str], prop: Property) -> None:
    if prop.name == "N":
        parts = [*split_structured(prop.value), "", ""]
        values["Last Name"], values["First Name"] = parts[0].strip(), parts[1].strip()
    elif prop.name == "FN":
        values["Full Name"] = unescape(prop.value).strip()
    elif prop.name == "ORG":
        values["Company"] = split_structured(prop.value)[0].strip()
    elif prop.name == "TITLE":
        values["Job Title"] = unescape(prop.value).strip()
    elif prop.name == "NOTE":
        values["Notes"] = unescape(prop.value).strip()
    elif prop.name == "ADR" and "Street" not in values:
        parts = [p.strip() for p in [*split_structured(prop.value), *[""] * 7]]
        street = ", ".join(p for p in (parts[2], parts[1], parts[0]) if p)
        values.update({"Street": street, "City": parts[3], "Postal Code": parts[5], "Country": parts[6]})


def _take_emails(values: dict[str, str], emails: list[Property]) -> None:
    ordered = sorted(emails, key=lambda p: not p.preferred())
    found = [unescape(p.value).strip().removeprefix("mailto:") for p in ordered if p.value.strip()]
    values.update(zip(("E-mail", "E-mail 2"), found, strict=False))


def _take_phones(values: dict[str, str], phones: list[Property]) -> None:
    for prop in sorted(phones, key=lambda p: not p.preferred()):
        number = unescape(prop.value).strip().removeprefix("tel:").split(";ext=")[0]
        if not number or "fax" in prop.types():
            continue
        slot = "Mobile Phone" if prop.types() & _MOBILE else "Phone"
        if slot in values:
            slot = "Phone" if slot == "Mobile Phone" else "Mobile Phone"
        values.setdefault(slot, number)


def card_rows(stream: TextIO) -> Iterator[SourceRow]:
    """Every card of a vCard file as a row of ``COLUMNS``."""
    for line, props, closed in read_cards(stream):
        row = card_row(line, props)
        # A card cut short may have lost any of its lines: not half a contact.
        yield row if closed else row._replace(error=reasons.CARD_CUT_SHORT())


# -- out ----------------------------------------------------------------------


def escape(text: str) -> str:
    """A text value escaped for vCard 4.0."""
    return (text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """A content line folded at 75 octets, as RFC 6350 asks, without splitting a character."""
    out, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += width
    out.append(current)
    return "\r\n".join(out) + "\r\n"


def contact_card(record_id: str, fields: Mapping[str, Any], company: str | None) -> str:
    """One contact as a vCard 4.0."""
    def text(name: str) -> str:
        """A field's value escaped for the card."""
        return escape(str(fields.get(name) or ""))

    full = " ".join(str(fields.get(n) or "") for n in ("first_name", "last_name")).strip()
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"UID:urn:uuid:{record_id}", f"FN:{escape(full)}",
             f"N:{text('last_name')};{text('first_name')};;;"]
    if company:
        lines.append(f"ORG:{escape(company)}")
    lines += [f"{prop}:{text(name)}" for prop, name in (("TITLE", "job_title"), ("NOTE", "description"))
              if fields.get(name)]
    lines += [f"EMAIL;TYPE=work{';PREF=1' if name == 'email' else ''}:{text(name)}"
              for name in ("email", "email2") if fields.get(name)]
    lines += [f"TEL;VALUE=text;TYPE={kind}:{text(name)}"
              for name, kind in (("phone", '"work,voice"'), ("mobile_phone", "cell")) if fields.get(name)]
    if any(fields.get(n) for n in ("street", "city", "postal_code", "country")):
        lines.append(f"ADR;TYPE=work:;;{text('street')};{text('city')};;{text('postal_code')};{text('country')}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def account_card(record_id: str, fields: Mapping[str, Any]) -> str:
    """One account as a vCard 4.0 of KIND org."""
    def text(name: str) -> str:
        """A field's value escaped for the card."""
        return escape(str(fields.get(name) or ""))

    lines = ["BEGIN:VCARD", "VERSION:4.0", "KIND:org", f"UID:urn:uuid:{record_id}", f"FN:{text('name')}",
             f"ORG:{text('name')}"]
    lines += [f"{prop}:{text(name)}" for prop, name in
              (("EMAIL;TYPE=work", "email"), ("TEL;VALUE=text;TYPE=work", "phone"),
               ("TEL;VALUE=text;TYPE=other", "other_phone"), ("URL", "website"), ("NOTE", "description"))
              if fields.get(name)]
    if any(fields.get(f"bill_to_{n}") for n in ("street", "city", "postal_code", "country")):
        lines.append(f"ADR;TYPE=work:;;{text('bill_to_street')};{text('bill_to_city')};;"
                     f"{text('bill_to_postal_code')};{text('bill_to_country')}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)
