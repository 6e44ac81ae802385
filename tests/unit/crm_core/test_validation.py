"""Field checks shared by the store and the server."""

from __future__ import annotations

import pytest

from crm_core.entities import ENTITIES
from crm_core.roles import SEED_ROLES, role_id
from crm_core.validation import ValidationError, clean_changes, phone_e164


def test_email_is_checked_for_syntax_and_its_domain_lowercased() -> None:
    assert clean_changes("contact", {"email": " Ana@ACME.Example "}) == {"email": "Ana@acme.example"}
    with pytest.raises(ValidationError, match="email"):
        clean_changes("contact", {"email": "ana at acme"})


def test_phone_keeps_what_was_typed_and_e164_follows_the_region() -> None:
    assert clean_changes("contact", {"phone": "(206) 555-0100"}) == {"phone": "(206) 555-0100"}
    assert phone_e164("(206) 555-0100", "US") == "+12065550100"
    assert phone_e164("912 345 678", "ES") == "+34912345678"
    assert phone_e164("12", "US") is None


def test_a_phone_without_digits_is_refused() -> None:
    with pytest.raises(ValidationError, match="phone"):
        clean_changes("contact", {"phone": "call me maybe"})


def test_required_fields_cannot_be_emptied() -> None:
    with pytest.raises(ValidationError, match="last_name: is required"):
        clean_changes("contact", {"last_name": "   "})


def test_unknown_fields_and_wrong_types_are_named() -> None:
    with pytest.raises(ValidationError, match="nickname: unknown field"):
        clean_changes("contact", {"nickname": "x"})
    with pytest.raises(ValidationError, match="must be text, not int"):
        clean_changes("account", {"name": 42})


@pytest.mark.parametrize(("field", "value", "says"), [
    ("last_name", "Ñúñez\nNewline", "last_name: must be one line (it has a line break)"),
    ("city", "Madrid\r", None),  # stripped: a trailing line break is only whitespace
    ("city", "\x01ctl\x1b[31mRED", "city: contains a control character (U+0001)"),
    ("email", "ana@example.com\x1b[2J", "email: contains a control character (U+001B)"),
    ("job_title", "Buyer\tEMEA", "job_title: contains a control character (U+0009)"),
    ("description", "Met at the fair\x1b]0;pwned\x07", "description: contains a control character (U+001B)"),
])
def test_control_characters_are_refused_by_name(field: str, value: str, says: str | None) -> None:
    if says is None:
        assert clean_changes("contact", {field: value})[field] == value.strip()
        return
    with pytest.raises(ValidationError) as refused:
        clean_changes("contact", {field: value})
    assert str(refused.value) == says


def test_notes_and_addresses_keep_their_lines_and_tabs() -> None:
    cleaned = clean_changes("account", {"description": "Line one\r\nLine two\r\tindented",
                                                  "bill_to_street": "Calle Mayor 1\n3º B"})
    assert cleaned["description"] == "Line one\r\nLine two\r\tindented"  # as written
    assert cleaned["bill_to_street"] == "Calle Mayor 1\n3º B"
    assert clean_changes("contact", {"last_name": "Nuñez\u00a0Ruiz"})["last_name"] == "Nuñez\u00a0Ruiz"


def test_overlong_values_and_nul_bytes_are_refused() -> None:
    with pytest.raises(ValidationError, match="longer than 160"):
        clean_changes("account", {"name": "x" * 161})
    with pytest.raises(ValidationError, match="NUL"):
        clean_changes("account", {"name": "a\x00b"})


def test_sql_text_is_just_text() -> None:
    name = "Robert'); DROP TABLE contact;--"
    assert clean_changes("account", {"name": name}) == {"name": name}


