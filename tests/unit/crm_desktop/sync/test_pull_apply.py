"""Pulled pages: the bulk path for new records equals the careful per-row path."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_core.protocol import Change, Owner
from crm_core.validation import parse_e164, phone_e164
from crm_desktop.store import Store, fts, outbox, pulled
from crm_desktop.store.writes import server_stamp
from crm_desktop.sync import client
from crm_desktop.sync.client import parse_pull
from crm_desktop.sync.errors import GarbageResponse

ACCOUNT = "00000000-0000-4000-8000-0000000000a1"
CONTACT = "00000000-0000-4000-8000-0000000000c1"


def _page() -> list[Change]:
    owner = Owner(type="user", id="u1", name="ana")
    return [
        Change(seq=1, entity="account", record_id=ACCOUNT, version=3, owner=owner,
               fields={"name": "Contoso", "phone": "+34 612 345 678", "other_phone": "(555) 123-4567",
                       "state": "active"}),
        Change(seq=2, entity="contact", record_id=CONTACT, version=2, owner=owner,
               fields={"first_name": "Ana", "last_name": "Ruiz", "account_id": ACCOUNT,
                       "mobile_phone": "+44 (0)20 7946 0958", "unknown_future_field": "x"}),
    ]


def _rows(store: Store) -> dict[str, dict[str, object]]:
    out = {}
    for name in ("account", "contact"):
        for row in store.conn.execute(f"SELECT * FROM {name}"):
            names = row.keys()  # a Row iterates its values, not its keys
            out[row["id"]] = {k: row[k] for k in names if k not in ("num", "created_at", "modified_at")}
    return out


def test_bulk_insert_matches_the_per_row_path(tmp_path: Path) -> None:
    bulk, careful = Store.open_dir(tmp_path / "bulk"), Store.open_dir(tmp_path / "careful")
    with bulk.db.transaction() as conn:
        outbox.apply_changes(conn, _page(), "US")
    with careful.db.transaction() as conn:
        for change in _page():  # one by one, existing rows first: the per-row path
            conn.execute(f"INSERT INTO {change.entity} (id, version, created_at, modified_at, deleted, pending,"
                         " sort_key, state" + (", name" if change.entity == "account" else ", last_name")
                         + ") VALUES (?, 0, '', '', 0, 0, '', 'active', '')", (change.record_id,))
        outbox.apply_changes(conn, _page(), "US")
    assert _rows(bulk) == _rows(careful)
    for store in (bulk, careful):
        assert [r.id for r in store.search("contact", "contoso")] == [CONTACT]  # company text indexed
        assert [r.id for r in store.search("account", "3461234")] == [ACCOUNT]
        store.close()


@settings(max_examples=300, deadline=None)
@given(code=st.sampled_from(sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)),
       national=st.text("0123456789", min_size=1, max_size=14),
       shape=st.sampled_from(["+{c} {n}", "+{c}{n}", "+{c} ({a}) {b}", "{n}", "({a}) {b}-{r}", "+{c}.{a}.{b}"]),
       region=st.sampled_from(["US", "CA", "ES", "GB", "AR", "MX", "IT"]))
def test_the_short_e164_path_equals_the_full_parse(code: int, national: str, shape: str, region: str) -> None:
    value = shape.format(c=code, n=national, a=national[:3], b=national[3:6], r=national[6:])
    assert phone_e164(value, region) == parse_e164(value, region)


@pytest.mark.parametrize("body", [
    b"<html>", b"[]", b'{"changes": {}, "cursor": 1, "has_more": false}',
    b'{"changes": [{"seq": "1"}], "cursor": 1, "has_more": false}',
    b'{"changes": [{"seq": 1, "entity": "account", "record_id": "x", "version": 1, "fields": []}],'
    b' "cursor": 1, "has_more": false}',
    b'{"changes": [], "cursor": "1", "has_more": false}',
    b'{"changes": [{"seq": 1, "entity": "account", "record_id": "x", "version": 1, "fields": {},'
    b' "created_at": 20250101}], "cursor": 1, "has_more": false}',
])
def test_a_pull_page_that_is_not_the_protocol_is_garbage(body: bytes) -> None:
    with pytest.raises(GarbageResponse):
        parse_pull(body)


def test_a_pull_page_parses_like_the_protocol_model() -> None:
    body = (b'{"changes": [{"seq": 4, "entity": "account", "record_id": "r", "version": 2, "removed": false,'
            b' "deleted": true, "fields": {}, "owner": {"type": "team", "id": "t", "name": "sales"}}],'
            b' "cursor": 9, "has_more": true}')
    page = parse_pull(body)
    assert (page.cursor, page.has_more) == (9, True)
    [change] = page.changes
    assert (change.seq, change.deleted, change.owner and change.owner.name) == (4, True, "sales")
    assert (change.created_at, change.modified_at) == ("", "")  # an older server sends no stamps


def test_an_integer_past_64_bits_is_read_and_stored_as_before(tmp_path: Path) -> None:
    # orjson writes a page's new rows for SQLite; a value it refuses goes through json.dumps as it always did.
    huge = 2**70
    body = (b'{"changes": [{"seq": 1, "entity": "contact", "record_id": "%s", "version": 1,'
            b' "fields": {"last_name": "Ruiz", "description": %d}}], "cursor": %d, "has_more": false}'
            % (CONTACT.encode(), huge, huge))
    page = parse_pull(body)
    assert page.cursor == huge and page.changes[0].fields["description"] == huge
    store = Store.open_dir(tmp_path)
    with store.db.transaction() as conn:
        outbox.apply_changes(conn, [Change(seq=1, entity="contact", record_id=CONTACT, version=1,
                                           fields={"last_name": "Ruiz", "description": huge})], "US")
    assert store.conn.execute("SELECT last_name, description FROM contact").fetchone()[0] == "Ruiz"
    store.close()


def test_a_number_json_has_not_is_read_as_null_on_both_paths(tmp_path: Path) -> None:
    # orjson writes NaN and infinity as null on the bulk path; the page is read so the per-row path agrees.
    body = (b'{"changes": [{"seq": 1, "entity": "contact", "record_id": "%s", "version": 1,'
            b' "fields": {"last_name": "Ruiz", "job_title": NaN, "description": 1e999}}],'
            b' "cursor": 1, "has_more": false}' % CONTACT.encode())
    [change] = parse_pull(body).changes
    assert (change.fields["job_title"], change.fields["description"]) == (None, None)


def test_both_paths_keep_the_servers_stamps_in_the_stores_form(tmp_path: Path) -> None:
    stamped = [c.model_copy(update={"created_at": "2025-01-02T03:04:05.678901Z",
                                    "modified_at": "2025-02-03T04:05:06.000001Z"}) for c in _page()]
    bulk, careful = Store.open_dir(tmp_path / "bulk"), Store.open_dir(tmp_path / "careful")
    with bulk.db.transaction() as conn:
        outbox.apply_changes(conn, stamped, "US")
    with careful.db.transaction() as conn:
        for change in stamped:
            outbox.apply_changes(conn, [change], "US")  # one at a time: the per-row path after the first
    for store in (bulk, careful):
        for name in ("account", "contact"):
            row = store.conn.execute(f"SELECT created_at, modified_at FROM {name}").fetchone()
            assert tuple(row) == ("2025-01-02T03:04:05+00:00", "2025-02-03T04:05:06+00:00")
        store.close()


@pytest.mark.parametrize(("sent", "stored"), [
    ("2025-01-02T03:04:05.678901Z", "2025-01-02T03:04:05+00:00"),
    ("2025-01-02T03:04:05+00:00", "2025-01-02T03:04:05+00:00"),
    ("", "now"), ("yesterday", "now"), ("2025-01-02", "now"), ("2025-01-02T03:04:05+02:00", "now"),
])
def test_a_server_stamp_is_read_only_in_a_form_it_knows(sent: str, stored: str) -> None:
    assert server_stamp(sent, "now") == stored


@settings(max_examples=60, deadline=None)
@given(first=st.text(max_size=30), last=st.text(min_size=1, max_size=30), email=st.text(max_size=30),
       description=st.one_of(st.none(), st.text(max_size=200)))
def test_a_page_of_new_records_stores_any_text_as_the_per_row_path_does(
        tmp_path_factory: pytest.TempPathFactory, first: str, last: str, email: str, description: str | None) -> None:
    # New records go in through SQLite's JSON functions: quotes, backslashes, control characters,
    # accents and emoji must come out exactly as bound parameters would store them.
    texts = [first, last, email, description or ""]
    if any("\x00" in t or any(0xD800 <= ord(c) <= 0xDFFF for c in t) for t in texts):
        return  # NUL and lone surrogates cannot be stored by either path
    root = tmp_path_factory.mktemp("text")
    bulk, careful = Store.open_dir(root / "bulk"), Store.open_dir(root / "careful")
    page = [Change(seq=1, entity="contact", record_id=CONTACT, version=1,
                   fields={"first_name": first, "last_name": last, "email": email, "description": description})]
    with bulk.db.transaction() as conn:
        outbox.apply_changes(conn, page, "US")
    with careful.db.transaction() as conn:
        conn.execute("INSERT INTO contact (id, version, created_at, modified_at, deleted, pending, sort_key, state,"
                     " last_name) VALUES (?, 0, '', '', 0, 0, '', 'active', '')", (CONTACT,))
        outbox.apply_changes(conn, page, "US")
    assert _rows(bulk) == _rows(careful)
    search = "SELECT name, email, phone, company FROM contact_fts"
    assert [tuple(r) for r in bulk.conn.execute(search)] == [tuple(r) for r in careful.conn.execute(search)]
    bulk.close()
    careful.close()


@pytest.mark.parametrize("materialized", [True, False])  # False: the query on SQLite before 3.35
def test_each_search_row_of_a_big_page_lands_on_its_own_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               materialized: bool) -> None:
    # The bulk path numbers a page's search rows by their place in the page: rows and search rows
    # must come out of SQLite in the page's order, accounts and contacts alike.
    if not materialized:
        monkeypatch.setattr(pulled, "_ROWS_OF_JSON", pulled._ROWS_OF_JSON.replace(" MATERIALIZED ", " "))
        assert "MATERIALIZED" not in pulled._ROWS_OF_JSON
    accounts = [Change(seq=k, entity="account", record_id=f"00000000-0000-4000-8000-{k:012x}", version=1,
                       fields={"name": f"Firm {k}", "email": f"firm{k}@example.com"}) for k in range(1, 1201)]
    contacts = [Change(seq=2000 + k, entity="contact", record_id=f"00000000-0000-4000-9000-{k:012x}", version=1,
                       fields={"first_name": f"Ana{k}", "last_name": "Ruiz", "email": f"ana{k}@example.com",
                               "account_id": accounts[k % 1200].record_id}) for k in range(1, 2501)]
    store = Store.open_dir(tmp_path)
    with store.db.transaction() as conn:
        outbox.apply_changes(conn, [*accounts, *contacts], "US")
    wrong = store.conn.execute(
        "SELECT c.id FROM contact c JOIN contact_fts f ON f.rowid = c.num JOIN account a ON a.id = c.account_id"
        " WHERE f.email != c.email OR f.company != a.name"
        " UNION ALL SELECT a.id FROM account a JOIN account_fts f ON f.rowid = a.num WHERE f.email != a.email"
    ).fetchall()
    counts = [store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("contact_fts", "account_fts")]
    assert wrong == [] and counts == [2500, 1200]
    assert [r.id for r in store.search("contact", "ana2345")] == [contacts[2344].record_id]
    store.close()


def _containers(inner: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20), _containers, max_leaves=8)
_CHANGES = st.fixed_dictionaries(
    {"seq": st.integers(min_value=0, max_value=2**70), "entity": st.text(max_size=10),
     "record_id": st.text(max_size=40), "version": st.integers(min_value=-5, max_value=2**64),
     "fields": st.dictionaries(st.text(max_size=12), _JSON_VALUES)},
    optional={"removed": st.booleans(), "deleted": st.booleans(), "created_at": st.text(max_size=30),
              "modified_at": st.text(max_size=30), "extra": _JSON_VALUES,
              "owner": st.none() | st.fixed_dictionaries({"type": st.text(max_size=5), "id": st.text(max_size=9),
                                                          "name": st.text(max_size=9)})})


def _outcome(read: Callable[[bytes], object], body: bytes) -> object:
    try:
        return read(body)
    except GarbageResponse:
        return "garbage"


@settings(max_examples=150, deadline=None)
@given(changes=st.lists(_CHANGES, max_size=4), cursor=st.integers(min_value=0, max_value=2**70), more=st.booleans(),
       escaped=st.booleans())
def test_the_fast_page_reader_agrees_with_the_reader_by_hand(changes: list[dict[str, object]], cursor: int,
                                                           more: bool, escaped: bool) -> None:
    # Raw UTF-8 or \u escapes; a lone surrogate written raw is not UTF-8, and both call it garbage.
    text = json.dumps({"changes": changes, "cursor": cursor, "has_more": more}, ensure_ascii=escaped)
    body = text.encode("utf-8", "surrogatepass")
    assert _outcome(parse_pull, body) == _outcome(client._read_pull, body)


@pytest.mark.parametrize("where", [b"", b',"owner":{"type":"u","id":"1","name":"a","x":"\xff"}',
                                   b',"fields":{"first_name":"\xc0\xaf"}'])
def test_a_page_that_is_not_utf8_is_garbage_even_in_a_key_this_app_skips(where: bytes) -> None:
    body = (b'{"changes":[{"seq":1,"entity":"contact","record_id":"r","version":1,"fields":{}%s}],'
            b'"cursor":1,"has_more":false,"newer":"\xe2\x82"}' % where)
    with pytest.raises(GarbageResponse):
        parse_pull(body)


@pytest.mark.parametrize("owner", [b'{"type": "user", "id": 7, "name": "ana"}', b'{"type": "user", "id": "7",'
                                   b' "name": "ana", "type": "team"}'])
def test_a_page_the_fast_reader_refuses_is_read_by_hand_as_before(owner: bytes) -> None:
    body = (b'{"changes": [{"seq": 1, "entity": "contact", "record_id": "r", "version": 1, "fields":'
            b' {"description": 1e999, "job_title": "\\ud800"}, "owner": %s}], "cursor": 1, "has_more": false}' % owner)
    [change] = parse_pull(body).changes
    assert change.owner is not None and change.owner.id == "7"
    assert change.fields == {"description": None, "job_title": "\ud800"}


_TYPED_PHONE = st.one_of(
    st.none(), st.just(""),
    st.builds(lambda c, n, shape: shape.format(c=c, n=n, a=n[:3], b=n[3:]),
              st.sampled_from(sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)),
              st.text("0123456789", min_size=1, max_size=14),
              st.sampled_from(["+{c} {n}", "+{c}{n}", "+{c} ({a}) {b}", "{n}", "({a}) {b}", "+{c}.{a}.{b}",
                               "+{c}-{n}x1"])),
    st.text(max_size=12), st.sampled_from([0, False, [], {}, 34612345678]))  # no text: as phone_e164 takes it


@settings(max_examples=400, deadline=None)
@given(first=_TYPED_PHONE, second=_TYPED_PHONE, region=st.sampled_from(["US", "ES", "GB", "AR", "IT"]))
def test_a_first_syncs_phone_columns_equal_e164_and_the_search_text(first: object, second: object,
                                                                  region: str) -> None:
    try:
        e164 = [phone_e164(first, region), phone_e164(second, region)]
    except TypeError:  # a list or dict (from a broken server) cannot be a phone: both paths stop
        with pytest.raises(TypeError):
            fts.phone_columns([first, second], region)
        return
    assert fts.phone_columns([first, second], region) == (e164, fts._phones((first, second, *e164)))
