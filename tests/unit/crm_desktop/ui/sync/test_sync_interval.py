"""The sync interval: from the rep's preferences to AutoSync, and changed while running."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from crm_desktop.services import sync as sync_service
from crm_desktop.services.preferences import Preferences
from crm_desktop.ui.sync.controller import SyncController


def test_controller_syncs_as_often_as_the_preferences_say(qtbot, context, fake, monkeypatch):
    monkeypatch.setattr(sync_service, "AutoSync", fake.AutoSync)
    Preferences(context.store).set_sync_interval_minutes(7)
    controller = SyncController.create(context)
    assert controller._auto.interval == 7 * 60
    assert controller.sync_interval_minutes() == 7


def test_default_preferences_sync_every_five_minutes(qtbot, context, fake, monkeypatch):
    monkeypatch.setattr(sync_service, "AutoSync", fake.AutoSync)
    controller = SyncController.create(context)
    assert controller._auto.interval == 5 * 60


def test_new_interval_restarts_running_autosync_at_the_new_pace(qtbot, service, fake):
    controller = SyncController(service, auto_sync=fake.AutoSync, sync_interval=300)
    controller.start()
    old = controller._auto
    controller.set_sync_interval(30)
    qtbot.wait_until(lambda: old.calls == ["start", "stop"])  # stopped on the worker, not here
    assert controller._auto is not old
    assert controller._auto.interval == 30 * 60
    assert controller._auto.calls == ["start"]
    controller.stop()
    assert controller._auto.calls == ["start", "stop"]


def test_new_interval_before_start_waits_for_start(service, fake):
    controller = SyncController(service, auto_sync=fake.AutoSync, sync_interval=300)
    controller.set_sync_interval(60)
    assert controller._auto.interval == 3600 and controller._auto.calls == []
    controller.start()
    assert controller._auto.calls == ["start"]
    controller.stop()


def test_same_interval_leaves_autosync_alone(service, fake):
    controller = SyncController(service, auto_sync=fake.AutoSync, sync_interval=300)
    controller.start()
    running = controller._auto
    controller.set_sync_interval(5)
    assert controller._auto is running and running.calls == ["start"]
    controller.stop()


@pytest.mark.parametrize(("credentials", "warning"), [
    (SimpleNamespace(warning="no keyring is available on this machine"), "no keyring is available on this machine"),
    (SimpleNamespace(warning=None), None),
    (None, None),
])
def test_credentials_warning_comes_from_the_service(service, credentials, warning):
    service.credentials = credentials
    assert SyncController(service).credentials_warning() == warning
