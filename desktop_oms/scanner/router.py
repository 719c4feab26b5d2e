"""Where a scan goes: the view in front, an order opened from anywhere, sign-in, a panel.

Views that take scans implement :class:`ScanTarget`: they say which
:class:`~desktop_oms.scanner.scan.ScanKind` they accept and handle those scans (raising
:class:`ScanRefused` with a reason to refuse one). The gui supplies the rest as
callbacks (:class:`RouterHooks`). :meth:`ScanRouter.route` applies, in order:

1. a scan that does not decode is bad, with its reason;
2. nobody signed in: a staff badge signs in, anything else is refused ("sign in first");
3. the view in front takes the scan if it accepts its kind (a handover accepts the pickup
   QR, a picking list product codes, ...);
4. an order or pickup code opens that order, from anywhere;
5. a badge switches to that person (quick switch);
6. a product code shows the product (name and stock) in a panel;
7. anything else (a bin label outside staging) is refused with what to do instead.

The result says where the scan went and whether it was good; the Qt adapter
(:mod:`~desktop_oms.scanner.qtrouter`) turns it into sound, flash and diagnostics. The
router is Qt-free so the rules are tested with plain fake views.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar, runtime_checkable

from desktop_oms.domain.identifiers import BadgeCode, DecodedCode, Gs1Code, GtinCode, OrderCode
from desktop_oms.scanner.scan import (
    QT_TRANSLATE_NOOP,
    BadScan,
    Decoded,
    ProductCode,
    Scan,
    ScanKind,
    decode,
    describe,
    kind_of,
)

C = TypeVar("C", bound=DecodedCode)


class ScanRefused(Exception):
    """Raised by a view's :meth:`ScanTarget.handle` to refuse a scan, with the reason."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@runtime_checkable
class ScanTarget(Protocol):
    """A view that takes scans. ``scan_target_name`` (optional) names it in diagnostics."""

    def accepts(self, kind: ScanKind) -> bool:
        """Whether this view wants scans of ``kind`` while it is in front."""
        ...

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Act on a scan of an accepted kind; raise :class:`ScanRefused` to refuse it."""
        ...


class Destination(StrEnum):
    """Where a routed scan went."""

    VIEW = "view"
    OPEN_ORDER = "open order"
    SIGN_IN = "sign in"
    PRODUCT = "product panel"
    REFUSED = "refused"
    BAD = "bad scan"


@dataclass(frozen=True, slots=True)
class RouteResult:
    """What became of a scan: its decoding, where it went, good or bad, and in words."""

    scan: Scan
    decoded: Decoded
    destination: Destination
    message: str
    target: str = ""

    @property
    def good(self) -> bool:
        """Whether the scan was taken (good sound) or not (bad sound)."""
        return self.destination not in (Destination.REFUSED, Destination.BAD)

    @property
    def kind(self) -> ScanKind | None:
        """The kind of the decoded code, None for a bad scan."""
        return None if isinstance(self.decoded, BadScan) else kind_of(self.decoded)


@dataclass(frozen=True, slots=True)
class RouterHooks:
    """What the gui supplies: who is in front, who is signed in, and what to open.

    ``front``: the view in front that takes scans, or None; ``signed_in``: whether a staff
    member is signed in; ``sign_in``: sign in (or switch to) the badge's owner;
    ``open_order``: open the order of an order or pickup code; ``show_product``: show a
    product's name and stock. A callback may raise :class:`ScanRefused`.
    """

    front: Callable[[], ScanTarget | None]
    signed_in: Callable[[], bool]
    sign_in: Callable[[Scan, BadgeCode], None]
    open_order: Callable[[Scan, OrderCode], None]
    show_product: Callable[[Scan, ProductCode], None]


#: What to say when a kind of scan has no place where the station is.
#: (English, for logs; marked for the GUI, which translates them under ``ScanRouter``.)
NO_PLACE = {
    ScanKind.BIN: QT_TRANSLATE_NOOP(
        "ScanRouter", "A bin label is scanned while staging an order — open the order first"
    ),
    ScanKind.PRODUCT: QT_TRANSLATE_NOOP("ScanRouter", "No product lookup here"),
    ScanKind.ORDER: QT_TRANSLATE_NOOP("ScanRouter", "Orders cannot be opened here"),
    ScanKind.PICKUP: QT_TRANSLATE_NOOP("ScanRouter", "Orders cannot be opened here"),
    ScanKind.BADGE: QT_TRANSLATE_NOOP("ScanRouter", "Badges are scanned on the sign-in screen"),
}
SIGN_IN_FIRST = QT_TRANSLATE_NOOP(
    "ScanRouter", "Sign in first: scan your badge, or type your username and PIN"
)


def target_name(target: object) -> str:
    """The name of a view in results: its ``scan_target_name``, else its class name."""
    name = getattr(target, "scan_target_name", None)
    return name if isinstance(name, str) and name else type(target).__name__


class ScanRouter:
    """Sends each scan where it belongs (see the module's rules) and says where it went."""

    def __init__(self, hooks: RouterHooks) -> None:
        self.hooks = hooks

    def route(self, scan: Scan) -> RouteResult:
        """Decode ``scan`` and deliver it; the result is never an exception."""
        decoded = decode(scan)
        if isinstance(decoded, BadScan):
            return RouteResult(scan, decoded, Destination.BAD, decoded.message)
        kind = kind_of(decoded)
        hooks = self.hooks
        if not hooks.signed_in():
            if isinstance(decoded, BadgeCode):
                return self._call(scan, decoded, Destination.SIGN_IN, hooks.sign_in, decoded)
            return RouteResult(scan, decoded, Destination.REFUSED, SIGN_IN_FIRST)
        front = hooks.front()
        if front is not None and front.accepts(kind):
            return self._call(
                scan, decoded, Destination.VIEW, front.handle, decoded, target_name(front)
            )
        if isinstance(decoded, OrderCode):
            return self._call(scan, decoded, Destination.OPEN_ORDER, hooks.open_order, decoded)
        if isinstance(decoded, BadgeCode):
            return self._call(scan, decoded, Destination.SIGN_IN, hooks.sign_in, decoded)
        if isinstance(decoded, GtinCode | Gs1Code):
            return self._call(scan, decoded, Destination.PRODUCT, hooks.show_product, decoded)
        return RouteResult(scan, decoded, Destination.REFUSED, NO_PLACE[kind])

    def _call(
        self,
        scan: Scan,
        decoded: DecodedCode,
        destination: Destination,
        action: Callable[[Scan, C], None],
        code: C,
        target: str = "",
    ) -> RouteResult:
        try:
            action(scan, code)
        except ScanRefused as refused:
            return RouteResult(scan, decoded, Destination.REFUSED, refused.message, target)
        return RouteResult(scan, decoded, destination, describe(decoded), target)
