"""The task manager: one database thread in order, a network pool, results on the main thread."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Connection

from desktop_oms.cache.db import CacheDB
from desktop_oms.gui.tasks import Pool, Task, TaskManager


@pytest.fixture
def tasks(tmp_path: Path, qapp: object) -> Iterator[TaskManager]:
    """A task manager over a fresh cache file."""
    cache = CacheDB(tmp_path / "cache.sqlite3")
    manager = TaskManager(cache)
    try:
        yield manager
    finally:
        manager.shutdown()
        manager.pool.shutdown()
        cache.close()


def wait_done(qtbot: QtBot, *tasks: Task[object]) -> None:
    """Process Qt events until every task's result reached the main thread."""
    qtbot.waitUntil(lambda: all(t.done() for t in tasks), timeout=5_000)


def test_database_jobs_run_in_order_on_one_thread(qtbot: QtBot, tasks: TaskManager) -> None:
    """Jobs run one at a time, in submission order, on one thread that is not the UI's;
    each result arrives on the main thread."""
    ran: list[tuple[int, str]] = []
    delivered: list[tuple[int, str]] = []

    def job(n: int):  # type: ignore[no-untyped-def]
        def run(conn: Connection) -> int:
            ran.append((n, threading.current_thread().name))
            time.sleep(0.002)
            return int(conn.exec_driver_sql("SELECT ?", (n,)).scalar_one())

        return run

    submitted = [
        tasks.read(job(n)).then(lambda v: delivered.append((v, threading.current_thread().name)))
        for n in range(20)
    ]
    wait_done(qtbot, *submitted)
    assert [n for n, _ in ran] == list(range(20))
    assert {name for _, name in ran} == {"oms-db"}
    assert delivered == [(n, threading.main_thread().name) for n in range(20)]


def test_write_jobs_commit(qtbot: QtBot, tasks: TaskManager) -> None:
    """A write job's transaction is committed: the next read sees it."""
    tasks.write(lambda conn: conn.exec_driver_sql("CREATE TABLE t (v INTEGER)"))
    tasks.write(lambda conn: conn.exec_driver_sql("INSERT INTO t VALUES (42)"))
    read = tasks.read(lambda conn: conn.exec_driver_sql("SELECT v FROM t").scalar_one())
    wait_done(qtbot, read)
    assert read.result() == 42


def test_failures_reach_the_error_callback(qtbot: QtBot, tasks: TaskManager) -> None:
    """An exception in a job is handed to ``on_error`` on the main thread."""
    errors: list[tuple[BaseException, str]] = []
    failing = tasks.read(lambda conn: conn.exec_driver_sql("SELECT * FROM nowhere")).then(
        lambda _v: None, lambda exc: errors.append((exc, threading.current_thread().name))
    )
    wait_done(qtbot, failing)
    assert len(errors) == 1 and "nowhere" in str(errors[0][0])
    assert errors[0][1] == threading.main_thread().name


def test_a_newer_keyed_job_replaces_a_waiting_one(qtbot: QtBot, tasks: TaskManager) -> None:
    """Typing fast: only the latest search of a burst runs; the replaced ones never call back."""
    gate = threading.Event()
    blocker = tasks.read(lambda conn: gate.wait(5))
    got: list[int] = []
    searches = [tasks.read(lambda conn, n=n: n, key="search").then(got.append) for n in range(5)]
    gate.set()
    wait_done(qtbot, blocker, *searches)
    assert got == [4]
    assert [s.future.cancelled() for s in searches] == [True, True, True, True, False]


def test_pool_runs_off_the_main_thread(qtbot: QtBot, tasks: TaskManager) -> None:
    """Network jobs run on pool threads; the results come back on the main thread."""
    where: list[str] = []
    job = tasks.run(lambda: threading.current_thread() is threading.main_thread()).then(
        lambda off_main: where.append(f"{off_main}:{threading.current_thread().name}")
    )
    wait_done(qtbot, job)
    assert where == [f"False:{threading.main_thread().name}"]


def test_tasks_can_be_awaited_under_qasync(
    qtbot: QtBot, tasks: TaskManager, qloop: asyncio.AbstractEventLoop
) -> None:
    """A coroutine awaits a database job and a pool job; a failure raises in it."""
    results: list[object] = []

    async def flow() -> None:
        value = await tasks.read(lambda conn: conn.exec_driver_sql("SELECT 7").scalar_one())
        doubled = await tasks.run(lambda: value * 2)
        try:
            await tasks.run(lambda: 1 / 0)
        except ZeroDivisionError as exc:
            results.append(type(exc).__name__)
        results.append(doubled)

    done = asyncio.ensure_future(flow())
    qtbot.waitUntil(done.done, timeout=5_000)
    done.result()
    assert results == ["ZeroDivisionError", 14]


def test_shutdown_finishes_queued_jobs_then_refuses(qtbot: QtBot, tmp_path: Path) -> None:
    """Jobs queued before shutdown still run; later ones are cancelled at once."""
    cache = CacheDB(tmp_path / "c.sqlite3")
    pool = Pool()
    manager = TaskManager(cache, pool)
    queued = [manager.read(lambda conn, n=n: n) for n in range(3)]
    manager.shutdown()
    late = manager.read(lambda conn: 99)
    wait_done(qtbot, *queued)
    assert [t.result() for t in queued] == [0, 1, 2]
    assert late.done() and late.future.cancelled()
    pool.shutdown()
    cache.close()
