"""Output into a pipe whose reader has gone (``crm-desktop status | head -1``) ends quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop.store import Store


def _run_into_closed_pipe(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with stdout a pipe nobody reads any more, as when ``head`` has exited."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "crm_desktop.cli", *args], stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write_end)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A store with enough contacts that a JSON list overflows the output buffer mid-command."""
    store = Store.open_dir(tmp_path / "data")
    for n in range(60):
        store.create("contact", {"first_name": f"Ana{n}", "last_name": "Ruiz", "email": f"ana{n}@acme.example",
                                 "job_title": "Head of procurement and everything else besides"})
    store.close()
    return tmp_path / "data"


@pytest.mark.parametrize("args", [("status",), ("list", "contacts", "--json")])
def test_a_reader_that_went_away_ends_the_command_quietly(data_dir: Path, args: tuple[str, ...]) -> None:
    result = _run_into_closed_pipe("--data-dir", str(data_dir), *args)
    assert result.stderr == ""
    assert result.returncode == 1  # the output was cut short: not a success for `set -o pipefail`
