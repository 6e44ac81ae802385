"""Fixtures of the import/export tests: the messy files and the service on a fresh store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.services.transfer import TransferService
from crm_desktop.store import Store

DATA = Path(__file__).resolve().parents[3] / "data" / "import"


@pytest.fixture
def data() -> Path:
    """The folder of messy import files (tests/data/import)."""
    return DATA


@pytest.fixture
def transfer(store: Store) -> TransferService:
    """The import/export service over the fresh store."""
    return TransferService(store)


def contacts(store: Store) -> dict[str, Any]:
    """Every live contact by last name."""
    return {r.fields["last_name"]: r for r in store.page("contact", view="all", limit=1000)}


def accounts(store: Store) -> dict[str, Any]:
    """Every live account by name."""
    return {r.name: r for r in store.page("account", view="all", limit=1000)}


def queued(store: Store) -> list[dict[str, Any]]:
    """The outbox, oldest first."""
    rows = store.conn.execute("SELECT entity, record_id, op, fields FROM outbox ORDER BY mutation_id")
    return [{"entity": r[0], "record_id": r[1], "op": r[2], "fields": json.loads(r[3])} for r in rows]
