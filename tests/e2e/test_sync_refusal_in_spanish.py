"""A real server's refusal, read in Spanish in the Sync issues view and unchanged on the command line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crm_desktop import cli
from crm_desktop.ui.i18n import Translations
from crm_desktop.ui.sync.controller import SyncController
from crm_desktop.ui.sync.issues_model import SyncIssuesModel
from crm_desktop.ui.sync.issues_view import SyncIssuesView
from tests.e2e.conftest import Rep
from tests.helpers.server import ServerProcess

pytestmark = pytest.mark.e2e
MakeRep = Callable[..., Rep]


@pytest.fixture
def spanish(qapp: object) -> Iterator[Translations]:
    translations = Translations()
    translations.install("es")
    yield translations
    translations.install("en")


def _bob_edits_ritas_contact_he_may_only_read(server: ServerProcess, make_rep: MakeRep) -> tuple[Rep, str]:
    ana, bob = make_rep(server), make_rep(server)
    rita = ana.crm.create_contact({"first_name": "Rita", "last_name": "Vega"})
    ana.crm.share(rita, "user", bob.name, ["read"])
    ana.sync.sync_now()
    bob.sync.sync_now()
    bob.crm.update(rita.id, {"job_title": "CEO"})
    assert bob.sync.sync_now().rejected == 1
    return bob, rita.id


def test_a_colleagues_record_edited_without_write_right_is_refused_in_spanish_with_her_name(
        shared_server: ServerProcess, make_rep: MakeRep, spanish: Translations, qtbot: QtBot,
        tmp_path: Path) -> None:
    bob, rita = _bob_edits_ritas_contact_he_may_only_read(shared_server, make_rep)
    [issue] = bob.sync.issues()
    assert issue.why is not None and issue.why.code.name == "sync.no_right"
    view = SyncIssuesView(SyncController(bob.sync))
    qtbot.add_widget(view)
    view.resize(760, 440)
    view.table.selectRow(0)
    assert view.model.index(0, SyncIssuesModel.REASON).data() == (
        'No permitido: no tiene el derecho "Escribir" sobre el contacto Rita Vega')
    explanation = view.detail.explanation.text()
    assert 'El servidor dijo: No tiene el derecho "Escribir" sobre el contacto Rita Vega.' in explanation
    assert "you have" not in explanation and rita not in explanation
    view.grab().save(str(tmp_path / "sync-issue-refused-es.png"))


def test_the_command_line_still_says_the_servers_english(shared_server: ServerProcess, make_rep: MakeRep,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    bob, rita = _bob_edits_ritas_contact_he_may_only_read(shared_server, make_rep)
    data_dir = str(bob.store.path.parent)
    capsys.readouterr()
    assert cli.main(["--data-dir", data_dir, "sync-issues", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert set(listed) == {"id", "kind", "entity", "record_id", "record_name", "op", "reason", "message", "fields",
                           "created_at", "dependants"}
    assert (listed["reason"], listed["message"]) == ("permission", f"you have no write right on contact {rita}")
    assert cli.main(["--data-dir", data_dir, "sync-issues"]) == 0
    text = capsys.readouterr().out
    assert "permission" in text and f"you have no write right on contact {rita}" in text
