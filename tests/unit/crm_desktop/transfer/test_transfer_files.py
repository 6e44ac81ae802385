"""Saving into a folder where the rep may rewrite a file but not add one."""

from __future__ import annotations

import builtins
import csv
import errno
import os
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.services.transfer import TransferFailed, TransferService
from crm_desktop.store import Store
from crm_desktop.transfer import files


def _no_new_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder refuses new files (as a shared folder with 'modify' but not 'create' rights does)."""
    def guarded_open(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "x" in mode:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return builtins.open(path, mode, *args, **kwargs)
    monkeypatch.setattr(files, "open", guarded_open, raising=False)


def test_an_export_over_a_file_it_may_only_rewrite_is_written_in_place(
        transfer: TransferService, store: Store, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    transfer.import_file(data / "contactos_excel_es.csv")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "c.csv"
    out.write_text("an older export\n")
    _no_new_files(monkeypatch)
    assert transfer.export("contacts", out) == 4  # was: "cannot write c.csv: Permission denied"
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 5 and rows[0][0] == "First Name"  # the header and four contacts, the old text gone
    assert [p.name for p in out.parent.iterdir()] == ["c.csv"]


def test_a_new_file_in_such_a_folder_is_still_one_clear_error(
        transfer: TransferService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_new_files(monkeypatch)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "new.csv"
    with pytest.raises(TransferFailed, match=f"cannot write {out}: Permission denied"):
        transfer.export("contacts", out)
    assert list(out.parent.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may add files to any folder, so the folder cannot refuse one")
def test_a_real_read_only_folder_with_a_writable_file(transfer: TransferService, data: Path, tmp_path: Path) -> None:
    transfer.import_file(data / "contactos_excel_es.csv")
    folder = tmp_path / "shared"
    folder.mkdir()
    out = folder / "c.csv"
    out.write_text("an older export\n")
    folder.chmod(0o555)
    try:
        assert transfer.export("contacts", out) == 4
    finally:
        folder.chmod(0o755)
    assert "an older export" not in out.read_text(encoding="utf-8-sig")
