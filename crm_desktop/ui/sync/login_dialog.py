"""Log in to the team's server, or keep working offline.

The password goes straight from the field to the controller's worker and is
never kept: only the token the server returns is stored (in the keyring).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.sync.controller import SyncController, error_kind

logger = logging.getLogger("crm.ui")


class LoginDialog(QDialog):
    """Server address, user name and password; accepts once logged in."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._busy = False
        self.setWindowTitle(self.tr("Log in to your team's server"))
        self.setMinimumWidth(480)
        self._build()
        self._prefill(controller.state())
        controller.login_succeeded.connect(self._on_controller_login_succeeded)
        controller.login_failed.connect(self._on_controller_login_failed)

    @classmethod
    def show_for(cls, controller: SyncController, parent: QWidget) -> LoginDialog:
        """The dialog already open over ``parent`` raised, or a new one opened.

        Window-modal and never exec()'d; it deletes itself when closed.  One
        at a time: a second request (a failed sync, F9, a link) finds it.
        """
        for dialog in parent.findChildren(cls):
            if dialog.isVisible():
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        dialog = cls(controller, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _build(self) -> None:
        intro = QLabel(self.tr("Your changes stay on this computer until you log in; "
                               "then they go to your team and theirs come to you."), self)
        intro.setWordWrap(True)
        self.server = self._field(self.tr("Server address"), "https://crm.example.com")
        self.user = self._field(self.tr("User name"), "")
        self.password = self._field(self.tr("Password"), "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.server)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.error.setAccessibleName(self.tr("Login problem"))
        self.error.hide()
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(8)
        self.busy.setAccessibleName(self.tr("Logging in"))
        self.busy.hide()
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        for widget in (self.error, self.busy, self._buttons()):
            layout.addWidget(widget)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumWidth(280)
        edit.textEdited.connect(self._on_field_text_edited)
        return edit

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(self)
        self.login_button = QPushButton(self.tr("Log in"), self)
        self.login_button.setDefault(True)
        self.offline_button = QPushButton(self.tr("Work offline"), self)
        for button in (self.login_button, self.offline_button):
            button.setAccessibleName(button.text())
        box.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.offline_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.clicked.connect(self._on_login_button_clicked)
        self.offline_button.clicked.connect(self.reject)
        return box

    def _prefill(self, state: Any) -> None:
        self.server.setText(getattr(state, "server_url", None) or "")
        self.user.setText(getattr(state, "username", None) or "")
        first_empty = next((f for f in (self.server, self.user) if not f.text()), self.password)
        first_empty.setFocus()

    # -- logging in ----------------------------------------------------------

    @Slot()
    def _on_login_button_clicked(self) -> None:
        missing = [(self.server, self.tr("Enter the server address your admin gave you.")),
                   (self.user, self.tr("Enter your user name.")),
                   (self.password, self.tr("Enter your password."))]
        for field, message in missing:
            if not field.text().strip():
                self._show_error(message)
                field.setFocus()
                return
        self._set_busy(True)
        self._controller.login(self.server.text().strip(), self.user.text().strip(), self.password.text())

    @Slot()
    def _on_controller_login_succeeded(self) -> None:
        if not self._busy:
            return
        self._set_busy(False)
        self.password.clear()
        self.accept()

    @Slot(object)
    def _on_controller_login_failed(self, error: BaseException) -> None:
        if not self._busy:
            return
        self._set_busy(False)
        self._show_error(self.failure_text(error))
        self.error.setToolTip(getattr(error, "message", None) or str(error))
        self.password.selectAll()
        self.password.setFocus()

    def failure_text(self, error: BaseException) -> str:
        """What went wrong, by kind, in the rep's language; the service's English details go in the tooltip."""
        kind = error_kind(error)
        if kind == "auth":
            return self._auth_text(error)
        if getattr(error, "not_a_server", False):
            return self.tr("No crm-server answers at this address; check it with your admin "
                           "(it starts with http:// or https://).")
        if kind == "network":
            return self.tr("Cannot reach the server at {address}; check the address and your connection."
                           ).format(address=self._address())
        if kind == "schema":
            if getattr(error, "server_too_old", False):
                return self.tr("The server is older than this app; ask your admin to upgrade it.")
            return self.tr("This app is too old for the server; please update it.")
        if kind == "garbage":  # a web page where the API should be: a wrong address, or a Wi-Fi sign-in page
            return self.tr("Something at this address answered, but not as a crm-server: check the address, "
                           "or sign in to the network first (a hotel or airport Wi-Fi page).")
        if kind == "server":
            return self.tr("The server had a problem; try again in a moment.")
        return self.tr("Logging in failed; see the log.")

    def _auth_text(self, error: BaseException) -> str:
        if getattr(error, "login_locked", False):
            return self.tr("Too many wrong passwords for this user: the server takes no login for a while. "
                           "Try again later, or ask your admin.")
        waiting_user = getattr(error, "waiting_user", None)
        if not waiting_user:
            return self.tr("The server did not accept this user name and password.")
        waiting = getattr(error, "waiting", 0)
        text = (self.tr("1 change made as {user} is not synced yet.") if waiting == 1 else
                self.tr("{count} changes made as {user} are not synced yet.").format(count=waiting, user="{user}"))
        return (text + " " + self.tr("Log in as {user} and sync (and settle any sync issues) before another "
                                     "user logs in here.")).format(user=waiting_user)

    def _address(self) -> str:
        """The server address as the app reads it: "crm.example.com:8765" is dialled as http://..."""
        typed = self.server.text().strip().rstrip("/")
        return typed if "://" in typed else "http://" + typed

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.adjustSize()  # room for the error line, never squeezed fields

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        if busy:
            self.error.hide()
        for widget in (self.server, self.user, self.password, self.login_button):
            widget.setEnabled(not busy)
        self.login_button.setText(self.tr("Logging in…") if busy else self.tr("Log in"))

    @Slot(str)
    def _on_field_text_edited(self, _text: str) -> None:
        self.error.hide()

    def reject(self) -> None:
        """Work offline: close; a login still running finishes without this dialog."""
        self._busy = False
        self.password.clear()
        super().reject()
