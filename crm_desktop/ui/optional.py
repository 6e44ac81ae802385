"""Pieces other parts of the app provide, imported only when they are there.

Each helper returns None when its piece is missing, and the window leaves
the matching command out: no dead buttons.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from types import ModuleType
from typing import Any

from PySide6.QtWidgets import QWidget

log = logging.getLogger("crm.ui")


def module(name: str) -> ModuleType | None:
    """The module, or None if it does not exist (yet)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if (exc.name or "").startswith("crm_desktop"):
            log.info("%s is not available: %s", name, exc)  # not built yet: its commands stay out
            return None
        log.exception("%s cannot be imported; the app runs without it", name)
        return None
    except ImportError:
        log.exception("%s cannot be imported; the app runs without it", name)
        return None


def attribute(module_name: str, name: str) -> Any:
    """``module_name.name``, or None when either is missing."""
    found = module(module_name)
    return getattr(found, name, None) if found is not None else None


def _with_controller(module_name: str, class_name: str, controller: Any, parent: QWidget) -> QWidget | None:
    if controller is None:
        return None
    cls = attribute(module_name, class_name)
    return None if cls is None else cls(controller, parent)


def sync_issues_view(controller: Any, parent: QWidget) -> QWidget | None:
    return _with_controller("crm_desktop.ui.sync.issues_view", "SyncIssuesView", controller, parent)


def sync_status_widget(controller: Any, parent: QWidget) -> QWidget | None:
    return _with_controller("crm_desktop.ui.sync.status_bar", "SyncStatusWidget", controller, parent)


def login_dialog_class(controller: Any) -> Any:
    return None if controller is None else attribute("crm_desktop.ui.sync.login_dialog", "LoginDialog")


def owner_dialog_class(controller: Any, name: str) -> Any:
    """AssignDialog or ShareDialog, when sync is there to carry them."""
    return None if controller is None else attribute("crm_desktop.ui.sync.owner_dialogs", name)


def import_wizard_class(transfer: Any) -> Any:
    return None if transfer is None else attribute("crm_desktop.ui.import_wizard", "ImportWizard")


def export_function(transfer: Any) -> Callable[..., None] | None:
    """``export(parent, kind, search, view, order=None)`` bound to the transfer service, if both exist."""
    export_list = None if transfer is None else attribute("crm_desktop.ui.export", "export_list")
    if export_list is None:
        return None
    return lambda parent, kind, search, view, order=None: export_list(parent, transfer, kind, search, view, order)


def welcome_page_class() -> Any:
    return attribute("crm_desktop.ui.welcome", "WelcomePage")


def transfer_service(store: Any) -> Any:
    """TransferService(store), if the service is there; its CSV files follow Qt's system locale."""
    from PySide6.QtCore import QLocale

    cls = attribute("crm_desktop.services.transfer", "TransferService")
    # Qt reads the regional settings on Windows and macOS too, where the environment names no locale.
    return None if cls is None else cls(store, system_locale=lambda: QLocale.system().name())


def sync_controller(context: Any, parent: Any) -> Any:
    """SyncController.create(context, parent), or None when sync is not there."""
    cls = attribute("crm_desktop.ui.sync.controller", "SyncController")
    if cls is None:
        return None
    try:
        return cls.create(context, parent)
    except ImportError as exc:
        log.info("sync is not available yet: %s", exc)
        return None
