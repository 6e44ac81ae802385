"""Pulled changes as the store applies them, and phones in bulk.

``ChangeLike`` is what ``outbox.apply_changes`` reads: the protocol's
``Change`` fits, and so does the sync client's lighter ``PulledChange``
(a first sync of a million records cannot afford a pydantic model each).

``fast_e164`` gives exactly what ``crm_core.validation.phone_e164`` gives,
without a full parse for the common shapes ("+34 612 345 678", and
"(555) 123-4567" in North America); anything else takes the full parse.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber

from crm_core.validation import phone_e164


class OwnerLike(Protocol):
    """A record's owner as pulled."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


class ChangeLike(Protocol):
    """One pulled record state (see crm_core.protocol.Change)."""

    @property
    def seq(self) -> int: ...

    @property
    def entity(self) -> str: ...

    @property
    def record_id(self) -> str: ...

    @property
    def version(self) -> int: ...

    @property
    def removed(self) -> bool: ...

    @property
    def deleted(self) -> bool: ...

    @property
    def fields(self) -> dict[str, Any]: ...

    @property
    def owner(self) -> OwnerLike | None: ...


_INTERNATIONAL = re.compile(r"\+[0-9 ().-]+")
_NANP_LOCAL = re.compile(r"[0-9 ().-]+")
_NON_DIGITS = re.compile(r"\D+")
_NANP_REGIONS = frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(1, ()))


def fast_e164(value: str | None, region: str) -> str | None:
    """``phone_e164(value, region)``, quickly for the usual shapes."""
    if not value:
        return None
    digits: str | None = None
    if _INTERNATIONAL.fullmatch(value):
        digits = _NON_DIGITS.sub("", value)
    elif region in _NANP_REGIONS and _NANP_LOCAL.fullmatch(value):
        local = _NON_DIGITS.sub("", value)
        digits = "1" + local if len(local) == 10 and local[0] not in "01" else None
    split = _split(digits) if digits else None
    if split is None:
        return phone_e164(value, region)
    code, national = split
    if not phonenumbers.is_possible_number(PhoneNumber(country_code=code, national_number=int(national))):
        return None
    return f"+{code}{national}"


def _split(digits: str) -> tuple[int, str] | None:
    """Country code and national number, or None when the full parse must decide."""
    for size in (1, 2, 3):
        code = int(digits[:size])
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            national = digits[size:]
            break
    else:
        return None
    if not 2 <= len(national) <= 17 or national[0] == "0":
        return None  # too short or long, or a leading zero: parse's special cases
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(
        code, phonenumbers.region_code_for_country_code(code))
    if metadata is None:
        return None
    prefix = metadata.national_prefix_for_parsing
    if prefix and re.match(prefix, national):
        return None  # parse may strip a national prefix or carrier code here
    return code, national
