"""The Stock page's product detail: picture, name, price, barcodes and attributes; the
stock in this store (available to promise, big); nearby stores nearest first with their
stock, distance and opening hours today (open or closed now, in the store's time zone).

Every stock figure says how old it is (the cache's last sync) and a figure that a
command made here changed, not yet confirmed by the server, is marked as such.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.cache.stock import ProductDetail, StoreStock, parse_utc, stock_level
from desktop_oms.gui import theme
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.numbers import decimal, grouped, money
from desktop_oms.gui.stock.tile import ProductTile
from desktop_oms.gui.stock.timewords import (
    as_of,
    chip_text,
    clock_text,
    hours_today,
    status,
)

#: The detail is never narrower than this (the nearby stores' table needs it).
MIN_WIDTH = 600
#: Words of the stock chip per level.
LEVEL_WORDS = {
    "ok": QT_TRANSLATE_NOOP("ProductDetailPanel", "In stock"),
    "warn": QT_TRANSLATE_NOOP("ProductDetailPanel", "Low stock"),
    "bad": QT_TRANSLATE_NOOP("ProductDetailPanel", "Out of stock"),
    "muted": QT_TRANSLATE_NOOP("ProductDetailPanel", "Not stocked"),
}
#: Attribute names the catalogue uses (as :mod:`desktop_oms.cache.stock` words them); an
#: attribute not listed shows as the catalogue names it. Values are the catalogue's own.
ATTRIBUTE_WORDS = {
    "Brand": QT_TRANSLATE_NOOP("ProductDetailPanel", "Brand"),
    "Colour": QT_TRANSLATE_NOOP("ProductDetailPanel", "Colour"),
    "Size": QT_TRANSLATE_NOOP("ProductDetailPanel", "Size"),
    "Dimensions": QT_TRANSLATE_NOOP("ProductDetailPanel", "Dimensions"),
    "Capacity": QT_TRANSLATE_NOOP("ProductDetailPanel", "Capacity"),
    "Age": QT_TRANSLATE_NOOP("ProductDetailPanel", "Age"),
    "Scent": QT_TRANSLATE_NOOP("ProductDetailPanel", "Scent"),
    "Volume": QT_TRANSLATE_NOOP("ProductDetailPanel", "Volume"),
    "Format": QT_TRANSLATE_NOOP("ProductDetailPanel", "Format"),
    "Language": QT_TRANSLATE_NOOP("ProductDetailPanel", "Language"),
    "Material": QT_TRANSLATE_NOOP("ProductDetailPanel", "Material"),
    "Weight": QT_TRANSLATE_NOOP("ProductDetailPanel", "Weight"),
    "Fit": QT_TRANSLATE_NOOP("ProductDetailPanel", "Fit"),
    "Pattern": QT_TRANSLATE_NOOP("ProductDetailPanel", "Pattern"),
    "Author": QT_TRANSLATE_NOOP("ProductDetailPanel", "Author"),
    "Pages": QT_TRANSLATE_NOOP("ProductDetailPanel", "Pages"),
}
#: Identifier kinds that are words, not standards (GTIN-13 stays as it is).
KIND_WORDS = {"store": QT_TRANSLATE_NOOP("ProductDetailPanel", "store code")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProductDetailPanel", text)


def label(
    text: str = "", *, name: str | None = None, wrap: bool = False, **props: object
) -> QLabel:
    """A label with an object name and style properties."""
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if name:
        widget.setObjectName(name)
    for key, value in props.items():
        widget.setProperty(key, value)
    return widget


def pending_text(since: str | None, now: datetime, tz: tzinfo) -> str:
    """What a pending figure says: it includes a change not yet confirmed."""
    moment = parse_utc(since)
    if moment is None:
        return _tr("Includes a change that the server has not confirmed yet")
    return _tr("Includes a change made at {time} that the server has not confirmed yet").format(
        time=clock_text(moment, now, tz)
    )


class _Figure(QWidget):
    """A small figure: its caption, then the number (right-aligned)."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.caption = label(caption, muted=True)
        self.value = label("–", name="stockFigure")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.value.setMinimumWidth(56)
        layout.addWidget(self.caption, 1)
        layout.addWidget(self.value)


