"""The sync commands as a script runs them, in their own processes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from crm_desktop import cli
from crm_desktop.store import Store
from tests.e2e.conftest import PASSWORD, Rep, add_user
from tests.helpers.server import ROOT, ServerProcess

pytestmark = pytest.mark.e2e
NO_KEYRING = "keyring.backends.fail.Keyring"  # never touch the developer's real keyring
MakeRep = Callable[..., Rep]


def _cli(data_dir: Path, *args: str, password: str | None = PASSWORD, timeout: float = 60) -> \
        subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), CRM_DATA_DIR=str(data_dir), PYTHON_KEYRING_BACKEND=NO_KEYRING)
    env.pop("CRM_PASSWORD", None)
    if password:
        env["CRM_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "crm_desktop.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_cli_login_sync_issues_and_status(shared_server: ServerProcess, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())  # no keyring on this machine
    monkeypatch.setenv("CRM_DATA_DIR", str(tmp_path / "cli"))
    monkeypatch.setenv("CRM_PASSWORD", PASSWORD)
    add_user(shared_server, "cli_ana")

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    assert run("account", "add", "--name", "Adventure Works")[0] == 0
    code, _, err = run("sync")
    assert code != 0 and "crm-desktop login" in err
    assert run("login", "--server", shared_server.url, "--user", "cli_ana")[0] == 0
    code, out, err = run("sync", "--json")  # a new run: no token kept, so it logs in with CRM_PASSWORD
    assert code == 0, err
    report = json.loads(out)
    assert set(report) == {"pushed", "pulled", "conflicts", "rejected", "pending_changes"}
    assert (report["pushed"], report["conflicts"], report["rejected"], report["pending_changes"]) == (1, 0, 0, 0)
    assert json.loads(run("sync-issues", "--json")[1]) == []
    status = json.loads(run("status", "--json")[1])
    assert status["pending_changes"] == 0 and status["last_sync"] and status["sync_issues"] == 0
    assert status["last_sync_failure"] is None, "the good sync cleared the failed one before it"
    monkeypatch.delenv("CRM_PASSWORD")
    code, _, err = run("sync")
    assert code != 0 and "set CRM_PASSWORD" in err, err  # no keyring: a login would not last
    assert run("logout")[0] == 0


def test_cli_sync_with_the_server_down_exits_non_zero_and_keeps_the_queue(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path / "down")
    data = tmp_path / "cli"
    store = Store.open_dir(data)
    store.set_meta("sync_server_url", server.url)  # logged in once, long ago; server now unreachable
    store.set_meta("sync_username", "ana")
    store.create("account", {"name": "Queued Ltd"})
    store.close()
    done = _cli(data, "sync")
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len([line for line in lines if "cannot reach" in line]) == 1, "one line says it, not a warning too"
    last = lines[-1]
    assert "cannot reach the server" in last and "1 change still queued" in last
    status = json.loads(_cli(data, "status", "--json").stdout)
    assert status["pending_changes"] == 1
    assert "cannot reach the server" in status["last_sync_failure"]["message"], "status, from another process"
    assert "Last sync failed:" in _cli(data, "status").stdout


# Holds a store's sync lock from another process until its stdin closes.
_HOLD_LOCK = """
import sys
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
sys.stdin.read()
"""


def test_a_sync_waits_for_the_one_another_process_runs_on_the_same_store(shared_server: ServerProcess,
                                                                        tmp_path: Path) -> None:
    add_user(shared_server, "busy_ana")
    data = tmp_path / "cli"
    store = Store.open_dir(data)
    store.create("account", {"name": "Waiting Ltd"})
    store.close()
    assert _cli(data, "login", "--server", shared_server.url, "--user", "busy_ana").returncode == 0
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, f"{data / 'crm.sqlite3'}.sync-lock"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        env = dict(os.environ, PYTHONPATH=str(ROOT), CRM_DATA_DIR=str(data), CRM_PASSWORD=PASSWORD,
                   PYTHON_KEYRING_BACKEND=NO_KEYRING)
        proc = subprocess.Popen([sys.executable, "-m", "crm_desktop.cli", "sync", "--json"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert proc.poll() is None, "it waits while the other sync runs"
        peek = Store.open_dir(data)
        assert peek.pending_changes() == 1, "and has pushed nothing"
        peek.close()
    finally:
        holder.communicate("", timeout=10)  # the other sync ends
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Waiting for the sync already running on this store" in err
    assert json.loads(out)["pushed"] == 1


def test_logout_waits_for_the_sync_another_process_runs_on_the_store(shared_server: ServerProcess,
                                                                    tmp_path: Path) -> None:
    # Revoked mid-push, that sync failed half-way and, with CRM_PASSWORD set, logged in again.
    add_user(shared_server, "busy_bo")
    data = tmp_path / "cli"
    keyring_file = tmp_path / "keyring.json"
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{Path(__file__).parent}", CRM_DATA_DIR=str(data),
               CRM_PASSWORD=PASSWORD, PYTHON_KEYRING_BACKEND="file_keyring.FileKeyring",
               CRM_TEST_KEYRING_FILE=str(keyring_file))
    login = subprocess.run([sys.executable, "-m", "crm_desktop.cli", "login", "--server", shared_server.url,
                            "--user", "busy_bo"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert login.returncode == 0, login.stderr
    assert "busy_bo" in keyring_file.read_text()
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, f"{data / 'crm.sqlite3'}.sync-lock"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        proc = subprocess.Popen([sys.executable, "-m", "crm_desktop.cli", "logout"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert proc.poll() is None, "it waits while the sync runs"
        assert "busy_bo" in keyring_file.read_text(), "and the token is still there for that sync"
    finally:
        holder.communicate("", timeout=10)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Waiting for the sync already running on this store (the window's?) to end before we log out" in err
    assert "Logged out." in out and "busy_bo" not in keyring_file.read_text()


def test_a_sync_while_another_process_syncs_the_store_is_busy_not_server_trouble(tmp_path: Path) -> None:
    from crm_desktop.services.sync import CredentialStore, SyncBusy, SyncService
    from crm_desktop.sync.credentials import MemoryKeyring

    store = Store.open_dir(tmp_path / "store")
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, f"{store.path}.sync-lock"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        service = SyncService(store, credentials=CredentialStore(MemoryKeyring()))
        with pytest.raises(SyncBusy, match="another sync of this store is running"):
            service.sync_now()
        state = service.state()
        assert state.online is None and state.last_error is None, "nothing was tried, nothing failed"
    finally:
        holder.communicate("", timeout=10)
        store.close()


def test_client_killed_during_sync_loses_nothing(tmp_path_factory: pytest.TempPathFactory,
                                                 tmp_path: Path) -> None:
    server = ServerProcess(tmp_path_factory.mktemp("sigkill"))
    server.start()
    try:
        add_user(server, "kill_ana")
        data = tmp_path / "cli"
        store = Store.open_dir(data)
        with store.writing() as writer:
            ids = [writer.create("account", {"name": f"Account {i:05}"}) for i in range(3000)]
        store.close()
        assert _cli(data, "login", "--server", server.url, "--user", "kill_ana").returncode == 0
        env = dict(os.environ, PYTHONPATH=str(ROOT), CRM_DATA_DIR=str(data), CRM_PASSWORD=PASSWORD,
                   PYTHON_KEYRING_BACKEND=NO_KEYRING)
        proc = subprocess.Popen([sys.executable, "-m", "crm_desktop.cli", "sync"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_for_first_ack(data / "crm.sqlite3", 3000, proc)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        with sqlite3.connect(data / "crm.sqlite3") as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            left = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
            assert conn.execute("SELECT count(*) FROM account").fetchone()[0] == 3000
        assert 0 < left < 3000  # killed mid-sync, with some of the queue acknowledged
        done = _cli(data, "sync", "--json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["rejected"] == 0 and json.loads(done.stdout)["pending_changes"] == 0
        store = Store.open_dir(data)
        try:
            assert store.sync_issue_count() == 0
            assert all(r is not None and r.version == 1 for r in (store.get("account", i) for i in ids))
        finally:
            store.close()
    finally:
        server.kill()


def _wait_for_first_ack(path: Path, queued: int, proc: subprocess.Popen[bytes]) -> None:
    """Until the sync has acknowledged some of the queue (then it is mid-sync)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(path, timeout=1) as conn:
                if conn.execute("SELECT count(*) FROM outbox").fetchone()[0] < queued:
                    return
        except sqlite3.OperationalError:
            pass
        time.sleep(0.005)
