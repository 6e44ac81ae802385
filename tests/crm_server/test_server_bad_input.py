"""Bad input gets a 4xx with a clear {"detail": "..."} and writes nothing."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from server_testkit import Api, Rep
from sqlalchemy import text

from crm_core.protocol import MAX_PUSH_BYTES, MAX_PUSH_MUTATIONS, SCHEMA_VERSION

PUSH = "/api/v1/sync/push"


def _state(api: Api) -> tuple[int, int, int]:
    with api.engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)
            for table in ("record", "sync_client", "change_log")
        )


def _mutation(**changes: Any) -> dict[str, Any]:
    m = {
        "mutation_id": 1,
        "entity": "account",
        "record_id": str(uuid.uuid4()),
        "op": "create",
        "fields": {"name": "Acme"},
    }
    return m | changes


def _body(*mutations: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {"client_id": "laptop-1", "schema_version": SCHEMA_VERSION, "mutations": list(mutations)} | changes


def _refused(api: Api, rep: Rep, body: Any, status: int = 422) -> str:
    before = _state(api)
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = rep.headers | {"Content-Type": "application/json"}
    response = api.client.post(PUSH, content=content, headers=headers)
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail
    assert _state(api) == before
    return detail


@pytest.fixture
def ana(api: Api) -> Rep:
    return api.rep("ana")


def test_malformed_json_is_refused(api: Api, ana: Rep) -> None:
    assert "JSON" in _refused(api, ana, b'{"client_id": "x", "mutations": [')
    assert _refused(api, ana, b"\xff\xfe not even text")


@pytest.mark.parametrize(
    ("body", "names"),
    [
        (_body(_mutation(mutation_id="one")), "mutation_id"),
        (_body(_mutation(op="explode")), "op"),
        (_body(_mutation(record_id="x" * 80)), "record_id"),
        (_body(_mutation(surprise=True)), "surprise"),
        (_body(_mutation(), client_id=""), "client_id"),
        (_body(_mutation(), schema_version="new"), "schema_version"),
        (_body(_mutation(fields={"name": 5})), "name"),
        (_body(_mutation(fields={"name": {"nested": "x"}})), "name"),
        (_body(_mutation(fields=["name"])), "fields"),
        (_body(_mutation(entity="spaceship")), "spaceship"),
        (_body(_mutation(fields={"name": "Acme", "colour": "red"})), "colour"),
        (
            _body(_mutation(op="share", fields={"principal_type": "user", "principal": "bob", "rights": "all"})),
            "rights",
        ),
        (_body(_mutation(op="assign", fields={"owner_type": "user", "owner": 7})), "owner"),
        ({"mutations": []}, "client_id"),
        ([1, 2, 3], "Input"),
    ],
)
def test_wrong_types_and_unknown_names_are_refused_naming_the_field(api: Api, ana: Rep, body: Any, names: str) -> None:
    assert names in _refused(api, ana, body)


def test_too_many_mutations_are_refused(api: Api, ana: Rep) -> None:
    many = [_mutation(mutation_id=i + 1) for i in range(MAX_PUSH_MUTATIONS + 1)]
    assert "mutations" in _refused(api, ana, _body(*many))


def test_oversized_body_by_content_length_gets_413(api: Api, ana: Rep) -> None:
    headers = ana.headers | {"Content-Length": str(MAX_PUSH_BYTES + 1), "Content-Type": "application/json"}
    response = api.client.post(PUSH, content=b"{}", headers=headers)
    assert response.status_code == 413 and "at most" in response.json()["detail"]


def test_oversized_streamed_body_gets_413(api: Api, ana: Rep) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"client_id": "laptop-1", "schema_version": 1, "mutations": [], "pad": "'
        for _ in range(MAX_PUSH_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    before = _state(api)
    response = api.client.post(PUSH, content=chunks(), headers=ana.headers)
    assert response.status_code == 413
    assert _state(api) == before


def test_sql_injection_strings_are_just_text(api: Api, ana: Rep) -> None:
    evil = "Robert'); DROP TABLE record; --"
    account = ana.create("account", name=evil, description="' OR '1'='1")
    assert ana.pull_all()[0][account]["fields"]["name"] == evil
    login = api.client.post("/api/v1/auth/token", json={"username": "' OR 1=1 --", "password": "' OR ''='"})
    assert login.status_code == 401
    bad_cursor = api.client.get("/api/v1/sync/pull?cursor=1;DROP TABLE record", headers=ana.headers)
    assert bad_cursor.status_code == 422
    share = ana.do("share", "account", account, {"principal_type": "user", "principal": evil, "rights": []})
    assert share["reason"] == "validation" and "principal" in share["message"]
    assert len(ana.pull_all()[0]) > 1


@pytest.mark.parametrize("query", ["cursor=-1", "cursor=abc", "limit=0", "limit=many"])
def test_bad_pull_parameters_are_refused(api: Api, ana: Rep, query: str) -> None:
    headers = ana.headers | {"X-CRM-Schema-Version": "1"}
    response = api.client.get(f"/api/v1/sync/pull?{query}", headers=headers)
    assert response.status_code == 422 and isinstance(response.json()["detail"], str)


def test_bad_login_bodies_are_refused(api: Api) -> None:
    for body in (b"{not json", b'{"username": 5, "password": []}', b'{"username": "ana"}'):
        headers = {"Content-Type": "application/json"}
        response = api.client.post("/api/v1/auth/token", content=body, headers=headers)
        assert response.status_code == 422 and isinstance(response.json()["detail"], str)


def test_values_the_rules_refuse_are_rejected_per_mutation_naming_the_field(api: Api, ana: Rep) -> None:
    cases = {
        "email": {"name": "Acme", "email": "not-an-email"},
        "name": {"name": "x" * 500},
        "currency": {"name": "Acme", "currency": "EURO"},
        "parent_account_id": {"name": "Acme", "parent_account_id": "not-a-uuid"},
    }
    for field, fields in cases.items():
        result = ana.do("create", "account", str(uuid.uuid4()), fields)
        assert (result["status"], result["reason"]) == ("rejected", "validation")
        assert field in result["message"]
    bad_id = ana.do("create", "account", "not-a-uuid", {"name": "Acme"})
    assert bad_id["reason"] == "validation" and "record_id" in bad_id["message"]


def test_unencodable_text_is_refused_not_crashed_on(api: Api, ana: Rep) -> None:
    body = b'{"username": "ana\\ud800", "password": "x"}'
    response = api.client.post("/api/v1/auth/token", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code in (401, 422)
    push = (
        b'{"client_id": "c1", "schema_version": 1, "mutations": [{"mutation_id": 1, "entity": "account",'
        b' "record_id": "5b0f6c1e-8d3a-4f43-9a57-2f1d6a0c9e11", "op": "create", "fields": {"name": "\\udfff"}}]}'
    )
    assert "JSON" in _refused(api, ana, push)


def test_push_of_a_newer_schema_gets_426_even_when_its_mutations_do_not_parse(api: Api, ana: Rep) -> None:
    body = _body(_mutation(op="merge"), schema_version=SCHEMA_VERSION + 1)
    assert "schema version" in _refused(api, ana, body, status=426)
