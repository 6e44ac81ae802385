"""The layering rule of DESIGN.md, checked on the source: ui -> services -> store, sync.

Walks every import (``import x``, ``from x import y``, relative imports
resolved, imports inside functions included) with ``ast``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NO_GUI_PACKAGES = ("crm_core", "crm_desktop/store", "crm_desktop/sync", "crm_desktop/services",
                   "crm_desktop/transfer", "crm_desktop/commands", "crm_server")
GUI_MODULES = ("PySide6.QtWidgets", "PySide6.QtGui", "crm_desktop.ui")
UI_FORBIDDEN = ("crm_desktop.store", "crm_desktop.sync")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) for every import in the file, relative ones made absolute."""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    return imports_of(path.read_text(encoding="utf-8"), package)


def imports_of(source: str, package: list[str]) -> Iterator[tuple[int, str]]:
    """(line, module) for every import in ``source``, a module of ``package``."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            yield node.lineno, module
            for alias in node.names:  # from PySide6 import QtWidgets
                yield node.lineno, f"{module}.{alias.name}"


def _python_files(folder: str) -> list[Path]:
    base = ROOT / folder
    return sorted(p for p in base.rglob("*.py") if ".venv" not in p.parts) if base.exists() else []


def _hits(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in files:
        for line, module in imports(path):
            if any(module == bad or module.startswith(bad + ".") for bad in forbidden):
                found.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return sorted(set(found))


@pytest.mark.parametrize("folder", NO_GUI_PACKAGES)
def test_lower_layers_never_import_widgets_or_the_ui(folder: str) -> None:
    assert _hits(_python_files(folder), GUI_MODULES) == []


def test_ui_reaches_store_and_sync_only_through_services() -> None:
    assert _hits(_python_files("crm_desktop/ui"), UI_FORBIDDEN) == []


def test_the_walker_sees_relative_nested_and_from_imports() -> None:
    source = ("from ..store import db\n"
              "def f():\n    import crm_desktop.sync.engine\n"
              "from PySide6 import QtWidgets\n")
    found = {module for _line, module in imports_of(source, ["crm_desktop", "ui"])}
    assert {"crm_desktop.store", "crm_desktop.sync.engine", "PySide6.QtWidgets"} <= found
