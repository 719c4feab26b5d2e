"""What can go wrong talking to the server, as types the engine and the UI can act on."""

from __future__ import annotations

from typing import Any


class SyncError(Exception):
    """Base of every sync failure; ``message`` is fit to show to staff."""

    retryable = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ServerUnavailable(SyncError):
    """No answer, a dropped connection, a timeout or a 5xx: try again later."""

    retryable = True


class MalformedReply(SyncError):
    """The server answered something that is not what the protocol says; nothing applied."""

    retryable = True


class ResetRequired(SyncError):
    """The cursor is from another epoch, the future, or past retention: resync."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class NotAuthorized(SyncError):
    """The station's token was refused (revoked, unknown): re-enrol."""


class Refused(SyncError):
    """The server refused the request itself (4xx) with its error envelope."""

    def __init__(self, status: int, code: str, message: str, details: dict[str, Any]) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.details = details
