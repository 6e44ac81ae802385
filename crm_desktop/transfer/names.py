"""Is this the same person's name written another way?  The import's rule for contacts without an email.

Two names are the same when their parts pair up one to one, in any order,
after case, accents, spacing and punctuation are dropped ("Ana Ruiz",
"Ruiz Ana", "ANA  RUÍZ", "ana ruiz").  At most one pair may differ, and only
as one of:

- an initial and a word that starts with it ("J. Smith", "John Smith");
- one typo (a letter added, dropped or changed) in a part of at least
  ``LONG_PART`` letters, not in its first or last letter and not in one
  with a digit ("Rodrigez", "Rodriguez").

So a short part must be the same: Mario and María, Luis and Luisa, N1 and
N12 are two people, and so are Antonio and Antonia (the last letter).
Silently skipping a real person costs a rep far more than importing a
possible duplicate, so the rule errs on the side of two people.

Each name is indexed by its parts and by its parts with one left out, so a
row is checked with a few dictionary look-ups, however many names its
company has.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from crm_core.text import strip_accents

# "Rodrigez" is Rodriguez mistyped; "Mario" and "María", "Daniel" and "Daniela"
# are two names.  Below seven letters a one-letter change is too often another name.
LONG_PART = 7
_APOSTROPHES = re.compile(r"['’`]")
_SEPARATORS = re.compile(r"[\W_]+")

Parts = tuple[str, ...]


@functools.lru_cache(maxsize=65536)
def name_parts(first: str | None, last: str | None) -> Parts:
    """A name as compared: its folded parts, sorted ("Ruiz", "Ana" -> ("ana", "ruiz")).

    Names repeat all over a file and the store, so the folding is cached.
    """
    text = _APOSTROPHES.sub("", strip_accents(f"{first or ''} {last or ''}").casefold())
    return tuple(sorted(p for p in _SEPARATORS.split(text) if p))


def same_part(a: str, b: str) -> bool:
    """Whether two parts that differ, starting with the same letter, are the same part written differently."""
    if len(a) == 1 or len(b) == 1:
        return True  # an initial
    return (min(len(a), len(b)) >= LONG_PART and a[-1] == b[-1] and a.isalpha() and b.isalpha()
            and Levenshtein.distance(a, b, score_cutoff=1) <= 1)


@dataclass
class NameIndex:
    """Names of contacts, to find the one a name is written differently from.

    ``exact`` holds each name's parts; ``near`` holds, under the other parts
    and the first letter of the left-out one, that part: the names that may
    differ from a row's in that one part.
    """

    exact: dict[Parts, tuple[str, str]] = field(default_factory=dict)
    near: dict[tuple[Parts, str], list[tuple[str, str, str]]] = field(default_factory=dict)

    def add(self, parts: Parts, record_id: str, shown: str) -> None:
        """Remember a contact's name; ``shown`` is how the report names it."""
        if not parts:
            return
        self.exact.setdefault(parts, (record_id, shown))
        if len(parts) < 2:
            return  # one part, and it differs: nothing left to be the same
        for i, part in enumerate(parts):
            if i == 0 or part != parts[i - 1]:
                self.near.setdefault((parts[:i] + parts[i + 1:], part[0]), []).append((part, record_id, shown))

    def same(self, parts: Parts) -> tuple[str, str] | None:
        """The (record id, shown name) of a name exactly like ``parts``, or None."""
        return self.exact.get(parts) if parts else None

    def near_same(self, parts: Parts) -> tuple[str, str] | None:
        """The (record id, shown name) of a name that differs from ``parts`` in one part written differently."""
        if len(parts) < 2 or not self.near:
            return None
        for i, part in enumerate(parts):
            for other, record_id, shown in self.near.get((parts[:i] + parts[i + 1:], part[0]), ()):
                if other != part and same_part(part, other):
                    return record_id, shown
        return None


def find_name(parts: Parts, indexes: list[NameIndex]) -> tuple[str, str] | None:
    """The first name in ``indexes`` written exactly like ``parts``; failing that, the first nearly so."""
    for index in indexes:
        found = index.same(parts)
        if found:
            return found
    for index in indexes:
        found = index.near_same(parts)
        if found:
            return found
    return None
