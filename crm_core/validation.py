"""Field checks and record rules shared by the desktop store and the server.

Both sides call the same functions, so a change the laptop accepted offline
is judged by the server with the same rules when it arrives.
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import email_validator
    import phonenumbers
else:
    from crm_core.lazy import LazyModule

    # 0.1 s of the window's start, and only an edit or a sync needs them.
    email_validator = LazyModule("email_validator", globals())
    phonenumbers = LazyModule("phonenumbers", globals())

from crm_core.entities import ACTIVE, CUSTOMER_TYPES, STATES, EntityDef, entity
from crm_core.reasons import Reason, code

_PHONE_CHARS = re.compile(r"^[0-9+()./\-\s#*xXeEtT]+$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


# What a value or a record's links may be refused for (see crm_core.reasons).
UNKNOWN_FIELD = code("value.unknown_field", "unknown field of {entity}")
NOT_TEXT = code("value.not_text", "must be text, not {type}")
REQUIRED = code("value.required", "is required")
NUL = code("value.nul", "contains a NUL character")
LINE_BREAK = code("value.line_break", "must be one line (it has a line break)")
CONTROL = code("value.control", "contains a control character ({char})")
TOO_LONG = code("value.too_long", "is longer than {limit} characters")
BAD_EMAIL = code("value.email", "{detail}", also=("value",))  # email_validator's words; the GUI names the value
BAD_PHONE = code("value.phone", "{value!r} is not a phone number")
BAD_DATE = code("value.date", "{value!r} is not a date (YYYY-MM-DD)")
BAD_ID = code("value.record_id", "{value!r} is not a record id")
NOT_ONE_OF = code("value.one_of", "must be one of {choices}")
BAD_CURRENCY = code("value.currency", "{value!r} is not a 3-letter currency code")
NO_SUCH_CONTACT = code("record.no_contact", "contact {id} does not exist")
NOT_ITS_CONTACT = code("record.not_its_contact", "must be a contact of this account")
CONTACT_INACTIVE = code("record.contact_inactive", "the contact is inactive")
PARENT_CYCLE = code("record.parent_cycle", "would make a cycle of parent accounts")
NO_SUCH_ACCOUNT = code("record.no_account", "account {id} does not exist")
SELF_CONNECTION = code("record.self_connection", "a record cannot be connected to itself")
NO_SUCH_RECORD = code("record.no_record", "{kind} {id} does not exist")
RECORD_INACTIVE = code("record.inactive", "{kind} {id} is inactive")
NO_SUCH_ROLE = code("record.no_role", "role {id} does not exist")
NOT_MATCHING_ROLE = code("record.not_matching_role", "is not a matching role of {role}")
ALREADY_CONNECTED = code("record.already_connected", "these records are already connected with these roles")
ENDS_BEFORE_START = code("record.ends_before_start", "ends on {end}, before it starts on {start}")


class ValidationError(ValueError):
    """A value or a change the rules refuse; names the field and the reason.

    ``message`` is the English text; ``reason`` its code and values when it has one.
    """

    def __init__(self, field: str, message: str | Reason, record: str | None = None) -> None:
        self.field = field
        self.reason = message if isinstance(message, Reason) else None
        self.message = str(message)
        self.record = record
        where = f"{record}: " if record else ""
        super().__init__(f"{where}{field}: {self.message}")

    def of_record(self, record: str) -> ValidationError:
        """The same refusal, said of ``record`` ("new contact", a record's name)."""
        return ValidationError(self.field, self.reason or self.message, record)


class _Refused(ValueError):
    """A check's refusal of one value, with its reason (``clean_value`` names the field)."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(str(reason))
        self.reason = reason


# The plain ASCII addresses nearly every record holds, for which
# email_validator's answer is known without running it (valid; the domain
# lower-cased).  It is a third of a push's cost on the server, so these skip
# it; anything else (quotes, IDNA, reserved names, odd lengths) takes the
# full check.  tests/unit/crm_core/test_validation.py holds the two equal.
_PLAIN_EMAIL = re.compile(
    r"(?P<local>[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*)@"
    r"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})")


@functools.cache
def _special_use() -> tuple[str, ...]:
    # ".name" ends with ".d" exactly when name is d or a subdomain of d: one C call.
    return tuple("." + d for d in email_validator.SPECIAL_USE_DOMAIN_NAMES)


def plain_email(text: str) -> str | None:
    """The normalised form of a plain ASCII address, or None to run the full check."""
    match = _PLAIN_EMAIL.fullmatch(text)
    if match is None or len(text) > 254 or len(match["local"]) > 64:
        return None
    domain = match["domain"].lower()
    if "--" in domain or ("." + domain).endswith(_special_use()):
        return None
    return f"{match['local']}@{domain}"


def normalize_email(value: str) -> str:
    """A syntactically valid email, domain lower-cased; raises on bad syntax."""
    fast = plain_email(value)
    if fast is not None:
        return fast
    try:
        result = email_validator.validate_email(value, check_deliverability=False)
    except email_validator.EmailNotValidError as exc:
        raise _Refused(BAD_EMAIL(value=value, detail=str(exc))) from None
    return str(result.normalized)


def parse_phone(value: str, region: str) -> phonenumbers.PhoneNumber | None:
    """A full phonenumbers parse of ``value`` read in ``region``; None unless it is a possible number."""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None


def parse_e164(value: str | None, region: str = "US") -> str | None:
    """The E.164 form by a full phonenumbers parse (the reference for ``phone_e164``)."""
    number = parse_phone(value, region) if value else None
    if number is None:
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


# A full parse costs more than everything else a record needs on import or
# first sync, so the usual shapes (international "+CC ...", NANP numbers
# typed nationally) take a short path that gives the parse's answer: country
# code plus digits, when there is no national prefix to strip and the length
# is possible.  Tests hold the two equal over thousands of shapes.
_INTERNATIONAL = re.compile(r"\+[0-9 ().-]+")
_NANP_LOCAL = re.compile(r"[0-9 ().-]+")
_SEPARATORS = str.maketrans("", "", "+ ().-")


@functools.cache
def _nanp_regions() -> frozenset[str]:
    return frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(1, ()))


@functools.lru_cache(maxsize=65536)
def phone_e164(value: str | None, region: str = "US") -> str | None:
    """The E.164 form of a typed phone number, or None when it does not parse."""
    if not value:
        return None
    digits: str | None = None
    if _INTERNATIONAL.fullmatch(value):
        digits = value.translate(_SEPARATORS)  # what the match lets through besides digits
    elif region in _nanp_regions() and _NANP_LOCAL.fullmatch(value):
        local = value.translate(_SEPARATORS)
        digits = "1" + local if len(local) == 10 and local[0] not in "01" else None
    split = _split_country(digits) if digits else None
    if split is None:
        return parse_e164(value, region)
    code, national = split
    return f"+{code}{national}" if _possible_length(code, len(national)) else None


@functools.cache
def _possible_length(code: int, length: int) -> bool:
    """``is_possible_number`` of a number of country ``code`` whose national number is ``length`` digits.

    phonenumbers decides it by the length of the national number alone (and
    ``_split_country`` lets no leading zero through), so one answer per
    code and length holds for every number: the digits asked with are ones.
    """
    number = phonenumbers.PhoneNumber(country_code=code, national_number=int("1" * length))
    return bool(phonenumbers.is_possible_number(number))


_MATCHES_NOTHING = re.compile(r"(?!)")


@functools.cache
def _prefix_for_parsing(code: int) -> re.Pattern[str] | None:
    """The national prefix a full parse may strip after country ``code``; None when it has no metadata."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(
        code, phonenumbers.region_code_for_country_code(code))
    if metadata is None:
        return None
    prefix = metadata.national_prefix_for_parsing
    return re.compile(prefix) if prefix else _MATCHES_NOTHING


