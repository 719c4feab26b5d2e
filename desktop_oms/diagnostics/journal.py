"""The station's events in the log: who signed in or out (by staff id and role, never a
name or a PIN), and the link to the server going down (with its reason) or up."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger("desktop_oms.station")


class _Link(Protocol):
    online: bool
    error: str | None
    authorized: bool


class Observable(Protocol):
    """What :func:`journal` needs of a station (``desktop_oms.gui.station.Station``)."""

    def on_link(self, callback: Callable[[Any], None]) -> None: ...

    def on_session(self, callback: Callable[[Any], None]) -> None: ...


def journal(station: Observable, station_id: object = "?") -> None:
    """Log ``station``'s sign-ins, sign-outs and link changes from now on."""
    log.info("station %s opened", station_id)

    def link(state: _Link) -> None:
        if state.online:
            log.info("sync: server reachable")
        elif not state.authorized:
            log.warning("sync: the server refused this station: %s", state.error)
        else:
            log.warning("sync failed: %s", state.error or "server unreachable")

    def session(found: Any) -> None:
        if found is None:
            log.info("staff signed out")
            return
        role = getattr(found.role, "value", found.role)
        method = getattr(found.method, "value", found.method)
        online = "online" if getattr(found, "token", None) else "offline"
        log.info("staff #%s signed in (%s, %s, %s)", found.staff_id, role, method, online)

    station.on_link(link)
    station.on_session(session)
