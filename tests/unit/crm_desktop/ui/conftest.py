"""Fixtures for the GUI tests: a real store in tmp_path and a fresh store worker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from crm_desktop.services import AppContext, CrmService, Record
from crm_desktop.services.transfer import ImportReport
from crm_desktop.ui import optional
from crm_desktop.ui.i18n import Translations
from crm_desktop.ui.import_wizard import PAGE_REPORT, FilePage, ImportWizard, OptionsPage
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.ops import TaskManager, install_task_manager


@pytest.fixture
def spanish(qapp: Any) -> Iterator[Translations]:
    """The app shown in Spanish for the test, back in English after it."""
    translations = Translations()
    translations.install("es")
    yield translations
    translations.install("en")


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


class StubController(QObject):
    """Stands in for SyncController: records what the window asks of sync."""

    state_changed = Signal(object)
    sync_finished = Signal(object)
    sync_failed = Signal(object)
    issues_changed = Signal()
    login_required = Signal()
    login_succeeded = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.sync_requests = 0
        self.local_edits = 0
        self.sync_intervals: list[int] = []
        self.warning: str | None = None

    def credentials_warning(self) -> str | None:
        return self.warning

    def set_sync_interval(self, minutes: int) -> None:
        self.sync_intervals.append(minutes)

    def sync_now(self) -> None:
        self.sync_requests += 1

    def notify_local_edit(self) -> None:
        self.local_edits += 1


@pytest.fixture
def controller() -> StubController:
    return StubController()


@pytest.fixture
def window(qtbot: QtBot, ui_crm: CrmService, controller: StubController,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The main window over the test store, with a stub sync controller and no modal boxes."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(optional, "sync_issues_view", lambda *_a: None)
    monkeypatch.setattr(optional, "sync_status_widget", lambda *_a: None)
    main = MainWindow(ui_crm, controller=controller)
    qtbot.add_widget(main)
    main.show()
    yield main
    for form in list(main.forms):
        form.fields.load(dict(form.record.fields) if form.record else {}, {})
        form.close()


# The offscreen platform warns that it cannot raise windows or pass size hints
# to a window manager; that is the test platform talking, not our code.
OFFSCREEN_NOISE = ("This plugin does not support",)


def run_import(qtbot: QtBot, wizard: ImportWizard, path: Path, *, upsert: bool = False) -> ImportReport:
    """Take the wizard from its file page through an import of ``path``; the report it shows."""
    page = wizard.currentPage()
    assert isinstance(page, FilePage)
    page.set_path(str(path))
    wizard.next()  # preview
    wizard.next()  # mapping
    wizard.next()  # options
    options = wizard.currentPage()
    assert isinstance(options, OptionsPage)
    options.upsert.setChecked(upsert)
    options.create_only.setChecked(not upsert)
    with qtbot.wait_signal(wizard.import_finished, timeout=20_000) as blocker:
        wizard.next()
    qtbot.wait_until(lambda: wizard.currentId() == PAGE_REPORT)
    report = blocker.args[0]
    assert isinstance(report, ImportReport)
    return report


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents and "sync" not in Path(str(item.fspath)).parts:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))
