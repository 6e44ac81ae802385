#!/usr/bin/env python3
"""Set up and run crm-desktop from a clean checkout, with only Python 3.11+.

    python3 dev.py run [ARGS...]    run the app on a local store
    python3 dev.py test [PYTEST ARGS...]   lint, type-check and run every test

Both create or reuse the virtual environment in .venv and install the
project into it (again only when pyproject.toml changed).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed-from"


def _python() -> str:
    return str(BIN / ("python.exe" if os.name == "nt" else "python"))


def ensure_venv() -> None:
    """Create .venv if missing and install the project when its deps changed."""
    if sys.version_info < (3, 11):  # noqa: UP036  (dev.py itself may run on an old python3)
        sys.exit("crm-desktop needs Python 3.11 or newer")
    if not (BIN / "python").exists() and not (BIN / "python.exe").exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest:
        return
    print("Installing crm-desktop and its dependencies into .venv ...", flush=True)
    pip = [_python(), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(digest)


def run_app(args: list[str]) -> int:
    return subprocess.call([str(BIN / "crm-desktop"), *args])


def run_tests(args: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    steps = [
        [str(BIN / "ruff"), "check", "."],
        [str(BIN / "ruff"), "format", "--check", "."] if os.environ.get("CRM_CHECK_FORMAT") else None,
        [str(BIN / "mypy")],
        [_python(), "-m", "pytest", "-n", os.environ.get("CRM_TEST_WORKERS", "2"), *args],
    ]
    for step in steps:
        if step is None:
            continue
        print("$", " ".join(Path(step[0]).name if i == 0 else s for i, s in enumerate(step)), flush=True)
        code = subprocess.call(step, cwd=ROOT, env=env)
        if code:
            return code
    return 0


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "test"):
        print(__doc__)
        return 2
    ensure_venv()
    command, rest = sys.argv[1], sys.argv[2:]
    return run_app(rest) if command == "run" else run_tests(rest)


if __name__ == "__main__":
    sys.exit(main())
