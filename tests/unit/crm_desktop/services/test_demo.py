"""Demo data, including demo sync issues for tours and screenshots."""

from __future__ import annotations

from crm_desktop.services import CrmService
from crm_desktop.services.demo import load, load_sync_issues
from crm_desktop.services.sync import SyncService


def test_demo_sync_issues_are_a_conflict_and_a_rejection_as_a_push_answer_makes_them(crm: CrmService) -> None:
    load(crm)
    before = crm.store.pending_changes()
    assert load_sync_issues(crm) == 2
    issues = {i.kind: i for i in SyncService(crm.store).issues()}
    assert issues["conflict"].fields["phone"]["theirs"] == "+34 910 000 111"
    assert issues["rejected"].reason == "permission"
    assert all(issue.created_at.startswith("20") for issue in issues.values())  # the When column shows it
    assert crm.store.pending_changes() == before  # both answered, nothing left queued
