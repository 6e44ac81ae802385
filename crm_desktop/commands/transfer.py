"""``crm-desktop import FILE`` and ``crm-desktop export accounts|contacts``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from crm_desktop.commands.common import CommandError, Context, command
from crm_desktop.services import View
from crm_desktop.services.spreadsheet import DELIMITERS
from crm_desktop.services.transfer import SORTS, ImportReport, MappingRefused, TransferService

# Past the CLI's 1 (an error stopped the command) and 2 (bad arguments), and
# sync's 3-7: a script tells "some rows failed" from both.
EXIT_ROWS_FAILED = 8
_IMPORT_EXIT_CODES = ("exit codes: 0 every row was imported or skipped as a duplicate; 1 an error stopped the "
                      "command (one line on stderr says what); 2 bad arguments, nothing imported; "
                      f"{EXIT_ROWS_FAILED} some rows failed (or would, with "
                      "--dry-run): the other rows were imported, and the report names the failed ones "
                      "(--failed-csv saves them to fix and import again)")


def register(sub: Any) -> None:
    """Add the import and export subcommands to the CLI."""
    p = command(sub, "import", cmd_import, "import accounts or contacts from a CSV or vCard file")
    p.epilog = _IMPORT_EXIT_CODES
    p.add_argument("file", help="a CSV (any encoding, comma, semicolon or tab) or vCard file")
    p.add_argument("--type", dest="kind", choices=("accounts", "contacts", "auto"), default="auto",
                   help="what the rows are (default: detected from the header)")
    p.add_argument("--mode", choices=("create", "upsert"), default="create",
                   help="create only, or update the record with the same email / account number / name")
    p.add_argument("--duplicates", choices=("skip", "update"), default="skip",
                   help="what to do with a row that duplicates a record (default: skip)")
    p.add_argument("--map", dest="map_file", metavar="MAPFILE", help="a saved column mapping (JSON)")
    p.add_argument("--save-map", metavar="FILE", help="save the column mapping used, to reuse it")
    p.add_argument("--failed-csv", metavar="FILE", help="write the rows that failed to this CSV")
    p.add_argument("--delimiter", choices=tuple(DELIMITERS),
                   help="the delimiter of the --failed-csv file (default: " + _EXCEL_DELIMITER + "; the file "
                        "being imported is read with whichever it has)")
    p.add_argument("--encoding", help="the file's encoding, when detection gets it wrong")
    p.add_argument("--dry-run", action="store_true", help="check every row but write nothing")
    p = command(sub, "export", cmd_export, "export accounts or contacts as CSV or vCard")
    p.add_argument("kind", choices=("accounts", "contacts"))
    p.add_argument("--format", dest="fmt", choices=("csv", "vcard"), default="csv")
    p.add_argument("-o", "--output", help="the file to write (default: stdout)")
    p.add_argument("--search", help="only the records this search finds")
    p.add_argument("--inactive", action="store_true", help="export inactive records instead")
    p.add_argument("--sort", metavar="COLUMN",
                   help="order by a list column instead of the name: " + _sort_names())
    p.add_argument("--descending", action="store_true", help="reverse the order")
    p.add_argument("--delimiter", choices=tuple(DELIMITERS),
                   help="what separates a CSV's cells (default: " + _EXCEL_DELIMITER + ")")


# Excel splits a double-clicked CSV on its locale's list separator (services/spreadsheet.py).
_EXCEL_DELIMITER = ("the one Excel expects in the app's language and your locale: semicolon where a decimal "
                    "is written 1,5 (Spain, Germany...), else comma")


def _sort_names() -> str:
    accounts, contacts = (", ".join(SORTS[kind]) for kind in ("account", "contact"))
    return f"accounts: {accounts}; contacts: {contacts}"


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    # Checked before the store opens: a path we cannot write must not fail after the rows are in.
    failed_csv = _output_path("--failed-csv", args.failed_csv, args.file)
    save_map = _output_path("--save-map", args.save_map, args.file)
    if failed_csv is not None and save_map is not None and failed_csv.resolve() == save_map.resolve():
        raise CommandError(f"--failed-csv and --save-map both name {args.save_map}; name two files",
                           exit_code=2)
    if args.delimiter and failed_csv is None:
        raise CommandError("--delimiter is the delimiter of the --failed-csv file; name one with --failed-csv "
                           "(the file being imported is read with whichever delimiter it has)", exit_code=2)
    transfer = TransferService(ctx.store)
    mapping = None
    kind = args.kind
    if args.map_file:
        saved_kind, mapping = transfer.load_mapping(args.map_file)
        kind = saved_kind if kind == "auto" and saved_kind else kind
    try:
        report = transfer.import_file(args.file, kind=kind, mode=args.mode, mapping=mapping,
                                      duplicates=args.duplicates, dry_run=args.dry_run, encoding=args.encoding)
    except MappingRefused as exc:
        raise CommandError(str(exc) if args.map_file else f"{exc}{_map_hint(exc.headers)}") from None
    if save_map is not None:
        preview = transfer.preview(args.file, limit=0, encoding=args.encoding)
        transfer.save_mapping(save_map, preview.headers, transfer.mapping_for(preview, report.kind, mapping),
                              report.kind)
    if failed_csv is not None and report.failed:
        try:
            report.save_failed_rows(failed_csv, delimiter=DELIMITERS[args.delimiter or transfer.csv_delimiter()])
        except OSError as exc:
            raise CommandError(f"--failed-csv {args.failed_csv}: cannot write it ({exc.strerror or exc}); "
                               f"the import itself is done: {_counts(report)}") from None
    ctx.emit(report.as_json(), lambda: _print_report(report, args))
    return EXIT_ROWS_FAILED if report.failed else 0


def _output_path(option: str, name: str | None, source: str) -> Path | None:
    """The file an option names, once it is sure the import can write it there."""
    if name is None:
        return None
    path = Path(name)
    folder = path.parent
    problem = None
    if path.is_dir():
        problem = "is a folder; name a file in it"
    elif not folder.is_dir():
        problem = f"the folder {folder} does not exist" if not folder.exists() else f"{folder} is not a folder"
    elif not os.access(folder, os.W_OK | os.X_OK) or (path.exists() and not os.access(path, os.W_OK)):
        problem = "cannot be written there (permission denied)"
    elif path.exists() and Path(source).exists() and path.samefile(source):
        problem = "is the file being imported; name another file"
    if problem:
        raise CommandError(f"{option} {name}: {problem}", exit_code=2)
    return path


def _map_hint(headers: list[str]) -> str:
    example = json.dumps({"columns": {(headers[0] if headers else "Surname"): "contact.last_name"}},
                         ensure_ascii=False)
    return f" with --map MAPFILE, a JSON file like {example}"


def _many(count: int, kind: str) -> str:
    """'1 contact', '2 contacts' (``kind`` plural: 'contacts', 'accounts')."""
    return f"{count} {kind if count != 1 else kind.removesuffix('s')}"


def _counts(report: ImportReport) -> str:
    what = "would be " if report.dry_run else ""
    return (f"{_many(report.created, report.kind)} {what}created, {report.updated} {what}updated, "
            f"{report.duplicates} skipped as duplicates, {report.failed} failed")


def _print_report(report: ImportReport, args: argparse.Namespace) -> None:
    what = "would be " if report.dry_run else ""
    print(_counts(report))
    if report.accounts_created:
        print(f"{_many(report.accounts_created, 'accounts')} {what}created for the contacts' companies")
    if report.accounts_updated:
        print(f"{_many(report.accounts_updated, 'accounts')} {what}updated with the contacts' company values")
    if report.ignored_columns:
        print(f"Columns not imported (map them with --map): {_names(report.ignored_columns)}")
    for warning in report.warnings:
        print(f"Warning: {warning}")
    for warned in report.warned_rows[:50]:
        print(f"Warning: line {warned.line}: {warned.reason}")
    if report.warned > 50:
        print(f"  ... and {report.warned - 50} more lines with warnings (--json lists the first "
              f"{len(report.warned_rows)})")
    for error in report.errors[:50]:
        print(f"  line {error.line}: {error.reason}")
    if len(report.errors) > 50:
        print(f"  ... and {len(report.errors) - 50} more")
    if report.duplicate_rows:
        print("Skipped as duplicates:")
    for duplicate in report.duplicate_rows[:50]:
        print(f"  line {duplicate.line}: {duplicate.reason}")
    if report.duplicates > 50:
        print(f"  ... and {report.duplicates - 50} more")
    if args.failed_csv and report.failed:
        print(f"The failed rows are in {args.failed_csv}: fix them and import that file.")


def _names(headers: list[str], shown: int = 20) -> str:
    """Column names on one line; an Outlook export ignores dozens, so the rest are counted."""
    more = f", ... and {len(headers) - shown} more (--json lists them all)" if len(headers) > shown else ""
    return ", ".join(headers[:shown]) + more


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    if args.delimiter and args.fmt != "csv":
        raise CommandError("--delimiter is for --format csv; a vCard file has none", exit_code=2)
    transfer = TransferService(ctx.store)
    view: View = "inactive" if args.inactive else "active"
    if args.output:
        count = transfer.export(args.kind, args.output, fmt=args.fmt, search=args.search, view=view,
                                sort=args.sort, descending=args.descending, delimiter=args.delimiter)
        ctx.emit({"exported": count, "file": args.output},
                 lambda: print(f"exported {count} {args.kind} to {args.output}"))
        return 0
    if ctx.json:
        raise CommandError("--json needs -o FILE (the export itself goes to stdout otherwise)", exit_code=2)
    return _export_to_stdout(transfer, args, view)


def _export_to_stdout(transfer: TransferService, args: argparse.Namespace, view: View) -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"export.{'vcf' if args.fmt == 'vcard' else 'csv'}"
        transfer.export(args.kind, path, fmt=args.fmt, search=args.search, view=view, sort=args.sort,
                        descending=args.descending, delimiter=args.delimiter)
        with open(path, "rb") as handle:
            sys.stdout.flush()
            while block := handle.read(1 << 16):
                sys.stdout.buffer.write(block)
    return 0
