"""Why a value, a row or a file was refused: a stable code and its values, besides the English words.

The CLI prints (and its ``--json`` lists) the English text, ``str(reason)``;
the GUI shows the same reason in the rep's language, translating the code's
words and filling in the values.  Values that are data (a cell, a column's
header, a line number) are shown as they are; a ``FieldName`` is shown in
the field's words, and a nested ``Reason`` is shown in turn.

Every code is made by ``code()`` and kept in ``CODES``: the GUI's
translation of each is checked by a test, so a new code needs its words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CODES: dict[str, Code] = {}


@dataclass(frozen=True, slots=True)
class Code:
    """One kind of reason: its stable name and its English words, ``{value}`` where a value goes.

    ``also`` names the values a translation may show that the English words do not.
    """

    name: str
    english: str
    also: tuple[str, ...] = ()

    def __call__(self, **values: Any) -> Reason:
        """This reason with its values."""
        return Reason(self, tuple(values.items()))


@dataclass(frozen=True, slots=True)
class Reason:
    """A reason of kind ``code`` with its values; ``str()`` gives its English text."""

    code: Code
    values: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        return self.code.english.format(**dict(self.values))

    def value(self, name: str) -> Any:
        """One of the reason's values, or None."""
        return dict(self.values).get(name)

    def but(self, **values: Any) -> Reason:
        """This reason with some of its values replaced (names it does not have are ignored)."""
        return Reason(self.code, tuple((name, values.get(name, value)) for name, value in self.values))


@dataclass(frozen=True, slots=True)
class FieldName:
    """A field named in a reason: shown as its name in English, in its words in the GUI."""

    record: str  # "contact", "account"...
    name: str

    def __str__(self) -> str:
        return self.name


def code(name: str, english: str, also: tuple[str, ...] = ()) -> Code:
    """A new kind of reason, registered in ``CODES``; each name is made once."""
    if name in CODES:
        raise ValueError(f"reason code {name!r} is made twice")
    made = CODES[name] = Code(name, english, also)
    return made


def reason_of(error: BaseException) -> Reason | None:
    """The reason an error carries (a ``reason`` attribute), if any."""
    found = getattr(error, "reason", None)
    return found if isinstance(found, Reason) else None
