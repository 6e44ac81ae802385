"""The rule for the same name written differently: part by part, never across a short part."""

from __future__ import annotations

import pytest

from crm_desktop.transfer.names import NameIndex, find_name, name_parts


def _same(a: tuple[str, str], b: tuple[str, str]) -> bool:
    index = NameIndex()
    index.add(name_parts(*a), "stored", " ".join(a))
    return find_name(name_parts(*b), [index]) is not None


def test_name_parts_drop_case_accents_spacing_punctuation_and_order() -> None:
    assert name_parts("  Ruíz ", "ANA") == name_parts("Ana", "Ruiz") == ("ana", "ruiz")
    assert name_parts("J.", "O'Brien-Smith") == ("j", "obrien", "smith")
    assert name_parts(None, None) == ()


@pytest.mark.parametrize(("stored", "row"), [
    (("Ana", "Ruiz"), ("Ruiz", "Ana")),
    (("Ana", "Ruiz"), ("ANA", "RUÍZ")),
    (("John", "Smith"), ("J.", "Smith")),
    (("J.", "Smith"), ("John", "Smith")),
    (("Pedro", "Rodriguez"), ("Pedro", "Rodrigez")),
    (("Christopher", "Lee"), ("Cristopher", "Lee")),
])
def test_the_same_name_written_differently_matches(stored: tuple[str, str], row: tuple[str, str]) -> None:
    assert _same(stored, row)


@pytest.mark.parametrize(("stored", "row"), [
    (("Mario", "García"), ("María", "García")),
    (("Luis", "Martín"), ("Luisa", "Martín")),
    (("Ana", "Ruiz"), ("Ina", "Ruiz")),
    (("N1", "A1"), ("N12", "A12")),
    (("N1", "A1"), ("N1", "A12")),
    (("Antonio", "Fernández"), ("Antonia", "Fernández")),  # the last letter of a long part
    (("Daniel", "Vega"), ("Daniela", "Vega")),
    (("Fernando", "Vega"), ("Hernando", "Vega")),  # the first letter
    (("Pedro", "Rodriguez"), ("Pedro", "Rodriguez Soto")),  # a part more
    (("J.", "Rodriguez"), ("John", "Rodrigez")),  # an initial and a typo: two differences
    (("Name1001", "Vega"), ("Name1002", "Vega")),  # digits are never a typo
    (("Rodriguez", ""), ("Rodrigez", "")),  # one part and it differs: nothing else to go by
    (("", ""), ("", "")),
])
def test_different_people_do_not_match(stored: tuple[str, str], row: tuple[str, str]) -> None:
    assert not _same(stored, row)


def test_an_exact_name_wins_over_a_near_one_in_a_later_index() -> None:
    near, exact = NameIndex(), NameIndex()
    near.add(name_parts("John", "Smith"), "john", "John Smith")
    exact.add(name_parts("J.", "Smith"), "j", "J. Smith")
    assert find_name(name_parts("J.", "Smith"), [near, exact]) == ("j", "J. Smith")