def _split_country(digits: str) -> tuple[int, str] | None:
    """Country code and national number, or None when the full parse must decide."""
    country = _country_in(digits[:3])
    if country is None:
        return None
    code, size, prefix = country
    national = digits[size:]
    if not 2 <= len(national) <= 17 or national[0] == "0":
        return None  # too short or long, or a leading zero: the parse's special cases
    if prefix is None or prefix.match(national):
        return None  # no metadata; or the parse may strip a national prefix or carrier code here
    return code, national


@functools.cache  # at most a thousand heads
def _country_in(head: str) -> tuple[int, int, re.Pattern[str] | None] | None:
    """The country code that starts ``head`` (a number's first three digits), its length and national
    prefix pattern; None if none does.  Codes are one to three digits and prefix-free."""
    if head[0] == "0":
        return None  # no country code starts with 0 ("+053..." is not Cuba)
    for size in (1, 2, 3):
        code = int(head[:size])
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return code, size, _prefix_for_parsing(code)
    return None


_TRUNKS: dict[str, str | None] = {}  # a country code's digits -> its trunk prefix ("" none); None: not a code


def _trunk_of(code: str) -> str | None:
    """The digit dialled before a national number inside the country of ``code`` ("0" in most of
    Europe), "" when there is none, None when ``code`` is no country code.  Read once per code."""
    found = _TRUNKS.get(code, "?")
    if found != "?":
        return found
    number = int(code)
    if number not in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
        _TRUNKS[code] = None
        return None
    metadata = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(
        number, phonenumbers.region_code_for_country_code(number))
    prefix = metadata.national_prefix if metadata is not None else None
    _TRUNKS[code] = prefix if prefix and prefix.isdigit() else ""
    return _TRUNKS[code]


