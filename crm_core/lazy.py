"""A module imported on its first use, then bound in its importer's globals."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands in a module's globals for ``name`` until an attribute is first read.

    The first read imports the module and puts it in place of this object, so
    every later use is a plain global lookup, as with a top-level import.
    """

    def __init__(self, name: str, namespace: dict[str, Any]) -> None:
        self._name = name
        self._namespace = namespace

    def __getattr__(self, attribute: str) -> Any:
        module: ModuleType = importlib.import_module(self._name)
        self._namespace[self._name] = module
        return getattr(module, attribute)
