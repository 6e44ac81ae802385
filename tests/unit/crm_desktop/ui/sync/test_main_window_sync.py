"""The main window answers what the sync pieces ask: log in, show issues, open a record."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from crm_desktop.ui.main_window import SYNC_ISSUES, MainWindow
from crm_desktop.ui.sync.issues_view import SyncIssuesView
from crm_desktop.ui.sync.login_dialog import LoginDialog

# Showing windows on the offscreen platform warns about size hints: the platform talking, not us.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

NO_KEYRING = "no keyring is available on this machine; the login is kept for this run only"


@pytest.fixture
def window(qtbot, ui_crm, controller):
    main = MainWindow(ui_crm, controller=controller)
    qtbot.add_widget(main)
    main.show()
    yield main
    for form in list(main.forms):
        form.fields.load(dict(form.record.fields) if form.record else {}, {})
        form.close()


def open_login_dialogs(window):
    return [d for d in window.findChildren(LoginDialog) if d.isVisible()]


def visible_message_boxes(window):
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def issues_page(window) -> SyncIssuesView:
    view = window.pages.widget(window._page_keys.index(SYNC_ISSUES))
    assert isinstance(view, SyncIssuesView)
    return view


def test_login_required_opens_the_login_dialog_once(qtbot, window, controller):
    controller.login_required.emit()
    controller.login_required.emit()  # a failed sync while the dialog is still up
    [dialog] = open_login_dialogs(window)
    with qtbot.wait_signal(dialog.destroyed):
        dialog.reject()
    controller.login_required.emit()
    assert len(open_login_dialogs(window)) == 1
    open_login_dialogs(window)[0].reject()


def test_sync_now_when_logged_out_opens_the_login_dialog(qtbot, window, controller, service):
    service.state_value = replace(service.state_value, logged_in=False)
    controller.refresh_state()
    window.actions_by_name["sync"].trigger()
    [dialog] = open_login_dialogs(window)
    window.actions_by_name["login"].trigger()  # File > Log in… finds the same dialog
    assert open_login_dialogs(window) == [dialog]
    dialog.reject()


def test_status_bar_issues_link_shows_the_sync_issues_page(qtbot, window, service, fake):
    service.open_issues = [fake.conflict()]
    assert window.pages.currentIndex() == 0
    window.status_widget.issues_requested.emit()
    assert window.pages.currentWidget() is issues_page(window)
    assert window.nav.currentItem().text() == "Sync issues"


def test_open_record_of_a_sync_issue_opens_its_form(qtbot, window, controller, service, fake, make_account):
    account = make_account("Acme Ltd")
    service.open_issues = [replace(fake.conflict(), record_id=account.id)]
    controller.issues_changed.emit()
    window.show_page(SYNC_ISSUES)
    view = issues_page(window)
    assert view.detail.open_button.isVisible()  # the window listens, so the button is offered
    qtbot.mouseClick(view.detail.open_button, Qt.MouseButton.LeftButton)
    [form] = window.forms
    assert form.record is not None and form.record.id == account.id


def test_open_record_of_a_connection_issue_shows_its_first_record_connections(
        qtbot, window, ui_crm, make_contact):
    ana, boss = make_contact("Ana", "García"), make_contact("Lucía", "Martínez")
    connection = ui_crm.link(ana, boss, "Employee", "Manager")
    issues_page(window).open_record_requested.emit("connection", connection.id)
    [form] = window.forms
    assert form.record is not None and form.record.id == ana.id
    assert form.tabs.currentWidget() is form.connections


def test_resolving_an_issue_refreshes_the_lists(qtbot, window, controller, make_account):
    make_account("Made meanwhile")
    assert window.lists["accounts"].model.rowCount() == 0
    controller.issues_changed.emit()
    assert window.lists["accounts"].model.rowCount() == 1


def test_missing_keyring_is_told_once_after_login(qtbot, window, controller, service):
    service.credentials = SimpleNamespace(warning=NO_KEYRING)
    controller.login_succeeded.emit()
    [box] = visible_message_boxes(window)
    assert "log in again" in box.text() and box.detailedText() == NO_KEYRING
    with qtbot.wait_signal(box.destroyed):
        box.close()
    controller.login_succeeded.emit()  # a second login in the same run
    assert visible_message_boxes(window) == []


def test_login_with_a_keyring_says_nothing_more(qtbot, window, controller, service):
    service.credentials = SimpleNamespace(warning=None)
    controller.login_succeeded.emit()
    assert visible_message_boxes(window) == []
