"""LoginDialog: logging in on the worker, inline errors, never keeping the password."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from crm_desktop.sync.errors import LoginLocked, ServerTooOld
from crm_desktop.ui.sync.login_dialog import LoginDialog


@pytest.fixture
def dialog(qtbot, controller, service):
    service.state_value = replace(service.state_value, logged_in=False, server_url=None, username=None)
    made = LoginDialog(controller)
    qtbot.add_widget(made)
    return made


def fill(qtbot, dialog, server="https://crm.example.com", user="ana", password="secret"):
    for field, text in ((dialog.server, server), (dialog.user, user), (dialog.password, password)):
        field.clear()
        qtbot.keyClicks(field, text)


def test_password_is_not_echoed(dialog):
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password


def test_known_server_and_user_are_filled_in(qtbot, controller, service):
    service.state_value = replace(service.state_value, server_url="https://crm.acme.test", username="luis")
    dialog = LoginDialog(controller)
    qtbot.add_widget(dialog)
    assert (dialog.server.text(), dialog.user.text(), dialog.password.text()) == (
        "https://crm.acme.test", "luis", "")


def test_successful_login_accepts_and_forgets_the_password(qtbot, dialog, controller, service):
    fill(qtbot, dialog)
    with qtbot.wait_signal(dialog.accepted):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
        assert not dialog.busy.isHidden() and not dialog.login_button.isEnabled()
    assert ("login", "https://crm.example.com", "ana") in service.calls
    assert dialog.password.text() == ""
    assert "secret" not in repr(vars(dialog))


@pytest.mark.parametrize(("kind", "text"), [
    ("auth", "did not accept this user name and password"),
    ("network", "Cannot reach the server"),
    ("server", "The server had a problem"),
    ("garbage", "not as a crm-server: check the address"),
    ("schema", "update it"),
])
def test_failed_login_shows_an_inline_error_and_stays_open(qtbot, dialog, service, fake, kind, text):
    service.login_error = fake.Error("details", kind)
    fill(qtbot, dialog, password="wrong")
    with qtbot.wait_signal(dialog._controller.login_failed), qtbot.assert_not_emitted(dialog.accepted):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert text in dialog.error.text() and not dialog.error.isHidden()
    assert dialog.busy.isHidden() and dialog.login_button.isEnabled()


def test_missing_fields_are_named_without_calling_the_server(qtbot, dialog, service):
    fill(qtbot, dialog, user="")
    dialog.user.clear()
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert "user name" in dialog.error.text()
    assert not any(c[0] == "login" for c in service.calls)


def test_typing_clears_the_error(qtbot, dialog):
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isHidden()
    qtbot.keyClicks(dialog.server, "h")
    assert dialog.error.isHidden()


def test_work_offline_rejects(qtbot, dialog):
    with qtbot.wait_signal(dialog.rejected):
        qtbot.mouseClick(dialog.offline_button, Qt.MouseButton.LeftButton)


def test_a_login_started_elsewhere_does_not_close_the_dialog(qtbot, dialog, controller):
    with qtbot.assert_not_emitted(dialog.accepted), qtbot.wait_signal(controller.login_succeeded):
        controller.login("https://crm.example.com", "ana", "secret")


@pytest.mark.parametrize(("error", "text"), [
    (LoginLocked("the server locked logins for 'ana' for a while (...)"), "Too many wrong passwords for this user"),
    (ServerTooOld("the server at ... is older than this app"), "The server is older than this app; ask your admin"),
])
def test_a_locked_login_and_a_server_not_upgraded_say_who_can_help(qtbot, dialog, service, error, text):
    service.login_error = error
    fill(qtbot, dialog, password="wrong")
    with qtbot.wait_signal(dialog._controller.login_failed):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert text in dialog.error.text()
