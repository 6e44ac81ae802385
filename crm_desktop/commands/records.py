"""Subcommands for accounts, contacts, connections and the store's status."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from crm_desktop.commands.common import (
    CommandError,
    Context,
    command,
    parse_assignments,
    print_table,
    record_label,
)
from crm_desktop.services.preferences import Preferences
from crm_desktop.store import Record
from crm_desktop.store.queries import ConnectionView

_SHOWN_FIELDS = {
    "account": ("name", "email", "phone", "website", "industry", "state"),
    "contact": ("first_name", "last_name", "job_title", "email", "phone", "state"),
}


def register(sub: Any) -> None:
    """Add this module's subcommands to the CLI."""
    _register_account(sub)
    _register_contact(sub)
    p = command(sub, "update", cmd_update, "change fields of a record")
    p.add_argument("record", help="id or unambiguous name")
    p.add_argument("--set", dest="assignments", action="append", required=True, metavar="FIELD=VALUE",
                   help="a field and its new value (empty clears it); repeat for more")
    p = command(sub, "list", cmd_list, "list accounts or contacts")
    p.add_argument("kind", choices=("accounts", "contacts"))
    p.add_argument("--search", help="prefix search over names, emails, phones and company")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--inactive", action="store_true", help="list inactive records instead")
    p.add_argument("--mine", action="store_true", help="only active records I own (or made and not yet synced)")
    p = command(sub, "show", cmd_show, "show one record")
    p.add_argument("record")
    _register_connections(sub)
    for name, active in (("deactivate", False), ("activate", True)):
        p = command(sub, name, cmd_set_state, f"{name} a record")
        p.add_argument("record")
        p.set_defaults(active=active)
    p = command(sub, "delete", cmd_delete, "delete a record (a tombstone syncs)")
    p.add_argument("record")
    command(sub, "status", cmd_status, "pending changes, last sync and sync issues")
    p = command(sub, "settings", cmd_settings, "show or change this store's settings")
    p.add_argument("--phone-region", help="country code for phones typed without +, e.g. US, ES, GB")
    p.add_argument("--sync-interval", type=int, metavar="MINUTES", help="minutes between automatic syncs")


def _register_account(sub: Any) -> None:
    account = sub.add_parser("account", help="add accounts, set the primary contact")
    acc_sub = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    p = command(acc_sub, "add", cmd_account_add, "add an account")
    p.add_argument("--name", required=True)
    p.add_argument("--email")
    p.add_argument("--phone")
    p.add_argument("--website")
    p.add_argument("--industry")
    p.add_argument("--parent", help="parent account (id or name)")
    p = command(acc_sub, "set-primary", cmd_set_primary, "set the account's primary contact")
    p.add_argument("account")
    p.add_argument("contact")


def _register_contact(sub: Any) -> None:
    contact = sub.add_parser("contact", help="add contacts")
    con_sub = contact.add_subparsers(dest="contact_command", metavar="ACTION", required=True)
    p = command(con_sub, "add", cmd_contact_add, "add a contact")
    # The field names (first_name, mobile_phone: what `update --set` and `show` use) work too.
    p.add_argument("--first", "--first-name", dest="first", required=True)
    p.add_argument("--last", "--last-name", dest="last", required=True)
    p.add_argument("--email")
    p.add_argument("--phone")
    p.add_argument("--mobile", "--mobile-phone", dest="mobile")
    p.add_argument("--job-title")
    p.add_argument("--account", help="the contact's account (id or name)")


def _register_connections(sub: Any) -> None:
    p = command(sub, "link", cmd_link, "connect two records with a role on each side")
    p.add_argument("record1")
    p.add_argument("record2")
    p.add_argument("--role", required=True, help="record1's role (see: crm-desktop roles)")
    p.add_argument("--role2", help="record2's role; must match --role (default: the only match)")
    p.add_argument("--description")
    p.add_argument("--from", dest="valid_from", help="valid from (YYYY-MM-DD)")
    p.add_argument("--to", dest="valid_to", help="valid to (YYYY-MM-DD)")
    p = command(sub, "unlink", cmd_unlink, "remove a connection")
    p.add_argument("connection", help="the connection's id")
    p = command(sub, "connections", cmd_connections, "a record's connections, from its side")
    p.add_argument("record")
    command(sub, "roles", cmd_roles, "the connection roles and what each matches")


