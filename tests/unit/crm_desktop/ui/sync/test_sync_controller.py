"""SyncController: work off the GUI thread, one sync at a time, one handling per error kind."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from PySide6.QtCore import QCoreApplication, QThread

ERROR_KINDS = ["network", "auth", "server", "schema", "garbage"]


def test_sync_now_runs_on_a_worker_and_reports_finished(qtbot, controller, service, fake):
    service.sync_result = fake.Report(pushed=2, pulled=5)
    with qtbot.wait_signal(controller.sync_started), \
            qtbot.wait_signal(controller.sync_finished) as finished:
        assert controller.sync_now()
    assert finished.args == [fake.Report(pushed=2, pulled=5)]
    assert service.threads[0] is not threading.main_thread()
    assert not controller.is_syncing()


def test_sync_now_while_syncing_is_ignored(qtbot, controller, service):
    service.gate = threading.Event()
    with qtbot.wait_signal(controller.sync_finished):
        assert controller.sync_now()
        assert not controller.sync_now()
        service.gate.set()
    assert service.calls.count(("sync_now",)) == 1


def test_sync_with_conflicts_announces_changed_issues(qtbot, controller, service, fake):
    service.sync_result = fake.Report(conflicts=1)
    with qtbot.wait_signals([controller.sync_finished, controller.issues_changed]):
        controller.sync_now()


@pytest.mark.parametrize("kind", ERROR_KINDS)
def test_each_error_kind_is_reported_as_sync_failed(qtbot, controller, service, fake, kind):
    error = fake.Error("it broke", kind)
    service.sync_result = error
    with qtbot.wait_signal(controller.sync_failed) as failed:
        controller.sync_now()
    assert failed.args == [error]
    assert not controller.is_syncing()


@pytest.mark.parametrize("kind", [k for k in ERROR_KINDS if k != "auth"])
def test_only_auth_errors_ask_to_log_in(qtbot, controller, service, fake, kind):
    service.sync_result = fake.Error("down", kind)
    with qtbot.assert_not_emitted(controller.login_required), qtbot.wait_signal(controller.sync_failed):
        controller.sync_now()


def test_auth_error_asks_to_log_in_once_and_keeps_the_queue(qtbot, controller, service, fake):
    service.state_value = replace(service.state_value, pending_changes=3)
    service.sync_result = fake.Error("token expired", "auth")
    with qtbot.wait_signal(controller.login_required):
        controller.sync_now()
    assert controller.state().pending_changes == 3
    with qtbot.assert_not_emitted(controller.login_required), qtbot.wait_signal(controller.sync_failed):
        controller.sync_now()


def test_a_bug_in_sync_is_logged_with_a_trace(qtbot, controller, service, caplog):
    service.sync_result = KeyError("oops")
    with qtbot.wait_signal(controller.sync_failed):
        controller.sync_now()
    assert any(r.exc_info and r.name == "crm.ui" for r in caplog.records)


def test_autosync_state_from_its_thread_arrives_on_the_gui_thread(qtbot, controller, fake):
    seen = []
    controller.state_changed.connect(lambda state: seen.append((state, QThread.currentThread())))
    state = fake.State(pending_changes=4)
    with qtbot.wait_signal(controller.state_changed):
        worker = threading.Thread(target=controller._auto.on_state, args=(state,))
        worker.start()
        worker.join()
    assert seen == [(state, QCoreApplication.instance().thread())]
    assert controller.state() == state


def test_autosync_failure_from_its_thread_is_handled_like_a_manual_one(qtbot, controller, fake):
    error = fake.Error("expired", "auth")
    with qtbot.wait_signals([controller.sync_failed, controller.login_required]):
        worker = threading.Thread(target=controller._auto.on_finished, args=(None, error))
        worker.start()
        worker.join()


def test_autosync_report_from_its_thread_is_reported_finished(qtbot, controller, fake):
    report = fake.Report(pulled=7)
    with qtbot.wait_signal(controller.sync_finished) as finished:
        threading.Thread(target=controller._auto.on_finished, args=(report,)).start()
    assert finished.args == [report]


def test_autosync_starting_a_sync_is_announced(qtbot, controller, fake):
    with qtbot.wait_signal(controller.sync_started):
        controller._auto.on_state(fake.State(syncing=True))
    assert controller.is_syncing()


def test_start_and_stop_drive_autosync(controller):
    controller.start()
    controller.stop()
    assert controller._auto.calls == ["start", "stop"]


def test_local_edit_nudges_autosync_and_refreshes_counts(qtbot, controller, service):
    service.state_value = replace(service.state_value, pending_changes=1)
    with qtbot.wait_signal(controller.state_changed) as changed:
        controller.notify_local_edit()
    assert changed.args[0].pending_changes == 1
    assert controller._auto.calls == ["notify_local_edit"]


def test_login_runs_on_a_worker_then_syncs(qtbot, controller, service):
    service.state_value = replace(service.state_value, logged_in=False)
    with qtbot.wait_signals([controller.login_succeeded, controller.sync_finished]):
        controller.login("https://crm.example.com", "ana", "secret")
    assert service.threads[0] is not threading.main_thread()
    assert controller.state().logged_in
    assert ("login", "https://crm.example.com", "ana") in service.calls


def test_failed_login_reports_the_error(qtbot, controller, service, fake):
    service.login_error = fake.Error("wrong user name or password", "auth")
    with qtbot.wait_signal(controller.login_failed) as failed, \
            qtbot.assert_not_emitted(controller.login_succeeded):
        controller.login("https://crm.example.com", "ana", "nope")
    assert failed.args == [service.login_error]


def test_login_after_auth_error_asks_again_next_time(qtbot, controller, service, fake):
    service.sync_result = fake.Error("expired", "auth")
    with qtbot.wait_signal(controller.login_required):
        controller.sync_now()
    with qtbot.wait_signals([controller.login_succeeded, controller.login_required]):
        controller.login("https://crm.example.com", "ana", "secret")  # its first sync fails on auth


def test_logout_does_not_nag_to_log_in(qtbot, controller, service, fake):
    with qtbot.wait_signal(controller.state_changed):
        controller.logout()
    assert not controller.state().logged_in
    with qtbot.assert_not_emitted(controller.login_required), qtbot.wait_signal(controller.sync_failed):
        controller._auto.on_finished(None, fake.Error("no token", "auth"))


def test_directory_loads_in_the_background(qtbot, controller):
    assert controller.directory() == {"users": [], "teams": []}
    with qtbot.wait_signal(controller.directory_changed):
        controller.refresh_directory()
    assert controller.directory() == {"users": ["ana", "luis"], "teams": ["North"]}


@pytest.mark.parametrize(("action", "nudges"), [("keep_mine", True), ("take_theirs", False),
                                                 ("retry", True), ("discard", False)])
def test_resolving_an_issue_announces_the_change(qtbot, controller, service, fake, action, nudges):
    service.open_issues = [fake.conflict(1)]
    with qtbot.wait_signal(controller.issues_changed):
        controller.resolve(1, action)
    assert controller.issues() == []
    assert ("notify_local_edit" in controller._auto.calls) is nudges


def test_unknown_resolve_action_is_refused(controller):
    with pytest.raises(ValueError, match="unknown action"):
        controller.resolve(1, "merge")


def test_sync_now_when_logged_out_asks_to_log_in(qtbot, controller, service):
    service.state_value = replace(service.state_value, logged_in=False)
    with qtbot.wait_signal(controller.login_required), qtbot.assert_not_emitted(controller.sync_started):
        assert not controller.sync_now()


def test_manual_sync_after_an_auth_pause_resumes_autosync(qtbot, controller, service, fake):
    with qtbot.wait_signal(controller.sync_failed):
        controller._auto.on_finished(fake.Error("expired", "auth"))
    with qtbot.wait_signal(controller.sync_finished):
        controller.sync_now()
    assert controller._auto.calls == ["request_sync"]


def test_progress_from_the_worker_arrives_on_the_gui_thread(qtbot, controller, service):
    service.progress_steps = [("push", 1, 2), ("pull", 50, 100)]
    seen = []
    controller.sync_progressed.connect(lambda *args: seen.append((args, QThread.currentThread())))
    with qtbot.wait_signal(controller.sync_finished):
        controller.sync_now()
    gui = QCoreApplication.instance().thread()
    assert seen == [(("push", 1, 2), gui), (("pull", 50, 100), gui)]


def test_stop_cancels_a_running_sync(qtbot, controller, service):
    service.gate = threading.Event()
    controller.sync_now()
    service.gate.set()
    controller.stop()
    assert service.cancel_events[0].is_set()


def test_autosync_before_any_login_reports_nothing(qtbot, controller, service, fake):
    service.state_value = fake.State(logged_in=False, server_url=None, username=None, online=None)
    with qtbot.assert_not_emitted(controller.sync_failed), qtbot.assert_not_emitted(controller.login_required), \
            qtbot.wait_signal(controller.state_changed):
        controller._auto.on_finished(fake.Error("not logged in", "auth"))


def test_start_after_stop_is_not_cancelled(controller, service):
    controller.stop()
    controller.start()
    assert not controller._cancel.is_set()
