"""The station's rotating log file, and uncaught exceptions written to it.

:func:`setup_logging` puts one size-rotated file (``station.log``, 5 MiB x 5 files) in
the platformdirs user log directory (``DESKTOP_OMS_LOG_DIR`` or an argument overrides it)
on the root logger, with :class:`~.redact.RedactingFilter` and a redacting formatter on
every handler it adds, and sends uncaught exceptions (``sys.excepthook``,
``threading.excepthook``) there too. :meth:`LogSetup.close` undoes all of it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop_oms.diagnostics.redact import RedactingFilter, RedactingFormatter

#: The environment variable that moves the log directory (tests, portable installs).
LOG_DIR_ENV = "DESKTOP_OMS_LOG_DIR"
APP_NAME = "desktop-oms"
LOG_NAME = "station.log"
#: Rotation: a file grows to this size, then the oldest of :data:`BACKUPS` goes.
MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 4  # station.log + station.log.1 .. .4: five files, at most 25 MiB
FORMAT = "%(asctime)s %(levelname)-8s %(threadName)s %(name)s: %(message)s"

log = logging.getLogger("desktop_oms.crash")


def log_dir(override: Path | None = None) -> Path:
    """Where the log files go: ``override``, ``$DESKTOP_OMS_LOG_DIR`` or platformdirs'."""
    if override is not None:
        return override
    env = os.environ.get(LOG_DIR_ENV)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_log_path(APP_NAME, appauthor=False))


def log_files(directory: Path) -> list[Path]:
    """The log files in ``directory``, current first, then the rotated ones, oldest last."""
    found = [p for p in directory.glob(LOG_NAME + "*") if p.is_file()]

    def order(path: Path) -> int:
        suffix = path.name[len(LOG_NAME) :].lstrip(".")
        return int(suffix) if suffix.isdigit() else 0

    return sorted(found, key=order)


def redacting(handler: logging.Handler) -> logging.Handler:
    """``handler`` with the redaction filter and a redacting formatter on it."""
    handler.addFilter(RedactingFilter())
    handler.setFormatter(RedactingFormatter(FORMAT))
    return handler


def guard_handlers(logger: logging.Logger | None = None) -> list[tuple[logging.Handler, Any]]:
    """Put the redaction filter on every handler of ``logger`` (root) that lacks one, e.g.
    a console handler that a library or ``basicConfig`` added; the (handler, filter) pairs
    added."""
    logger = logger or logging.getLogger()
    added: list[tuple[logging.Handler, Any]] = []
    for handler in logger.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            guard = RedactingFilter()
            handler.addFilter(guard)
            added.append((handler, guard))
    return added


@dataclass
class LogSetup:
    """What :func:`setup_logging` installed, to find the file and to undo it."""

    path: Path
    handler: logging.handlers.RotatingFileHandler
    _previous_level: int
    _previous_hooks: tuple[Any, Any] = field(default=(None, None))
    _guards: list[tuple[logging.Handler, Any]] = field(default_factory=list)
    _closed: bool = False

    @property
    def directory(self) -> Path:
        """The log directory."""
        return self.path.parent

    def flush(self) -> None:
        """Write what is buffered to the file."""
        self.handler.flush()

    def close(self) -> None:
        """Remove the handler and the exception hooks (restoring what was there before)."""
        if self._closed:
            return
        self._closed = True
        root = logging.getLogger()
        root.removeHandler(self.handler)
        self.handler.close()
        root.setLevel(self._previous_level)
        for other, guard in self._guards:
            other.removeFilter(guard)
        sys_hook, thread_hook = self._previous_hooks
        if sys_hook is not None and sys.excepthook is _current_sys_hook.get("hook"):
            sys.excepthook = sys_hook
        if thread_hook is not None and threading.excepthook is _current_thread_hook.get("hook"):
            threading.excepthook = thread_hook


_current_sys_hook: dict[str, Any] = {}
_current_thread_hook: dict[str, Any] = {}


def setup_logging(
    directory: Path | None = None,
    *,
    level: int = logging.INFO,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
    hooks: bool = True,
) -> LogSetup:
    """Log to a rotating, redacted file in :func:`log_dir`; uncaught exceptions too."""
    folder = log_dir(directory)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=False
    )
    redacting(handler)
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    setup = LogSetup(path, handler, previous_level, _guards=guard_handlers(root))
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # start-up noise
    if hooks:
        setup._previous_hooks = install_excepthooks()
    logging.getLogger("desktop_oms").info(
        "log started (pid %d, %s)", os.getpid(), sys.version.split()[0]
    )
    return setup


def install_excepthooks() -> tuple[Any, Any]:
    """Log uncaught exceptions (main thread and other threads), then run the previous
    hooks; the previous hooks."""
    previous_sys = sys.excepthook
    previous_thread = threading.excepthook

    def sys_hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, KeyboardInterrupt):
            log.critical("uncaught exception", exc_info=(kind, value, tb))
        previous_sys(kind, value, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit and args.exc_value is not None:
            name = args.thread.name if args.thread is not None else "?"
            log.critical(
                "uncaught exception in thread %s",
                name,
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )
        previous_thread(args)

    sys.excepthook = sys_hook
    threading.excepthook = thread_hook
    _current_sys_hook["hook"] = sys_hook
    _current_thread_hook["hook"] = thread_hook
    return previous_sys, previous_thread


def active_log_dir() -> Path:
    """The directory of the log file the root logger writes now (else :func:`log_dir`)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            path = Path(handler.baseFilename)
            if path.name == LOG_NAME:
                return path.parent
    return log_dir()
