
"""Subcommands for the server: login, logout, sync, sync issues, share and assign.

Errors print one line on stderr and exit non-zero; an unreachable server
leaves the queue exactly as it was.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from typing import Any, TypeVar

from crm_desktop.commands.common import CommandError, Context, command, print_table, record_label
from crm_desktop.services.sync import SyncBusy, SyncError, SyncReport, SyncService
from crm_desktop.sync.client import normalize_url
from crm_desktop.sync.errors import AuthError
from crm_desktop.sync.issues import ChangedDependant, SyncIssueView

PASSWORD_ENV = "CRM_PASSWORD"
T = TypeVar("T")
_EXIT_CODES = {"network": 3, "auth": 4, "server": 5, "schema": 6, "garbage": 5, "busy": 7}
# How long `sync` waits for a sync already running on this store (the window's, say);
# a first sync of a million records takes a couple of minutes.
WAIT_FOR_OTHER_SYNC = 600.0
_ACTIONS = (("keep_mine", "keep your values (re-queued on the server's version)"),
            ("take_theirs", "take the server's values"),
            ("retry", "queue the rejected change again (after fixing the record)"),
            ("discard", "drop the change and undo it here"))


def register(sub: Any) -> None:
    """Add this module's subcommands to the CLI."""
    p = command(sub, "login", cmd_login, f"log in to a sync server (password: prompt or {PASSWORD_ENV})")
    p.add_argument("--server", required=True, help="the server's URL, e.g. https://crm.example.com")
    p.add_argument("--user", required=True)
    command(sub, "logout", cmd_logout, "log out and forget the token")
    command(sub, "sync", cmd_sync, "push queued changes and pull the others'")
    command(sub, "sync-issues", cmd_sync_issues, "conflicts and rejected changes waiting for you")
    p = command(sub, "resolve", cmd_resolve, "resolve a sync issue")
    p.add_argument("issue", type=int, help="the issue's id (see sync-issues)")
    choice = p.add_mutually_exclusive_group(required=True)
    for action, text in _ACTIONS:
        choice.add_argument(f"--{action.replace('_', '-')}", dest="action", action="store_const",
                            const=action, help=text)
    for name, text in (("share", "share a record with a user or team (queued)"),
                       ("assign", "give a record to a user or team (queued)")):
        p = command(sub, name, cmd_share if name == "share" else cmd_assign, text)
        p.add_argument("record", help="id or unambiguous name")
        who = p.add_mutually_exclusive_group(required=True)
        who.add_argument("--user")
        who.add_argument("--team")
        if name == "share":
            p.add_argument("--rights", required=True, help="comma-separated: read,write,append,assign,...;"
                           " empty revokes")


def _service(ctx: Context) -> SyncService:
    return SyncService(ctx.store)


def _fail(exc: SyncError) -> CommandError:
    return CommandError(exc.message, exit_code=_EXIT_CODES.get(exc.kind, 1))


def cmd_login(args: argparse.Namespace, ctx: Context) -> None:
    try:
        normalize_url(args.server)  # a mistyped address before the password, not after
    except SyncError as exc:
        raise CommandError(exc.message, exit_code=2) from None
    if not args.user.strip():
        raise CommandError("no user name given (--user NAME)", exit_code=2)
    password = _password(args.user)
    service = _service(ctx)
    previous = service.username
    try:
        forgotten = service.login(args.server, args.user, password)
    except SyncError as exc:
        raise _fail(exc) from None
    state = service.state()
    data = {"server": state.server_url, "user": state.username, "token_kept": service.credentials.persistent,
            "records_removed": forgotten}

    def human() -> None:
        # Without a keyring, crm.sync has already said (once) that the login lasts for this run only.
        print(f"Logged in to {state.server_url} as {state.username}.")
        if forgotten:
            print(f"{forgotten} record{'s' if forgotten != 1 else ''} synced as {previous} left this store;"
                  f" `crm-desktop sync` brings {state.username}'s.")

    ctx.emit(data, human)


def _password(user: str) -> str:
    """CRM_PASSWORD, else typed at a prompt; a clear refusal when there is none (no terminal, Ctrl-D)."""
    try:
        password = os.environ.get(PASSWORD_ENV) or getpass.getpass(f"Password for {user}: ")
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)  # end the prompt's line
        password = ""
    if not password:
        raise CommandError(f"no password given: type it at the prompt, or set {PASSWORD_ENV}", exit_code=2)
    return password


