"""``crm-desktop import`` and ``crm-desktop export``, through a real process (one check in-process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crm_desktop import cli
from crm_desktop.store import Store


def _cli(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crm_desktop.cli", "--data-dir", str(data_dir), *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)


def test_import_prints_the_report_as_json_and_saves_failed_rows(tmp_path: Path, data: Path) -> None:
    failed = tmp_path / "failed.csv"
    mapfile = tmp_path / "map.json"
    done = _cli(tmp_path / "d", "import", data / "fails_in_the_middle.csv", "--json", "--failed-csv", failed,
                "--save-map", mapfile)
    assert done.returncode == 8, done.stderr  # a row failed
    assert json.loads(done.stdout) == {"created": 2, "updated": 0, "duplicates": 0, "failed": 1, "errors": [
        {"line": 3, "reason": "Email: The part after the @-sign contains invalid characters: '@'."}],
        "duplicate_rows": [], "kind": "contacts", "accounts_created": 1, "accounts_updated": 0, "dry_run": False,
        "ignored_columns": [], "warnings": []}
    assert "Diego" in failed.read_text(encoding="utf-8-sig")
    assert json.loads(mapfile.read_text())["columns"]["Company"] == "account.name"
    again = _cli(tmp_path / "d", "import", data / "fails_in_the_middle.csv", "--map", mapfile, "--json")
    assert json.loads(again.stdout)["duplicates"] == 2


def test_import_lists_the_rows_skipped_as_duplicates_by_line_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("First Name,Last Name,Company,Email\nMario,García,Acme,\nMaría,García,Acme,\n"
                    "Ana,Ruiz,Acme,ana@x.example\nRuiz,Ana,Acme,\nEva,Sanz,Acme,ana@x.example\n", encoding="utf-8")
    done = _cli(tmp_path / "d", "import", path, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["created"], report["duplicates"], report["errors"]) == (3, 2, [])
    assert report["duplicate_rows"] == [
        {"line": 5, "reason": "a contact with a very similar name at the same company (Ana Ruiz)"},
        {"line": 6, "reason": "same email as line 4 (ana@x.example)"}]
    human = _cli(tmp_path / "d2", "import", path)
    assert "Skipped as duplicates:\n  line 5: a contact with a very similar name" in human.stdout


def test_dry_run_then_upsert_with_a_type_and_duplicate_policy(tmp_path: Path, data: Path) -> None:
    dry = _cli(tmp_path / "d", "import", data / "accounts.csv", "--type", "accounts", "--dry-run", "--json")
    assert json.loads(dry.stdout)["created"] == 3
    assert json.loads(dry.stdout)["kind"] == "accounts" and json.loads(dry.stdout)["dry_run"] is True
    companies = _cli(tmp_path / "e", "import", data / "contactos_excel_es.csv", "--dry-run", "--json")
    assert json.loads(companies.stdout)["accounts_created"] == 2, "would be made for the contacts' companies"
    store = Store.open_dir(tmp_path / "d")
    assert store.pending_changes() == 0
    store.close()
    human = _cli(tmp_path / "d", "import", data / "accounts.csv", "--mode", "upsert", "--duplicates", "update")
    assert human.returncode == 0
    assert human.stdout.startswith("3 accounts created, 0 updated, 0 skipped as duplicates, 0 failed")


def test_import_of_a_binary_file_fails_with_one_clear_line(tmp_path: Path, data: Path) -> None:
    done = _cli(tmp_path / "d", "import", data / "binary.csv")
    assert done.returncode == 1
    assert done.stderr.strip() == "crm-desktop: binary.csv: the file is binary, not a CSV or vCard text file"


def test_export_csv_and_vcard_to_files_and_stdout(tmp_path: Path, data: Path) -> None:
    _cli(tmp_path / "d", "import", data / "contactos_excel_es.csv")
    out = tmp_path / "c.csv"
    done = _cli(tmp_path / "d", "export", "contacts", "-o", out, "--search", "iberia", "--json")
    assert json.loads(done.stdout) == {"exported": 2, "file": str(out)}
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    cards = _cli(tmp_path / "d", "export", "contacts", "--format", "vcard", "--inactive")
    assert cards.returncode == 0 and cards.stdout == "", "no inactive contacts"


_ONE_BAD_ROW = "First Name,Last Name,Email\nAna,Ruiz,ana@x.example\nBo,Diaz,bo@@x.example\n"


def test_failed_rows_exit_8_after_importing_the_others(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(_ONE_BAD_ROW, encoding="utf-8")
    dry = _cli(tmp_path / "d", "import", path, "--dry-run", "--json")
    assert (dry.returncode, json.loads(dry.stdout)["failed"], dry.stderr) == (8, 1, ""), "a dry run says it too"
    done = _cli(tmp_path / "d", "import", path)  # QA: exit 0, so a script went on as if all was in
    assert done.returncode == 8, done.stderr
    assert done.stdout.startswith("1 contact created, 0 updated, 0 skipped as duplicates, 1 failed\n")
    store = Store.open_dir(tmp_path / "d")
    try:
        assert [r.fields["last_name"] for r in store.page("contact")] == ["Ruiz"]
    finally:
        store.close()
    good = tmp_path / "good.csv"
    good.write_text(_ONE_BAD_ROW.replace("bo@@x", "bo@x"), encoding="utf-8")
    assert _cli(tmp_path / "d", "import", good).returncode == 0, "a duplicate is no failure"


def test_import_help_documents_its_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["import", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "8 some rows failed (or would, with --dry-run): the other rows were imported" in help_text


def _one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.mark.parametrize(("option", "name", "problem"), [
    ("--failed-csv", "nodir/f.csv", "the folder {tmp}/nodir does not exist"),  # QA: crashed after the import
    ("--save-map", "nodir/m.json", "the folder {tmp}/nodir does not exist"),
    ("--save-map", ".", "is a folder; name a file in it"),
    ("--failed-csv", "bad.csv", "is the file being imported; name another file"),
])
def test_an_output_path_that_cannot_be_written_is_refused_before_importing(
        tmp_path: Path, option: str, name: str, problem: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(_ONE_BAD_ROW, encoding="utf-8")
    output = f"{tmp_path}/{name}"
    done = _cli(tmp_path / "d", "import", path, option, output)
    assert done.returncode == 2
    assert _one_line_error(done) == f"crm-desktop: {option} {output}: {problem.format(tmp=tmp_path)}"
    assert not (tmp_path / "d").exists(), "the store was not even opened"
    assert path.read_text(encoding="utf-8") == _ONE_BAD_ROW


def test_a_read_only_folder_is_refused_before_importing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(_ONE_BAD_ROW, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    # In-process, with the permission faked: the tests may run as root, who may write anywhere.
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))
    code = cli.main(["--data-dir", str(tmp_path / "d"), "import", str(path), "--failed-csv", str(locked / "f.csv")])
    assert code == 2
    assert capsys.readouterr().err == f"crm-desktop: --failed-csv {locked / 'f.csv'}: cannot be written there " \
                                      "(permission denied)\n"
    assert not (tmp_path / "d").exists()


def test_an_encoding_that_cannot_read_the_file_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(_ONE_BAD_ROW, encoding="utf-8")
    done = _cli(tmp_path / "d", "import", path, "--encoding", "utf-16")  # QA: a traceback
    assert done.returncode == 1
    assert _one_line_error(done) == "crm-desktop: bad.csv: cannot be read as utf-16: the file is not UTF-16 text"


def test_ignored_columns_are_listed_in_json_human_and_dry_run_reports(tmp_path: Path) -> None:
    path = tmp_path / "frist.csv"
    path.write_text("Frist Name,Last Name,Email\nAna,Ruiz,ana@x.example\n", encoding="utf-8")
    dry = _cli(tmp_path / "d", "import", path, "--dry-run")
    assert dry.stdout.splitlines()[1] == "Columns not imported (map them with --map): Frist Name"
    done = _cli(tmp_path / "d", "import", path, "--json")
    report = json.loads(done.stdout)
    assert (report["created"], report["ignored_columns"], report["warnings"]) == (1, ["Frist Name"], [])


def test_account_fields_mapped_without_a_company_are_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "ext.csv"
    path.write_text("First Name,Last Name,Ext\nAna,Ruiz,A-1\n", encoding="utf-8")
    mapfile = tmp_path / "map.json"
    mapfile.write_text(json.dumps({"columns": {"Ext": "account.account_number"}}), encoding="utf-8")
    done = _cli(tmp_path / "d", "import", path, "--map", mapfile)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == [
        "Columns not imported (map them with --map): Ext",
        "Warning: Ext: not imported: no column holds the company's name, so no account is made for these "
        "account fields (map one to account.name)"]


def test_a_header_only_file_says_there_are_no_rows(tmp_path: Path, data: Path) -> None:
    done = _cli(tmp_path / "d", "import", data / "header_only.csv")
    assert done.returncode == 0, done.stderr
    assert "Warning: header_only.csv: no rows to import; the file has a header only" in done.stdout.splitlines()


def test_a_file_with_no_known_header_points_to_map(tmp_path: Path) -> None:
    path = tmp_path / "nohdr.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    done = _cli(tmp_path / "d", "import", path)
    assert done.returncode == 1
    assert _one_line_error(done) == (
        "crm-desktop: nohdr.csv: no column is a field we know; is the first row a header? Map the columns by "
        'hand with --map MAPFILE, a JSON file like {"columns": {"foo": "contact.last_name"}}')


def test_dozens_of_ignored_columns_stay_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wide.csv"
    extra = [f"Custom {i}" for i in range(25)]
    path.write_text(",".join(["Last Name", *extra]) + "\nRuiz" + "," * 25 + "\n", encoding="utf-8")
    assert cli.main(["--data-dir", str(tmp_path / "d"), "import", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == ("Columns not imported (map them with --map): " + ", ".join(extra[:20])
                        + ", ... and 5 more (--json lists them all)")


def test_a_row_whose_company_values_were_left_out_is_warned_about_by_line(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Last Name,Company,Company Phone\nRuiz,Acme,555 010 0100\nHill,,555 010 0199\n",
                    encoding="utf-8")
    done = _cli(tmp_path / "d", "import", path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[2:] == [
        "Warning: line 3: Company Phone: not imported: Company is empty on this line, so there is no account "
        "to hold them"]


def test_an_upsert_that_updates_a_company_says_so_and_create_only_warns(tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("Last Name,Company,Website\nRuiz,Acme,old.example\n", encoding="utf-8")
    assert _cli(tmp_path / "d", "import", first).returncode == 0
    path = tmp_path / "people.csv"
    path.write_text("Last Name,Company,Website\nHill,Acme,new.example\n", encoding="utf-8")
    dry = _cli(tmp_path / "d", "import", path, "--mode", "upsert", "--dry-run")
    assert "1 account would be updated with the contacts' company values" in dry.stdout
    done = _cli(tmp_path / "d", "import", path, "--mode", "upsert", "--json")
    assert json.loads(done.stdout)["accounts_updated"] == 1
    back = tmp_path / "back.csv"
    back.write_text("Last Name,Company,Website\nGil,Acme,old.example\n", encoding="utf-8")
    warned = _cli(tmp_path / "d", "import", back, "--json")
    assert json.loads(warned.stdout)["warnings"] == [
        "line 2: Acme exists, so Website was not imported (create only; --mode upsert updates it)"]


def test_a_messy_files_reasons_stay_the_english_the_cli_always_printed(tmp_path: Path, data: Path) -> None:
    # The wizard shows these in the rep's language from their codes; the CLI's words are its contract.
    done = _cli(tmp_path / "d", "import", data / "messy_for_the_report.csv", "--json")
    assert done.returncode == 8, done.stderr
    report = json.loads(done.stdout)
    assert report["errors"] == [
        {"line": 3, "reason": "Email: An email address must have an @-sign."},
        {"line": 4, "reason": "Phone: 'abc!!' is not a phone number"},
        {"line": 5, "reason": "Last Name: is required"},
        {"line": 12, "reason": "the row has 7 cells but the header has 6; is a delimiter inside a value without "
                               "quotes?"}]
    assert report["duplicate_rows"] == [
        {"line": 6, "reason": "same email as line 2 (ana@x.es)"},
        {"line": 7, "reason": "same phone as line 2 (+34622333444)"},
        {"line": 9, "reason": "a contact with a very similar name at the same company (Mario García)"}]
    assert report["warnings"] == [
        "line 10: Acme exists, so Website was not imported (create only; --mode upsert updates it)",
        "line 11: Website: not imported: Company is empty on this line, so there is no account to hold them"]
    human = _cli(tmp_path / "d2", "import", data / "messy_for_the_report.csv")
    assert "  line 5: Last Name: is required\n" in human.stdout
    assert "  line 7: same phone as line 2 (+34622333444)\n" in human.stdout


def test_a_refused_files_reason_stays_english_in_the_cli(tmp_path: Path, data: Path) -> None:
    done = _cli(tmp_path / "d", "import", data / "workbook.xlsx", "--json")
    assert "workbook.xlsx: this is an Excel workbook or another zip file (.xlsx), not a CSV or vCard file; save " \
           "it as CSV and import that" in done.stderr + done.stdout
