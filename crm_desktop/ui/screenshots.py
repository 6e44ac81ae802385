"""Render the main screens with demo data to PNG files, offscreen.

    QT_QPA_PLATFORM=offscreen python -m crm_desktop.ui.screenshots OUTDIR

Writes the welcome page, the lists, the account form's tabs, the connection
editor, the sync issues view and the preferences in English, and the main
list, account form and preferences in Spanish.  Uses a throwaway data dir; nothing touches the rep's data.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from crm_desktop.app import App, build_window
from crm_desktop.services import AppContext
from crm_desktop.services.demo import load as load_demo
from crm_desktop.services.demo import load_sync_issues
from crm_desktop.ui.forms import AccountForm
from crm_desktop.ui.list_view import RecordListView
from crm_desktop.ui.main_window import SYNC_ISSUES
from crm_desktop.ui.ops import task_manager
from crm_desktop.ui.preferences_dialog import open_preferences
from crm_desktop.ui.sync.issues_view import SyncIssuesView


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def _save(widget: QWidget, path: Path) -> Path:
    widget.show()
    widget.raise_()
    _settle()
    widget.grab().save(str(path))
    return path


def _welcome(out: Path, data: Path) -> list[Path]:
    app = build_window(AppContext(data / "empty"))
    try:
        return [_save(app.window, out / "welcome.png")] if app.window.welcome is not None else []
    finally:
        app.window.close()
        app.close()


def _account_form(app: App, name: str) -> AccountForm:
    account = app.context.crm.resolve(name, ("account",))
    form = app.window.open_record("account", account.id)
    assert isinstance(form, AccountForm)
    return form


def _english(app: App, out: Path) -> list[Path]:
    window = app.window
    shots = [_save(window, out / "accounts_list.png")]
    window.show_page("contacts")
    shots.append(_save(window, out / "contacts_list.png"))
    shots.append(_sorted_by_company(window, out))
    form = _account_form(app, "Iberia Datos S.A.")
    form.tabs.setCurrentWidget(form.contacts)
    shots.append(_save(form, out / "account_form_contacts.png"))
    form.tabs.setCurrentIndex(0)
    shots.append(_save(form, out / "account_form_general.png"))
    form.tabs.setCurrentWidget(form.connections)
    shots.append(_save(form, out / "account_form_connections.png"))
    form.connections.table.selectRow(0)
    dialog = form.connections.edit()
    if dialog is not None:
        shots.append(_save(dialog, out / "connection_editor.png"))
        dialog.reject()
    form.close()
    contact = app.context.crm.resolve("Ana García López", ("contact",))
    contact_form = window.open_record("contact", contact.id)
    assert contact_form is not None
    shots.append(_save(contact_form, out / "contact_form.png"))
    contact_form.close()
    if SYNC_ISSUES in window._page_keys:
        window.show_page(SYNC_ISSUES)
        shots.append(_save(window, out / "sync_issues.png"))
        shots += _sync_issues_with_conflict(app, out)
    preferences = open_preferences(window)
    if preferences is not None:
        shots.append(_save(preferences, out / "preferences.png"))
        preferences.reject()
    return shots


def _sorted_by_company(window: QWidget, out: Path) -> Path:
    contacts = next(v for v in window.findChildren(RecordListView) if v.kind == "contact")
    contacts.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    task_manager().wait_idle()  # the order is read on the reader thread
    shot = _save(window, out / "contacts_sorted_by_company.png")
    contacts.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    _settle()
    return shot


def _sync_issues_with_conflict(app: App, out: Path) -> list[Path]:
    """The issues view with a conflict (per-field values) and a rejection."""
    load_sync_issues(app.context.crm)
    view = app.window.findChild(SyncIssuesView)
    if view is None:
        return []
    view.refresh()
    _settle()
    view.table.selectRow(0)
    return [_save(app.window, out / "sync_issues_conflict.png")]


def _spanish(app: App, out: Path) -> list[Path]:
    window = app.window
    window.language_chosen.emit("es")
    window.show_page("accounts")
    shots = [_save(window, out / "accounts_list_es.png")]
    form = _account_form(app, "Iberia Datos S.A.")
    form.tabs.setCurrentWidget(form.connections)
    shots.append(_save(form, out / "account_form_connections_es.png"))
    form.close()
    preferences = open_preferences(window)
    if preferences is not None:
        shots.append(_save(preferences, out / "preferences_es.png"))
        preferences.reject()
    window.language_chosen.emit(None)
    return shots


def render(out: Path) -> list[Path]:
    """Every screenshot, written to ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="crm-shots-") as tmp:
        data = Path(tmp)
        shots = _welcome(out, data)
        context = AppContext(data / "demo")
        load_demo(context.crm)
        app = build_window(context, first_run=False)
        app.window.resize(1180, 640)
        try:
            shots += _english(app, out)
            shots += _spanish(app, out)
        finally:
            app.window.close()
            app.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python -m crm_desktop.ui.screenshots OUTDIR\n")
        return 2
    for path in render(Path(args[0])):
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
