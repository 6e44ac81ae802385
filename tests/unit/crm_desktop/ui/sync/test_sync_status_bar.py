"""SyncStatusWidget: what the rep reads in the status bar for each sync state."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from crm_desktop.sync.errors import ServerTooOld
from crm_desktop.ui.sync.status_bar import SyncStatusWidget, local_time_text


@pytest.fixture
def widget(qtbot, controller):
    made = SyncStatusWidget(controller)
    qtbot.add_widget(made)
    return made


def show(controller, service, **changes):
    service.state_value = replace(service.state_value, **changes)
    controller.refresh_state()


@pytest.mark.parametrize(("changes", "words"), [
    ({"online": True}, "Online"),
    ({"online": False}, "Offline"),
    ({"online": None}, "Connecting…"),
    ({"logged_in": False}, "Not connected"),
])
def test_connection_indicator_follows_the_state(widget, controller, service, changes, words):
    show(controller, service, **changes)
    assert widget.connection_label.text().endswith(words)


@pytest.mark.parametrize(("count", "text"), [(0, "All changes synced"), (1, "1 change not synced"),
                                             (12, "12 changes not synced")])
def test_pending_changes_are_counted(widget, controller, service, count, text):
    show(controller, service, pending_changes=count)
    assert widget.pending_label.text() == text


def test_last_sync_is_shown_in_local_time(widget, controller, service):
    moment = datetime.now(UTC).replace(microsecond=0)
    show(controller, service, last_sync=moment.isoformat())
    assert widget.last_sync_label.text() == f"Last synced {moment.astimezone().strftime('%H:%M')}"


def test_never_synced_says_never(widget):
    assert widget.last_sync_label.text() == "Last synced never"


def test_a_sync_on_another_day_shows_the_date():
    moment = datetime(2026, 11, 28, 14, 5).astimezone()
    assert local_time_text(moment.isoformat(), today=date(2026, 11, 30)) == "28 Nov 14:05"
    assert local_time_text((moment + timedelta(days=2)).isoformat(), today=date(2026, 11, 30)) == "14:05"
    assert local_time_text("yesterday-ish") is None


def test_sync_issues_link_shows_only_when_there_are_issues(qtbot, widget, controller, service):
    assert widget.issues_label.isHidden()
    show(controller, service, sync_issues=2)
    assert "2 sync issues" in widget.issues_label.text() and not widget.issues_label.isHidden()
    with qtbot.wait_signal(widget.issues_requested):
        widget.issues_label.linkActivated.emit("issues")


@pytest.mark.parametrize(("kind", "text"), [
    ("network", "Server not reachable; your changes are kept"),
    ("auth", "Log in again"),
    ("server", "Server trouble, retrying"),
    ("garbage", "Server trouble, retrying"),
    ("schema", "Update the app to sync"),
    ("busy", "Another window or command is syncing these records"),
])
def test_a_failed_sync_shows_one_line_for_its_kind(qtbot, widget, controller, service, fake, kind, text):
    service.sync_result = fake.Error("details for the log", kind)
    with qtbot.wait_signal(controller.sync_failed):
        controller.sync_now()
    assert text in widget.error_label.text() and not widget.error_label.isHidden()
    assert widget.error_label.toolTip() == "details for the log"


def test_a_successful_sync_clears_the_error(qtbot, widget, controller, service, fake):
    service.sync_result = fake.Error("down", "network")
    with qtbot.wait_signal(controller.sync_failed):
        controller.sync_now()
    service.sync_result = fake.Report()
    with qtbot.wait_signal(controller.sync_finished):
        controller.sync_now()
    assert widget.error_label.isHidden()


def test_an_error_in_the_state_is_shown_at_start(qtbot, controller, service, fake):
    service.state_value = replace(service.state_value, last_error=fake.Error("426", "schema"))
    widget = SyncStatusWidget(controller)
    qtbot.add_widget(widget)
    assert widget.error_label.text() == "Update the app to sync"


def open_login_dialogs(widget):
    from crm_desktop.ui.sync.login_dialog import LoginDialog

    return [w for w in widget.window().findChildren(LoginDialog) if w.isVisible()]


# Showing a window on the offscreen platform warns about size hints: the platform talking, not us.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support")


@OFFSCREEN_NOISE
def test_log_in_link_opens_the_login_dialog(qtbot, widget, controller):
    widget.show()
    widget.error_label.linkActivated.emit("login")
    [dialog] = open_login_dialogs(widget)
    with qtbot.wait_signal(dialog.destroyed):
        dialog.reject()


@OFFSCREEN_NOISE
def test_sync_now_when_logged_out_opens_the_login_dialog(qtbot, widget, controller, service):
    show(controller, service, logged_in=False)
    widget.show()
    with qtbot.assert_not_emitted(controller.sync_started):
        qtbot.mouseClick(widget.sync_button, Qt.MouseButton.LeftButton)
    [dialog] = open_login_dialogs(widget)
    with qtbot.wait_signal(dialog.destroyed):
        dialog.reject()


def test_sync_now_button_syncs_and_shows_busy_meanwhile(qtbot, widget, controller, service):
    service.gate = threading.Event()
    with qtbot.wait_signal(controller.sync_started):
        qtbot.mouseClick(widget.sync_button, Qt.MouseButton.LeftButton)
    assert not widget.busy.isHidden() and not widget.sync_button.isEnabled()
    with qtbot.wait_signal(controller.sync_finished):
        service.gate.set()
    assert widget.busy.isHidden() and widget.sync_button.isEnabled()
    assert "F9" in widget.sync_button.toolTip()


def test_progress_fills_the_busy_bar(qtbot, widget, controller, service):
    service.progress_steps = [("pull", 1200, 5000)]
    service.gate = threading.Event()
    with qtbot.wait_signal(controller.sync_progressed):
        controller.sync_now()
    assert (widget.busy.value(), widget.busy.maximum()) == (1200, 5000)
    assert widget.busy.toolTip() == "Receiving changes: 1200 of 5000"
    with qtbot.wait_signal(controller.sync_finished):
        service.gate.set()


def test_a_language_switch_sets_the_texts_again(widget, controller, service):
    from PySide6.QtCore import QCoreApplication, QEvent

    show(controller, service, pending_changes=2)
    widget.pending_label.setText("stale")
    widget.sync_button.setText("stale")
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert (widget.pending_label.text(), widget.sync_button.text()) == ("2 changes not synced", "Sync now")


def test_never_set_up_shows_no_log_in_again_line(qtbot, controller, service, fake):
    service.state_value = fake.State(logged_in=False, server_url=None, username=None, online=None,
                                     last_error=fake.Error("not logged in", "auth"))
    widget = SyncStatusWidget(controller)
    qtbot.add_widget(widget)
    assert widget.error_label.isHidden()
    assert widget.connection_label.text().endswith("Not connected")


def test_each_connection_state_reads_differently_in_spanish(widget, controller, service):
    from crm_desktop.ui.i18n import Translations

    translations = Translations()
    translations.install("es")
    try:
        shown = set()
        for changes in ({"online": True}, {"online": False}, {"online": None}, {"logged_in": False}):
            show(controller, service, **changes)
            shown.add(widget.connection_label.text().rpartition("</span>")[2].strip())
    finally:
        translations.install("en")
    # QA: "Not connected" (no login) and "Offline" (no network) both read "Sin conexión"
    assert len(shown) == 4, shown


@OFFSCREEN_NOISE
@pytest.mark.parametrize("width", [1100, 900])
def test_no_status_text_is_cut_in_spanish_at_a_laptops_width(qtbot, controller, service, fake, width):
    from PySide6.QtWidgets import QMainWindow

    from crm_desktop.ui.i18n import Translations

    translations = Translations()
    translations.install("es")
    try:
        window = QMainWindow()
        qtbot.add_widget(window)
        widget = SyncStatusWidget(controller)
        window.statusBar().addPermanentWidget(widget, 1)
        show(controller, service, pending_changes=1, sync_issues=4, last_sync="2026-11-30T09:15:00+00:00")
        controller.sync_failed.emit(fake.Error("another sync of this store is running", "busy"))
        window.resize(width, 500)
        window.show()
        qtbot.wait_exposed(window)
        labels = (widget.connection_label, widget.pending_label, widget.issues_label, widget.last_sync_label,
                  widget.error_label)

        def cut() -> list[str]:
            return [label.text() for label in labels if label.width() < label.sizeHint().width()
                    and not label.text().endswith("…")]

        # QA: at the window's own width "...está sincronizando estos registros" lost its last words, unmarked
        qtbot.wait(100)  # the status bar lays out after the window shows
        assert widget.width() < width and cut() == []
        assert "Otra ventana" in widget.error_label.text()
        if widget.error_label.text().endswith("…"):  # shortened: the whole line is a hover away
            assert "Otra ventana u orden está sincronizando estos registros" in widget.error_label.toolTip()
    finally:
        translations.install("en")


def test_a_server_not_upgraded_asks_for_the_admin_not_an_app_update(qtbot, widget, controller, service):
    service.sync_result = ServerTooOld("the server at ... is older than this app")
    with qtbot.wait_signal(controller.sync_failed):
        controller.sync_now()
    assert widget.error_label.text() == "The server needs upgrading; ask your admin"