# -- handlers -----------------------------------------------------------------


def _print_record(ctx: Context, record: Record) -> None:
    data = record.as_json()
    data.update(ctx.crm.related_names(record))
    if record.entity == "connection":
        data["name"] = record_label(ctx, record)
    ctx.emit(data, lambda: _human_record(data))


def _human_record(data: dict[str, Any]) -> None:
    width = max(len(k) for k in data)
    for key, value in data.items():
        if value not in (None, "", False) or key in ("pending",):
            print(f"{key.ljust(width)}  {value}")


def cmd_account_add(args: argparse.Namespace, ctx: Context) -> None:
    values = {"name": args.name, "email": args.email, "phone": args.phone, "website": args.website,
              "industry": args.industry, "parent_account_id": args.parent}
    _print_record(ctx, ctx.crm.create_account(values))


def cmd_contact_add(args: argparse.Namespace, ctx: Context) -> None:
    values = {"first_name": args.first, "last_name": args.last, "email": args.email, "phone": args.phone,
              "mobile_phone": args.mobile, "job_title": args.job_title, "account_id": args.account}
    _print_record(ctx, ctx.crm.create_contact(values))


def cmd_set_primary(args: argparse.Namespace, ctx: Context) -> None:
    _print_record(ctx, ctx.crm.set_primary_contact(args.account, args.contact))


def cmd_update(args: argparse.Namespace, ctx: Context) -> None:
    changes = parse_assignments(args.assignments)
    record = ctx.crm.resolve(args.record, ("account", "contact", "connection"))
    if record.entity == "connection":  # a role by its name, as `link --role` takes it
        for name in ("role1_id", "role2_id"):
            value = changes.get(name)
            if isinstance(value, str) and value:
                changes[name] = ctx.crm.role(value).id
    _print_record(ctx, ctx.crm.update(record, changes))


def cmd_list(args: argparse.Namespace, ctx: Context) -> None:
    kind = args.kind.removesuffix("s")
    records = ctx.crm.list_records(kind, search=args.search, limit=args.limit,
                                   view="inactive" if args.inactive else "mine" if args.mine else "active")
    data = [r.as_json() for r in records]
    columns = _SHOWN_FIELDS[kind]

    def human() -> None:
        rows = [[r.id[:8], *(r.get(c) for c in columns), "pending" if r.pending else ""] for r in records]
        print_table(["id", *columns, ""], rows)
        if len(records) == args.limit:  # there may be more: say so, on stderr, so a pipe gets only rows
            print(f"(the first {args.limit} shown; --limit N for more, --search TEXT to narrow)", file=sys.stderr)

    ctx.emit(data, human)


def cmd_show(args: argparse.Namespace, ctx: Context) -> None:
    _print_record(ctx, ctx.crm.resolve(args.record, ("account", "contact", "connection")))


def cmd_set_state(args: argparse.Namespace, ctx: Context) -> None:
    _print_record(ctx, ctx.crm.set_active(args.record, args.active))


def cmd_delete(args: argparse.Namespace, ctx: Context) -> None:
    record = ctx.crm.resolve(args.record, ("account", "contact", "connection"))
    affected = ctx.crm.deleting_affects(record)
    ctx.crm.delete(record)
    data = {"id": record.id, "entity": record.entity, "name": record.name, "deleted": True, "pending": True,
            "connections_deleted": affected.connections,
            "references_cleared": {f"{e}.{f}": n for (e, f), n in sorted(affected.cleared.items())}}

    def human() -> None:
        print(f"deleted {record.entity} {record_label(ctx, record)} ({record.id})")
        if affected.connections:
            print(f"  and its {_count(affected.connections, 'connection')}")
        for (entity_name, field), count in sorted(affected.cleared.items()):
            what = field.removesuffix("_id").replace("_", " ")
            print(f"  {_count(count, entity_name)} no longer {'has' if count == 1 else 'have'} it as {what}")

    ctx.emit(data, human)


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _connection_json(view: ConnectionView) -> dict[str, Any]:
    return {"id": view.id, "other_id": view.other_id, "other_type": view.other_type,
            "other_name": view.other_name, "role": view.role, "other_role": view.other_role,
            "description": view.description, "valid_from": view.valid_from, "valid_to": view.valid_to,
            "state": view.state, "pending": view.pending}


