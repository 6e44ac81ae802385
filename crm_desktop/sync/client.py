"""The HTTP side of sync: one method per endpoint, failures mapped to kinds.

Every call has a timeout.  Bodies are checked against the protocol models,
so a server answering garbage is reported as such and never half-applied.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable
from typing import Any, TypeVar

import httpx
import msgspec
from pydantic import BaseModel, ValidationError

from crm_core.protocol import CLIENT_SCHEMA_VERSIONS, SCHEMA_VERSION, PushRequest, PushResponse, TokenResponse
from crm_desktop.sync.errors import (
    AuthError,
    GarbageResponse,
    LoginLocked,
    NetworkError,
    NotAServer,
    SchemaTooOld,
    ServerError,
    ServerTooOld,
)

log = logging.getLogger("crm.sync")


class RequestRefused(ServerError):
    """A 4xx the protocol gives no meaning of its own; ``status`` says which."""

    def __init__(self, message: str, status: int, detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail  # the server's own words

API = "/api/v1"
SCHEMA_HEADER = "X-CRM-Schema-Version"
M = TypeVar("M", bound=BaseModel)


def normalize_url(server_url: str) -> str:
    """``host:port`` or ``http://host:port/`` -> ``http://host:port``; raises ServerError for another scheme."""
    url = server_url.strip().rstrip("/")
    scheme, sep, rest = url.partition("://")
    if not (rest if sep else url):
        raise NotAServer("no server address given; it looks like https://crm.example.com")
    if sep and scheme.lower() not in ("http", "https"):
        raise NotAServer(f"{server_url.strip()!r} is not a server address; it starts with http:// or https://")
    if not sep:
        url = "http://" + url
    return url


