"""The admin commands write while reps sync: a push committing meanwhile must not fail them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from crm_server import cli, crud


def test_create_team_waits_for_a_write_that_commits_between_its_check_and_its_insert(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["create-team", "Sales", "--data-dir", str(tmp_path)]) == 0
    database = tmp_path / "crm-server.sqlite3"
    checked = crud.get_team

    def check_then_someone_pushes(*, session: Any, name: str) -> Any:
        found = checked(session=session, name=name)
        other = sqlite3.connect(database, timeout=0.5)  # a push, committing right after the name check
        try:
            other.execute("UPDATE team SET name = name")
            other.commit()
            pushed.append(True)
        except sqlite3.OperationalError:
            pushed.append(False)  # it waits for the command instead: what BEGIN IMMEDIATE gives
        finally:
            other.close()
        return found

    pushed: list[bool] = []
    monkeypatch.setattr(crud, "get_team", check_then_someone_pushes)
    # was: "crm-server: (sqlite3.OperationalError) database is locked" and exit 1, the team not made
    assert cli.main(["create-team", "Support", "--data-dir", str(tmp_path)]) == 0
    assert "created team Support" in capsys.readouterr().out
    assert pushed == [False]  # the command held the write lock from its first read