class ProductDetailPanel(QScrollArea):
    """One product in full (see the module); :meth:`show_detail` fills it in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockDetail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMinimumWidth(MIN_WIDTH)
        self.detail: ProductDetail | None = None
        self.store_code = ""
        self.tz: tzinfo = UTC

        body = QWidget(self)
        body.setObjectName("stockDetailBody")
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(14)

        # --- the product -------------------------------------------------------------
        card = QFrame(body)
        card.setProperty("card", True)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(20, 18, 20, 18)
        card_layout.setSpacing(14)
        top = QHBoxLayout()
        top.setSpacing(18)
        self.tile = ProductTile(120, card)
        top.addWidget(self.tile, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        self.name = label(name="stockProductName", wrap=True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = label(muted=True, wrap=True)
        self.price = label(name="stockPrice")
        heading.addWidget(self.name)
        heading.addWidget(self.meta)
        heading.addSpacing(4)
        heading.addWidget(self.price)
        heading.addStretch(1)
        top.addLayout(heading, 1)
        card_layout.addLayout(top)

        facts = QHBoxLayout()
        facts.setSpacing(24)
        codes_box = QVBoxLayout()
        codes_box.setSpacing(4)
        codes_box.addWidget(label(self.tr("BARCODES"), section=True))
        self.codes = QGridLayout()
        self.codes.setHorizontalSpacing(12)
        self.codes.setVerticalSpacing(3)
        codes_box.addLayout(self.codes)
        codes_box.addStretch(1)
        attrs_box = QVBoxLayout()
        attrs_box.setSpacing(4)
        attrs_box.addWidget(label(self.tr("ATTRIBUTES"), section=True))
        self.attrs = QGridLayout()
        self.attrs.setHorizontalSpacing(12)
        self.attrs.setVerticalSpacing(3)
        attrs_box.addLayout(self.attrs)
        attrs_box.addStretch(1)
        facts.addLayout(codes_box, 1)
        facts.addLayout(attrs_box, 1)
        card_layout.addLayout(facts)
        layout.addWidget(card)

        # --- this store --------------------------------------------------------------
        self.here_box = QFrame(body)
        self.here_box.setObjectName("stockHereBox")
        self.here_box.setProperty("card", True)
        here = QGridLayout(self.here_box)
        here.setContentsMargins(20, 16, 20, 16)
        here.setHorizontalSpacing(20)
        here.setVerticalSpacing(2)
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        self.here_title = label(self.tr("THIS STORE"), section=True)
        self.here_chip = label(chip="ok")
        self.pending_chip = label(self.tr("Pending"), chip="info")
        self.pending_chip.setToolTip(self.tr("A change made here is waiting for the server"))
        title_row.addWidget(self.here_title)
        title_row.addWidget(self.here_chip)
        title_row.addWidget(self.pending_chip)
        title_row.addStretch(1)
        here.addLayout(title_row, 0, 0, 1, 3)
        self.atp = label("–", name="stockAtp")
        self.atp.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        self.atp_caption = label(self.tr("available to promise"), name="stockAtpCaption")
        atp_box = QVBoxLayout()
        atp_box.setSpacing(0)
        atp_box.addWidget(self.atp)
        atp_box.addWidget(self.atp_caption)
        here.addLayout(atp_box, 1, 0)
        here.setColumnStretch(1, 1)
        self.on_hand = _Figure(self.tr("On hand"))
        self.reserved = _Figure(self.tr("Reserved"))
        self.safety = _Figure(self.tr("Safety stock"))
        figures = QVBoxLayout()
        figures.setSpacing(2)
        for figure in (self.on_hand, self.reserved, self.safety):
            figures.addWidget(figure)
        here.addLayout(figures, 1, 2, Qt.AlignmentFlag.AlignBottom)
        self.here_age = label(faint=True, wrap=True)
        self.here_pending = label(name="stockPendingNote", wrap=True)
        here.addWidget(self.here_age, 2, 0, 1, 3)
        here.addWidget(self.here_pending, 3, 0, 1, 3)
        layout.addWidget(self.here_box)

        # --- nearby stores -----------------------------------------------------------
        self.nearby_box = QFrame(body)
        self.nearby_box.setProperty("card", True)
        nearby = QVBoxLayout(self.nearby_box)
        nearby.setContentsMargins(20, 16, 20, 16)
        nearby.setSpacing(8)
        head = QHBoxLayout()
        head.addWidget(label(self.tr("NEARBY STORES · NEAREST FIRST"), section=True))
        head.addStretch(1)
        self.nearby_age = label(faint=True)
        head.addWidget(self.nearby_age)
        nearby.addLayout(head)
        self.stores = QGridLayout()
        self.stores.setHorizontalSpacing(16)
        self.stores.setVerticalSpacing(0)
        nearby.addLayout(self.stores)
        self.nearby_empty = label(
            self.tr("No other store's stock is kept on this station."), muted=True
        )
        nearby.addWidget(self.nearby_empty)
        layout.addWidget(self.nearby_box)
        layout.addStretch(1)
        self.store_rows: list[list[QLabel]] = []

    # --- filling in ----------------------------------------------------------------------

    def show_detail(
        self, detail: ProductDetail, store_code: str, tz: tzinfo, now: datetime | None = None
    ) -> None:
        """Show ``detail`` (times in ``tz``, the station's store called ``store_code``)."""
        self.detail, self.store_code, self.tz = detail, store_code, tz
        now = now or datetime.now(UTC)
        p = detail.product
        self.tile.set_department(p.department)
        self.name.setText(p.name)
        self.meta.setText(f"{p.sku}  ·  {p.department}")
        self.price.setText(money(p.price_minor, p.currency))
        self._fill_grid(self.codes, [(i.kind, i.value) for i in detail.identifiers], mono=True)
        self._fill_grid(self.attrs, list(detail.attributes), mono=False)
        self._show_here(detail.here, now)
        self._show_nearby(detail.nearby, now)
        self.refresh_age(now)
        QTimer.singleShot(0, self._fit)  # once the new labels are polished (fonts, padding)

    def _fit(self) -> None:
        """Never narrower than the content plus a scroll bar: nothing is cut off."""
        body = self.widget()
        if body is not None:
            bar = self.verticalScrollBar().sizeHint().width()
            self.setMinimumWidth(max(MIN_WIDTH, body.minimumSizeHint().width() + bar + 2))

    def refresh_age(self, now: datetime | None = None, last_sync_at: str | None = None) -> None:
        """Say again how old the figures are: time passed, or a later sync (``last_sync_at``,
        newer than the detail's own read) brought the cache up to date without changes."""
        detail = self.detail
        if detail is None:
            return
        now = now or datetime.now(UTC)
        synced = max(filter(None, (detail.last_sync_at, last_sync_at)), default=None)
        age = as_of(synced, now, self.tz)
        self.here_age.setText(self.tr("Figures {age} (last sync with the server)").format(age=age))
        self.nearby_age.setText(self.tr("Figures {age}").format(age=age))

    def _fill_grid(self, grid: QGridLayout, pairs: list[tuple[str, str]], *, mono: bool) -> None:
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not pairs:
            grid.addWidget(label("—", muted=True), 0, 0)
            return
        for row, (key, value) in enumerate(pairs):
            words = KIND_WORDS if mono else ATTRIBUTE_WORDS
            shown_key = _tr(words[key]) if key in words else key
            grid.addWidget(label(shown_key, muted=True), row, 0, Qt.AlignmentFlag.AlignTop)
            shown = label(value, name="stockCode" if mono else "stockAttr", wrap=not mono)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(shown, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)

    def _show_here(self, here: StoreStock | None, now: datetime) -> None:
        where = (
            self.tr("THIS STORE · {code}").format(code=self.store_code)
            if self.store_code
            else self.tr("THIS STORE")
        )
        self.here_title.setText(where)
        level = stock_level(None if here is None else here.available)
        self.here_chip.setText(self.tr(LEVEL_WORDS[level]))
        self.here_chip.setProperty("chip", level)
        theme.restyle(self.here_chip)
        self.atp.setProperty("level", level)
        theme.restyle(self.atp)
        if here is None:
            self.atp.setText("–")
            self.atp_caption.setText(self.tr("not stocked in this store"))
            for figure in (self.on_hand, self.reserved, self.safety):
                figure.value.setText("–")
            self.pending_chip.hide()
            self.here_pending.hide()
            return
        s = here.stock
        self.atp.setText(grouped(s.available))
        self.atp_caption.setText(self.tr("available to promise"))
        self.on_hand.value.setText(grouped(s.on_hand))
        self.reserved.value.setText(grouped(s.reserved))
        self.safety.value.setText(grouped(s.safety_stock))
        self.pending_chip.setVisible(s.pending)
        self.here_pending.setVisible(s.pending)
        if s.pending:
            self.here_pending.setText(pending_text(here.pending_since, now, self.tz))

    def _show_nearby(self, stores: tuple[StoreStock, ...], now: datetime) -> None:
        grid = self.stores
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.store_rows = []
        self.nearby_empty.setVisible(not stores)
        if not stores:
            return
        for column, (title, right) in enumerate(
            (
                (self.tr("Store"), False),
                (self.tr("Distance"), True),
                (self.tr("Available"), True),
                (self.tr("Today"), False),
                ("", False),
            )
        ):
            head = label(title, name="stockGridHead")
            if right:
                head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(head, 0, column)
        for row, s in enumerate(stores, start=1):
            store = label(
                f"<b>{html.escape(s.code)}</b>&nbsp;&nbsp;"
                f"<span style='color:{theme.MUTED}'>{html.escape(s.city)}</span>",
                name="stockGridCell",
            )
            store.setTextFormat(Qt.TextFormat.RichText)
            store.setToolTip(s.name)
            far = s.stock.distance_km
            distance = label("–" if far is None else f"{decimal(far, 0)} km", name="stockGridCell")
            distance.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            amount = grouped(s.available) + (" *" if s.stock.pending else "")
            available = label(amount, name="stockGridFigure", level=s.level)
            available.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if s.stock.pending:
                available.setToolTip(pending_text(s.pending_since, now, self.tz))
            else:
                available.setToolTip(
                    self.tr("{on_hand} on hand, {reserved} reserved, {safety} safety stock").format(
                        on_hand=grouped(s.stock.on_hand),
                        reserved=grouped(s.stock.reserved),
                        safety=grouped(s.stock.safety_stock),
                    )
                )
            clock = s.clock
            hours = label("–" if clock is None else hours_today(clock), name="stockGridCell")
            state = label(
                chip_text(clock), chip="ok" if clock is not None and clock.open_now else "muted"
            )
            if clock is not None:
                state.setToolTip(
                    self.tr("{status} · {time} there now").format(
                        status=status(clock), time=clock.local_now.strftime("%H:%M")
                    )
                )
            state_box = QWidget()
            state_layout = QHBoxLayout(state_box)
            state_layout.setContentsMargins(0, 6, 0, 6)
            state_layout.addWidget(state)
            state_layout.addStretch(1)
            cells = [store, distance, available, hours]
            for column, cell in enumerate(cells):
                cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                grid.addWidget(cell, row, column)
            grid.addWidget(state_box, row, 4)
            self.store_rows.append([*cells, state])
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(4, 2)
