"""``crm-desktop import FILE`` and ``crm-desktop export accounts|contacts``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from crm_desktop.commands.common import CommandError, Context, command
from crm_desktop.services import View
from crm_desktop.services.transfer import SORTS, ImportReport, TransferService


def register(sub: Any) -> None:
    """Add the import and export subcommands to the CLI."""
    p = command(sub, "import", cmd_import, "import accounts or contacts from a CSV or vCard file")
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


def _sort_names() -> str:
    accounts, contacts = (", ".join(SORTS[kind]) for kind in ("account", "contact"))
    return f"accounts: {accounts}; contacts: {contacts}"


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    transfer = TransferService(ctx.store)
    mapping = None
    kind = args.kind
    if args.map_file:
        saved_kind, mapping = transfer.load_mapping(args.map_file)
        kind = saved_kind if kind == "auto" and saved_kind else kind
    if args.save_map:
        preview = transfer.preview(args.file, limit=0, encoding=args.encoding)
        chosen = preview.kind if kind == "auto" else kind
        transfer.save_mapping(args.save_map, preview.headers, transfer.mapping_for(preview, chosen, mapping),
                              chosen)
    report = transfer.import_file(args.file, kind=kind, mode=args.mode, mapping=mapping,
                                  duplicates=args.duplicates, dry_run=args.dry_run, encoding=args.encoding)
    if args.failed_csv and report.failed:
        report.save_failed_rows(Path(args.failed_csv))
    ctx.emit(report.as_json(), lambda: _print_report(report, args))
    return 0


def _print_report(report: ImportReport, args: argparse.Namespace) -> None:
    what = "would be " if report.dry_run else ""
    print(f"{report.created} {report.kind} {what}created, {report.updated} {what}updated, "
          f"{report.duplicates} skipped as duplicates, {report.failed} failed")
    if report.accounts_created:
        print(f"{report.accounts_created} accounts {what}created for the contacts' companies")
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


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    transfer = TransferService(ctx.store)
    view: View = "inactive" if args.inactive else "active"
    if args.output:
        count = transfer.export(args.kind, args.output, fmt=args.fmt, search=args.search, view=view,
                                sort=args.sort, descending=args.descending)
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
                        descending=args.descending)
        with open(path, "rb") as handle:
            sys.stdout.flush()
            while block := handle.read(1 << 16):
                sys.stdout.buffer.write(block)
    return 0
