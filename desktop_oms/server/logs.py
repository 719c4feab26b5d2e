"""Server logging: every line redacted, request lines without their query, SQL not echoed.

A server log is read by operators and shipped to log stores, so it must hold no PIN,
token, ``Authorization`` header or customer data at any level: the access log would
otherwise print ``GET /api/v1/orders?q=jane@example.com``, and SQLAlchemy at DEBUG every
statement's parameters. :func:`install` applies the rules to the handlers in place
(uvicorn's and the root's); it is idempotent, and the app factory calls it so that each
worker process, whose logging uvicorn configures, is covered too.
"""

from __future__ import annotations

import logging

from desktop_oms.diagnostics.redact import RedactingFilter, redact

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

#: Loggers whose records would carry request data (SQL parameters, raw HTTP traffic):
#: held at WARNING whatever the root level, unless configured explicitly before.
QUIET = ("sqlalchemy", "httpcore", "hpack", "multipart")


class QuerylessAccess(logging.Filter):
    """Drops the query string from uvicorn's access lines (``client - "GET path HTTP/1.1"
    status``): a search query holds what staff typed, customer names and e-mails. The
    other arguments are redacted one by one: uvicorn's access formatter unpacks them, so
    they must stay a tuple of the same shape (the generic filter would flatten them)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the arguments; always keep the record."""
        args = record.args
        if not isinstance(args, tuple):
            return True
        out = [redact(a) if isinstance(a, str) else a for a in args]
        if len(out) >= 3 and isinstance(args[2], str):
            path, sep, _query = args[2].partition("?")
            out[2] = redact(f"{path}?[query]" if sep else path)
        record.args = tuple(out)
        return True


def configure(level: int = logging.INFO) -> None:
    """The server process's logging: one stream handler at ``level``, redacted."""
    logging.basicConfig(level=level, format=FORMAT)
    logging.getLogger().setLevel(level)
    install()


def install() -> None:
    """Apply the rules to every handler there is now (root and uvicorn's)."""
    for name in QUIET:
        quiet = logging.getLogger(name)
        if quiet.level == logging.NOTSET:
            quiet.setLevel(logging.WARNING)
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, QuerylessAccess) for f in access.filters):
        access.addFilter(QuerylessAccess())
    # root's handlers and uvicorn's "default" one (on "uvicorn"; "uvicorn.error"
    # propagates to it); the access handler's records are redacted by QuerylessAccess
    for name in ("", "uvicorn", "uvicorn.error"):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, RedactingFilter) for f in handler.filters):
                handler.addFilter(RedactingFilter())
