"""Errors the API turns into a 4xx answer with ``{"detail": "..."}``."""

from __future__ import annotations

from crm_core.reasons import Reason


class ApiError(Exception):
    """A request the server refuses, with the HTTP status to answer."""

    status_code = 400

    def __init__(self, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers


class BadRequest(ApiError):
    status_code = 422


class Unauthorized(ApiError):
    status_code = 401


class Forbidden(ApiError):
    status_code = 403


class Gone(ApiError):
    status_code = 410


class TooLarge(ApiError):
    status_code = 413


class TooManyAttempts(ApiError):
    status_code = 429


class UpgradeRequired(ApiError):
    status_code = 426


class Refused(Exception):
    """A mutation the user has no right to make (reported as ``permission``), and why."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(str(reason))
        self.reason = reason
