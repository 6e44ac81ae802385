"""Fixtures every test can use: a real store in tmp_path, the services on it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from crm_desktop.services import CrmService
from crm_desktop.store import Store

pytest_plugins = ["tests.helpers.fixtures"] if (Path(__file__).parent / "helpers" / "fixtures.py").exists() else []


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store file in tmp_path."""
    opened = Store.open_dir(tmp_path / "data")
    yield opened
    opened.close()


@pytest.fixture
def crm(store: Store) -> CrmService:
    """The CRM services over the fresh store."""
    return CrmService(store)
