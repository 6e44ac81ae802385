"""The unauthenticated reconnect probe."""

from __future__ import annotations

from fastapi import APIRouter

from crm_core.protocol import SCHEMA_VERSION

router = APIRouter(tags=["health"])


@router.get("/health")
def health() -> dict[str, object]:
    """Answer quickly without auth, so the app can tell the server is back."""
    return {"status": "ok", "schema_version": SCHEMA_VERSION}
