"""The scriptable command line: ``crm-desktop [--data-dir DIR] SUBCOMMAND ... [--json]``.

Subcommands live in ``crm_desktop/commands/``; each module registers its
own.  With ``--json`` a command prints exactly one JSON document on stdout.
Errors the user can act on print one line on stderr and exit 1; nothing is
written when a command fails.  Output into a pipe whose reader has gone
(``| head -1``) ends the command quietly, with exit code 1.  With no
subcommand the desktop app starts.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from crm_desktop.commands.common import CommandError, Context
from crm_desktop.services.errors import KNOWN_ERRORS

log = logging.getLogger("crm.cli")

COMMAND_MODULES = (
    "crm_desktop.commands.records",
    "crm_desktop.commands.sync",
    "crm_desktop.commands.transfer",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="crm-desktop",
        description="Offline-first CRM for field sales reps. Run without a subcommand to open the app.",
    )
    parser.add_argument("--data-dir", help="the store's folder (default: CRM_DATA_DIR or the user data dir)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens on stderr")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    try:
        try:
            return _run(argv)
        finally:
            # Flush here, not at exit, so a reader that went away is noticed where we can handle it.
            if sys.stdout is not None:  # None under Windows' pythonw, which the desktop app may run in
                sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """The reader of our output went away (``crm-desktop status | head -1``): stop without a word.

    What is still buffered goes to devnull, since Python flushes stdout once
    more at exit and would complain there.  The exit code is 1 because the
    output was cut short, as Python's own documentation does.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 1


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Warnings read like the command's own lines; -v shows where each log line comes from.
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s" if args.verbose
                        else "crm-desktop: %(message)s")
    if not args.command:
        return _open_app(parser, args)
    context = Context(args)
    try:
        return int(args.handler(args, context) or 0)
    except CommandError as exc:
        print(f"crm-desktop: {exc}", file=sys.stderr)
        return exc.exit_code
    except KNOWN_ERRORS as exc:
        print(f"crm-desktop: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("crm-desktop: interrupted", file=sys.stderr)
        return 130
    finally:
        context.close()


def _open_app(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    try:
        gui = importlib.import_module("crm_desktop.app")
    except ModuleNotFoundError as exc:
        if exc.name not in ("crm_desktop.app",):
            print(f"crm-desktop: the desktop app cannot start: {exc}", file=sys.stderr)
            return 1
        parser.print_help()
        print("\nThe desktop window is not built yet; use the subcommands above.")
        return 0
    try:
        return int(gui.main(data_dir=args.data_dir))
    except KNOWN_ERRORS as exc:
        print(f"crm-desktop: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
