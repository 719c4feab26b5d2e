"""The domain's error types: each names what was wrong in words a user can act on."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every rule violation; ``code`` is the stable machine-readable name.

    ``message`` is English (logs, the wire). A raise site that a user often meets also
    names its case in ``why`` (a stable key such as ``"transition"``) with the values the
    sentence needs in ``values``, so a GUI can word it in its own language
    (:func:`desktop_oms.gui.errortext.error_text`) without parsing the English.
    """

    code = "domain_error"

    def __init__(self, message: str, *, why: str = "", **values: str) -> None:
        super().__init__(message)
        self.message = message
        self.why = why
        self.values: dict[str, str] = dict(values)


class InvalidCode(DomainError):
    """A scanned or typed code that cannot be parsed (bad check digit, unknown format, ...)."""

    code = "invalid_code"

    def __init__(self, raw: str, reason: str) -> None:
        super().__init__(f"{raw!r} is not a valid code: {reason}", why="code", raw=raw)
        self.raw = raw
        self.reason = reason


class IllegalTransition(DomainError):
    """An action that the status machine does not allow from the current state."""

    code = "illegal_transition"


class PermissionDenied(DomainError):
    """The acting role may not perform this action."""

    code = "permission_denied"


class MissingRequirement(DomainError):
    """An action lacks something it needs: a bin, a verification, a reason, a tracking number."""

    code = "missing_requirement"


class StaleVersion(DomainError):
    """A change based on a version that is no longer current."""

    code = "stale_version"

    def __init__(self, entity: str, expected: int, actual: int) -> None:
        super().__init__(
            f"{entity} changed meanwhile: the change was based on version {expected}, "
            f"the current version is {actual}",
            why="version",
            entity=entity,
        )
        self.entity = entity
        self.expected = expected
        self.actual = actual


class InsufficientStock(DomainError):
    """Not enough available-to-promise stock for a reservation or a move."""

    code = "insufficient_stock"


class VerificationFailed(DomainError):
    """The collector's proof (pickup code, ID) did not match the order."""

    code = "verification_failed"


class OutOfScope(DomainError):
    """The target belongs to another store than the actor's."""

    code = "out_of_scope"


class NotFound(DomainError):
    """The target of an action does not exist."""

    code = "not_found"
