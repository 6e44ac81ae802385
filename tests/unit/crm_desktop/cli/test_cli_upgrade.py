"""A command on a store written by an older version says it is upgrading it, once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_desktop import cli


@pytest.mark.parametrize("relative", [False, True], ids=["absolute", "relative"])
def test_the_first_command_after_an_update_says_the_store_is_being_upgraded(
        v1_store: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, relative: bool) -> None:
    monkeypatch.chdir(v1_store.parent)
    data = Path(v1_store.name) if relative else v1_store
    assert cli.main(["--data-dir", str(data), "status", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["pending_changes"] == 1  # stdout stays one JSON document
    assert err == (f"Updating the records in {data} for this version of crm-desktop (once; a large store"
                   " takes a minute)...\n")
    assert cli.main(["--data-dir", str(data), "status", "--json"]) == 0
    assert capsys.readouterr().err == ""  # done: the next command says nothing
