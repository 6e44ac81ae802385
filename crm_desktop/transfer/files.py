"""Files a rep saves (exports, failed rows, mappings) appear whole or not at all.

Writing straight to the chosen file would leave half an export behind when
the disk fills or the app is stopped part-way, and over an older export of
the same name it would destroy that one too.  So the text goes to a hidden
file beside it, which replaces the target only once it is complete.

A folder where the rep may rewrite an existing file but not add one (a
shared folder with such rights) leaves no room for that hidden file; there
the file is rewritten in place, as any editor would, rather than refused.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

log = logging.getLogger("crm.transfer")


@contextlib.contextmanager
def replacing(path: Path, encoding: str) -> Iterator[TextIO]:
    """A text file to write that replaces ``path`` when the block ends without an error.

    A target that is not a regular file (``-o /dev/stdout``, a pipe) is
    written in place: there is nothing there to replace.
    """
    if path.is_symlink() and path.resolve().is_file():
        path = path.resolve()  # the file it links to is replaced; the link stays
    if path.exists() and not path.is_file():
        with open(path, "w", encoding=encoding, newline="") as handle:
            yield handle
        return
    # An older file's permissions stay (an export of customers' phones the rep
    # made private); a new file gets the rep's usual ones (umask).
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    # Beside the target, so the replace is a rename on one file system.
    part = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        opened = open(part, "x", encoding=encoding, newline="")  # noqa: SIM115 (closed below, or by the with)
    except PermissionError:
        if not (path.is_file() and os.access(path, os.W_OK)):
            raise
        log.warning("cannot add a file beside %s; rewriting it in place", path)
        with open(path, "w", encoding=encoding, newline="") as handle:
            yield handle
        return
    try:
        with opened as handle:
            yield handle
            handle.flush()
            # On disk before the rename: after a power cut the name must not point at an empty file.
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(part, mode)
        os.replace(part, path)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise
