"""Placing a chunk's rows: each checked whole, then queued for the chunk's batch.

A row is checked whole before anything of it is written: its account (found
by name or created once), its contact, and whether it duplicates a record;
a duplicate is skipped or, when the options say so, updates the record.
A company that exists takes the row's account values with the row (upsert),
or keeps its own and the report says so (``company_values``).

A contacts chunk goes in three steps: each row on its own (cells mapped,
fields cleaned, company found or drafted; no store), one read of the store
for every email, phone and company of the chunk, then the rows in file order
(duplicates, new accounts, the report).  The placed rows wait in the chunk
until ``_stage`` hands them to its BulkWriter.

``_RowPlacing`` is a mixin of ``importer.Importer``, which owns the chunk
loop; the chunk types live here because placing fills them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crm_core.reasons import Reason
from crm_core.validation import ValidationError
from crm_desktop.store import Store, release
from crm_desktop.store.bulk import BulkWriter, NewRecord
from crm_desktop.transfer import reasons
from crm_desktop.transfer.company_values import CompanyValues
from crm_desktop.transfer.dedupe import DuplicateFinder, Match
from crm_desktop.transfer.mapper import RowError, RowMapper, RowValues
from crm_desktop.transfer.phone_regions import has_national_phone, in_region, own_region
from crm_desktop.transfer.reader import SourceRow
from crm_desktop.transfer.report import ImportReport
from crm_desktop.transfer.stored_contact import keep_identity, phones_where_they_are
from crm_desktop.transfer.written import WrittenRecords, which_line

if TYPE_CHECKING:
    from crm_desktop.transfer.importer import ImportOptions


@dataclass
class _Chunk:
    bulk: BulkWriter
    rows: list[SourceRow]
    prepared: list[_Prepared] = field(default_factory=list)
    accounts: list[NewRecord] = field(default_factory=list)
    contacts: list[NewRecord] = field(default_factory=list)
    pending: set[str] = field(default_factory=set)
    drafts: dict[tuple[tuple[str, str], ...], NewRecord | Reason] = field(default_factory=dict)

    def let_go(self) -> None:
        """Free the written chunk's rows a slice at a time (see ``store.release``)."""
        release.let_go(self.contacts, self.accounts, self.prepared, self.rows, self.drafts, self.pending)
        self.bulk.let_go()


@dataclass(slots=True)
class _Prepared:
    """A contact row checked on its own: its record (or why not), mapped values and company."""

    row: SourceRow
    contact: NewRecord | Reason
    mapped: dict[str, str]
    company: str = ""
    account_id: str | None = None  # the stored (or earlier-chunk) account of that name
    account: NewRecord | Reason | None = None  # else a draft of a new one, or why it cannot be
    company_region: str | None = None  # where the company's phones are read (see stored_contact)
    left_out: tuple[str, ...] = ()  # account fields of a row with no company: no account to hold them
    account_values: dict[str, str] | None = None  # the row's, for a company that exists (see company_values)


class _Invalid(Exception):
    def __init__(self, reason: Reason) -> None:
        super().__init__(str(reason))
        self.reason = reason


