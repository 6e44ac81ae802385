"""A row's phones read in the row's country when their own record names none.

A phone typed without "+" is read in its record's own country, else in the
store's region (``crm_core.countries``).  A contacts file says more on each
line: a company with no country of its own is where its contact is, and a
contact with none is where their company is.

The store reads a record's phones from that record's fields alone, and so
does every teammate's store and this one again when its region changes.  So
a phone read in a country the record does not name is written with its
country code: "020 7946 0958" on a UK row becomes "+44 20 7946 0958", which
reads the same everywhere.  A phone the store's region reads the same way is
kept as typed.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING

from crm_core.countries import record_region
from crm_core.entities import entity
from crm_core.validation import parse_phone, phone_e164

if TYPE_CHECKING:
    import phonenumbers
else:
    from crm_core.lazy import LazyModule

    phonenumbers = LazyModule("phonenumbers", globals())


def own_region(entity_name: str, values: Mapping[str, str | None]) -> str | None:
    """The region a record's own country fields name, or None."""
    return record_region(entity_name, values, "") or None


def in_region(entity_name: str, values: dict[str, str], region: str | None, default: str) -> dict[str, str]:
    """``values`` with each national phone that reads differently in ``region`` than in ``default``
    written with its country code; the same dict when there is none."""
    if region is None or region == default:
        return values
    out = values
    for name in entity(entity_name).phones:
        typed = values.get(name)
        if not typed or typed.startswith("+"):
            continue
        written = _with_country_code(typed, region, default)
        if written != typed:
            out = out if out is not values else dict(values)
            out[name] = written
    return out


def has_national_phone(entity_name: str, values: Mapping[str, str]) -> bool:
    """Whether a phone of ``values`` is typed without "+" (so a region reads it)."""
    return any((values.get(name) or "+")[:1] != "+" for name in entity(entity_name).phones)


def forget_cached() -> None:
    """Empty the cache of phones written with their country code (an import fills it)."""
    _with_country_code.cache_clear()


@functools.lru_cache(maxsize=65536)
def _with_country_code(typed: str, region: str, default: str) -> str:
    """``typed`` as read in ``region``, written internationally; as typed when the store's region
    reads it the same, or ``region`` cannot read it.

    One parse per phone: this runs for every phone of a file whose companies
    are abroad, and a parse is most of an imported row's cost.  Only a number
    of the store's own country code can read the same in the store's region
    (a NANP number in Canada and the US): the others are written with their
    code without asking (one typed with an international prefix, "0044 20
    7946 0958", then reads the same either way, and now also stays so).
    """
    number = parse_phone(typed, region)
    if number is None:
        return typed
    if number.country_code == phonenumbers.country_code_for_region(default) and phone_e164(typed, default) == (
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)):
        return typed
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
