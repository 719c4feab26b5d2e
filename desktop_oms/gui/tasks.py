"""Where the station's work runs: one database worker thread, a small network pool.

Modelled on Anki's ``TaskManager``: the UI never waits on disk or network. Database jobs
run one at a time, in submission order, on a single worker thread that owns the cache
connections the UI uses (SQLite likes one writer; one thread also keeps reads ordered
after the writes before them). Network and CPU-heavy jobs (a PIN check) run on a
``QThreadPool`` of a few threads. Either way the caller gets a :class:`Task`: its result
is delivered on the main thread, to ``on_done``/``on_error`` callbacks or to a coroutine
awaiting it under qasync. No callback ever runs on a worker thread, so callbacks may
touch widgets.

:class:`Pool` is the network pool on its own, for work before a cache exists (starting the
demo server, enrolling); :class:`TaskManager` adds the database worker for a cache.

A database job may carry a ``key``: a newer job with the same key replaces one still
waiting in the queue (typing in a search box asks for many results but needs the last).
A replaced task is cancelled: its callbacks do not run and an awaiting coroutine gets
``asyncio.CancelledError``.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import sys
import threading
from collections.abc import Callable, Coroutine, Generator
from concurrent.futures import Future
from typing import Any, Generic, ParamSpec, TypeVar, cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from sqlalchemy.engine import Connection

from desktop_oms.cache.db import CacheDB

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Threads of the network pool: the sync runner has its own two, these serve the UI.
NET_THREADS = 4


class Task(Generic[T]):
    """A job's pending result; callbacks and awaits resolve on the main thread."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.future: Future[T] = Future()
        self._on_done: list[Callable[[T], None]] = []
        self._on_error: list[Callable[[BaseException], None]] = []
        self._waiters: list[asyncio.Future[T]] = []
        self.delivered = False

    def then(
        self,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task[T]:
        """Call ``on_done(result)`` or ``on_error(exc)`` on the main thread when it finishes.

        Without ``on_error`` a failure goes to ``sys.excepthook`` (shown, never lost).
        """
        if on_done is not None:
            self._on_done.append(on_done)
        if on_error is not None:
            self._on_error.append(on_error)
        if self.delivered:
            self._run_callbacks()
        return self

    def cancel(self) -> bool:
        """Cancel the job if it has not started; whether it was cancelled."""
        return self.future.cancel()

    def done(self) -> bool:
        """Whether the result (or failure) has reached the main thread."""
        return self.delivered

    def result(self) -> T:
        """The result of a delivered task (raises its exception)."""
        return self.future.result(timeout=0)

    def __await__(self) -> Generator[Any, None, T]:
        if not self.delivered:
            waiter: asyncio.Future[T] = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            return (yield from waiter.__await__())
        return self.result()

    # --- main thread ---------------------------------------------------------------------

    def _deliver(self) -> None:
        """The job finished (or was cancelled): run callbacks and wake awaiting coroutines."""
        self.delivered = True
        for waiter in self._waiters:
            if waiter.done():
                continue
            if self.future.cancelled():
                waiter.cancel()
            elif (exc := self.future.exception()) is not None:
                waiter.set_exception(exc)
            else:
                waiter.set_result(self.future.result())
        self._waiters.clear()
        self._run_callbacks()

    def _run_callbacks(self) -> None:
        if self.future.cancelled():
            self._on_done.clear()
            self._on_error.clear()
            return
        exc = self.future.exception()
        done, errors = self._on_done, self._on_error
        self._on_done, self._on_error = [], []
        if exc is None:
            value = self.future.result()
            for callback in done:
                callback(value)
        elif errors:
            for handler in errors:
                handler(exc)
        elif done:
            sys.excepthook(type(exc), exc, exc.__traceback__)


class _Bridge(QObject):
    """Carries finished tasks from worker threads to the main thread.

    Signal ``finished(object)``: a :class:`Task` whose future is settled.
    """

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.finished.connect(self._deliver)

    @Slot(object)
    def _deliver(self, task: Task[Any]) -> None:
        task._deliver()


class _Job:
    """A database job waiting in the worker's queue."""

    __slots__ = ("fn", "key", "task", "write")

    def __init__(
        self, fn: Callable[[Connection], Any], task: Task[Any], key: str | None, write: bool
    ) -> None:
        self.fn = fn
        self.task = task
        self.key = key
        self.write = write


class DbWorker:
    """The one thread that runs the UI's cache jobs, one at a time, in order."""

    def __init__(self, cache: CacheDB, bridge: _Bridge) -> None:
        self.cache = cache
        self._bridge = bridge
        self._queue: collections.deque[_Job] = collections.deque()
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="oms-db", daemon=True)
        self._thread.start()

    def submit(
        self, fn: Callable[[Connection], T], *, write: bool, key: str | None, name: str
    ) -> Task[T]:
        """Queue ``fn(conn)`` in a read (or write) transaction."""
        task: Task[T] = Task(name)
        with self._cond:
            if self._stopping:
                task.future.cancel()
                task.delivered = True
                return task
            if key is not None:
                for old in [j for j in self._queue if j.key == key]:
                    self._queue.remove(old)
                    old.task.future.cancel()
                    self._bridge.finished.emit(old.task)
            self._queue.append(_Job(fn, task, key, write))
            self._cond.notify()
        return task

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._queue and not self._stopping:
                    self._cond.wait()
                if not self._queue:
                    return
                job = self._queue.popleft()
            if not job.task.future.set_running_or_notify_cancel():
                continue
            try:
                with self.cache.write() if job.write else self.cache.read() as conn:
                    result = job.fn(conn)
            except BaseException as exc:  # delivered to the caller, never swallowed
                job.task.future.set_exception(exc)
            else:
                job.task.future.set_result(result)
            self._bridge.finished.emit(job.task)

    def stop(self, timeout: float = 5.0) -> None:
        """Finish the queued jobs, then end the thread."""
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        """Whether the thread still runs."""
        return self._thread.is_alive()