def cmd_logout(args: argparse.Namespace, ctx: Context) -> None:
    service = _service(ctx)
    user = service.username
    try:
        revoked = _after_others(lambda wait: service.logout(wait=wait), "log out")
    except SyncBusy as exc:
        raise _fail(exc) from None
    pending = ctx.store.pending_changes()

    def human() -> None:
        if revoked is None:
            print("Not logged in here." if user is None else f"No login of {user} was kept here.")
        elif revoked:
            print("Logged out.")
        else:
            print("Logged out here; the server could not be told, so the login stays valid there until it"
                  " expires.")
        if pending and user:
            print(f"{_changes(pending)} made as {user} {'is' if pending == 1 else 'are'} still queued: they go to"
                  f" the server when {user} logs in and syncs; no one else can log in here until then.")

    ctx.emit({"logged_out": True, "server_told": revoked, "pending_changes": pending}, human)


def cmd_sync(args: argparse.Namespace, ctx: Context) -> None:
    service = _service(ctx)
    try:
        _ensure_login(service)
        report = _sync_relogging(service)
    except SyncError as exc:
        if not isinstance(exc, SyncBusy):  # the other sync's outcome is what status should show
            service.remember_failure(exc)  # a failed log-in again is a failed sync too
        pending = ctx.store.pending_changes()
        raise CommandError(f"{exc.message} ({_changes(pending)} still queued)",
                           exit_code=_EXIT_CODES.get(exc.kind, 1)) from None
    data = asdict(report)

    def human() -> None:
        conflicts = "1 conflict" if report.conflicts == 1 else f"{report.conflicts} conflicts"
        print(f"Pushed {report.pushed}, pulled {report.pulled}; {conflicts},"
              f" {report.rejected} rejected; {_changes(report.pending_changes)} not synced.")
        if report.conflicts or report.rejected:
            print("See them with: crm-desktop sync-issues")

    ctx.emit(data, human)


def _changes(count: int) -> str:
    return "1 change" if count == 1 else f"{count} changes"


def _sync_relogging(service: SyncService) -> SyncReport:
    """Sync; a token the server rejects (expired) is renewed once with CRM_PASSWORD if set."""
    try:
        return _sync_after_others(service)
    except AuthError:
        password = os.environ.get(PASSWORD_ENV)
        if not (password and service.server_url and service.username):
            raise
    service.login(service.server_url, service.username, password)
    return _sync_after_others(service)


def _sync_after_others(service: SyncService) -> SyncReport:
    """Sync now, or after the sync another process is running on this store."""
    return _after_others(lambda wait: service.sync_now(wait=wait), "sync")


def _after_others(step: Callable[[float], T], what: str) -> T:
    """``step`` now, or once the sync another process runs on this store has ended, saying so once."""
    try:
        return step(0.0)
    except SyncBusy:
        print(f"Waiting for the sync already running on this store (the window's?) to end before we {what}...",
              file=sys.stderr, flush=True)
    return step(WAIT_FOR_OTHER_SYNC)


def _ensure_login(service: SyncService) -> None:
    """No token (no keyring, or expired): log in again with CRM_PASSWORD if it is set."""
    state = service.state()
    if state.logged_in:
        return
    password = os.environ.get(PASSWORD_ENV)
    if not (state.server_url and state.username):
        raise CommandError("not logged in; run: crm-desktop login --server URL --user NAME",
                           exit_code=_EXIT_CODES["auth"])
    if not password and not service.credentials.persistent:
        raise CommandError(f"not logged in to {state.server_url} as {state.username}; with no keyring to keep"
                           f" the login between runs, set {PASSWORD_ENV} and sync logs in each time",
                           exit_code=_EXIT_CODES["auth"])
    if not password:
        raise CommandError(f"not logged in to {state.server_url} as {state.username}; run: crm-desktop login"
                           f" --server {state.server_url} --user {state.username}",
                           exit_code=_EXIT_CODES["auth"])
    service.login(state.server_url, state.username, password)


def cmd_sync_issues(args: argparse.Namespace, ctx: Context) -> None:
    issues = _service(ctx).issues()
    data = [{"id": i.id, "kind": i.kind, "entity": i.entity, "record_id": i.record_id,
             "record_name": i.record_name, "op": i.op, "reason": i.reason, "message": i.message,
             "fields": i.fields, "created_at": i.created_at,
             "dependants": [asdict(d) for d in i.dependants]} for i in issues]

    def human() -> None:
        if not issues:
            print("No sync issues.")
            return
        rows = [(i.id, i.kind, "" if i.reason == i.kind else i.reason, f"{i.entity} {i.record_name}",
                 _details(i) or i.message) for i in issues]
        print_table(("ID", "KIND", "REASON", "RECORD", "DETAILS"), rows)

    ctx.emit(data, human)