class SyncClient:
    """Talks to one server; ``token`` is sent as a bearer token when set."""

    def __init__(self, server_url: str, *, token: str | None = None,
                 transport: httpx.BaseTransport | None = None, timeout: float = 10.0) -> None:
        self.server_url = normalize_url(server_url)
        self.token = token
        self.schema_version = SCHEMA_VERSION  # lower once a server not upgraded yet says so (_spoken)
        self._http = httpx.Client(base_url=self.server_url + API, transport=transport,
                                  timeout=httpx.Timeout(timeout), follow_redirects=False)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    # -- endpoints -----------------------------------------------------------

    def login(self, username: str, password: str) -> TokenResponse:
        """Exchange a user name and password for a token."""
        try:
            response = self._send("POST", "/auth/token", json={"username": username, "password": password},
                                  auth=False)
        except RequestRefused as exc:
            if exc.status in (404, 405):  # a web server, but not ours at this address
                raise NotAServer(f"no crm-server answers at {self.server_url}; check the address") from None
            if exc.status == 429:  # too many wrong passwords: a login problem, not the server's
                raise LoginLocked(f"the server locked logins for {username!r} for a while ({exc.detail})") from None
            raise
        return _model(TokenResponse, response)

    def logout(self) -> None:
        """Revoke the token on the server (best effort for the caller)."""
        self._send("POST", "/auth/logout")

    def health(self) -> bool:
        """Whether the server answers its health check; never raises."""
        try:
            return self._http.get("/health", timeout=min(5.0, self._timeout())).status_code == 200
        except httpx.HTTPError:
            return False

    def push(self, request: PushRequest) -> PushResponse:
        """Send one batch of queued mutations."""
        def send() -> httpx.Response:
            body = request.model_copy(update={"schema_version": self.schema_version}).model_dump_json().encode()
            return self._send("POST", "/sync/push", content=body, headers={"Content-Type": "application/json"})

        return _model(PushResponse, self._spoken(send))

    def push_raw(self, client_id: str, mutations_json: str) -> PushResponse:
        """Send one batch given as the JSON array of its mutations (see outbox.queued_json)."""
        def send() -> httpx.Response:
            body = (f'{{"client_id":{json.dumps(client_id)},"schema_version":{self.schema_version},'
                    f'"mutations":{mutations_json}}}').encode()
            return self._send("POST", "/sync/push", content=body, headers={"Content-Type": "application/json"})

        return _model(PushResponse, self._spoken(send))

    def pull(self, cursor: int, limit: int, *, full: bool = False) -> PulledPage:
        """One page of changes after ``cursor``; raises CursorGone on 410.

        ``full``: this page belongs to a pull that began at cursor 0, which
        the server serves even once its cursor is below the log's floor.
        """
        params: dict[str, int | str] = {"cursor": cursor, "limit": limit}
        if full:  # only when set: older servers never see the parameter otherwise
            params["full"] = "true"
        response = self._spoken(lambda: self._send("GET", "/sync/pull", params=params,
                                                   headers={SCHEMA_HEADER: str(self.schema_version)}))
        return parse_pull(response.content)

    def _spoken(self, send: Callable[[], httpx.Response]) -> httpx.Response:
        """``send``'s answer, in an older protocol this app also speaks if the server has not been upgraded.

        The server answers 426 to a protocol it does not take; /health says
        which one it speaks.  An older one this app knows is used from then
        on (this client lives for one sync); an older one it does not is the
        admin's to upgrade, a newer one the rep's.
        """
        try:
            return send()
        except SchemaTooOld:
            spoken = self._server_schema()
            if spoken is None or spoken >= self.schema_version:
                raise
            if spoken not in CLIENT_SCHEMA_VERSIONS:
                raise ServerTooOld(f"the server at {self.server_url} is older than this app (it speaks protocol"
                                   f" {spoken}, this app {min(CLIENT_SCHEMA_VERSIONS)} or newer); ask the admin"
                                   " to upgrade it") from None
        log.info("the server at %s speaks protocol %d; this sync speaks it too", self.server_url, spoken)
        self.schema_version = spoken
        return send()

    def _server_schema(self) -> int | None:
        """The protocol version the server's health check names, or None."""
        try:
            found = self._http.get("/health", timeout=min(5.0, self._timeout())).json().get("schema_version")
        except (httpx.HTTPError, ValueError, AttributeError):
            return None
        return found if type(found) is int else None

    def directory(self) -> dict[str, list[str]]:
        """User and team names, for the Assign and Share pickers."""
        data = _json(self._send("GET", "/directory"))
        try:
            users = [u["name"] if isinstance(u, dict) else str(u) for u in data.get("users", [])]
            teams = [str(t) for t in data.get("teams", [])]
        except (AttributeError, KeyError, TypeError) as exc:
            raise GarbageResponse(f"the server sent a directory this app cannot read ({exc})") from None
        return {"users": users, "teams": teams}

    # -- plumbing ------------------------------------------------------------

    def _timeout(self) -> float:
        return self._http.timeout.read or 10.0

    def _send(self, method: str, path: str, *, auth: bool = True, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if auth:
            if not self.token:
                raise AuthError("not logged in; run `crm-desktop login` (or log in from the app)")
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self._http.request(method, path, headers=headers, **kwargs)
        except httpx.TimeoutException as exc:
            raise ServerError(f"the server at {self.server_url} did not answer in time", answered=False) from exc
        except httpx.TransportError as exc:
            raise NetworkError(f"cannot reach the server at {self.server_url} ({_reason(exc)})") from exc
        _check_status(response, self.server_url)
        return response


class PulledOwner(msgspec.Struct, frozen=True, gc=False):
    """A pulled record's owner."""

    type: str
    id: str
    name: str


class PulledChange(msgspec.Struct, frozen=True, gc=False):
    """A pulled record state: crm_core.protocol.Change, checked without pydantic (it is the hot path)."""

    seq: int
    entity: str
    record_id: str
    version: int
    fields: dict[str, Any]
    removed: bool = False
    deleted: bool = False
    owner: PulledOwner | None = None
    created_at: str = ""  # the server's stamps, as it sent them
    modified_at: str = ""


class PulledPage(msgspec.Struct, frozen=True, gc=False):
    """One pull page (crm_core.protocol.PullResponse)."""

    changes: list[PulledChange]
    cursor: int
    has_more: bool


# Reads a page straight into the structs above, checking every type on the
# way: three times faster than json.loads plus the checks by hand, and it
# keeps integers past 64 bits whole.  What it refuses (NaN, 1e999, a lone
# surrogate, an owner's id that is a number...) goes the slow way below,
# which decides as it always did.  The two agree on every page but one
# kind: msgspec skips a key this app does not know without reading its
# value, so an absurd value there (an integer of over 4300 digits) no
# longer makes the page garbage.  Text that is not UTF-8 anywhere still does.
_PAGE_DECODER = msgspec.json.Decoder(PulledPage)


def parse_pull(content: bytes) -> PulledPage:
    """A PullResponse body, checked field by field; GarbageResponse if it is not one.

    pydantic costs more per change than the whole insert, so the shape is
    checked by msgspec, or by hand to the same rules as crm_core.protocol.Change.
    """
    try:
        # decode: msgspec would not look at the bytes of a key it skips (0.1 ms for 3 MB).
        return _PAGE_DECODER.decode(content.decode("utf-8"))
    except (UnicodeDecodeError, msgspec.MsgspecError):
        return _read_pull(content)


def _read_pull(content: bytes) -> PulledPage:
    """``parse_pull`` by json.loads and checks by hand, for what msgspec refuses."""
    data = _json_bytes(content)
    try:
        changes, cursor, has_more = data["changes"], data["cursor"], data["has_more"]
        if not (isinstance(changes, list) and type(cursor) is int and type(has_more) is bool):
            raise TypeError("page")
        return PulledPage([_change(c) for c in changes], cursor, has_more)
    except (KeyError, TypeError, AttributeError) as exc:
        raise GarbageResponse(f"the server sent a pull page this app cannot read ({exc})") from None


def _change(item: dict[str, Any]) -> PulledChange:
    seq, entity, record_id, version, fields = (item["seq"], item["entity"], item["record_id"], item["version"],
                                               item["fields"])
    if type(seq) is not int or type(version) is not int:
        raise TypeError("change.seq" if type(seq) is not int else "change.version")
    if type(entity) is not str or type(record_id) is not str:
        raise TypeError("change.entity" if type(entity) is not str else "change.record_id")
    if type(fields) is not dict:
        raise TypeError("change.fields")
    removed, deleted = item.get("removed", False), item.get("deleted", False)
    if type(removed) is not bool or type(deleted) is not bool:
        raise TypeError("change.removed")
    owner = item.get("owner")
    if owner is not None:
        owner = PulledOwner(str(owner["type"]), str(owner["id"]), str(owner["name"]))
    created, modified = item.get("created_at", ""), item.get("modified_at", "")
    if type(created) is not str or type(modified) is not str:
        raise TypeError("change.created_at")
    return PulledChange(seq, entity, record_id, version, fields, removed, deleted, owner, created, modified)


class CursorGone(ServerError):
    """410: the server no longer keeps changes that old; sync everything again."""


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:120]


