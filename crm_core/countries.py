"""The country a record's own address names, as the region its phones are dialled in.

A contact in Madrid writes "912 345 678"; that number's E.164 form needs the
region ES, not the store's (``Store.phone_region``).  The country cell holds
whatever the rep typed or a file brought: a code ("ES", "ESP") or a name in
English or Spanish ("Spain", "españa", "Reino Unido").  The names come from
CLDR through Babel, loaded on first use (Babel costs 60 ms, and the window's
start needs none of it).

A first sync asks for a million records' regions, so the answer for each
raw cell text is kept: after the first, a record pays one dict lookup.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

# The fields whose country applies to a record's phones, in order: an account
# is called where it is billed, else where it receives goods.
COUNTRY_FIELDS: dict[str, tuple[str, ...]] = {
    "contact": ("country",),
    "account": ("bill_to_country", "ship_to_country"),
}

# Names reps write that CLDR has only as a code, an alternative, or not at all.
_EXTRA_NAMES = {
    "UK": "GB",
    "Great Britain": "GB",
    "Gran Bretaña": "GB",
    "England": "GB",
    "Inglaterra": "GB",
    "Scotland": "GB",
    "Escocia": "GB",
    "Wales": "GB",
    "Gales": "GB",
    "United States of America": "US",
    "Estados Unidos de América": "US",
    "EE. UU.": "US",
    "U.S.": "US",
    "Holland": "NL",
    "Holanda": "NL",
    "Canary Islands": "ES",
    "Islas Canarias": "ES",
    "Canarias": "ES",
    "Ceuta": "ES",
    "Melilla": "ES",
}
# Spreadsheet blanks that fold to a country code: "NA" and "N/A" are far more often
# "not available" than Namibia (which "Namibia" still names).
_NO_COUNTRY = frozenset({"na", "nd", "nc", "ns"})
# Enough for every country's spellings many times over; a file of junk cells cannot grow it further.
_MAX_CELLS = 20_000
_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """A name as compared: no accents, no case, no spaces or punctuation ("EE. UU." -> "eeuu")."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_WORD.sub("", bare.casefold())


@functools.cache
def _regions_by_name() -> dict[str, str]:
    """Every code and name this module knows, folded, to the region phonenumbers parses with."""
    import phonenumbers
    from babel import Locale
    from babel.core import get_global

    supported = phonenumbers.SUPPORTED_REGIONS
    found = {code.casefold(): code for code in supported}
    # CLDR's aliases hold the alpha-3 codes ("ESP" -> ["ES"]); shorter ones are retired 2-letter codes.
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and targets[0] in supported:
            found.setdefault(alias.casefold(), targets[0])
    for language in ("en", "es"):
        for code, name in Locale(language).territories.items():
            if code in supported:  # not "World", "European Union", "Latin America"...
                found.setdefault(fold(name), code)
    for name, code in _EXTRA_NAMES.items():
        found.setdefault(fold(name), code)
    return found


@functools.cache
def _extra_folded() -> frozenset[str]:
    return frozenset(fold(name) for name in _EXTRA_NAMES)


def _region_of(cell: str) -> str | None:
    folded = fold(cell)
    if folded in _NO_COUNTRY:
        return None
    if len(folded) == 2 and not cell.strip().isalpha() and folded not in _extra_folded():
        return None  # "N/D", "n.c.": punctuation around two letters is a blank, not a country code
    return _regions_by_name().get(folded)


class _RegionByCell(dict[Any, "str | None"]):
    """Raw cell text -> region; a miss works the answer out once and keeps it."""

    def __missing__(self, cell: Any) -> str | None:
        region = _region_of(cell) if isinstance(cell, str) and cell else None
        if len(self) < _MAX_CELLS:
            self[cell] = region
        return region


_REGION_BY_CELL = _RegionByCell()


def country_region(cell: str | None) -> str | None:
    """The ISO 3166 alpha-2 region a country cell names ("España" -> "ES"), or None if it names none."""
    return _REGION_BY_CELL[cell]


def record_region(entity_name: str, fields: Mapping[str, Any], default: str) -> str:
    """The region a record's phones typed without "+" are read in: its own country's, else ``default``."""
    for name in COUNTRY_FIELDS.get(entity_name, ()):
        region = _REGION_BY_CELL[fields.get(name)]
        if region is not None:
            return region
    return default


def region_reader(entity_name: str, default: str) -> Callable[[Mapping[str, Any]], str]:
    """``record_region`` for one entity, as a function of the fields alone (a first sync's hot path).

    ``fields`` must hold every country field (a pulled record's values over the defaults).
    """
    by_cell = _REGION_BY_CELL
    names = COUNTRY_FIELDS.get(entity_name, ())
    if len(names) == 1:
        (name,) = names
        return lambda fields: by_cell[fields[name]] or default
    if len(names) == 2:
        first, second = names
        return lambda fields: by_cell[fields[first]] or by_cell[fields[second]] or default
    return lambda fields: default