def short_international(value: str) -> tuple[str, str, str] | None:
    """A "+CC ..." phone's digits, national number and trunk prefix ("" if none), read by the short path.

    Only when ``phone_e164`` gives ``"+" + digits`` without a full parse;
    None for every other shape (then ``phone_e164`` and ``national_forms``
    decide).  A first sync reads each phone once this way instead of twice.
    """
    if value[:1] != "+" or not _INTERNATIONAL.fullmatch(value):
        return None
    digits = value.translate(_SEPARATORS)  # what the match lets through besides digits
    split = _split_country(digits) if digits else None
    if split is None or not _possible_length(split[0], len(split[1])):
        return None
    national = split[1]
    return digits, national, _trunk_of(digits[:len(digits) - len(national)]) or ""


def national_forms(e164: str) -> tuple[str, ...]:
    """The digits a rep dials inside the number's own country: ``+34622333444`` -> ``622333444``.

    With the trunk prefix too where the country has one (``+442079460000`` ->
    ``2079460000``, ``02079460000``), so a search by the number as written on
    a local business card finds it.  This runs for every phone of an import.
    """
    for size in (2, 3, 4):  # "+1", "+34", "+351": country codes are prefix-free
        trunk = _trunk_of(e164[1:size])
        if trunk is not None:
            national = e164[size:]
            return (national, trunk + national) if trunk else (national,)
    return ()


def _check_phone(value: str) -> str:
    digits = sum(map(str.isdigit, value))
    if not _PHONE_CHARS.match(value) or digits < 3:
        raise _Refused(BAD_PHONE(value=value))
    return value


def _check_date(value: str) -> str:
    """A date, stored as YYYY-MM-DD whatever ISO form it came in ("20240101", "2024-W20-1")."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise _Refused(BAD_DATE(value=value)) from None


def _check_id(value: str) -> str:
    # Only the canonical form: the server compares ids as text, so
    # '{...}' or upper-case spellings of one id must not become two records.
    try:
        canonical = str(uuid.UUID(value))
    except ValueError:
        canonical = ""
    if canonical != value:
        raise _Refused(BAD_ID(value=value))
    return value


def clean_value(definition: EntityDef, name: str, value: Any) -> Any:
    """One field's value checked and normalised; raises ValidationError."""
    check = _checks(definition).get(name)
    if check is None:
        raise ValidationError(name, UNKNOWN_FIELD(entity=definition.name))
    if value is not None and not isinstance(value, str):
        raise ValidationError(name, NOT_TEXT(type=type(value).__name__))
    text = value.strip() if value is not None else None
    if not text:
        if name in definition.required:
            raise ValidationError(name, REQUIRED())
        return None if name != "state" else ACTIVE
    if not text.isprintable():  # C-fast: most values are; the rest are checked closely
        text = _controls_checked(name, text)
    limit = definition.max_lengths.get(name)
    if limit is not None and len(text) > limit:
        raise ValidationError(name, TOO_LONG(limit=limit))
    try:
        return check(text)
    except _Refused as exc:
        raise ValidationError(name, exc.reason) from None
    except ValueError as exc:
        raise ValidationError(name, str(exc)) from None


