"""Accents stripped the way the lists, duplicate checks and header matching compare text."""

from crm_core.text import strip_accents


def test_accents_go_and_everything_else_stays() -> None:
    assert strip_accents("Ibáñez Núñez, Ávila") == "Ibanez Nunez, Avila"
    assert strip_accents("Zoë Müller-Çelik") == "Zoe Muller-Celik"
    assert strip_accents("plain ASCII 123") == "plain ASCII 123"
    assert strip_accents("北京") == "北京"
