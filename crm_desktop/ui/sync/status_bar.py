"""The sync corner of the status bar: online, pending changes, last sync, Sync now.

Background sync reports here and only here (Anki's habit): a failure becomes
one short line whose wording depends on the error's kind.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from crm_desktop.ui.sync.controller import SyncController, error_kind, is_not_set_up
from crm_desktop.ui.sync.login_dialog import LoginDialog

logger = logging.getLogger("crm.ui")

_GREEN, _RED, _GREY = "#2e7d32", "#c62828", "#757575"


def local_time_text(iso: str | None, today: date | None = None) -> str | None:
    """'14:05' for today, '28 Nov 14:05' before, in local time; None if unreadable."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        logger.warning("unreadable sync time %r", iso)
        return None
    local = moment.astimezone()  # a naive time is taken as local already
    if local.date() == (today or date.today()):
        return local.strftime("%H:%M")
    return f"{local.day} {local.strftime('%b %H:%M')}"


class SyncStatusWidget(QWidget):
    """Shows the controller's sync state; emits ``issues_requested`` from its link."""

    issues_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._error: BaseException | None = None
        self._last_sync_words = self._error_words = ""
        self._build()
        controller.state_changed.connect(self._on_controller_state_changed)
        controller.sync_started.connect(self._on_controller_sync_started)
        controller.sync_finished.connect(self._on_controller_sync_finished)
        controller.sync_failed.connect(self._on_controller_sync_failed)
        controller.sync_progressed.connect(self._on_controller_sync_progressed)

    def _build(self) -> None:
        self.connection_label = self._label()
        self.pending_label = self._label()
        self.issues_label = self._label()
        self.issues_label.linkActivated.connect(self._on_issues_label_link_activated)
        self.last_sync_label = self._label()
        self.error_label = self._label()
        self.error_label.linkActivated.connect(self._on_error_label_link_activated)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedSize(60, 10)
        self.sync_button = QPushButton(self)
        self.sync_button.clicked.connect(self._on_sync_button_clicked)
        self.retranslate()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(16)
        layout.addStretch(1)  # given more room than it needs, the corner packs to the right
        for widget in (self.connection_label, self.pending_label, self.issues_label,
                       self.last_sync_label, self.error_label, self.busy, self.sync_button):
            layout.addWidget(widget)

    def retranslate(self) -> None:
        """Every text again, in the current language."""
        names = ((self.connection_label, self.tr("Connection")),
                 (self.pending_label, self.tr("Changes not synced")),
                 (self.issues_label, self.tr("Sync issues")), (self.last_sync_label, self.tr("Last synced")),
                 (self.error_label, self.tr("Sync problem")), (self.busy, self.tr("Syncing")),
                 (self.sync_button, self.tr("Sync now")))
        for widget, name in names:
            widget.setAccessibleName(name)
        self.sync_button.setToolTip(self.tr("Send your changes and get your team's (F9)"))
        self._render(self._controller.state())

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch of language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _label(self) -> QLabel:
        label = QLabel(self)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        return label

    # -- texts ---------------------------------------------------------------

    def connection_text(self, state: Any) -> tuple[str, str]:
        """The indicator's words and colour for a state."""
        if not state.logged_in:
            return self.tr("Not connected"), _GREY
        if state.online is None:
            return self.tr("Connecting…"), _GREY
        if state.online:
            return self.tr("Online"), _GREEN
        return self.tr("Offline"), _RED

    def pending_text(self, count: int) -> str:
        """'All changes synced', '1 change not synced', 'N changes not synced'."""
        if count == 0:
            return self.tr("All changes synced")
        if count == 1:
            return self.tr("1 change not synced")
        return self.tr("{count} changes not synced").format(count=count)

    def last_sync_text(self, last_sync: str | None) -> str:
        """'Last synced 14:05' in local time, or 'Last synced never'."""
        when = local_time_text(last_sync)
        if when is None:
            return self.tr("Last synced never")
        return self.tr("Last synced {time}").format(time=when)

    def error_text(self, error: BaseException | None) -> str:
        """One short line per error kind; empty when there is no error."""
        if error is None:
            return ""
        kind = error_kind(error)
        if kind == "network":
            return self.tr("Server not reachable; your changes are kept")
        if kind == "auth":
            return self.tr('<a href="login">Log in again</a> to sync')
        if kind in ("server", "garbage"):
            return self.tr("Server trouble, retrying")
        if kind == "schema":
            if getattr(error, "server_too_old", False):
                return self.tr("The server needs upgrading; ask your admin")
            return self.tr("Update the app to sync")
        if kind == "busy":
            return self.tr("Another window or command is syncing these records")
        return self.tr("Sync failed; see the log")

    # -- rendering -----------------------------------------------------------

    def _render(self, state: Any) -> None:
        words, colour = self.connection_text(state)
        self.connection_label.setText(f'<span style="color:{colour}">●</span> {words}')
        self.connection_label.setToolTip(state.server_url or self.tr("No server yet"))
        self.pending_label.setText(self.pending_text(state.pending_changes))
        self._render_issues(state.sync_issues)
        self._last_sync_words = self.last_sync_text(state.last_sync)
        self.last_sync_label.setText(self._last_sync_words)
        if state.last_error is not None and not is_not_set_up(state.last_error, state):
            self._error = state.last_error
        self._render_error()
        self._render_busy(self._controller.is_syncing())

    def _render_issues(self, count: int) -> None:
        text = (self.tr('<a href="issues">1 sync issue</a>') if count == 1 else
                self.tr('<a href="issues">{count} sync issues</a>').format(count=count))
        self.issues_label.setText(text)
        self.issues_label.setVisible(count > 0)

    def _render_error(self) -> None:
        self._error_words = self.error_text(self._error)
        self.error_label.setText(self._error_words)
        self.error_label.setVisible(self._error is not None)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep every text whole, or marked as shortened, in the width the status bar gives."""
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        """Sized while hidden: fit the texts now that they show."""
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The full words when they fit; else the last sync by its time alone, then the error line elided.

        Spanish runs longer: at the window's own width the corner needed more
        than it had, and the status bar cut the last words off unmarked.
        """
        details = str(getattr(self._error, "message", self._error or ""))
        self.last_sync_label.setText(self._last_sync_words)
        self.last_sync_label.setToolTip("")
        self.error_label.setText(self._error_words)
        self.error_label.setToolTip(details)
        room = self._room()
        if room >= 0 or not self.isVisible():
            return
        when = local_time_text(self._controller.state().last_sync)
        if when is not None:
            self.last_sync_label.setText(when)
            self.last_sync_label.setToolTip(self._last_sync_words)
            room = self._room()
        if room >= 0 or self.error_label.isHidden() or "<a " in self._error_words:
            return
        metrics = self.error_label.fontMetrics()
        width = max(metrics.horizontalAdvance(self._error_words) + room - 2, 0)
        self.error_label.setText(metrics.elidedText(self._error_words, Qt.TextElideMode.ElideRight, width))
        self.error_label.setToolTip("\n".join(t for t in (self._error_words, details) if t))

    def _room(self) -> int:
        """Pixels to spare (negative: missing) with the texts as they are now."""
        layout = self.layout()
        if layout is None:  # still being built
            return 0
        layout.invalidate()
        return self.width() - layout.sizeHint().width()

    def _render_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.sync_button.setEnabled(not busy)
        self.sync_button.setText(self.tr("Syncing…") if busy else self.tr("Sync now"))

    # -- slots ---------------------------------------------------------------

    @Slot(object)
    def _on_controller_state_changed(self, state: Any) -> None:
        self._render(state)

    @Slot()
    def _on_controller_sync_started(self) -> None:
        self.busy.setRange(0, 0)  # unknown until the first progress report
        self.busy.setToolTip("")
        self._render_busy(True)

    @Slot(str, int, int)
    def _on_controller_sync_progressed(self, stage: str, done: int, total: int) -> None:
        if total <= 0:
            return
        self.busy.setRange(0, total)
        self.busy.setValue(min(done, total))
        what = self.tr("Sending changes") if stage == "push" else self.tr("Receiving changes")
        self.busy.setToolTip(self.tr("{what}: {done} of {total}").format(what=what, done=done, total=total))

    @Slot(object)
    def _on_controller_sync_finished(self, _report: Any) -> None:
        self._error = None
        self._render_error()
        self._render_busy(self._controller.is_syncing())

    @Slot(object)
    def _on_controller_sync_failed(self, error: BaseException) -> None:
        self._error = error
        self._render_error()
        self._render_busy(self._controller.is_syncing())

    def open_login(self) -> LoginDialog:
        """The login dialog (the open one, if any), window-modal and never exec()'d."""
        return LoginDialog.show_for(self._controller, self.window())

    @Slot()
    def _on_sync_button_clicked(self) -> None:
        if getattr(self._controller.state(), "logged_in", True):
            self._controller.sync_now()
        else:
            self.open_login()  # Sync now before any login: the rep needs the login first

    @Slot(str)
    def _on_error_label_link_activated(self, _link: str) -> None:
        self.open_login()

    @Slot(str)
    def _on_issues_label_link_activated(self, _link: str) -> None:
        self.issues_requested.emit()
