"""Logging in and out, throttling, and the user endpoints."""

from __future__ import annotations

import threading
from datetime import timedelta

from fastapi.testclient import TestClient
from server_testkit import Api
from sqlalchemy import text, update
from sqlmodel import Session

from crm_core.protocol import TokenResponse
from crm_server import crud
from crm_server.core.db import utcnow, write_transaction
from crm_server.models import AuthToken


def _login(client: TestClient, name: str, password: str) -> int:
    response = client.post("/api/v1/auth/token", json={"username": name, "password": password})
    return response.status_code


def test_health_answers_without_a_token(client: TestClient) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "schema_version": 3}


def test_login_returns_a_token_response_and_stores_only_its_hash(api: Api) -> None:
    api.team("north")
    with Session(api.engine) as session:
        crud.create_user(session=session, name="ana", password="s3cret", team="north")
    response = api.client.post("/api/v1/auth/token", json={"username": "ana", "password": "s3cret"})
    assert response.status_code == 200
    token = TokenResponse.model_validate(response.json())
    assert (token.user, token.team, token.is_admin, token.token_type) == ("ana", "north", False, "bearer")
    with api.engine.connect() as conn:
        stored = conn.execute(text("SELECT token_hash FROM auth_token")).scalars().all()
    assert token.access_token not in stored and len(stored) == 1


def test_wrong_password_and_unknown_user_get_401(api: Api) -> None:
    api.rep("ana")
    assert _login(api.client, "ana", "wrong") == 401
    assert _login(api.client, "nobody", "wrong") == 401


def test_repeated_failed_logins_lock_the_user_for_a_while(api: Api) -> None:
    api.rep("ana")
    statuses = [_login(api.client, "ana", "wrong") for _ in range(4)]
    assert statuses == [401, 401, 401, 401]
    response = api.client.post("/api/v1/auth/token", json={"username": "ana", "password": "pw-ana"})
    assert response.status_code == 429
    assert "try again" in response.json()["detail"] and int(response.headers["Retry-After"]) > 0


def test_successful_login_resets_the_failure_count(api: Api) -> None:
    api.rep("ana")
    for _ in range(3):
        assert _login(api.client, "ana", "wrong") == 401
    assert _login(api.client, "ana", "pw-ana") == 200
    for _ in range(3):
        assert _login(api.client, "ana", "wrong") == 401
    assert _login(api.client, "ana", "pw-ana") == 200


def test_logout_revokes_the_token(api: Api) -> None:
    ana = api.rep("ana")
    assert api.client.get("/api/v1/users/me", headers=ana.headers).status_code == 200
    assert api.client.post("/api/v1/auth/logout", headers=ana.headers).status_code == 204
    response = api.client.get("/api/v1/users/me", headers=ana.headers)
    assert response.status_code == 401 and "log in" in response.json()["detail"]


def test_expired_token_gets_401(api: Api) -> None:
    ana = api.rep("ana")
    with api.engine.begin() as conn:
        conn.execute(update(AuthToken).values(expires_at=utcnow() - timedelta(minutes=1)))
    assert api.client.get("/api/v1/users/me", headers=ana.headers).status_code == 401


def test_requests_without_a_token_get_401(client: TestClient) -> None:
    for path in ("/api/v1/users/me", "/api/v1/directory", "/api/v1/sync/pull"):
        response = client.get(path)
        assert response.status_code == 401, path
    garbage = client.get("/api/v1/users/me", headers={"Authorization": "Bearer nonsense"})
    assert garbage.status_code == 401


def test_token_of_a_deleted_user_gets_401(api: Api) -> None:
    ana = api.rep("ana")
    with Session(api.engine) as session:
        assert crud.delete_user(session=session, name="ana")
    assert api.client.get("/api/v1/users/me", headers=ana.headers).status_code == 401
    assert ana.push(expect=401)["detail"]


def test_me_and_directory_name_users_and_teams(api: Api) -> None:
    ana = api.rep("ana", team="north")
    api.rep("bob", admin=True)
    me = api.client.get("/api/v1/users/me", headers=ana.headers).json()
    assert (me["name"], me["team"], me["is_admin"]) == ("ana", "north", False)
    directory = api.client.get("/api/v1/directory", headers=ana.headers).json()
    assert directory["teams"] == ["north"]
    assert directory["users"] == [{"name": "ana", "team": "north"}, {"name": "bob", "team": None}]


def test_a_login_while_a_push_commits_waits_for_it_instead_of_failing(api: Api, monkeypatch) -> None:
    # A login reads the user, checks the password (slow on purpose), then stores a token.
    # On SQLite a push committing in between made that write fail at once with 503
    # ("busy"), which the rep saw as server trouble while a colleague synced.
    api.rep("ana")
    checked = crud.verify_password
    writes: list[threading.Thread] = []

    def push_commits_meanwhile() -> None:
        with write_transaction(api.engine) as conn:
            conn.execute(text("INSERT INTO server_meta (key, value) VALUES ('pushed', '1')"))

    def slow_check(password: str, digest: str) -> bool:
        writer = threading.Thread(target=push_commits_meanwhile)
        writer.start()
        writer.join(timeout=0.5)  # done at once unless the login holds the write lock
        writes.append(writer)
        return checked(password, digest)

    monkeypatch.setattr(crud, "verify_password", slow_check)
    assert _login(api.client, "ana", "pw-ana") == 200
    for writer in writes:
        writer.join(timeout=10)
        assert not writer.is_alive()
    with api.engine.connect() as conn:
        assert str(conn.execute(text("SELECT value FROM server_meta WHERE key = 'pushed'")).scalar()) == "1"
