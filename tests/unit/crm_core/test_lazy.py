"""The checkers' libraries load on first use and then stand in place of their stand-ins."""

from __future__ import annotations

import types

from crm_core import validation
from crm_core.lazy import LazyModule


def test_a_lazy_module_loads_on_first_use_and_replaces_itself() -> None:
    namespace: dict[str, object] = {}
    namespace["json"] = LazyModule("json", namespace)
    assert namespace["json"].dumps([1]) == "[1]"  # type: ignore[attr-defined]
    assert isinstance(namespace["json"], types.ModuleType)


def test_validation_works_through_the_lazy_libraries() -> None:
    assert validation.phone_e164("+34 912 345 678") == "+34912345678"
    assert validation.normalize_email("Ana@Example.COM") == "Ana@example.com"
    assert isinstance(validation.phonenumbers, types.ModuleType)
