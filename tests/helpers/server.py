"""A real ``crm-server serve`` process for end-to-end tests.

    server = ServerProcess(tmp_path)            # SQLite in tmp_path
    server.create_team("sales")
    server.create_user("ana", "secret", team="sales")
    server.start()                              # free port, waits for /health
    httpx.get(f"{server.url}/api/v1/health")
    server.kill(); server.restart()             # SIGKILL, then same port again
    server.stop()

``database_url`` points it at PostgreSQL instead.  The CLI runs as
``python -m crm_server.cli`` from this checkout, so nothing needs installing.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """One crm-server process over a data dir (and optional database URL)."""

    def __init__(self, data_dir: Path, database_url: str | None = None, workers: int = 1) -> None:
        self.data_dir = Path(data_dir)
        self.database_url = database_url
        self.workers = workers
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = self.data_dir / "server.log"

    @property
    def url(self) -> str:
        """Base URL, e.g. http://127.0.0.1:54321 (API under /api/v1)."""
        return f"http://127.0.0.1:{self.port}"

    def _db_args(self) -> list[str]:
        args = ["--data-dir", str(self.data_dir)]
        return args + (["--database-url", self.database_url] if self.database_url else [])

    def _env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ, PYTHONPATH=str(ROOT), **extra)
        env.pop("CRM_DATABASE_URL", None)
        return env

    def cli(self, *args: str, password: str | None = None) -> str:
        """Run one ``crm-server`` subcommand on this server's database; its output."""
        extra = {"CRM_PASSWORD": password} if password else {}
        done = subprocess.run(
            [sys.executable, "-m", "crm_server.cli", args[0], *self._db_args(), *args[1:]],
            cwd=ROOT,
            env=self._env(**extra),
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode:
            raise RuntimeError(f"crm-server {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def create_team(self, name: str) -> None:
        """Add a team through the CLI."""
        self.cli("create-team", name)

    def create_user(self, name: str, password: str, team: str | None = None, admin: bool = False) -> None:
        """Add a user through the CLI (password passed as CRM_PASSWORD)."""
        args = ["create-user", name] + (["--team", team] if team else []) + (["--admin"] if admin else [])
        self.cli(*args, password=password)

    def start(self) -> None:
        """Start serving on ``self.port`` and wait until /api/v1/health answers."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "crm_server.cli",
            "serve",
            *self._db_args(),
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
        ]
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self._env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_healthy()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"crm-server exited early:\n{self.log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"crm-server did not answer in {START_TIMEOUT}s:\n{self.log_path.read_text()[-3000:]}")

    def _signal(self, sig: int) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)  # workers too
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        self.process = None

    def stop(self) -> None:
        """Shut down gracefully (SIGTERM)."""
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        """Kill at once (SIGKILL), as a crash or power loss would."""
        self._signal(signal.SIGKILL)

    def restart(self) -> None:
        """Stop (if running) and start again on the same port."""
        self.stop()
        self.start()