# Fields a rep may write on several lines (an address, a note); every other one is a single line.
_MULTILINE = frozenset({"description", "street", "bill_to_street", "ship_to_street"})
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab and line breaks allowed


def _controls_checked(name: str, text: str) -> str:
    """``text`` without control characters (a terminal escape, a form feed), or a ValidationError.

    Line breaks (and tabs) only where a field may have several lines, kept
    as written: a name or a phone with one would break every list and
    one-line message it is in.
    """
    if "\x00" in text:
        raise ValidationError(name, NUL())
    if name in _MULTILINE:
        found = _CONTROL_IN_TEXT.search(text)
    elif "\n" in text or "\r" in text:
        raise ValidationError(name, LINE_BREAK())
    else:
        found = _ANY_CONTROL.search(text)
    if found is not None:
        raise ValidationError(name, CONTROL(char=f"U+{ord(found.group()):04X}"))
    return text


def _plain(text: str) -> str:
    return text


def _check_state(text: str) -> str:
    if text not in STATES:
        raise _Refused(NOT_ONE_OF(choices=", ".join(STATES)))
    return text


def _check_currency(text: str) -> str:
    if not _CURRENCY.match(text.upper()):
        raise _Refused(BAD_CURRENCY(value=text))
    return text.upper()


def _check_record_type(text: str) -> str:
    if text not in CUSTOMER_TYPES:
        raise _Refused(NOT_ONE_OF(choices=", ".join(CUSTOMER_TYPES)))
    return text


_NAMED_CHECKS: dict[str, Callable[[str], str]] = {
    "state": _check_state, "currency": _check_currency,
    "record1_type": _check_record_type, "record2_type": _check_record_type,
}


_CHECKS: dict[str, dict[str, Callable[[str], str]]] = {}


def _checks(definition: EntityDef) -> dict[str, Callable[[str], str]]:
    """Each field's check, worked out once per entity (this runs per field of every push)."""
    found = _CHECKS.get(definition.name)
    if found is None:
        found = _CHECKS[definition.name] = _make_checks(definition)
    return found


def _make_checks(definition: EntityDef) -> dict[str, Callable[[str], str]]:
    checks: dict[str, Callable[[str], str]] = {}
    for name in definition.field_names:
        if name in definition.emails:
            checks[name] = normalize_email
        elif name in definition.phones:
            checks[name] = _check_phone
        elif name in definition.dates:
            checks[name] = _check_date
        elif name in definition.references:
            checks[name] = _check_id
        else:
            checks[name] = _NAMED_CHECKS.get(name, _plain)
    return checks


