"""The scan router as a QObject: scans in from any scanner, results out as a signal.

The gui connects the scanners' ``scanned`` signals to :meth:`ScanDispatcher.route` and the
``routed`` signal to feedback (sound and flash), the diagnostics log and whatever else
wants to know. :func:`front_target` is a ready-made ``front`` hook: the nearest
:class:`~desktop_oms.scanner.router.ScanTarget` around the keyboard focus — inside the
active modal dialog when one is open, so a scan never reaches a view behind a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop_oms.scanner.router import RouteResult, RouterHooks, ScanRouter, ScanTarget
from desktop_oms.scanner.scan import Scan


class ScanDispatcher(QObject):
    """Routes every scan on the main thread and tells who wants to know.

    Signal ``routed(RouteResult)``: a scan was delivered (or refused, or was bad).
    """

    routed = Signal(RouteResult)

    def __init__(self, router: ScanRouter | RouterHooks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.router = router if isinstance(router, ScanRouter) else ScanRouter(router)

    def route(self, scan: Scan) -> RouteResult:
        """Route ``scan`` and emit the result (also returned, for callers and tests)."""
        result = self.router.route(scan)
        self.routed.emit(result)
        return result


def widget_target(widget: QWidget | None, stop: QWidget | None = None) -> ScanTarget | None:
    """The first visible :class:`ScanTarget` from ``widget`` up its parents (up to ``stop``)."""
    while widget is not None:
        if isinstance(widget, ScanTarget) and widget.isVisible():
            return widget
        if widget is stop:
            return None
        widget = widget.parentWidget()
    return None


def front_target() -> ScanTarget | None:
    """The view in front: around the focus, within the active modal dialog if there is one."""
    focus = QApplication.focusWidget()
    modal = QApplication.activeModalWidget()
    if modal is not None:
        inside = focus is not None and (focus is modal or modal.isAncestorOf(focus))
        return widget_target(focus if inside else modal, stop=modal)
    return widget_target(focus)
