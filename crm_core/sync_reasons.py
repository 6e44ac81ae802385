"""Why the server refused a pushed change: the codes, and their JSON form in a ``PushResult``.

The server makes each refusal as a ``crm_core.reasons.Reason`` and answers
its English text as ``message`` (exactly as before) and, to a schema 2
client, the reason itself as ``why`` (``crm_core.protocol.PushResult``), so
the desktop shows it in the rep's language.  A reason's JSON form::

    {"code": "sync.no_right",
     "values": {"right": {"code": "right.write", "values": {}},
                "entity": {"code": "entity.contact", "values": {}},
                "id": "6f1c..."}}

A value is a JSON string, number, boolean or null shown as it is; an object
with ``"code"`` is a nested reason, in the same form; an object with
``"field"`` is a field's name, ``{"field": "email", "record": "contact"}``
(a ``FieldName``).  Record ids stay values: the client names them.  A
client reads a code it does not know (a newer server's) as no reason at
all and shows ``message``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_core import validation  # noqa: F401  (its codes are in CODES: a reason may nest them)
from crm_core.entities import ENTITIES
from crm_core.protocol import RIGHTS
from crm_core.reasons import CODES, FieldName, Reason, code

# A right and an entity are words of their own, so a translation can say them in its language.
RIGHT_WORDS = {right: code(f"right.{right}", right) for right in RIGHTS}
ENTITY_WORDS = {name: code(f"entity.{name}", name) for name in ENTITIES}
PRINCIPAL_WORDS = {kind: code(f"principal.{kind}", kind) for kind in ("user", "team")}

# permission
NO_RIGHT = code("sync.no_right", "you have no {right} right on {entity} {id}")
NO_ACCESS = code("sync.no_access", "you have no access to {entity} {id}")
SHARE_BEYOND = code("sync.share_beyond", "you cannot share rights you do not hold on {entity} {id}")
TEAM_ONLY = code("sync.team_only", "this {entity} belongs to team {team}: only an admin can assign it outside the "
                                   "team; {instead}")
TO_A_MEMBER = code("sync.to_a_member", "assign it to a member, or share it ({owner} is not a member of {team})")
SHARE_WITH_TEAM = code("sync.share_with_team", "share it with team {owner} instead")
# missing, deleted
MISSING = code("sync.missing", "{entity} {id} does not exist")
DELETED = code("sync.deleted", "{entity} {id} was deleted")
# validation (besides crm_core.validation's)
IN_FIELD = code("sync.field", "{field}: {why}")  # field: a FieldName; why: a Reason
NOT_A_UUID = code("sync.not_uuid", "{value!r} is not a record id (a UUID)")
ALREADY_EXISTS = code("sync.exists", "a record with id {id} already exists")
NO_RECORD = code("sync.no_record", "record {id} does not exist")
NO_PRINCIPAL = code("sync.no_principal", "there is no {kind} named {name!r}")


def right_word(name: str) -> Reason:
    """A right ("write") as a value of a reason."""
    return RIGHT_WORDS[name]()


def entity_word(name: str) -> Reason | str:
    """An entity ("contact") as a value of a reason (an unknown one as its name)."""
    words = ENTITY_WORDS.get(name)
    return words() if words is not None else name


def principal_word(kind: str) -> Reason | str:
    """"user" or "team" as a value of a reason."""
    words = PRINCIPAL_WORDS.get(kind)
    return words() if words is not None else kind


def in_field(entity_name: str, field: str, why: Reason) -> Reason:
    """``why`` said of one field of a record: "email: ..."."""
    return IN_FIELD(field=FieldName(entity_name, field), why=why)


def reason_json(reason: Reason) -> dict[str, Any]:
    """The reason in its JSON form (module docstring)."""
    return {"code": reason.code.name, "values": {name: _value_json(v) for name, v in reason.values}}


def _value_json(value: Any) -> Any:
    if isinstance(value, Reason):
        return reason_json(value)
    if isinstance(value, FieldName):
        return {"field": value.name, "record": value.record}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


class _Unreadable(Exception):
    pass


def reason_from_json(data: Any) -> Reason | None:
    """The reason a JSON form holds, or None when it is not one this app knows (a newer server's)."""
    try:
        reason = _reason(data)
        str(reason)  # a value its words name may be missing, or of another kind
    except (_Unreadable, KeyError, IndexError, ValueError, TypeError):
        return None
    return reason


def _reason(data: Any) -> Reason:
    if not isinstance(data, Mapping) or not isinstance(data.get("values", {}), Mapping):
        raise _Unreadable
    known = CODES.get(str(data.get("code")))
    if known is None:
        raise _Unreadable
    return known(**{str(name): _value(v) for name, v in data.get("values", {}).items()})


def _value(data: Any) -> Any:
    if isinstance(data, Mapping):
        if "code" in data:
            return _reason(data)
        if isinstance(data.get("field"), str) and isinstance(data.get("record"), str):
            return FieldName(data["record"], data["field"])
        raise _Unreadable
    if data is None or isinstance(data, str | int | float | bool):
        return data
    raise _Unreadable
