"""Assign and Share dialogs: they queue a change in the real store and nudge sync."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from crm_desktop.store import outbox
from crm_desktop.ui.sync.owner_dialogs import AssignDialog, ShareDialog


@pytest.fixture
def acme(crm):
    return crm.create_account({"name": "Acme Ltd"})


def queued(crm, op):
    with crm.store.db.lock:
        return [m for m in outbox.queued(crm.store.conn, 100) if m.op == op]


def make(qtbot, cls, crm, controller, record):
    dialog = cls(crm, controller, record)
    qtbot.add_widget(dialog)
    return dialog


def test_assign_to_a_team_queues_the_change_and_nudges_sync(qtbot, crm, controller, acme):
    dialog = make(qtbot, AssignDialog, crm, controller, acme)
    qtbot.mouseClick(dialog.picker.team_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.picker.name.lineEdit(), "North")
    with qtbot.wait_signal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [change] = queued(crm, "assign")
    assert change.record_id == acme.id and change.fields == {"owner_type": "team", "owner": "North"}
    assert crm.get("account", acme.id).owner_name == "North"
    assert "notify_local_edit" in controller._auto.calls


def test_assign_offers_the_directory_names(qtbot, crm, controller, acme):
    with qtbot.wait_signal(controller.directory_changed):
        controller.refresh_directory()
    dialog = make(qtbot, AssignDialog, crm, controller, acme)
    names = [dialog.picker.name.itemText(i) for i in range(dialog.picker.name.count())]
    assert names == ["ana", "luis"]
    dialog.picker.team_radio.setChecked(True)
    assert [dialog.picker.name.itemText(i) for i in range(dialog.picker.name.count())] == ["North"]


def test_opening_while_logged_in_fetches_fresh_names(qtbot, crm, controller, acme):
    with qtbot.wait_signal(controller.directory_changed):
        dialog = make(qtbot, AssignDialog, crm, controller, acme)
    assert dialog.picker.name.count() == 2


def test_offline_the_name_is_free_text(qtbot, crm, controller, service, acme):
    service.state_value = replace(service.state_value, logged_in=False)
    dialog = make(qtbot, AssignDialog, crm, controller, acme)
    assert dialog.picker.name.count() == 0 and "Type the exact name" in dialog.picker.hint.text()


def test_assign_without_a_name_says_so_and_queues_nothing(qtbot, crm, controller, acme):
    dialog = make(qtbot, AssignDialog, crm, controller, acme)
    with qtbot.assert_not_emitted(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Enter a user or team name" in dialog.error.text()
    assert queued(crm, "assign") == []


def test_share_queues_the_ticked_rights(qtbot, crm, controller, acme):
    dialog = make(qtbot, ShareDialog, crm, controller, acme)
    qtbot.keyClicks(dialog.picker.name.lineEdit(), "luis")
    qtbot.mouseClick(dialog.rights["write"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.rights["append_to"], Qt.MouseButton.LeftButton)
    with qtbot.wait_signal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [change] = queued(crm, "share")
    assert change.fields == {"principal_type": "user", "principal": "luis",
                             "rights": ["read", "write", "append_to"]}
    assert crm.get("account", acme.id).pending


def test_share_offers_every_right_with_read_ticked(qtbot, crm, controller, acme):
    dialog = make(qtbot, ShareDialog, crm, controller, acme)
    assert list(dialog.rights) == ["read", "write", "append", "append_to", "assign", "share", "delete"]
    assert dialog.chosen_rights() == ["read"]


def test_share_with_no_rights_removes_access(qtbot, crm, controller, acme):
    dialog = make(qtbot, ShareDialog, crm, controller, acme)
    dialog.rights["read"].setChecked(False)
    assert dialog.ok_button.text() == "Remove access"
    dialog.picker.team_radio.setChecked(True)
    qtbot.keyClicks(dialog.picker.name.lineEdit(), "North")
    with qtbot.wait_signal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [change] = queued(crm, "share")
    assert change.fields == {"principal_type": "team", "principal": "North", "rights": []}


def test_a_refused_write_is_shown_inline(qtbot, crm, controller, acme):
    crm.delete(acme)
    dialog = make(qtbot, AssignDialog, crm, controller, acme)
    qtbot.keyClicks(dialog.picker.name.lineEdit(), "ana")
    with qtbot.assert_not_emitted(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isHidden() and dialog.error.text()


def test_tab_goes_from_the_name_through_the_rights_to_the_buttons(qtbot, crm, controller, acme):
    dialog = make(qtbot, ShareDialog, crm, controller, acme)
    assert dialog.picker.name.nextInFocusChain() is not None
    order = [dialog.picker.name]
    widget = dialog.picker.name
    for _ in range(9):
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget is dialog.picker.name.lineEdit():
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order[1:8] == list(dialog.rights.values())
    assert order[8] is dialog.ok_button