def clean_changes(entity_name: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Every changed field checked and normalised; raises on the first bad one."""
    definition = entity(entity_name)
    return {name: clean_value(definition, name, v) for name, v in changes.items()}


class RecordLookup(Protocol):
    """Read access the rules need, implemented by the store and the server."""

    def get_fields(self, entity_name: str, record_id: str) -> dict[str, Any] | None:
        """The record's fields, or None if it does not exist or is deleted."""

    def connection_exists(self, fields: Mapping[str, Any], exclude_id: str) -> bool:
        """Whether a live connection joins the same records with the same roles."""


_CONNECTION_KEYS = frozenset(
    {"record1_type", "record1_id", "role1_id", "record2_type", "record2_id", "role2_id", "state"}
)


def check_record(
    lookup: RecordLookup,
    entity_name: str,
    record_id: str,
    merged: Mapping[str, Any],
    changed: frozenset[str] | set[str],
) -> None:
    """Apply the cross-record rules to a record's would-be state.

    Only the rules touching a changed field run, so editing a connection's
    description is not refused because one of its records went inactive.
    """
    if entity_name == "account":
        _check_account(lookup, record_id, merged, changed)
    elif entity_name == "contact" and "account_id" in changed:
        _check_contact(lookup, merged)
    elif entity_name == "connection":
        if changed & {"valid_from", "valid_to"}:
            _check_period(merged)
        if changed & _CONNECTION_KEYS:
            check_connection(lookup, record_id, merged)


def _check_period(fields: Mapping[str, Any]) -> None:
    start, end = _as_date(fields.get("valid_from")), _as_date(fields.get("valid_to"))
    if start and end and end < start:
        raise ValidationError("valid_to", ENDS_BEFORE_START(start=start.isoformat(), end=end.isoformat()))


def _as_date(value: Any) -> date | None:
    # Checked values are YYYY-MM-DD; one stored before they were may be another ISO form, or none.
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _check_account(
    lookup: RecordLookup, account_id: str, fields: Mapping[str, Any], changed: frozenset[str] | set[str]
) -> None:
    contact_id = fields.get("primary_contact_id")
    if contact_id and ("primary_contact_id" in changed or "state" in changed):
        contact = lookup.get_fields("contact", contact_id)
        if contact is None:
            raise ValidationError("primary_contact_id", NO_SUCH_CONTACT(id=contact_id))
        if contact.get("account_id") != account_id:
            raise ValidationError("primary_contact_id", NOT_ITS_CONTACT())
        if contact.get("state") != ACTIVE:
            raise ValidationError("primary_contact_id", CONTACT_INACTIVE())
    parent_id = fields.get("parent_account_id")
    if parent_id and "parent_account_id" in changed:
        _check_parent_chain(lookup, account_id, parent_id)


def _check_parent_chain(lookup: RecordLookup, account_id: str, parent_id: str) -> None:
    seen = {account_id}
    current: str | None = parent_id
    while current:
        if current in seen:
            raise ValidationError("parent_account_id", PARENT_CYCLE())
        seen.add(current)
        parent = lookup.get_fields("account", current)
        if parent is None:
            if current == parent_id:
                raise ValidationError("parent_account_id", NO_SUCH_ACCOUNT(id=current))
            return
        current = parent.get("parent_account_id")


def _check_contact(lookup: RecordLookup, fields: Mapping[str, Any]) -> None:
    account_id = fields.get("account_id")
    if account_id and lookup.get_fields("account", account_id) is None:
        raise ValidationError("account_id", NO_SUCH_ACCOUNT(id=account_id))


def matching_role_ids(role: Mapping[str, Any]) -> list[str]:
    """The ids of the roles that may stand on the other side of ``role``."""
    raw = str(role.get("matching_role_ids") or "")
    return [r for r in raw.split(",") if r]


def check_connection(
    lookup: RecordLookup, connection_id: str, fields: Mapping[str, Any]
) -> None:
    """A connection joins two live records with matching roles, once."""
    if fields.get("record1_id") == fields.get("record2_id"):
        raise ValidationError("record2_id", SELF_CONNECTION())
    for side in ("1", "2"):
        kind = fields.get(f"record{side}_type")
        record_id = fields.get(f"record{side}_id")
        record = lookup.get_fields(str(kind), str(record_id)) if record_id else None
        if record is None:
            raise ValidationError(f"record{side}_id", NO_SUCH_RECORD(kind=kind, id=record_id))
        if record.get("state") != ACTIVE:
            raise ValidationError(f"record{side}_id", RECORD_INACTIVE(kind=kind, id=record_id))
    role1 = lookup.get_fields("connection_role", str(fields.get("role1_id")))
    if role1 is None:
        raise ValidationError("role1_id", NO_SUCH_ROLE(id=fields.get("role1_id")))
    role2_id = fields.get("role2_id")
    if role2_id is not None and role2_id not in matching_role_ids(role1):
        raise ValidationError("role2_id", NOT_MATCHING_ROLE(role=role1.get("name")))
    if fields.get("state", ACTIVE) == ACTIVE and lookup.connection_exists(fields, connection_id):
        raise ValidationError("record2_id", ALREADY_CONNECTED())
