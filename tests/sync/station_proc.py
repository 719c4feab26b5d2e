"""A station process for the crash tests: one sync step, SIGKILLed at a chosen point.

``python tests/sync/station_proc.py CACHE URL MODE`` with the station token in
``$OMS_STATION_TOKEN`` (the cache already holds the enrolment). Modes:

* ``push-kill-before-confirm`` — push the outbox; the server commits and answers, and
  the process dies on the first :func:`outbox.confirm`, before any result is recorded;
* ``snapshot-kill-after-pages:N`` — take the first snapshot (pages of 10 rows) and die
  when page N+1 is about to be written (pages 1..N are committed);
* ``pull-kill-before-commit`` — pull one feed page and die after applying it, inside the
  transaction, before its commit;
* ``hold-kill:FID:STAFF:SECONDS`` — queue ``start_picking`` of fulfillment FID by STAFF,
  held for SECONDS (an undo window), and die right after its commit, inside the window.

Without a kill it prints one JSON line with what it did.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_oms.cache import outbox
from desktop_oms.cache.db import CacheDB
from desktop_oms.cache.snapshot import SnapshotWriter
from desktop_oms.sync import engine as engine_module
from desktop_oms.sync.client import ServerClient
from desktop_oms.sync.engine import SyncEngine


def _die(*_args: Any, **_kwargs: Any) -> None:
    """Kill this process at once: no cleanup, no commit, like a power cut."""
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> int:
    """Run one step in the given mode."""
    cache_path, url, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    cache = CacheDB(Path(cache_path))
    client = ServerClient(url, os.environ["OMS_STATION_TOKEN"])
    engine = SyncEngine(cache, client, page_limit=10)
    if mode == "push-kill-before-confirm":
        setattr(outbox, "confirm", _die)  # noqa: B010 - the point is to replace it
        engine.push_all()
    elif mode.startswith("snapshot-kill-after-pages:"):
        left = int(mode.rsplit(":", 1)[1])
        write_page = SnapshotWriter.write_page

        def counted(self: SnapshotWriter, *args: Any, **kwargs: Any) -> int:
            nonlocal left
            if left == 0:
                _die()
            left -= 1
            return write_page(self, *args, **kwargs)

        setattr(SnapshotWriter, "write_page", counted)  # noqa: B010
        engine.initial_sync()
    elif mode.startswith("hold-kill:"):
        fid, staff, seconds = mode.split(":")[1:]
        now = datetime.now(UTC)
        with cache.read() as conn:
            version = conn.exec_driver_sql(
                "SELECT version FROM v_fulfillments WHERE id = ?", (int(fid),)
            ).scalar_one()
        with cache.write() as conn:
            outbox.enqueue(
                conn,
                name="start_picking",
                target_kind="fulfillment",
                target_key=fid,
                base_version=int(version),
                staff_id=int(staff),
                approved_by=None,
                args={},
                now=now,
                hold_until=now + timedelta(seconds=float(seconds)),
            )
        _die()
    elif mode == "pull-kill-before-commit":
        apply = vars(engine_module)["apply_changes"]

        def apply_then_die(*args: Any, **kwargs: Any) -> Any:
            apply(*args, **kwargs)
            _die()

        setattr(engine_module, "apply_changes", apply_then_die)  # noqa: B010
        engine.pull_once()
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps({"mode": mode, "status": "done"}))
    client.close()
    cache.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
