"""Text as people compare it."""

from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """``text`` without its accents: "Ibáñez" -> "Ibanez" (ASCII comes back as it is)."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
