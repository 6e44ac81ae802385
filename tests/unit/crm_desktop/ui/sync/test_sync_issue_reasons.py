"""The server's refusal in the rep's language: its code and values, records by name, fields by label."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from crm_core import sync_reasons, validation
from crm_core.protocol import PushResult, Why
from crm_core.reasons import Reason
from crm_desktop.store import outbox
from crm_desktop.sync.issues import list_issues
from crm_desktop.ui.i18n import Translations
from crm_desktop.ui.sync.issues_model import SyncIssuesModel
from crm_desktop.ui.sync.issues_view import SyncIssuesView


@pytest.fixture
def spanish(qapp: object) -> Iterator[Translations]:
    translations = Translations()
    translations.install("es")
    yield translations
    translations.install("en")


def _refused(store: Any, crm: Any, reason: str, why: Callable[[str], Reason] | None) -> list[Any]:
    """Rita Vega's queued edit, refused by the server with ``why(her id)`` (None: as an older server)."""
    rita = crm.create_contact({"first_name": "Rita", "last_name": "Vega"})
    with store.db.transaction() as conn:
        conn.execute("DELETE FROM outbox")  # as if the create went through
    crm.update(rita.id, {"job_title": "CEO"})
    mutation_id = store.conn.execute("SELECT max(mutation_id) FROM outbox").fetchone()[0]
    said = why(rita.id) if why is not None else None
    message = str(said) if said is not None else f"you have no write right on contact {rita.id}"
    form = Why.model_validate(sync_reasons.reason_json(said)) if said is not None else None
    with store.db.transaction() as conn:
        outbox.acknowledge(conn, [PushResult(mutation_id=mutation_id, status="rejected", reason=reason,
                                             message=message, why=form)])
    return list_issues(store)


def _no_write(record_id: str) -> Reason:
    return sync_reasons.NO_RIGHT(right=sync_reasons.right_word("write"), entity=sync_reasons.entity_word("contact"),
                                 id=record_id)


def _bad_email(_record_id: str) -> Reason:
    return sync_reasons.in_field("contact", "email", validation.BAD_EMAIL(
        value="rita@", detail="There must be something after the @-sign."))


def _view(qtbot: Any, controller: Any, service: Any, issues: list[Any]) -> SyncIssuesView:
    service.open_issues = issues
    view = SyncIssuesView(controller)
    qtbot.add_widget(view)
    view.resize(760, 440)
    view.table.selectRow(0)
    return view


def test_a_refusal_reads_in_spanish_with_the_record_by_its_name(spanish: Translations, qtbot: Any, controller: Any,
                                                                 service: Any, store: Any, crm: Any,
                                                                 tmp_path: Any) -> None:
    view = _view(qtbot, controller, service, _refused(store, crm, "permission", _no_write))
    assert view.model.index(0, SyncIssuesModel.REASON).data() == (
        'No permitido: no tiene el derecho "Escribir" sobre el contacto Rita Vega')
    explanation = view.detail.explanation.text()
    assert 'El servidor dijo: No tiene el derecho "Escribir" sobre el contacto Rita Vega.' in explanation
    assert "you have" not in explanation and "contact " not in explanation
    view.grab().save(str(tmp_path / "refusal-es.png"))


def test_a_refused_value_names_the_field_by_its_label_in_spanish(spanish: Translations, qtbot: Any,
                                                                 controller: Any, service: Any, store: Any,
                                                                 crm: Any) -> None:
    view = _view(qtbot, controller, service, _refused(store, crm, "validation", _bad_email))
    assert view.model.index(0, SyncIssuesModel.REASON).data() == (
        "Valor rechazado: Correo electrónico: el correo electrónico 'rita@' no es válido")


def test_in_english_the_refusal_reads_as_the_servers_message_with_names_and_labels(
        qtbot: Any, controller: Any, service: Any, store: Any, crm: Any) -> None:
    [issue] = _refused(store, crm, "permission", _no_write)
    view = _view(qtbot, controller, service, [issue])
    assert issue.message.endswith(issue.record_id)  # the CLI's words, unchanged
    assert view.model.index(0, SyncIssuesModel.REASON).data() == (
        "Not allowed: you have no write right on contact Rita Vega")


def test_an_issue_with_no_code_falls_back_to_the_servers_english_message(spanish: Translations, qtbot: Any,
                                                                          controller: Any, service: Any,
                                                                          store: Any, crm: Any) -> None:
    [issue] = _refused(store, crm, "permission", None)  # an older server's answer
    view = _view(qtbot, controller, service, [issue])
    assert issue.why is None
    assert view.model.index(0, SyncIssuesModel.REASON).data() == (
        "No permitido: you have no write right on contact Rita Vega")
