"""The JSON form of a server refusal's reason: it reads back as the same reason, or as none."""

from __future__ import annotations

from typing import Any

import pytest

from crm_core import sync_reasons, validation
from crm_core.reasons import FieldName


def test_a_nested_reason_with_a_field_reads_back_as_the_same_english() -> None:
    reason = sync_reasons.in_field("contact", "email", validation.BAD_EMAIL(value="x", detail="An email address "
                                                                                             "must have an @-sign."))
    data = sync_reasons.reason_json(reason)
    assert data["values"]["field"] == {"field": "email", "record": "contact"}
    back = sync_reasons.reason_from_json(data)
    assert back == reason and str(back) == "email: An email address must have an @-sign."
    assert back is not None and back.value("field") == FieldName("contact", "email")


@pytest.mark.parametrize("data", [
    {"code": "sync.made_up_by_a_newer_server", "values": {}},
    {"code": "sync.no_right", "values": {"right": "write"}},  # a value its words need is missing
    {"code": "sync.field", "values": {"field": {"odd": 1}, "why": "x"}},
    {"code": "sync.no_record", "values": {"id": [1, 2]}},
    {"values": {}},
    "sync.no_right",
    None,
])
def test_a_form_this_app_cannot_read_is_no_reason(data: Any) -> None:
    assert sync_reasons.reason_from_json(data) is None
