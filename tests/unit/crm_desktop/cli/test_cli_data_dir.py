"""A ``--data-dir`` that cannot be the data folder: one line naming it, no trace."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop import cli


def _fails(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert code == 1, out
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux's /proc, where mkdir fails")
def test_a_data_dir_that_cannot_be_created_is_named_with_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    line = _fails(capsys, "--data-dir", "/proc/nope", "list", "contacts")
    assert line == "crm-desktop: cannot use /proc/nope as the data folder: No such file or directory"


def test_a_data_dir_that_is_a_file_is_named_with_the_reason(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a folder")
    line = _fails(capsys, "--data-dir", str(path), "list", "contacts")
    assert line == f"crm-desktop: cannot use {path} as the data folder: it is a file, not a folder"
    assert path.read_text() == "not a folder"


def test_a_data_dir_inside_a_file_is_named_with_the_reason(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a folder")
    line = _fails(capsys, "--data-dir", str(path / "crm"), "--verbose", "list", "accounts", "--json")
    assert line.startswith(f"crm-desktop: cannot use {path / 'crm'} as the data folder: ")