def _details(issue: SyncIssueView) -> str:
    if issue.kind == "conflict" and issue.op == "delete":
        return _delete_conflict_text(issue)
    if issue.kind == "conflict":
        return "; ".join(f"{k}: yours {_short(v.get('yours'))}, theirs {_short(v.get('theirs'))}"
                         for k, v in issue.fields.items())
    return ""


def _short(value: Any, limit: int = 60) -> str:
    """A value for the table: quoted, and cut with an ellipsis when long (--json has it whole)."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _delete_conflict_text(issue: SyncIssueView) -> str:
    """What changed that the delete would lose: the record's fields, and its connections'."""
    def now(fields: dict[str, dict[str, Any]]) -> str:
        theirs = ((k, v.get("theirs")) for k, v in fields.items())  # a linked record by its name
        return "; ".join(f"{k}: now {(issue.linked_names.get(t, t) if isinstance(t, str) else t)!r}"
                         for k, t in theirs)

    parts = [f"it was changed on the server since ({now(issue.fields)})"] if issue.fields else []
    for d in issue.dependants:
        if not d.hidden:
            what = "added on the server since" if d.created else f"changed ({now(d.fields)})"
            parts.append(f"its {d.entity} {d.name} was {what}")
    hidden = _hidden_text([d for d in issue.dependants if d.hidden])
    if hidden:
        parts.append(f"and {hidden}" if parts else hidden)
    return f"you deleted it, but {'; '.join(parts)}; --keep-mine deletes it anyway, --take-theirs keeps it"


def _hidden_text(hidden: list[ChangedDependant]) -> str:
    """"1 connection you cannot see (another rep's) would be deleted with it": all the rep may know of them."""
    if not hidden:
        return ""
    counts = Counter(d.entity for d in hidden)
    what = ", ".join(f"{n} {entity}{'' if n == 1 else 's'}" for entity, n in sorted(counts.items()))
    whose = "another rep's" if len(hidden) == 1 else "other reps'"
    return f"{what} you cannot see ({whose}) would be deleted with it"


def cmd_resolve(args: argparse.Namespace, ctx: Context) -> None:
    before = ctx.store.pending_changes()
    followers = _service(ctx).resolve(args.issue, args.action)
    queued = max(0, ctx.store.pending_changes() - before)  # what this choice queued, not what else waits

    def human() -> None:
        # Take theirs and discard send nothing; keep mine and retry queue the rep's change again.
        then = f" {_changes(queued)} queued: run `crm-desktop sync`." if queued else ""
        print(f"Issue {args.issue}: {args.action.replace('_', ' ')}.{then}")
        if followers:
            ids = ", ".join(str(i) for i in followers)
            what = "delete" if args.action in ("keep_mine", "take_theirs") else "assign"  # a conflict: a delete's
            print(f"The connections that went with that {what} followed: issue{'s' if len(followers) > 1 else ''}"
                  f" {ids} too.")

    ctx.emit({"resolved": args.issue, "action": args.action, "also_resolved": followers}, human)


def _principal(args: argparse.Namespace) -> tuple[str, str]:
    return ("user", args.user) if args.user else ("team", args.team)


def _known_principal(ctx: Context, kind: str, name: str) -> None:
    """A mistyped user or team is refused now when the server can say so; offline, the sync will."""
    service = _service(ctx)
    if not service.state().logged_in:
        return
    names = service.directory()["users" if kind == "user" else "teams"]  # empty when it cannot be asked
    if names and name not in names:
        shown = ", ".join(sorted(names)[:10]) + (", ..." if len(names) > 10 else "")
        raise CommandError(f"the server has no {kind} named {name!r} ({kind}s: {shown})", exit_code=2)


def cmd_share(args: argparse.Namespace, ctx: Context) -> None:
    kind, name = _principal(args)
    _known_principal(ctx, kind, name)
    rights = [r.strip() for r in args.rights.split(",") if r.strip()]
    record = ctx.crm.share(args.record, kind, name, rights)
    label = record_label(ctx, record)
    said = (f"Shared {label} with {kind} {name} ({', '.join(rights)})" if rights
            else f"Stopped sharing {label} with {kind} {name}")
    ctx.emit({"id": record.id, "shared_with": {"type": kind, "name": name, "rights": rights}, "queued": True},
             lambda: print(f"{said}; queued for the next sync."))


def cmd_assign(args: argparse.Namespace, ctx: Context) -> None:
    kind, name = _principal(args)
    _known_principal(ctx, kind, name)
    record = ctx.crm.assign(args.record, kind, name)
    ctx.emit({"id": record.id, "owner": {"type": kind, "name": name}, "queued": True},
             lambda: print(f"Assigned {record_label(ctx, record)} to {kind} {name};"
                           " queued for the next sync."))


__all__ = ["register"]
