"""Where a list's rows come from: keyset pages into a bounded cache.

A list of a million contacts never holds all its rows.  ``ListRows`` knows
how many rows the view has (a fast count) and fetches the block around a
row on demand: after a cached neighbour, before one, from either end, or,
once the list's order has been loaded as compact nums (8 bytes a row, in the
background), by num from anywhere.  ``SearchRows`` grows page by page as
the view scrolls, the way Qt's Fetch More example does.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import dataclass, field

from crm_desktop.services import CrmService, Record, View

PAGE = 100
CACHE_ROWS = 6000
SEARCH_PAGE = 50


def sort_key_of(record: Record) -> tuple[str, int]:
    """The record's place in its list's keyset order."""
    return (str(record.extra.get("sort_key") or ""), record.num)


@dataclass
class RowCache:
    """Rows by their position in ascending list order, oldest evicted first."""

    limit: int = CACHE_ROWS
    rows: OrderedDict[int, Record] = field(default_factory=OrderedDict)

    def get(self, row: int) -> Record | None:
        found = self.rows.get(row)
        if found is not None:
            self.rows.move_to_end(row)
        return found

    def put(self, first: int, records: list[Record]) -> None:
        for offset, record in enumerate(records):
            self.rows[first + offset] = record
            self.rows.move_to_end(first + offset)
        while len(self.rows) > self.limit:
            self.rows.popitem(last=False)

    def clear(self) -> None:
        self.rows.clear()


class ListRows:
    """A list view's rows in (sort_key, num) order, fetched by keyset pages.

    Counting a million rows takes a quarter of a second, so the list starts
    with its first page and learns its length from a background count
    (``set_count``); a short list is counted by its first page alone.
    """

    def __init__(self, crm: CrmService, kind: str, view: View, previous: ListRows | None = None) -> None:
        self.crm = crm
        self.kind = kind
        self.view: View = view
        self.cache = RowCache()
        first = crm.page(kind, view=view, limit=PAGE)
        self.cache.put(0, first)
        self.count = len(first)
        self.counted = len(first) < PAGE
        self.nums: array[int] | None = None
        self.needs_nums = False
        if previous is not None and previous.counted and not self.counted:
            # Re-read after an edit: keep the length and order seen so far, so the view
            # stays where the rep was, until the new count and order come in.
            self.count = previous.count
            self.nums = previous.nums

    def set_count(self, count: int) -> None:
        """The list's length, counted in the background."""
        self.count = count
        self.counted = True

    def at(self, row: int) -> Record | None:
        """The record at ``row`` (ascending order), fetching its block; None if not reachable yet."""
        if not 0 <= row < self.count:
            return None
        found = self.cache.get(row)
        if found is None and self._fetch(row):
            found = self.cache.get(row)
        return found

    def peek(self, row: int) -> Record | None:
        """The record at ``row`` if cached, without touching the store."""
        return self.cache.rows.get(row)

    def _fetch(self, row: int) -> bool:
        if self.nums is not None:
            return self._fetch_by_nums(row)
        before, after = self.cache.rows.get(row - 1), self.cache.rows.get(row + 1)
        if before is not None:
            records = self.crm.page(self.kind, view=self.view, after=sort_key_of(before), limit=PAGE)
            self.cache.put(row, records)
        elif after is not None:
            records = self.crm.page(self.kind, view=self.view, before=sort_key_of(after), limit=PAGE)
            self.cache.put(row + 1 - len(records), records)
        elif row < PAGE:
            self.cache.put(0, self.crm.page(self.kind, view=self.view, limit=PAGE))
        elif row >= self.count - PAGE and self.counted:
            records = self.crm.page(self.kind, view=self.view, from_end=True, limit=PAGE)
            self.cache.put(self.count - len(records), records)
        else:
            self.needs_nums = True
            return False
        return True

    def _fetch_by_nums(self, row: int) -> bool:
        assert self.nums is not None
        return fetch_by_nums(self.crm, self.kind, self.nums, row, self.cache)

    def set_nums(self, nums: array[int]) -> None:
        """The list's whole order, loaded in the background; jumps work from now on."""
        if len(nums) == self.count:
            self.nums = nums
        self.needs_nums = False


def fetch_by_nums(crm: CrmService, kind: str, nums: array[int], row: int, cache: RowCache) -> bool:
    """Cache the block of rows around ``row`` of an order read as nums."""
    first = max(0, row - PAGE // 2)
    wanted = list(nums[first:first + PAGE])
    records = crm.by_nums(kind, wanted)
    if len(records) != len(wanted):
        return False  # rows changed since the order was read; a refresh follows
    cache.put(first, records)
    return True


@dataclass(frozen=True)
class SortOrder:
    """A list ordered by one of its columns (``sort`` is a store sort name)."""

    sort: str
    descending: bool
    view: View
    text: str


class SortedRows:
    """A list, or a search's matches, in a column's order read whole as nums.

    The order comes from a background read (``CrmService.sorted_nums``);
    rows are then fetched by num around whichever row the view shows.
    """

    def __init__(self, crm: CrmService, kind: str, nums: array[int]) -> None:
        self.crm = crm
        self.kind = kind
        self.nums = nums
        self.count = len(nums)
        self.cache = RowCache()

    def at(self, row: int) -> Record | None:
        if not 0 <= row < self.count:
            return None
        found = self.cache.get(row)
        if found is None and fetch_by_nums(self.crm, self.kind, self.nums, row, self.cache):
            found = self.cache.get(row)
        return found

    def peek(self, row: int) -> Record | None:
        return self.cache.rows.get(row)


class SearchRows:
    """Search results in match order, grown a page at a time."""

    def __init__(self, crm: CrmService, kind: str, view: View, text: str) -> None:
        self.crm = crm
        self.kind = kind
        self.view: View = view
        self.text = text
        self.records: list[Record] = []
        self.complete = False
        self.records = self.next_page()

    @property
    def count(self) -> int:
        return len(self.records)

    def at(self, row: int) -> Record | None:
        return self.records[row] if 0 <= row < len(self.records) else None

    def peek(self, row: int) -> Record | None:
        return self.at(row)

    def next_page(self) -> list[Record]:
        """The next page of matches, not yet added (empty when there are no more)."""
        if self.complete:
            return []
        after = self.records[-1].num if self.records else 0
        page = self.crm.search(self.kind, self.text, view=self.view, limit=SEARCH_PAGE, after_num=after)
        if len(page) < SEARCH_PAGE:
            self.complete = True
        return page
