"""Is this row already a record?  Against the store and the rows before it in the file.

Contacts match on the same normalised email (the import's key), the same
E.164 phone, or the same name written differently at the same account (see
``names``).  Accounts match on account number (the external id), the same
name, or the same website.
Earlier chunks of the file are already in the store, so only the current
chunk needs an in-memory index: memory stays flat on a million rows.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from crm_core.countries import record_region
from crm_core.reasons import Reason
from crm_core.text import strip_accents
from crm_desktop.store import release
from crm_desktop.transfer import reasons
from crm_desktop.transfer.names import NameIndex, find_name, name_parts

# Below this many contacts without an email per company of a chunk, they are
# read through the email index (see DuplicateFinder._read_people).
NAMES_BY_EMAIL_INDEX = 4


@dataclass(frozen=True)
class Match:
    """The record a row duplicates, why, and whether that is the import's key."""

    record_id: str
    reason: Reason
    by_key: bool


# Legal forms a company's name is written with or without ("Núñez S.L.",
# "Nuñez SL", "núñez, s.l."): dropped from the end of a name when compared.
_LEGAL_FORMS = frozenset({
    "sl", "slu", "sa", "sau", "sll", "scp", "cb", "sc", "scoop", "slne", "ltd", "limited", "llc", "llp",
    "inc", "incorporated", "corp", "corporation", "co", "company", "plc", "gmbh", "ag", "kg", "bv", "nv",
    "srl", "spa", "sas", "sarl", "oy", "ab", "as", "aps", "pty", "lda", "ltda", "sacv", "cv",
})
_NOT_WORD = re.compile(r"[^\w]+")


@functools.lru_cache(maxsize=65536)
def name_key(text: str | None) -> str:
    """A company name as compared: case, accents, punctuation, spacing and a trailing legal form ignored."""
    plain = strip_accents((text or "").casefold()).replace(".", "").replace("'", "")
    words = _NOT_WORD.sub(" ", plain).replace("_", " ").split()
    words = _join_initials(words)
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    key = " ".join(words)
    return key or " ".join((text or "").split()).casefold()  # a name of punctuation alone: as written


def _join_initials(words: list[str]) -> list[str]:
    """``["s", "l"]`` (from "S. L.") as ``["sl"]``: a run of one-letter words is one word."""
    out: list[str] = []
    in_run = False
    for word in words:
        if len(word) == 1 and in_run:
            out[-1] += word
            continue
        in_run = len(word) == 1
        out.append(word)
    return out


# "Ruíz" and "Ruiz" are the same person typed on two keyboards.  Names
# repeat all over a file and the store, so the stripping is cached.
_plain = functools.lru_cache(maxsize=65536)(strip_accents)


def forget_cached() -> None:
    """Empty the caches of name and company keys (an import fills them with its file's names)."""
    name_key.cache_clear()
    name_parts.cache_clear()
    _plain.cache_clear()


def website_key(url: str | None) -> str:
    """A website as compared: its host without ``www.``."""
    if not url:
        return ""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return host.removeprefix("www.")


def _shown(first: str | None, last: str | None) -> str:
    return " ".join(f"{first or ''} {last or ''}".split())


@dataclass
class _People:
    """The contacts of one account, by name."""

    everyone: NameIndex = field(default_factory=NameIndex)
    without_email: NameIndex = field(default_factory=NameIndex)

    def add(self, first: str | None, last: str | None, record_id: str, email: str | None) -> None:
        """Remember one more contact of the account."""
        parts, shown = name_parts(first, last), _shown(first, last)
        self.everyone.add(parts, record_id, shown)
        if not email:
            self.without_email.add(parts, record_id, shown)


@dataclass
class _ChunkIndex:
    emails: dict[str, str] = field(default_factory=dict)
    phones: dict[str, str] = field(default_factory=dict)
    email_of: dict[str, str] = field(default_factory=dict)  # record id -> email, of the chunk's contacts
    loose_names: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    people: dict[str, _People] = field(default_factory=dict)
    keys: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass
class _StoreReads:
    """What the store answered for this chunk, key by key; a key not here is asked for alone.

    A query per row (by email, by phone, by account) cost more than the
    inserts; ``DuplicateFinder.prefetch`` asks once per chunk for every key
    its rows hold.  A missing answer is kept too (None, or an empty list).
    """

    emails: dict[str, str | None] = field(default_factory=dict)
    phones: dict[str, str | None] = field(default_factory=dict)
    people: dict[tuple[str, bool], NameIndex] = field(default_factory=dict)
    loose: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)


