"""Log in (a bearer token for a user name and password) and log out."""

from __future__ import annotations

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field

from crm_core.protocol import TokenResponse
from crm_server import crud
from crm_server.api.deps import SettingsDep, TokenDep, WriteSessionDep

router = APIRouter(prefix="/auth", tags=["auth"])


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=1, max_length=1024)


@router.post("/token")
def issue_token(body: LoginRequest, session: WriteSessionDep, settings: SettingsDep) -> TokenResponse:
    """A new bearer token for a correct user name and password."""
    token, row, user = crud.login(session=session, settings=settings, name=body.username, password=body.password)
    actor = crud.actor_of(session=session, user=user)
    return TokenResponse(
        access_token=token,
        expires_at=row.expires_at.isoformat(),
        user=user.name,
        team=actor.team_name,
        is_admin=user.is_admin,
    )


@router.post("/logout", status_code=204)
def logout(session: WriteSessionDep, token: TokenDep) -> Response:
    """Revoke the token the request carries."""
    crud.user_for_token(session=session, token=token)
    crud.revoke_token(session=session, token=token)
    return Response(status_code=204)
