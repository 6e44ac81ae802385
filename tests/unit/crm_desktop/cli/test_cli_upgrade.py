"""A command on a store written by an older version says it is upgrading it, once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crm_desktop import cli

V1_FILE = Path(__file__).resolve().parents[3] / "data" / "store_v1.sqlite3"


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_the_first_command_after_an_update_says_the_store_is_being_upgraded(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, relative: bool) -> None:
    (tmp_path / "my data").mkdir()
    shutil.copyfile(V1_FILE, tmp_path / "my data" / "crm.sqlite3")
    monkeypatch.chdir(tmp_path)
    data = Path("my data") if relative else tmp_path / "my data"
    assert cli.main(["--data-dir", str(data), "status", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["pending_changes"] == 1  # stdout stays one JSON document
    assert err == (f"Updating the records in {data} for this version of crm-desktop (once; a large store"
                   " takes a minute)...\n")
    assert cli.main(["--data-dir", str(data), "status", "--json"]) == 0
    assert capsys.readouterr().err == ""  # done: the next command says nothing
