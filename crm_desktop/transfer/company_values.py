"""A contacts row's account values when its company exists already (stored, or made by an earlier line).

Upsert (create or update) gives the account the row's non-empty values, as
it does a contact's: never its name, which is how the row found it.  Create
only leaves the account as it is and says so on the first line whose values
differ from the stored ones, naming their columns; a later line is warned of
only for columns not named yet, so a company on a thousand lines gives one
warning per column, not a thousand.

Rows of one company mostly carry the same values, so the last values a
row brought that needed nothing are remembered per account: the next row
with the same ones costs a comparison of two small dictionaries.
"""

from __future__ import annotations

from crm_core.entities import entity
from crm_core.validation import ValidationError
from crm_desktop.store.bulk import BulkWriter
from crm_desktop.transfer import reasons
from crm_desktop.transfer.dedupe import DuplicateFinder
from crm_desktop.transfer.mapper import RowMapper
from crm_desktop.transfer.phone_regions import own_region
from crm_desktop.transfer.report import ImportReport
from crm_desktop.transfer.written import WrittenRecords, which_line

_ACCOUNT = entity("account")
_COUNTRIES = {"bill_to_country", "ship_to_country"}  # an account's, where its contacts' phones are read


class CompanyValues:
    """What the account values of a row do to the existing company it names: differ, update, warn."""

    def __init__(self, mapper: RowMapper, report: ImportReport, written: WrittenRecords,
                 finder: DuplicateFinder) -> None:
        self.mapper = mapper
        self.report = report
        self.written = written
        self.finder = finder
        self._settled: dict[str, dict[str, str]] = {}  # account id -> a row's values that needed nothing
        self._warned: dict[str, set[str]] = {}  # account id -> the fields a create-only import warned of
        self.changed_any = False  # whether a row changed an account (its country, maybe) yet

    def differing(self, bulk: BulkWriter, account_id: str, values: dict[str, str]) -> dict[str, str]:
        """The row's non-empty values (name aside) that differ from the account's, cleaned as the store
        cleans them; a value the store would refuse differs too (an update then fails the row).  A column
        create only has warned of for this account is left out."""
        if self._settled.get(account_id) == values:
            return {}
        stored = bulk.lookup.get_fields("account", account_id) or {}
        warned = self._warned.get(account_id, ())
        out = {}
        for name, value in values.items():
            if not value or name == "name" or name in warned:
                continue
            try:
                if bulk.clean(_ACCOUNT, name, value) == stored.get(name):
                    continue
            except ValidationError:
                pass
            out[name] = value
        if not out:
            self._settled[account_id] = values
        return out

    def region(self, bulk: BulkWriter, account_id: str, update: dict[str, str]) -> str | None:
        """The region the account's country names once ``update`` (the row's differing values) applies."""
        if not update.keys() & _COUNTRIES:
            return self.finder.account_region(account_id)
        return own_region("account", {**(bulk.lookup.get_fields("account", account_id) or {}), **update})

    def updated(self, bulk: BulkWriter, line: int, account_id: str) -> None:
        """An account counts once as updated (or created); a later line that changes it again is warned of.

        Later rows read the account's phones in its country as it now stands.
        """
        self._settled.pop(account_id, None)  # values that needed nothing before may now change it back
        self.changed_any = True
        fields = bulk.lookup.get_fields("account", account_id) or {}
        self.finder.add_account(account_id, fields)
        name = fields.get("name") or ""
        earlier = self.written.earlier(account_id)
        if earlier is None:
            self.report.accounts_updated += 1
            self.written.wrote(account_id, line)
            return
        self.report.warn(line, reasons.COMPANY_AGAIN(name=name, where=which_line(earlier)))

    def warn_left_alone(self, bulk: BulkWriter, line: int, account_id: str, differing: dict[str, str]) -> None:
        """Create only: the account keeps its values; said once per account and column, naming the columns."""
        self._warned.setdefault(account_id, set()).update(differing)
        name = (bulk.lookup.get_fields("account", account_id) or {}).get("name") or ""
        columns = [self.mapper.header(f"account.{field}") or field for field in differing]
        kept = reasons.COMPANY_KEPT_COLUMN if len(columns) == 1 else reasons.COMPANY_KEPT_COLUMNS
        self.report.warn(line, kept(name=name, columns=", ".join(columns)))