def _detail(response: httpx.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    return str(detail)[:200] if detail else response.reason_phrase or str(response.status_code)


def _check_status(response: httpx.Response, server_url: str) -> None:
    status = response.status_code
    if status < 300:
        return
    detail = _detail(response)
    log.info("%s %s -> %d %s", response.request.method, response.request.url.path, status, detail)
    if status == 401:
        again = "" if "log in" in detail.lower() else "; log in again"
        raise AuthError(f"the server did not accept the login ({detail}){again}")
    if status == 403:
        raise AuthError(f"the server refused this device or user ({detail})")
    if status == 410:
        raise CursorGone(detail)
    if status == 426:
        raise SchemaTooOld(f"this app is too old for the server at {server_url}; please update it ({detail})")
    if status >= 500:
        raise ServerError(f"the server had a problem ({status}: {detail}); try again later")
    raise RequestRefused(f"the server refused the request ({status}: {detail})", status, detail)


def _json(response: httpx.Response) -> Any:
    return _json_bytes(response.content)


def _finite(text: str) -> float | None:
    number = float(text)
    return number if math.isfinite(number) else None


def _no_constant(_name: str) -> None:
    return None


def _json_bytes(content: bytes) -> Any:
    # JSON has no NaN or infinity; Python's parser takes them (NaN, 1e999).  Read
    # as null, a pulled value is stored alike on the bulk path (orjson writes
    # them as null) and the row-by-row one.  (orjson reads pages a fifth
    # faster, but an integer past 64 bits as a float.)
    try:
        return json.loads(content, parse_float=_finite, parse_constant=_no_constant)
    except ValueError:
        raise GarbageResponse("the server answered something that is not JSON") from None


def _model(model: type[M], response: httpx.Response) -> M:
    try:
        return model.model_validate_json(response.content)
    except ValidationError as exc:
        first = exc.errors()[0] if exc.errors() else {"msg": "invalid"}
        reason = first.get("msg")
        raise GarbageResponse(f"the server sent an answer this app cannot read ({reason})") from None
