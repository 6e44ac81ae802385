"""A country cell, as typed or imported, names the region its record's phones are read in."""

from __future__ import annotations

import subprocess
import sys

import pytest

from crm_core.countries import country_region, record_region, region_reader


@pytest.mark.parametrize(
    ("cell", "region"),
    [
        ("ES", "ES"),
        ("es", "ES"),
        ("ESP", "ES"),
        ("spain", "ES"),
        ("España", "ES"),
        ("ESPAÑA", "ES"),
        (" espana ", "ES"),
        ("GB", "GB"),
        ("GBR", "GB"),
        ("UK", "GB"),
        ("United Kingdom", "GB"),
        ("Reino Unido", "GB"),
        ("US", "US"),
        ("USA", "US"),
        ("United States", "US"),
        ("Estados Unidos", "US"),
        ("EE. UU.", "US"),
        ("U.S.A.", "US"),
        ("U.S.", "US"),
        ("Namibia", "NA"),
        ("México", "MX"),
        ("Mexico", "MX"),
        ("MEX", "MX"),
        ("Alemania", "DE"),
        ("Germany", "DE"),
        ("Corea del Sur", "KR"),
        ("Côte d’Ivoire", "CI"),
        ("Islas Canarias", "ES"),
    ],
)
def test_codes_and_english_or_spanish_names_give_the_region(cell: str, region: str) -> None:
    assert country_region(cell) == region


@pytest.mark.parametrize("cell", [None, "", "   ", "Narnia", "World", "Mundo", "European Union", "Europa", "ZZ",
                                  "N/A", "n/a", "NA", "n.a.", "N/D", "n.c.", "-", "?"])
def test_a_cell_that_names_no_country_with_phones_gives_none(cell: str | None) -> None:
    assert country_region(cell) is None


def test_an_account_is_called_where_it_is_billed_else_where_it_is_shipped_to() -> None:
    account = {"bill_to_country": "Francia", "ship_to_country": "Spain"}
    assert record_region("account", account, "US") == "FR"
    assert record_region("account", {**account, "bill_to_country": "Narnia"}, "US") == "ES"
    assert record_region("account", {"bill_to_country": None, "ship_to_country": None}, "US") == "US"
    assert record_region("contact", {"country": "Portugal"}, "US") == "PT"
    assert record_region("contact", {"country": None}, "GB") == "GB"
    assert record_region("connection", {}, "US") == "US"


def test_the_reader_of_the_hot_path_agrees_with_record_region() -> None:
    cells = [None, "", "España", "UK", "Narnia", "usa"]
    for entity_name in ("account", "contact"):
        read = region_reader(entity_name, "US")
        for first in cells:
            for second in cells:
                fields = {"country": first, "bill_to_country": first, "ship_to_country": second}
                assert read(fields) == record_region(entity_name, fields, "US")


def test_a_cell_without_a_country_does_not_load_babel() -> None:
    code = (
        "import sys; from crm_core.countries import country_region, record_region; "
        "assert record_region('contact', {'country': None}, 'US') == 'US' and country_region('') is None; "
        "print('babel' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