class _RowPlacing:
    """The Importer's per-row work: contacts, accounts, duplicates and staging the placed rows."""

    store: Store
    mapper: RowMapper
    options: ImportOptions
    report: ImportReport
    finder: DuplicateFinder
    written: WrittenRecords
    companies: dict[str, str]
    company_values: CompanyValues
    _chunk: _Chunk | None

    def _import_row(self, row: SourceRow) -> None:
        if row.error:
            self.report.fail(row.line, row.error, row.cells)
            return
        try:
            self._account_row(row.line, self.mapper.values(row.cells).account)
        except RowError as exc:
            self.report.fail(row.line, exc.reason, row.cells)
        except _Invalid as exc:
            self.report.fail(row.line, exc.reason, row.cells)

    # -- contacts ------------------------------------------------------------

    def _contact_chunk(self, prepared: list[_Prepared]) -> None:
        """Read the store once for the rows checked on their own, then place them in file order."""
        self._read_store(prepared)
        for item in prepared:
            try:
                written = self._contact_row(item)
            except _Invalid as exc:
                self.report.fail(item.row.line, exc.reason, item.row.cells)
                continue
            if written and item.left_out:
                self._warn_left_out(item)

    def _warn_left_out(self, item: _Prepared) -> None:
        company = self.mapper.header("account.name")
        if company is None:
            return  # no company column at all: the report's file-wide warning names these columns
        columns = ", ".join(self.mapper.header(f"account.{name}") or name for name in item.left_out)
        self.report.warn(item.row.line, reasons.NO_COMPANY_ON_LINE(columns=columns, company=company))

    def _prepare(self, chunk: _Chunk, row: SourceRow) -> _Prepared:
        # What a row is on its own: its cells mapped, its fields cleaned, its
        # company found or drafted.  Failures wait for _contact_row, so the
        # report lists them in file order and by the same precedence.  This
        # may run on the read-ahead thread: it reads no store and no report.
        if row.error:
            return _Prepared(row, row.error, {})
        try:
            values = self.mapper.values(row.cells)
        except RowError as exc:
            return _Prepared(row, exc.reason, {})
        bulk = chunk.bulk
        company = values.account.get("name") or ""
        account_id = self.finder.account_by_name(company) if company else None
        company_region = self._company_region(values, account_id) if company else None
        draft = self._draft_account(chunk, values.account) if company and not account_id else None
        contact = values.contact
        if company_region is not None and not own_region("contact", contact):
            contact = in_region("contact", contact, company_region, self.store.phone_region)
        record: NewRecord | Reason
        try:
            record = bulk.prepare("contact", contact,
                                  references={"account_id": account_id or getattr(draft, "id", None)})
        except ValidationError as exc:
            record = self.mapper.reason(exc, "contact")
        left_out = tuple(values.account) if not company else ()
        return _Prepared(row, record, values.contact, company, account_id, draft, company_region, left_out,
                         values.account)

    def _company_region(self, values: RowValues, account_id: str | None) -> str | None:
        """The region the row's company's own country names (stored, or on this row), or None.

        A new company with none has its phones read in the contact's country instead.
        """
        if account_id:
            return self.finder.account_region(account_id)
        region = own_region("account", values.account)
        if region is None:
            values.account = in_region("account", values.account, own_region("contact", values.contact),
                                       self.store.phone_region)
        return region

    def _draft_account(self, chunk: _Chunk, values: dict[str, str]) -> NewRecord | Reason:
        # Rows of one company carry the same values: one draft (or reason) for all
        # of them.  Its cross-record rules are checked when a row uses it.
        key = tuple(values.items())
        found = chunk.drafts.get(key)
        if found is None:
            try:
                found = chunk.bulk.prepare("account", values)
            except ValidationError as exc:
                found = self.mapper.reason(exc, "account")
            chunk.drafts[key] = found
        return found

    def _read_store(self, prepared: list[_Prepared]) -> None:
        stored = {p.account_id for p in prepared if p.account_id}
        drafts = {p.account.id for p in prepared if isinstance(p.account, NewRecord)}
        records = [p.contact for p in prepared if isinstance(p.contact, NewRecord)]
        self.finder.prefetch([(r.fields, r.local) for r in records], stored, drafts)
        self._current().bulk.lookup.prefetch("account", stored)

    def _contact_row(self, item: _Prepared) -> bool:
        """Place one row: create its contact, or update or skip the one it duplicates; True if written."""
        account_id, new_account = self._account_for(item)
        existing = account_id if new_account is None else None  # whose values the row's may differ from
        differing = self.company_values.differing(self._current().bulk, existing, item.account_values or {}) \
            if existing else {}
        company = (existing, differing) if existing and differing and self.options.mode == "upsert" else None
        if existing and (existing != item.account_id or company or self.company_values.changed_any):
            self._in_company_region(item, existing, company[1] if company else {})
        record = self._linked_contact(item, account_id, new_account)
        match = self.finder.contact(record.fields, record.local)
        if match is not None:
            values = {**item.mapped, "account_id": account_id} if account_id else dict(item.mapped)
            written = self._duplicate(item.row.line, "contact", match, values, new_account, item.company_region,
                                      company)
        else:
            written = self._create_contact(item, record, new_account, company)
        if written and existing and differing and company is None:
            self.company_values.warn_left_alone(self._current().bulk, item.row.line, existing, differing)
        return written

    def _linked_contact(self, item: _Prepared, account_id: str | None, new_account: NewRecord | None) -> NewRecord:
        """The row's contact at its company, checked against the store's rules; raises _Invalid."""
        chunk = self._current()
        if isinstance(item.contact, Reason):
            raise _Invalid(item.contact)
        record = item.contact
        if record.fields.get("account_id") != account_id:  # a company created rows ago
            record = chunk.bulk.link("contact", record, "account_id", account_id)
        if new_account is not None:
            chunk.bulk.remember(new_account)
        try:
            chunk.bulk.check("contact", record)
        except ValidationError as exc:
            raise _Invalid(self.mapper.reason(exc, "contact")) from None
        finally:
            if new_account is not None:
                chunk.bulk.forget(new_account)
        return record

    def _create_contact(self, item: _Prepared, record: NewRecord, new_account: NewRecord | None,
                        company: tuple[str, dict[str, str]] | None) -> bool:
        chunk = self._current()
        if company is not None and self._write_company(*company):
            self.company_values.updated(chunk.bulk, item.row.line, company[0])  # the rest cannot fail now
        self._add_account(new_account)
        if new_account is not None:
            self.written.wrote(new_account.id, item.row.line, made=True)
        chunk.contacts.append(record)
        chunk.pending.add(record.id)
        self.finder.add_contact(record.id, record.fields, record.local)
        self.written.wrote(record.id, item.row.line, made=True)
        self.report.created += 1
        return True

    def _in_company_region(self, item: _Prepared, account_id: str, update: dict[str, str]) -> None:
        """The row's phones read in its existing company's country as it stands once the row is placed.

        An earlier row of this chunk may have made the company after this row
        was prepared (not in the country of this row's draft of it), or changed
        its country (upsert), or this row's ``update`` does: its phones are read
        as a row of a later chunk reads them.
        """
        region = self.company_values.region(self._current().bulk, account_id, update)
        if region == item.company_region:
            return
        item.company_region = region
        contact = item.contact
        if isinstance(contact, Reason) or own_region("contact", item.mapped) \
                or not has_national_phone("contact", item.mapped):
            return
        values = in_region("contact", item.mapped, region, self.store.phone_region)
        try:
            item.contact = self._current().bulk.prepare("contact", values, contact.id, {"account_id": account_id})
        except ValidationError as exc:
            item.contact = self.mapper.reason(exc, "contact")

    def _account_for(self, item: _Prepared) -> tuple[str | None, NewRecord | None]:
        # An earlier row of this chunk may have created the company since the draft.
        if not item.company:
            return None, None
        existing = item.account_id or self.finder.account_by_name(item.company)
        if existing:
            return existing, None
        if isinstance(item.account, Reason):
            raise _Invalid(item.account)
        assert item.account is not None, "a row naming a new company has its draft"
        try:
            self._current().bulk.check("account", item.account)
        except ValidationError as exc:
            raise _Invalid(self.mapper.reason(exc, "account")) from None
        return item.account.id, item.account

    def _add_account(self, record: NewRecord | None) -> None:
        if record is None:
            return
        chunk = self._current()
        chunk.accounts.append(record)
        chunk.pending.add(record.id)
        self._note_account(record)

    def _note_account(self, record: NewRecord) -> None:
        self._current().bulk.remember(record)
        self.finder.add_account(record.id, record.fields)
        self.companies[record.id] = record.fields["name"]
        if self.options.kind != "accounts":
            self.report.accounts_created += 1

    # -- accounts ------------------------------------------------------------

    def _account_row(self, line: int, account: dict[str, str]) -> None:
        record = self._checked(self._current().bulk, "account", account)
        match = self.finder.account(record.fields)
        if match is not None:
            self._duplicate(line, "account", match, account, None)
            return
        self._add_account(record)
        self.written.wrote(record.id, line, made=True)
        self.report.created += 1

    # -- duplicates and updates ------------------------------------------------

    def _duplicate(self, line: int, entity_name: str, match: Match, values: dict[str, Any],
                   new_account: NewRecord | None, company_region: str | None = None,
                   company: tuple[str, dict[str, str]] | None = None) -> bool:
        """Skip or update the record a row duplicates; True if it was updated.

        ``company`` is the row's existing company and the values that change it
        (upsert): written with the record's update, all or none, and skipped with it.
        """
        update = (match.by_key and self.options.mode == "upsert") or self.options.duplicates == "update"
        if not update:
            self.report.duplicate(line, self._as_found(match))
            return False
        chunk = self._current()
        if match.record_id in chunk.pending or values.get("account_id") in chunk.pending:
            self._flush()  # the record, and a company an earlier line made for it, must be in their tables
        earlier = self.written.earlier(match.record_id)
        changes = {k: v for k, v in values.items() if v}
        if entity_name == "contact" and not match.by_key:
            changes = keep_identity(self.store.conn, match.record_id, changes)
        if entity_name == "contact":
            changes = phones_where_they_are(self.store, match.record_id, changes, company_region)
        accounts = [new_account] if new_account is not None else []
        company_changed = False
        try:
            with chunk.bulk.all_or_none():
                company_changed = company is not None and self._write_company(*company)
                changed = chunk.bulk.update(entity_name, match.record_id, changes, create_first=accounts)
        except ValidationError as exc:
            raise _Invalid(self.mapper.reason(exc, entity_name)) from None
        finally:
            self.finder.forget_reads()
        if new_account is not None:
            self._note_account(new_account)
            self.written.wrote(new_account.id, line, made=True)
        if company is not None and company_changed:
            self.company_values.updated(chunk.bulk, line, company[0])
        self._count_update(line, entity_name, match, changed, earlier)
        return changed

    def _as_found(self, match: Match) -> Reason:
        """The match's reason, naming the line that made the record when an earlier line did.

        (The "updated again" warning names that line itself, so it keeps the reason as it is.)
        """
        line = self.written.made_by(match.record_id)
        return match.reason if line is None else match.reason.but(whom=reasons.LINE(line=line))

    def _write_company(self, account_id: str, changes: dict[str, str]) -> bool:
        """Upsert: the row's values into its existing company; True if they changed it; raises _Invalid."""
        chunk = self._current()
        if account_id in chunk.pending:
            self._flush()  # made by an earlier line of this chunk: it must be in its table
        try:
            return chunk.bulk.update("account", account_id, changes)
        except ValidationError as exc:
            raise _Invalid(self.mapper.reason(exc, "account")) from None

    def _count_update(self, line: int, entity_name: str, match: Match, changed: bool, earlier: int | None) -> None:
        """A record counts once, as created or updated; a later line that changes it again is warned of."""
        if not changed:
            self.report.duplicate(line, reasons.NOTHING_NEW(match=self._as_found(match)))
            return
        if earlier is None:
            self.report.updated += 1
            self.written.wrote(match.record_id, line)
            return
        self.report.updated_again += 1
        again = reasons.CONTACT_AGAIN if entity_name == "contact" else reasons.ACCOUNT_AGAIN
        self.report.warn(line, again(where=which_line(earlier), match=match.reason))

    # -- helpers ---------------------------------------------------------------

    def _checked(self, bulk: BulkWriter, entity_name: str, values: dict[str, Any]) -> NewRecord:
        try:
            return bulk.new_record(entity_name, values)
        except ValidationError as exc:
            raise _Invalid(self.mapper.reason(exc, entity_name)) from None

    def _flush(self) -> None:
        self._stage()
        self._current().bulk.write_staged()

    def _stage(self) -> None:
        chunk = self._current()
        chunk.bulk.stage("account", chunk.accounts)
        chunk.bulk.stage("contact", chunk.contacts, self._companies_of(chunk.contacts))
        chunk.accounts, chunk.contacts = [], []
        chunk.pending.clear()

    def _companies_of(self, contacts: list[NewRecord]) -> dict[str, str]:
        missing = {c.fields["account_id"] for c in contacts
                   if c.fields.get("account_id") and c.fields["account_id"] not in self.companies}
        if missing:
            rows = self.store.conn.execute("SELECT id, name FROM account WHERE id IN (SELECT value FROM json_each(?))",
                                           (json.dumps(sorted(missing)),))
            self.companies.update((r[0], r[1]) for r in rows)
        return self.companies

    def _current(self) -> _Chunk:
        assert self._chunk is not None, "rows are imported inside a chunk"
        return self._chunk
