"""The ``crm-server`` command: serve, migrate, and manage users and teams.

Every subcommand takes ``--database-url`` and ``--data-dir``, so
``create-user --data-dir D`` and ``serve --data-dir D`` use one database.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from crm_server import crud
from crm_server.core.config import Settings, load_settings
from crm_server.core.db import make_engine, migrate


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database-url", help="SQLAlchemy URL (default: SQLite in the data dir)")
    common.add_argument("--data-dir", help="directory of the SQLite file (default: CRM_DATA_DIR)")
    parser = argparse.ArgumentParser(prog="crm-server", description="The crm-desktop sync server.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", parents=[common], help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1)
    user = sub.add_parser("create-user", parents=[common], help="add a user (CRM_PASSWORD or prompt)")
    user.add_argument("name")
    user.add_argument("--team")
    user.add_argument("--admin", action="store_true")
    gone = sub.add_parser("delete-user", parents=[common], help="remove a user and their tokens")
    gone.add_argument("name")
    sub.add_parser("create-team", parents=[common], help="add a team").add_argument("name")
    sub.add_parser("migrate", parents=[common], help="upgrade the database schema")
    sub.add_parser("compact-log", parents=[common], help="drop superseded change log rows")
    return parser


def _password() -> str:
    password = os.environ.get("CRM_PASSWORD")
    if password:
        return password
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise ValueError("the passwords differ")
    return first


def _serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    migrate(make_engine(settings.database_url))
    os.environ["CRM_DATABASE_URL"] = settings.database_url
    os.environ["CRM_DATA_DIR"] = str(settings.data_dir)
    print(f"crm-server on http://{args.host}:{args.port} ({args.workers} worker(s))", flush=True)
    uvicorn.run(
        "crm_server.main:create_app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
        access_log=False,
    )
    return 0


def _manage(settings: Settings, args: argparse.Namespace) -> int:
    engine = make_engine(settings.database_url)
    migrate(engine)
    if args.command == "compact-log":
        from crm_server.sync.pull import compact_log

        dropped, floor = compact_log(engine)
        print(f"dropped {dropped} change log rows; pulls with a cursor below {floor} now resync")
        return 0
    # Each command reads, then writes (is the name taken?): begun as a reader, a push
    # committing in between would make its write fail at once with "database is locked".
    with Session(engine.execution_options(crm_write=True)) as session:
        if args.command == "create-team":
            crud.create_team(session=session, name=args.name)
            print(f"created team {args.name}")
        elif args.command == "create-user":
            crud.create_user(session=session, name=args.name, password=_password(), team=args.team, admin=args.admin)
            print(f"created user {args.name}")
        elif args.command == "delete-user":
            if not crud.delete_user(session=session, name=args.name):
                raise ValueError(f"there is no user named {args.name!r}")
            print(f"deleted user {args.name}")
        else:
            print("database schema is up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; errors print a message and return 1."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    args = _parser().parse_args(argv)
    settings = load_settings(args.database_url, args.data_dir)
    run: Callable[[Settings, argparse.Namespace], int] = _serve if args.command == "serve" else _manage
    try:
        return run(settings, args)
    except (ValueError, OSError) as exc:
        print(f"crm-server: {exc}", file=sys.stderr)
        return 1
    except SQLAlchemyError as exc:
        print(f"crm-server: database error: {getattr(exc, 'orig', None) or exc}", file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        print("crm-server: cancelled", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
