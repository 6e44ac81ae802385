"""Refresh the translation sources and compile them.

    python resources/build_translations.py          # lupdate + lrelease
    python resources/build_translations.py --release  # lrelease only

pyside6-lupdate collects every ``tr()``, ``QCoreApplication.translate()`` and
``QT_TRANSLATE_NOOP()`` of the desktop app's Python files into
``resources/translations/crm_<lang>.ts`` (translations already made are
kept); pyside6-lrelease compiles them to the ``.qm`` files the app loads.
Both tools ship with PySide6 (``.venv/bin``).
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("en", "es")
SOURCES = ("crm_desktop/ui", "crm_desktop/app.py")


def _tool(name: str) -> str:
    beside_python = Path(sys.executable).with_name(name)
    found = str(beside_python) if beside_python.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 (it ships the Qt translation tools)")
    return found


def sources() -> list[str]:
    """Every Python file whose strings are shown to the rep."""
    files: list[str] = []
    for source in SOURCES:
        path = ROOT / source
        files += [str(p) for p in sorted(path.rglob("*.py"))] if path.is_dir() else [str(path)]
    return files


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module helpers like ``def _tr(text): return QCoreApplication.translate("Ctx", text)``."""
    found = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.body) != 1:
            continue
        body = node.body[0]
        call = body.value if isinstance(body, ast.Return) else None
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "translate"
                and call.args and isinstance(call.args[0], ast.Constant)):
            found[node.name] = str(call.args[0].value)
    return found


def helper_strings(files: list[str]) -> list[tuple[str, str]]:
    """(context, text) of literal calls to translating helpers, which lupdate cannot follow."""
    out = []
    for name in files:
        tree = ast.parse(Path(name).read_text(encoding="utf-8"))
        helpers = _helper_contexts(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                out.append((helpers[node.func.id], node.args[0].value))
    return out


def reason_strings() -> list[str]:
    """The words of every reason code (``ui/import_reasons``), which live in a registry lupdate cannot read."""
    sys.path.insert(0, str(ROOT))
    from crm_desktop.ui.import_reasons import CONTEXT, every_code

    return [f"QCoreApplication.translate({CONTEXT!r}, {c.english!r}, {c.name!r})\n" for c in every_code()]


def update() -> None:
    files = sources()
    with tempfile.TemporaryDirectory() as tmp:
        stub = Path(tmp) / "helper_strings.py"
        stub.write_text("".join(f"QT_TRANSLATE_NOOP({c!r}, {t!r})\n" for c, t in helper_strings(files))
                        + "".join(reason_strings()), encoding="utf-8")
        for lang in LANGUAGES:
            ts = TRANSLATIONS / f"crm_{lang}.ts"
            subprocess.run([_tool("pyside6-lupdate"), *files, str(stub), "-no-obsolete", "-locations", "none",
                            "-target-language", lang, "-ts", str(ts)], check=True)


def release() -> None:
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"crm_{lang}.ts"
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only compile the .ts files")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if not args.release:
        update()
    release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