def test_state_dates_ids_and_currency_are_checked() -> None:
    with pytest.raises(ValidationError, match="state"):
        clean_changes("account", {"state": "gone"})
    with pytest.raises(ValidationError, match="valid_from"):
        clean_changes("connection", {"valid_from": "31/12/2026"})
    with pytest.raises(ValidationError, match="account_id"):
        clean_changes("contact", {"account_id": "not-an-id"})
    assert clean_changes("account", {"currency": "eur"}) == {"currency": "EUR"}


def test_every_seeded_role_matches_roles_that_exist_and_match_back() -> None:
    names = {r.name for r in SEED_ROLES}
    for role in SEED_ROLES:
        assert role.matches, role.name
        for match in role.matches:
            assert match in names
            partner = next(r for r in SEED_ROLES if r.name == match)
            assert role.name in partner.matches
    assert role_id("Colleague") == role_id("Colleague")


def test_the_registry_knows_the_four_entities() -> None:
    assert set(ENTITIES) == {"account", "contact", "connection", "connection_role"}


@pytest.mark.parametrize("spelling", ["{0f0f0f0f-0000-4000-8000-000000000000}", "0F0F0F0F-0000-4000-8000-000000000000",
                                      "urn:uuid:0f0f0f0f-0000-4000-8000-000000000000",
                                      "0f0f0f0f000040008000000000000000"])
def test_record_ids_are_only_accepted_in_canonical_form(spelling: str) -> None:
    with pytest.raises(ValidationError, match=r"not a record id|longer than 36"):
        clean_changes("contact", {"account_id": spelling})
    assert clean_changes("contact", {"account_id": "0f0f0f0f-0000-4000-8000-000000000000"})


def test_the_fast_email_answer_agrees_with_email_validator_wherever_it_answers() -> None:
    import random

    from email_validator import EmailNotValidError, validate_email

    from crm_core.validation import plain_email

    def full_check(text: str) -> str | None:
        try:
            return str(validate_email(text, check_deliverability=False).normalized)
        except EmailNotValidError:
            return None

    rng = random.Random(7)
    alphabet = "aZ09._-+'%@-.xn"
    samples = ["Ana.Ruiz@Example.COM", "x@localhost", "a..b@x.com", "a@x.test", "a@xn--bcher-kva.com",
               ".a@x.com", "a.@x.com", "a@-x.com", "a@x.c0m", "a@x.onion", "a@sub.local", "a" * 65 + "@x.com",
               "a@" + "b" * 64 + ".com", "a@" + ".".join(["b" * 60] * 5) + ".com", "a@b.c", "a@1.com",
               "a@b.co-m", "a@b-.com", "Ñ@x.com", "a@example.com", "o'brien@x.ie"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(3, 20))) + rng.choice(
        ["@x.com", "@Sub.Example.ORG", "@a-b.io", ".x@y.es", "@x..com"]) for _ in range(3000)]
    answered = 0
    for text in samples:
        fast = plain_email(text)
        if fast is not None:
            answered += 1
            assert fast == full_check(text), text
    assert answered > 500


@pytest.mark.parametrize(("text", "region"), [
    ("+053261)00)08", "US"), ("+1 (206) 555-0100", "US"), ("(206) 555-0100", "US"), ("206-555-0100", "CA"),
    ("+34 612 345 678", "GB"), ("912 345 678", "ES"), ("+44 20 7946 0958", "GB"), ("020 7946 0958", "GB"),
    ("+7 8 495 123-45-67", "RU"), ("+54 9 11 1234-5678", "AR"), ("+1 112 555 0100", "US"), ("12", "US"),
])
def test_the_short_e164_path_gives_the_full_parse_answer(text: str, region: str) -> None:
    from crm_core.validation import parse_e164

    assert phone_e164(text, region) == parse_e164(text, region)


def test_dates_in_any_iso_form_are_kept_as_yyyy_mm_dd() -> None:
    assert clean_changes("connection", {"valid_from": "20240101", "valid_to": "2024-W20-1"}) == {
        "valid_from": "2024-01-01", "valid_to": "2024-05-13"}