class _NetRunnable(QRunnable):
    def __init__(self, fn: Callable[[], Any], task: Task[Any], bridge: _Bridge) -> None:
        super().__init__()
        self.fn = fn
        self.task = task
        self.bridge = bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        if not self.task.future.set_running_or_notify_cancel():
            self.bridge.finished.emit(self.task)
            return
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the caller
            self.task.future.set_exception(exc)
        else:
            self.task.future.set_result(result)
        self.bridge.finished.emit(self.task)


class Pool(QObject):
    """A few threads for network calls and CPU-heavy checks; results on the main thread."""

    def __init__(self, parent: QObject | None = None, threads: int = NET_THREADS) -> None:
        super().__init__(parent)
        self.bridge = _Bridge(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._closed = False

    def run(self, fn: Callable[[], T], *, name: str = "") -> Task[T]:
        """Run ``fn()`` on a pool thread."""
        task: Task[T] = Task(name or _name(fn))
        if self._closed:
            task.future.cancel()
            task.delivered = True
            return task
        self._pool.start(_NetRunnable(fn, task, self.bridge))
        return task

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Take no more jobs; wait for the running ones; whether they all finished."""
        self._closed = True
        return bool(self._pool.waitForDone(int(timeout * 1000)))


class TaskManager(QObject):
    """The station's workers: :meth:`read`/:meth:`write` on the DB thread, :meth:`run` on
    the network pool. Results come back on the main thread (see :class:`Task`)."""

    def __init__(
        self, cache: CacheDB, pool: Pool | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.pool = pool if pool is not None else Pool(self)
        self._db = DbWorker(cache, self.pool.bridge)
        self._closed = False

    def read(
        self, fn: Callable[[Connection], T], *, key: str | None = None, name: str = ""
    ) -> Task[T]:
        """Run ``fn(conn)`` in a read transaction on the DB worker."""
        return self._db.submit(fn, write=False, key=key, name=name or _name(fn))

    def write(self, fn: Callable[[Connection], T], *, name: str = "") -> Task[T]:
        """Run ``fn(conn)`` in a write transaction (committed when it returns)."""
        return self._db.submit(fn, write=True, key=None, name=name or _name(fn))

    def run(self, fn: Callable[[], T], *, name: str = "") -> Task[T]:
        """Run ``fn()`` on the network pool (network calls, CPU-heavy checks)."""
        return self.pool.run(fn, name=name)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Let queued database jobs finish and stop the DB thread (the pool is its owner's)."""
        if self._closed:
            return
        self._closed = True
        self._db.stop(timeout)


P = ParamSpec("P")
R = TypeVar("R")


def async_slot(
    *types: type,
) -> Callable[[Callable[P, Coroutine[Any, Any, R]]], Callable[P, asyncio.Task[R]]]:
    """``qasync.asyncSlot``, typed: an ``async def`` method becomes a Qt slot that starts it
    as a task on the event loop (and returns the task).

    Use it on methods of QObjects only (qasync issue 177: a plain function with no
    arguments fails to connect).
    """
    from qasync import asyncSlot

    return cast(
        Callable[[Callable[P, Coroutine[Any, Any, R]]], Callable[P, asyncio.Task[R]]],
        asyncSlot(*types),
    )


def _name(fn: Callable[..., Any]) -> str:
    return getattr(fn, "__qualname__", None) or repr(fn)
