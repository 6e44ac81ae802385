"""CSV out of a list view: BOM for Excel, no formulas, and it re-imports."""

from __future__ import annotations

import csv
import errno
import os
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.services.transfer import TransferFailed, TransferService
from crm_desktop.store import Store
from crm_desktop.transfer import files, vcard
from crm_desktop.transfer.csvout import safe_cell

from .conftest import contacts


def test_csv_export_starts_with_a_bom_and_has_every_contact(transfer: TransferService, store: Store,
                                                            data: Path, tmp_path: Path) -> None:
    transfer.import_file(data / "contactos_excel_es.csv")
    out = tmp_path / "c.csv"
    assert transfer.export("contacts", out) == 4
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
    assert {r["Last Name"]: r["Company"] for r in rows}["Ibáñez"] == "Iberia Datos; S.L."
    assert next(r for r in rows if r["Last Name"] == "Ibáñez")["Description"] == "Prefiere llamadas\r\npor la mañana"


def test_formula_cells_are_escaped_on_the_way_out() -> None:
    assert [safe_cell(v) for v in ("=1+2", "+34 600", "-2", "@SUM(A1)", "\tx", "\rx", "ok", None, "a=b")] == [
        "'=1+2", "'+34 600", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "ok", "", "a=b"]


def test_exported_hostile_cells_are_inert_and_reimport_verbatim(transfer: TransferService, store: Store,
                                                                data: Path, tmp_path: Path) -> None:
    transfer.import_file(data / "hostile_cells.csv")
    out = tmp_path / "c.csv"
    transfer.export("contacts", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
    smith = next(r for r in rows if r["Last Name"] == "Smith")
    assert smith["First Name"] == "'=HYPERLINK(\"http://evil.example\")"
    assert smith["Company"] == "'=1+2"
    assert all(not v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for v in r.values() if v)
    fresh = TransferService(Store.open_dir(tmp_path / "other"))
    assert fresh.import_file(out).created == 2
    assert contacts(fresh.store)["Smith"].fields["first_name"] == '=HYPERLINK("http://evil.example")'
    fresh.store.close()


def test_export_of_a_search_and_of_inactive_records(transfer: TransferService, store: Store,
                                                    data: Path, tmp_path: Path) -> None:
    transfer.import_file(data / "contactos_excel_es.csv")
    store.update("contact", contacts(store)["Peña"].id, {"state": "inactive"})
    assert transfer.export("contacts", tmp_path / "s.csv", search="iberia") == 2
    assert transfer.export("contacts", tmp_path / "i.csv", view="inactive") == 1
    assert transfer.export("accounts", tmp_path / "a.csv") == 2


def test_exported_accounts_reimport_as_accounts(transfer: TransferService, store: Store, data: Path,
                                                tmp_path: Path) -> None:
    transfer.import_file(data / "accounts.csv")
    out = tmp_path / "a.csv"
    transfer.export("accounts", out)
    fresh = TransferService(Store.open_dir(tmp_path / "other"))
    assert fresh.preview(out).kind == "accounts"
    assert fresh.import_file(out).created == 3
    assert {r.get("account_number") for r in fresh.store.page("account")} == {"EXT-001", "EXT-002", "EXT-003"}
    fresh.store.close()


def test_export_pages_through_more_rows_than_a_page(transfer: TransferService, store: Store,
                                                    tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Last Name,Email\n" + "".join(f"N{i},n{i}@x.example\n" for i in range(1203)),
                    encoding="utf-8")
    transfer.import_file(path)
    assert transfer.export("contacts", tmp_path / "out.csv") == 1203


def _last_names(path: Path) -> list[str]:
    return [r["Last Name"] for r in csv.DictReader(path.open(encoding="utf-8-sig", newline=""))]


def test_export_follows_the_column_order_the_list_was_sorted_by(transfer: TransferService, store: Store,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("Last Name,Company,Job Title\nAbad,Zeta,CTO\nBravo,Acme,\nCano,,buyer\nDiaz,Acme,Analyst\n",
                    encoding="utf-8")
    transfer.import_file(path)
    out = tmp_path / "out.csv"
    transfer.export("contacts", out, sort="company")
    assert _last_names(out) == ["Bravo", "Diaz", "Abad", "Cano"]
    transfer.export("contacts", out, sort="job_title", descending=True)
    assert _last_names(out) == ["Abad", "Cano", "Diaz", "Bravo"]  # blanks last both ways
    transfer.export("contacts", out, sort="company", search="acme")
    assert _last_names(out) == ["Bravo", "Diaz"]
    transfer.export("contacts", out, descending=True)
    assert _last_names(out) == ["Diaz", "Cano", "Bravo", "Abad"]


def test_export_of_my_records_and_a_bad_sort_is_refused(transfer: TransferService, store: Store,
                                                        tmp_path: Path) -> None:
    import pytest

    from crm_desktop.services.transfer import TransferFailed

    path = tmp_path / "in.csv"
    path.write_text("Last Name\nAbad\nBravo\n", encoding="utf-8")
    transfer.import_file(path)
    with store.db.transaction() as conn:  # what a pull does when a colleague owns one of them
        conn.execute("UPDATE contact SET owner_id = 'u2', owner_name = 'bo' WHERE last_name = 'Bravo'")
    store.set_meta("sync_username", "ana")
    assert transfer.export("contacts", tmp_path / "mine.csv", view="mine") == 1
    assert _last_names(tmp_path / "mine.csv") == ["Abad"]
    with pytest.raises(TransferFailed, match="sort must be one of"):
        transfer.export("contacts", tmp_path / "x.csv", sort="num; DROP TABLE contact")


def test_an_export_that_fails_part_way_leaves_the_older_file_whole(
        transfer: TransferService, store: Store, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    transfer.import_file(data / "contactos_excel_es.csv")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "c.vcf"
    transfer.export("contacts", out, fmt="vcard")
    before = out.read_bytes()
    written = 0

    def card_then_full_disk(*args: Any) -> str:
        nonlocal written
        written += 1
        if written == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args)

    real = vcard.contact_card
    monkeypatch.setattr(vcard, "contact_card", card_then_full_disk)
    with pytest.raises(TransferFailed, match=f"cannot write {out}: No space left on device"):
        transfer.export("contacts", out, fmt="vcard")
    assert out.read_bytes() == before  # not half a file, and not the old one gone
    assert [p.name for p in out.parent.iterdir()] == ["c.vcf"]  # nothing left beside it


def test_an_export_replaces_an_older_one_and_can_go_to_a_device(transfer: TransferService, store: Store,
                                                                 data: Path, tmp_path: Path) -> None:
    transfer.import_file(data / "contactos_excel_es.csv")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "c.csv"
    out.write_text("an older export\n" * 1000)
    assert transfer.export("contacts", out) == 4
    assert "an older export" not in out.read_text(encoding="utf-8-sig")
    assert [p.name for p in out.parent.iterdir()] == ["c.csv"]
    assert transfer.export("contacts", Path(os.devnull)) == 4  # `-o /dev/stdout`: written in place


def test_an_export_over_an_older_one_keeps_its_permissions_and_its_link(transfer: TransferService, store: Store,
                                                                         data: Path, tmp_path: Path) -> None:
    transfer.import_file(data / "contactos_excel_es.csv")
    (tmp_path / "private").mkdir()
    out = tmp_path / "private" / "c.csv"
    out.write_text("an older export\n")
    out.chmod(0o600)  # customers' phones: the rep's eyes only
    link = tmp_path / "latest.csv"
    link.symlink_to(out)
    assert transfer.export("contacts", link) == 4
    assert link.is_symlink() and link.resolve() == out  # was: the link replaced by a file, c.csv left old
    assert "an older export" not in out.read_text(encoding="utf-8-sig")
    assert out.stat().st_mode & 0o777 == 0o600  # was 0o644 (the umask's): readable by everyone
    assert [p.name for p in out.parent.iterdir()] == ["c.csv"]


def test_an_export_is_on_disk_before_it_takes_the_files_name(transfer: TransferService, store: Store, data: Path,
                                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    transfer.import_file(data / "contactos_excel_es.csv")
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(files.os, "fsync", lambda fd: (steps.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(files.os, "replace", lambda a, b: (steps.append("replace"), real_replace(a, b))[1])
    transfer.export("contacts", tmp_path / "c.csv")
    assert steps == ["fsync", "replace"]  # a power cut cannot leave the name on an empty file