def cmd_link(args: argparse.Namespace, ctx: Context) -> None:
    record = ctx.crm.link(args.record1, args.record2, args.role, args.role2, args.description,
                          args.valid_from, args.valid_to)
    _print_record(ctx, record)


def cmd_unlink(args: argparse.Namespace, ctx: Context) -> None:
    record = ctx.crm.unlink(args.connection)
    ctx.emit({"id": record.id, "deleted": True, "pending": True},
             lambda: print(f"removed connection {record.id}"))


def cmd_connections(args: argparse.Namespace, ctx: Context) -> None:
    views = ctx.crm.connections(args.record)
    data = [_connection_json(v) for v in views]

    def human() -> None:
        rows = [[v.id[:8], v.other_name, v.role, v.other_role, v.description,
                 "pending" if v.pending else ""] for v in views]
        print_table(["id", "other", "my role", "their role", "description", ""], rows)

    ctx.emit(data, human)


def cmd_roles(args: argparse.Namespace, ctx: Context) -> None:
    roles = ctx.crm.roles()
    data = [{"id": r.id, "name": r.name, "category": r.get("category"),
             "matches": [m.name for m in ctx.crm.matching_roles(r)]} for r in roles]

    def human() -> None:
        print_table(["role", "category", "matches"],
                    [[d["name"], d["category"], ", ".join(d["matches"])] for d in data])

    ctx.emit(data, human)


def cmd_status(args: argparse.Namespace, ctx: Context) -> None:
    status = ctx.crm.status()
    data = {"pending_changes": status.pending_changes, "last_sync": status.last_sync,
            "sync_issues": status.sync_issues, "data_dir": status.data_dir,
            "last_sync_failure": status.last_failure, "server": status.server, "user": status.user}

    def human() -> None:
        print(f"Syncs with:         {f'{status.server} as {status.user}' if status.server else 'no server yet'}")
        print(f"Changes not synced: {status.pending_changes}")
        print(f"Last synced:        {_local_time(status.last_sync) if status.last_sync else 'never'}")
        if status.last_failure:
            print(f"Last sync failed:   {_local_time(status.last_failure.get('at'))}:"
                  f" {status.last_failure.get('message')}")
        print(f"Sync issues:        {status.sync_issues}")
        print(f"Data folder:        {status.data_dir}")

    ctx.emit(data, human)


def _local_time(stamp: str | None) -> str:
    """A stored UTC stamp in the rep's own time zone, as they read a clock (--json keeps UTC)."""
    try:
        return datetime.fromisoformat(stamp or "").astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
    except ValueError:
        return stamp or ""


def cmd_settings(args: argparse.Namespace, ctx: Context) -> None:
    if args.phone_region:
        try:
            ctx.store.set_phone_region(args.phone_region)
        except ValueError as exc:
            raise CommandError(f"--phone-region: {exc}") from None
    preferences = Preferences(ctx.store)
    if args.sync_interval is not None:
        try:
            preferences.set_sync_interval_minutes(args.sync_interval)
        except ValueError as exc:
            raise CommandError(f"--sync-interval: {exc}") from None
    data = {"phone_region": ctx.store.phone_region, "sync_interval_minutes": preferences.sync_interval_minutes,
            "language": preferences.language, "client_id": ctx.store.client_id, "data_dir": str(ctx.data_dir)}

    def human() -> None:
        for key, value in data.items():
            print(f"{key}: {value}")

    ctx.emit(data, human)
