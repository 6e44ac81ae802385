"""What the window's start loads: SQLModel and SQLAlchemy cost 0.7 s there and serve no purpose,
phonenumbers and email_validator 0.1 s, Babel's country names 0.06 s (an edit or a sync loads them when it
needs them)."""

from __future__ import annotations

import subprocess
import sys


def test_the_app_starts_without_loading_sqlmodel_sqlalchemy_pydantic_or_the_checkers() -> None:
    code = ("import sys; import crm_desktop.app, crm_desktop.services, crm_desktop.store; "
            "print(sorted(m for m in ('sqlmodel', 'sqlalchemy', 'pydantic', 'phonenumbers', 'email_validator',"
            " 'babel')"
            " if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout


def test_the_schema_models_are_built_from_the_registry() -> None:
    from crm_core.entities import CONTACT
    from crm_core.entity_models import ContactFields

    fields = ContactFields.model_fields
    assert tuple(fields) == CONTACT.field_names
    assert fields["last_name"].default == "" and fields["first_name"].default is None
    assert [m.max_length for m in fields["email"].metadata if hasattr(m, "max_length")] == [254]
