"""The CLI contract, driven through a real subprocess as scripts use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.store import Store


class Cli:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    def run(self, *args: str, env: dict[str, str] | None = None,
            data_dir: bool = True) -> subprocess.CompletedProcess[str]:
        prefix = ["--data-dir", str(self.data_dir)] if data_dir else []
        return subprocess.run([sys.executable, "-m", "crm_desktop.cli", *prefix, *args],
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, **(env or {})})

    def json(self, *args: str) -> Any:
        result = self.run(*args, "--json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def fails(self, *args: str) -> str:
        result = self.run(*args)
        assert result.returncode != 0, result.stdout
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        return lines[0]


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "data")


def test_the_story_of_an_account_its_contact_and_their_connection(cli: Cli) -> None:
    acme = cli.json("account", "add", "--name", "Acme Ltd", "--phone", "+34 912 345 678",
                    "--website", "acme.example")
    assert acme["pending"] is True and acme["name"] == "Acme Ltd" and acme["phone_e164"] == "+34912345678"
    ana = cli.json("contact", "add", "--first", "Ana", "--last", "Ruiz", "--account", "acme ltd",
                   "--email", "ana@acme.example", "--job-title", "CTO")
    assert ana["account_id"] == acme["id"] and ana["account_name"] == "Acme Ltd"
    primary = cli.json("account", "set-primary", "Acme Ltd", "Ana Ruiz")
    assert primary["primary_contact_id"] == ana["id"]
    link = cli.json("link", "Ana Ruiz", acme["id"], "--role", "Champion", "--description", "met at fair")
    assert link["name"] == "Ana Ruiz (Champion) - Acme Ltd (Customer)", "named by what it joins"
    assert (link["record2_name"], link["role2_name"], link["description"]) == ("Acme Ltd", "Customer", "met at fair")
    from_acme = cli.json("connections", "Acme Ltd")
    from_ana = cli.json("connections", ana["id"][:8])
    assert [(c["id"], c["other_id"], c["other_name"], c["role"], c["other_role"], c["pending"])
            for c in from_acme] == [(link["id"], ana["id"], "Ana Ruiz", "Customer", "Champion", True)]
    assert [(c["other_name"], c["role"], c["other_role"]) for c in from_ana] == [
        ("Acme Ltd", "Champion", "Customer")]
    # A role by its name, as link takes it (was: "'Decision Maker' is not a record id").
    changed = cli.json("update", link["id"][:8], "--set", "role1_id=decision maker")
    assert changed["name"] == "Ana Ruiz (Decision Maker) - Acme Ltd (Customer)"
    assert "no connection role named 'Wizard'" in cli.fails("update", link["id"][:8], "--set", "role1_id=Wizard")
    assert cli.json("unlink", link["id"])["deleted"] is True
    assert cli.json("connections", "Acme Ltd") == []


def test_contact_add_takes_the_field_names_as_option_names_too(cli: Cli) -> None:
    rita = cli.json("contact", "add", "--first-name", "Rita", "--last-name", "Vega",
                    "--mobile-phone", "+34 600 111 222")
    assert (rita["first_name"], rita["last_name"], rita["mobile_phone_e164"]) == ("Rita", "Vega", "+34600111222")


def test_list_show_update_and_status(cli: Cli) -> None:
    for name in ("Zenith", "Acme", "Mútua"):
        cli.json("account", "add", "--name", name)
    names = [a["name"] for a in cli.json("list", "accounts")]
    assert names == ["Acme", "Mútua", "Zenith"]
    assert [a["name"] for a in cli.json("list", "accounts", "--search", "mut")] == ["Mútua"]
    assert len(cli.json("list", "accounts", "--limit", "2")) == 2
    updated = cli.json("update", "Zenith", "--set", "industry=Energy", "--set", "website=")
    assert updated["industry"] == "Energy" and updated["website"] is None
    shown = cli.json("show", "Zenith")
    assert shown["industry"] == "Energy"
    assert (shown["phone_e164"], shown["other_phone_e164"]) == (None, None), "every key, null when empty"
    cli.json("deactivate", "Zenith")
    assert [a["name"] for a in cli.json("list", "accounts", "--inactive")] == ["Zenith"]
    cli.json("activate", "Zenith")
    cli.json("delete", "Acme")
    status = cli.json("status")
    assert status == {"pending_changes": 7, "last_sync": None, "sync_issues": 0,
                      "data_dir": str(cli.data_dir), "last_sync_failure": None, "server": None, "user": None}


def test_roles_list_what_each_role_matches(cli: Cli) -> None:
    roles = {r["name"]: r for r in cli.json("roles")}
    assert roles["Colleague"]["matches"] == ["Colleague"]
    assert roles["Manager"]["matches"] == ["Employee"]
    assert {"Champion", "Decision Maker", "End User", "Economic Buyer", "Influencer",
            "Technical Buyer"} <= set(roles)


def test_the_data_dir_comes_from_the_environment_too(cli: Cli, tmp_path: Path) -> None:
    env = {"CRM_DATA_DIR": str(tmp_path / "env-data")}
    result = cli.run("account", "add", "--name", "Envco", "--json", env=env, data_dir=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env-data" / "crm.sqlite3").exists()


def test_human_output_is_a_readable_table(cli: Cli) -> None:
    cli.json("account", "add", "--name", "Acme")
    result = cli.run("list", "accounts")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].split()[:2] == ["id", "name"]
    assert "Acme" in result.stdout and "pending" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (("account", "add", "--name", ""), "name: is required"),
    (("account", "add", "--name", "X", "--email", "not-an-email"), "email"),
    (("account", "add", "--name", "X" * 500), "longer than 160"),
    (("contact", "add", "--first", "A", "--last", "B", "--account", "Nowhere"), "no account named 'Nowhere'"),
    (("update", "Acme", "--set", "colour=red"), "colour: unknown field"),
    (("update", "Acme", "--set", "justtext"), "FIELD=VALUE"),
    (("update", "Nobody", "--set", "name=x"), "named 'Nobody'"),
    (("show", "Twin"), "matches 2 records"),
    (("link", "Acme", "Acme", "--role", "Partner"), "itself"),
    (("link", "Acme", "Acme", "--role", "Wizard"), "no connection role named 'Wizard'"),
    (("account", "set-primary", "Acme", "Acme"), "no contact named 'Acme'"),
    (("update", "Acme", "--set", "parent_account_id=Acme"), "cycle"),
    (("list", "accounts", "--limit", "-1"), "limit"),
])
def test_bad_input_is_one_clear_line_and_writes_nothing(cli: Cli, args: tuple[str, ...], message: str) -> None:
    store = Store.open_dir(cli.data_dir)  # set up in-process: one subprocess per case keeps this fast
    for name in ("Acme", "Twin", "Twin"):
        store.create("account", {"name": name})
    before = store.pending_changes()
    store.close()
    assert message in cli.fails(*args)
    store = Store.open_dir(cli.data_dir)
    assert store.pending_changes() == before
    store.close()


def test_formula_and_sql_text_is_stored_verbatim(cli: Cli) -> None:
    name = "=HYPERLINK(\"x\"); DROP TABLE account;--"
    created = cli.json("account", "add", "--name", name)
    assert cli.json("show", created["id"])["name"] == name
    assert len(cli.json("list", "accounts")) == 1


def test_the_phone_region_is_a_setting_of_the_store(cli: Cli) -> None:
    assert cli.json("settings")["phone_region"] == "US"
    assert cli.json("settings", "--phone-region", "es")["phone_region"] == "ES"
    assert cli.json("account", "add", "--name", "Madrid", "--phone", "912 345 678")["phone_e164"] == "+34912345678"
    assert "region code" in cli.fails("settings", "--phone-region", "Narnia")


def test_sync_interval_defaults_to_five_minutes_and_is_a_setting(cli: Cli) -> None:
    assert cli.json("settings")["sync_interval_minutes"] == 5
    assert cli.json("settings", "--sync-interval", "30")["sync_interval_minutes"] == 30
    assert "between" in cli.fails("settings", "--sync-interval", "0")


def test_list_mine_shows_records_not_synced_yet(cli: Cli) -> None:
    cli.json("account", "add", "--name", "Local")
    assert [a["name"] for a in cli.json("list", "accounts", "--mine")] == ["Local"]


def test_a_list_cut_at_its_limit_says_so_on_stderr(cli: Cli) -> None:
    for name in ("Alpha", "Beta", "Gamma"):
        cli.json("account", "add", "--name", name)
    cut = cli.run("list", "accounts", "--limit", "2")
    assert cut.returncode == 0 and len(cut.stdout.strip().splitlines()) == 3  # header and two rows
    assert cut.stderr.strip() == "(the first 2 shown; --limit N for more, --search TEXT to narrow)"
    assert cli.run("list", "accounts", "--limit", "5").stderr == ""


def test_an_id_too_short_to_look_up_says_how_long_it_must_be(cli: Cli) -> None:
    acme = cli.json("account", "add", "--name", "Acme Ltd")
    assert cli.fails("show", acme["id"][:4]) == (f"crm-desktop: no account or contact or connection named"
                                                f" {acme['id'][:4]!r} (an id needs at least its first 6 characters)")
    assert cli.json("show", acme["id"][:6])["name"] == "Acme Ltd"


def test_status_tells_the_last_sync_in_local_time_and_json_keeps_utc(cli: Cli) -> None:
    store = Store.open_dir(cli.data_dir)
    store.set_meta("last_sync", "2026-12-01T15:37:47+00:00")
    store.close()
    shown = cli.run("status", env={"TZ": "Europe/Madrid"})
    assert "Last synced:        2026-12-01 16:37:47 CET" in shown.stdout
    assert cli.json("status")["last_sync"] == "2026-12-01T15:37:47+00:00"


def test_delete_says_what_went_with_the_record(cli: Cli) -> None:
    acme = cli.json("account", "add", "--name", "Acme Ltd")
    cli.json("account", "add", "--name", "Acme East", "--parent", "Acme Ltd")
    for last in ("Ruiz", "Vega"):
        cli.json("contact", "add", "--first", "Ana", "--last", last, "--account", "Acme Ltd")
    cli.json("link", "Ana Ruiz", "Acme Ltd", "--role", "Champion")
    told = cli.run("delete", "Acme Ltd")
    assert told.returncode == 0, told.stderr
    assert told.stdout.splitlines() == [f"deleted account Acme Ltd ({acme['id']})", "  and its 1 connection",
                                        "  1 account no longer has it as parent account",
                                        "  2 contacts no longer have it as account"]
    ana = cli.json("contact", "add", "--first", "Bo", "--last", "Lund")
    assert cli.json("delete", ana["id"]) | {"id": None} == {
        "id": None, "entity": "contact", "name": "Bo Lund", "deleted": True, "pending": True,
        "connections_deleted": 0, "references_cleared": {}}
    east = cli.json("account", "add", "--name", "East Ltd")
    cli.json("contact", "add", "--first", "Cy", "--last", "Moss", "--account", "East Ltd")
    cli.json("account", "set-primary", "East Ltd", "Cy Moss")
    assert cli.json("delete", "Cy Moss")["references_cleared"] == {"account.primary_contact_id": 1}
    assert east["name"] == "East Ltd"
