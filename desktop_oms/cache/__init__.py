"""The station's local SQLite cache: what every screen reads, and the outbox it writes.

Modules, by what they hold:

* ``db`` — the cache file (WAL, pragmas, ``write()``/``read()`` transactions, location);
  ``migrate`` + ``migrations/`` — Alembic, run on open; ``schema`` — the tables.
* ``rows`` — wire documents (JSON-decoded dicts) turned into table rows, canonical UTC text.
* ``apply`` — feed changes under the version rule; ``snapshot`` — the initial sync into
  shadow tables, resumable page by page and switched in atomically; ``state`` — cursor,
  identity and snapshot progress in ``sync_state``.
* ``outbox`` — commands and their confirmation; ``predict`` — a command's optimistic
  effect (the server's checks that can run offline); ``overlay`` — the predicted rows.
* ``search_index`` — upkeep of the trigram product search; ``queries`` — the read side.

Choices (see the module docstrings for the why):

* Confirmed rows never hold predictions: pending rows live in ``pending_*`` tables and are
  read through ``v_fulfillments``/``v_inventory``, so a resync or a refused command can
  never leave a guess behind in synced data.
* A prediction stays until its commands are confirmed *and* the feed has brought the
  server's row (or the feed is read to its end), so the screen never flips back.
* Product search is an external-content FTS5 trigram index over a view: no second copy of
  the catalogue text; every product write keeps it in step (``search_index``).
* Hot paths go straight to the ``sqlite3`` cursor with ``executemany``; no ORM objects.
"""
