"""What every subcommand shares: the context, output and error helpers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from crm_desktop.services.context import AppContext
from crm_desktop.store import Record

Handler = Callable[[argparse.Namespace, "Context"], int | None]


class CommandError(Exception):
    """A refusal of the command line itself (bad arguments, nothing to do)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Context(AppContext):
    """The app context of one CLI run, plus how to print results."""

    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__(args.data_dir, announce_upgrade=_announce_upgrade)
        self.json = bool(getattr(args, "json", False))

    def emit(self, data: Any, human: Callable[[], None]) -> None:
        """Print ``data`` as one JSON document with --json, else call ``human``."""
        if self.json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        else:
            human()


def _announce_upgrade(data_dir: Path) -> None:
    # On stderr: stdout may be a --json document a script reads.
    print(f"Updating the records in {data_dir} for this version of crm-desktop (once; a large store"
          " takes a minute)...", file=sys.stderr, flush=True)


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    """``--json``: exactly one JSON document on stdout."""
    parser.add_argument("--json", action="store_true", help="print one JSON document")


def command(sub: Any, name: str, handler: Handler, help_text: str,
            aliases: Sequence[str] = ()) -> argparse.ArgumentParser:
    """A subcommand parser with --json and its handler attached."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text,
                                                     aliases=list(aliases))
    add_json_flag(parser)
    parser.set_defaults(handler=handler)
    return parser


def print_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A plain aligned table for people reading a terminal."""
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def parse_assignments(items: Sequence[str]) -> dict[str, str | None]:
    """``FIELD=VALUE`` pairs; an empty VALUE clears the field."""
    out: dict[str, str | None] = {}
    for item in items:
        field, sep, value = item.partition("=")
        if not sep or not field.strip():
            raise CommandError(f"--set expects FIELD=VALUE, got {item!r}", exit_code=2)
        out[field.strip()] = value if value != "" else None
    return out


def record_label(ctx: Context, record: Record) -> str:
    """How the command line names a record: a connection by what it joins, not by its description."""
    if record.entity != "connection":
        return record.name or record.id
    names = ctx.crm.related_names(record)
    return (f"{names['record1_name'] or '?'} ({names['role1_name']}) - "
            f"{names['record2_name'] or '?'} ({names['role2_name']})")
