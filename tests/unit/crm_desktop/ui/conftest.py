"""Fixtures for the GUI tests: a real store in tmp_path and a fresh store worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from crm_desktop.services import AppContext, CrmService, Record
from crm_desktop.ui.ops import TaskManager, install_task_manager


@pytest.fixture
def tasks(qapp: Any) -> Iterator[TaskManager]:
    """The store worker every Op in the test uses."""
    manager = TaskManager()
    install_task_manager(manager)
    yield manager
    manager.shutdown()


@pytest.fixture
def context(tmp_path: Path, tasks: TaskManager) -> Iterator[AppContext]:
    """The app's services over a fresh store."""
    opened = AppContext(tmp_path / "data")
    yield opened
    tasks.wait_idle()
    opened.close()


@pytest.fixture
def ui_crm(context: AppContext) -> CrmService:
    return context.crm


@pytest.fixture
def wait_ops(qtbot: QtBot, tasks: TaskManager) -> Callable[[], None]:
    """Wait until every queued store write has run and called back."""

    def wait() -> None:
        qtbot.wait_until(lambda: not tasks.busy, timeout=10_000)

    return wait


@pytest.fixture
def make_account(ui_crm: CrmService) -> Callable[..., Record]:
    def make(name: str, **values: Any) -> Record:
        return ui_crm.create_account({"name": name, **values})

    return make


@pytest.fixture
def make_contact(ui_crm: CrmService) -> Callable[..., Record]:
    def make(first: str, last: str, **values: Any) -> Record:
        return ui_crm.create_contact({"first_name": first, "last_name": last, **values})

    return make
