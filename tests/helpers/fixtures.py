"""Pytest fixtures around ``ServerProcess``.

Use them from a conftest.py with
``from tests.helpers.fixtures import crm_server_process  # noqa: F401``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.server import ServerProcess


@pytest.fixture
def crm_server_process(tmp_path: Path) -> Iterator[ServerProcess]:
    """A running crm-server on SQLite in tmp_path; stopped after the test.

    It has no users: call ``create_user`` (works while it runs).
    """
    server = ServerProcess(tmp_path / "server")
    server.start()
    try:
        yield server
    finally:
        server.stop()