class DuplicateFinder:
    """Finds the existing record a new row would duplicate.

    The queries write ``+deleted``: without ANALYZE statistics SQLite would
    otherwise pick the list index on ``deleted`` and scan every contact.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.chunk = _ChunkIndex()
        self._read = _StoreReads()
        self._account_keys: dict[tuple[str, str], str] | None = None
        self._account_regions: dict[str, str] = {}  # account id -> the region its country names, or ""

    def new_chunk(self) -> None:
        """Forget the in-memory index: the last chunk is in the store now."""
        for old in (self.chunk, self._read):  # a slice at a time: see store.release
            release.let_go(*vars(old).values())
        self.chunk = _ChunkIndex()
        self._read = _StoreReads()

    def prefetch(self, contacts: Iterable[tuple[dict[str, Any], dict[str, Any]]],
                 accounts: Collection[str] = (), new_accounts: Collection[str] = ()) -> None:
        """Read what the store holds for a chunk's contacts (fields, local columns), a query per kind.

        ``accounts`` are the stored accounts the contacts point at;
        ``new_accounts`` are created by this chunk, so no stored contact
        points at them yet.
        """
        emails: set[str] = set()
        phones: set[str] = set()
        loose: set[str] = set()
        without_email: set[str] = set()
        for fields, local in contacts:
            email = fields.get("email")
            if email:
                emails.add(_email_key(email))
            phones.update(p for p in (local.get("phone_e164"), local.get("mobile_phone_e164")) if p)
            if not fields.get("account_id"):
                loose.add(local.get("sort_key") or "")
            elif not email:
                without_email.add(fields["account_id"])
        read = self._read
        read.emails.update(self._by_key("email", emails, nocase=True))
        read.phones.update(self._by_key("phone_e164", phones))
        self._read_loose(loose)
        self._read_people(set(accounts), without_email)
        for account_id in new_accounts:
            read.people[(account_id, True)] = read.people[(account_id, False)] = NameIndex()

    def _by_key(self, column: str, keys: set[str], *, nocase: bool = False) -> dict[str, str | None]:
        # The first live contact by num, as the one-row query's index order gives.
        found: dict[str, str | None] = {}
        if not keys:
            return found
        collate = " COLLATE NOCASE" if nocase else ""  # the email index is NOCASE: it serves this
        rows = self.conn.execute(f"SELECT {column}, id FROM contact WHERE {column}{collate} IN"  # column: ours
                                 " (SELECT value FROM json_each(?)) AND +deleted = 0 ORDER BY num",
                                 (json.dumps(list(keys)),))
        for key, record_id in rows:
            found.setdefault(_email_key(key) if nocase else key, record_id)
        return {**dict.fromkeys(keys), **found}

    def _read_loose(self, sort_keys: set[str]) -> None:
        if not sort_keys:
            return
        loose = self._read.loose
        for key in sort_keys:
            loose[key] = []
        rows = self.conn.execute("SELECT sort_key, id, email FROM contact WHERE deleted = 0"
                                 " AND state IN ('active', 'inactive') AND sort_key IN"
                                 " (SELECT value FROM json_each(?)) AND account_id IS NULL ORDER BY state, num",
                                 (json.dumps(list(sort_keys)),))
        for key, record_id, email in rows:
            loose[key].append((record_id, email))

    def _read_people(self, accounts: set[str], without_email: set[str]) -> None:
        # A row with an email is only compared with the contacts without one
        # (see _similar_name); a row without, with every contact of its account.
        people = self._read.people
        everyone = accounts & without_email
        for account_id in accounts:
            people[(account_id, True)] = NameIndex()
        for account_id in everyone:
            people[(account_id, False)] = NameIndex()
        if not accounts:
            return
        # Few contacts lack an email in most stores: through the email index
        # that reads those few, not every contact of a thousand companies.
        few = NAMES_BY_EMAIL_INDEX * len(accounts)
        by_email = self.conn.execute("SELECT count(*) FROM (SELECT 1 FROM contact WHERE email IS NULL LIMIT ?)",
                                     (few,)).fetchone()[0] < few
        sql = ("SELECT account_id, first_name, last_name, id FROM contact WHERE email IS NULL AND"
               f" {'+' if by_email else ''}account_id IN (SELECT value FROM json_each(?)) AND +deleted = 0")
        for account_id, first, last, record_id in self.conn.execute(sql, (json.dumps(list(accounts)),)):
            people[(account_id, True)].add(name_parts(first, last), record_id, _shown(first, last))
        if not everyone:
            return
        rows = self.conn.execute("SELECT account_id, first_name, last_name, id FROM contact"
                                 " WHERE account_id IN (SELECT value FROM json_each(?)) AND +deleted = 0",
                                 (json.dumps(list(everyone)),))
        for account_id, first, last, record_id in rows:
            people[(account_id, False)].add(name_parts(first, last), record_id, _shown(first, last))

    # -- contacts ------------------------------------------------------------

    def contact(self, fields: dict[str, Any], local: dict[str, Any]) -> Match | None:
        """The contact this one duplicates, by email, phone, then name at the same account."""
        email = _email_key(fields.get("email") or "")
        if email:
            found = self.chunk.emails.get(email) or self._stored_email(email)
            if found:
                return Match(found, reasons.SAME_EMAIL(whom=reasons.EXISTING_CONTACT(), email=fields["email"]), True)
        for phone in (local.get("phone_e164"), local.get("mobile_phone_e164")):
            found = phone and (self.chunk.phones.get(phone) or self._stored_phone(phone))
            if found and not (email and self._other_email(found, email)):
                return Match(found, reasons.SAME_PHONE(whom=reasons.EXISTING_CONTACT(), phone=phone), False)
        if fields.get("account_id"):
            return self._similar_name(fields)
        return self._no_company_name(fields, local.get("sort_key") or "")

    def _other_email(self, record_id: str, email_key: str) -> bool:
        """Whether the contact has an email other than this one: two addresses are two people
        (colleagues sharing a switchboard number), as in ``_similar_name``."""
        theirs = self.chunk.email_of.get(record_id)
        if theirs is None:
            row = self.conn.execute("SELECT email FROM contact WHERE id = ?", (record_id,)).fetchone()
            theirs = (row[0] if row else None) or ""
        return bool(theirs) and _email_key(theirs) != email_key

    def _stored_email(self, email: str) -> str | None:
        if email in self._read.emails:
            return self._read.emails[email]
        return self._one("SELECT id FROM contact WHERE email COLLATE NOCASE = ? AND +deleted = 0 LIMIT 1", email)

    def _stored_phone(self, phone: str) -> str | None:
        if phone in self._read.phones:
            return self._read.phones[phone]
        return self._one("SELECT id FROM contact WHERE phone_e164 = ? AND +deleted = 0 LIMIT 1", phone)

    def _similar_name(self, fields: dict[str, Any]) -> Match | None:
        parts = name_parts(fields.get("first_name"), fields.get("last_name"))
        account_id = fields["account_id"]
        # Two different email addresses are two people, however alike their names;
        # the same address was matched above.  So a row with an email is only
        # compared with the contacts that have none.
        with_email = bool(fields.get("email"))
        names = [self._stored_people(account_id, with_email)]
        people = self.chunk.people.get(account_id)
        if people is not None:
            names.append(people.without_email if with_email else people.everyone)
        found = find_name(parts, names)
        if found is None:
            return None
        return Match(found[0], reasons.SIMILAR_NAME(name=found[1]), False)

    def _stored_people(self, account_id: str, with_email: bool) -> NameIndex:
        # The store's contacts of an account, read once a chunk: the chunk's
        # own rows are in chunk.people, and an update drops what was read.
        key = (account_id, with_email)
        found = self._read.people.get(key)
        if found is None:
            rows = self.conn.execute("SELECT first_name, last_name, id FROM contact WHERE account_id = ?"
                                     " AND +deleted = 0" + (" AND email IS NULL" if with_email else ""),
                                     (account_id,)).fetchall()
            found = self._read.people[key] = NameIndex()
            for first, last, record_id in rows:
                found.add(name_parts(first, last), record_id, _shown(first, last))
        return found

    def forget_reads(self) -> None:
        """Drop what was read from the store: an update just changed it."""
        self._read = _StoreReads()

    def _no_company_name(self, fields: dict[str, Any], sort_key: str) -> Match | None:
        # Contacts without a company are too many to compare fuzzily (a phone's
        # address book has thousands): the same name, exactly, is the rule for them.
        email = fields.get("email")
        in_chunk = self.chunk.loose_names.get(_plain(sort_key))
        if in_chunk and not (email and in_chunk[1] and _email_key(in_chunk[1]) != _email_key(email)):
            return Match(in_chunk[0], reasons.SAME_NAME_NO_COMPANY(), False)
        found = self._stored_loose(sort_key, email)
        return Match(found, reasons.SAME_NAME_NO_COMPANY(), False) if found else None

    def _stored_loose(self, sort_key: str, email: str | None) -> str | None:
        stored = self._read.loose.get(sort_key)
        if stored is None:
            return self._one("SELECT id FROM contact WHERE deleted = 0 AND state IN ('active', 'inactive')"
                             " AND sort_key = ? AND account_id IS NULL AND (email IS NULL OR ? IS NULL OR"
                             " email COLLATE NOCASE = ?) LIMIT 1", sort_key, email, email)
        key = _email_key(email) if email else None
        return next((i for i, e in stored if e is None or key is None or _email_key(e) == key), None)

    def add_contact(self, record_id: str, fields: dict[str, Any], local: dict[str, Any]) -> None:
        """Remember a contact this chunk creates, for the rows after it."""
        if fields.get("email"):
            self.chunk.emails[_email_key(str(fields["email"]))] = record_id
            self.chunk.email_of[record_id] = str(fields["email"])
        for phone in (local.get("phone_e164"), local.get("mobile_phone_e164")):
            if phone:
                self.chunk.phones[phone] = record_id
        if not fields.get("account_id"):
            self.chunk.loose_names[_plain(local.get("sort_key") or "")] = (record_id, fields.get("email"))
            return
        self.chunk.people.setdefault(fields["account_id"], _People()).add(
            fields.get("first_name"), fields.get("last_name"), record_id, fields.get("email"))

    # -- accounts ------------------------------------------------------------

    def account(self, fields: dict[str, Any]) -> Match | None:
        """The account this one duplicates: account number, name, then website."""
        keys = self._accounts()
        number, name, web = fields.get("account_number") or "", fields.get("name") or "", fields.get("website")
        for kind, value, same, shown in (("number", number, reasons.SAME_ACCOUNT_NUMBER, number),
                                         ("name", name_key(name), reasons.SAME_ACCOUNT_NAME, name),
                                         ("web", website_key(web), reasons.SAME_WEBSITE, website_key(web))):
            found = value and keys.get((kind, value.casefold()))
            if found:
                return Match(found, same(whom=reasons.EXISTING_ACCOUNT(), value=shown), True)
        return None

    def account_by_name(self, name: str) -> str | None:
        """The live account called ``name`` (as ``name_key`` compares names), or None."""
        return self._accounts().get(("name", name_key(name).casefold()))

    def account_region(self, account_id: str) -> str | None:
        """The region the country of a live account (or one this import created) names, or None."""
        self._accounts()
        return self._account_regions.get(account_id) or None

    def add_account(self, record_id: str, fields: dict[str, Any]) -> None:
        """Remember an account this import creates."""
        keys = self._accounts()
        self._account_regions[record_id] = record_region("account", fields, "")
        number = fields.get("account_number") or ""
        web = website_key(fields.get("website"))
        for kind, value in (("number", number), ("name", name_key(fields.get("name"))), ("web", web)):
            if value:
                keys.setdefault((kind, value.casefold()), record_id)

    def _accounts(self) -> dict[tuple[str, str], str]:
        # Accounts are few next to contacts (a 1M-contact store has ~50k): index them all once.
        if self._account_keys is None:
            self._account_keys = {}
            rows = self.conn.execute("SELECT id, name, account_number, website, bill_to_country, ship_to_country"
                                     " FROM account WHERE deleted = 0 ORDER BY state = 'active', num DESC").fetchall()
            for row in rows:  # active and oldest last, so they win
                self._account_keys.update(self._keys_of(row))
                countries = {"bill_to_country": row[4], "ship_to_country": row[5]}
                self._account_regions[row[0]] = record_region("account", countries, "")
        return self._account_keys

    @staticmethod
    def _keys_of(row: sqlite3.Row) -> dict[tuple[str, str], str]:
        out = {("name", name_key(row[1])): row[0]}
        if row[2]:
            out[("number", str(row[2]).casefold())] = row[0]
        if website_key(row[3]):
            out[("web", website_key(row[3]))] = row[0]
        return out

    def _one(self, sql: str, *params: Any) -> str | None:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else str(row[0])


def _email_key(email: str) -> str:
    """An address as the import compares it: no mail service tells ``Ana@`` from ``ana@``."""
    return email.lower()
