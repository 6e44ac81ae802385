"""``crm-desktop import`` and ``crm-desktop export`` through a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from crm_desktop.store import Store


def _cli(data_dir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crm_desktop.cli", "--data-dir", str(data_dir), *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)


def test_import_prints_the_report_as_json_and_saves_failed_rows(tmp_path: Path, data: Path) -> None:
    failed = tmp_path / "failed.csv"
    mapfile = tmp_path / "map.json"
    done = _cli(tmp_path / "d", "import", data / "fails_in_the_middle.csv", "--json", "--failed-csv", failed,
                "--save-map", mapfile)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"created": 2, "updated": 0, "duplicates": 0, "failed": 1, "errors": [
        {"line": 3, "reason": "Email: The part after the @-sign contains invalid characters: '@'."}],
        "duplicate_rows": [], "kind": "contacts", "accounts_created": 1, "dry_run": False, "ignored_columns": [],
        "warnings": []}
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
        {"line": 6, "reason": "same email as an existing contact (ana@x.example)"}]
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
