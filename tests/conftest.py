"""Fixtures every test can use: a real store in tmp_path, the services on it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from crm_desktop.services import CrmService
from crm_desktop.store import Store

V1_STORE = Path(__file__).parent / "data" / "store_v1.sqlite3"

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


@pytest.fixture
def v1_store(tmp_path: Path) -> Path:
    """A data folder holding a copy of a store written by schema version 1 (opening it upgrades it)."""
    data = tmp_path / "old data"  # a space: the path is quoted wherever it becomes a URI
    data.mkdir()
    shutil.copyfile(V1_STORE, data / "crm.sqlite3")
    return data
