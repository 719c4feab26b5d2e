"""The product panel: what a scanned product is and how many this store has.

A product barcode scanned where no workflow takes it (the pickup queue, the conflict
inbox) shows this small card at the top right of the window: the product's name, SKU,
department and price, the code as read (with batch and expiry from a GS1 code), the stock
here (available to promise, on hand, reserved, safety stock) and the nearest stores that
have it. It takes no focus and blocks nothing: the next scan replaces it, its close button
or a minute without use hides it. Its "Open in Stock" link shows the product on the Stock
page (:mod:`desktop_oms.gui.stock.view`), with every barcode, nearby stores' hours and the
age of the figures; on that page a scan opens the product there instead of this panel.

The lookup (:func:`look_up`) runs on the database worker.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsDropShadowEffect,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import Connection

from desktop_oms.cache import queries
from desktop_oms.cache.queries import ProductRow, StockRow
from desktop_oms.domain.identifiers import Gs1Code, GtinCode, IdentifierKind
from desktop_oms.gui import theme
from desktop_oms.gui.numbers import money
from desktop_oms.scanner.scan import ProductCode

#: The panel hides after this long (the next scan replaces it sooner).
SHOW_MS = 60_000
#: Other stores listed (nearest first, those with stock to promise).
NEARBY = 3
WIDTH = 420


@dataclass(frozen=True, slots=True)
class ProductInfo:
    """A product found by a scanned code, with its stock here and nearby."""

    code: str
    product: ProductRow
    here: StockRow | None
    nearby: tuple[StockRow, ...]


def look_up(conn: Connection, raw: str, store_id: int) -> ProductInfo | None:
    """Disk: the product a scanned code names and its stock, or None if none has it."""
    product = queries.product_by_identifier(conn, raw)
    if product is None:
        return None
    stock = queries.inventory_for(conn, product.sku)
    here = next((s for s in stock if s.store_id == store_id), None)
    others = [s for s in stock if s.store_id != store_id and s.available > 0]
    return ProductInfo(raw, product, here, tuple(others[:NEARBY]))


def code_text(code: ProductCode) -> str:
    """The code as read, in words: ``EAN-13 8712345678905``, GS1 fields spelled out."""
    if isinstance(code, GtinCode):
        kind = "UPC-E" if code.kind is IdentifierKind.UPC_E else code.kind.value
        return f"{kind} {code.digits}"
    assert isinstance(code, Gs1Code)
    parts = [f"GTIN {code.gtin14}"]
    if code.batch:
        parts.append(
            QCoreApplication.translate("ProductPanel", "batch {batch}").format(batch=code.batch)
        )
    if code.expiry is not None:
        parts.append(
            QCoreApplication.translate("ProductPanel", "expires {date}").format(
                date=code.expiry.isoformat()
            )
        )
    if code.serial:
        parts.append(
            QCoreApplication.translate("ProductPanel", "serial {serial}").format(serial=code.serial)
        )
    return " · ".join(parts)


def _label(text: str = "", *, name: str | None = None, **props: object) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    for key, value in props.items():
        label.setProperty(key, value)
    return label


class ProductPanel(QFrame):
    """The card of the last product scanned outside a workflow that takes products.

    Signals: ``closed()``: it was closed (button) or hid itself after a while;
    ``openInStock(str)`` with the SKU shown when "Open in Stock" is clicked.
    """

    closed = Signal()
    openInStock = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("productPanel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFixedWidth(WIDTH)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(32)
        shadow.setOffset(0, 8)
        shadow.setColor(QColor(15, 23, 42, 60))
        self.setGraphicsEffect(shadow)
        self.info: ProductInfo | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 12, 18)
        layout.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(8)
        icon = QLabel(self)
        icon.setPixmap(theme.pixmap("scan", theme.MUTED, 18, self.devicePixelRatioF()))
        head.addWidget(icon)
        head.addWidget(_label(self.tr("SCANNED PRODUCT"), section=True))
        head.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeProduct")
        self.close_button.setProperty("flat", True)
        self.close_button.setIcon(theme.icon("close", theme.MUTED))
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setFixedWidth(max(44, getattr(theme, "TOUCH_MIN", 40)))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.dismiss)
        head.addWidget(self.close_button)
        layout.addLayout(head)

        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(6)
        self.name = _label(name="productName")
        self.meta = _label(muted=True)
        self.code = _label(faint=True)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.name)
        body.addWidget(self.meta)
        body.addWidget(self.code)

        self.stock_box = QFrame(self)
        self.stock_box.setObjectName("stockBox")
        stock = QGridLayout(self.stock_box)
        stock.setContentsMargins(16, 12, 16, 12)
        stock.setHorizontalSpacing(14)
        stock.setVerticalSpacing(2)
        self.available = _label(name="stockAvailable")
        self.available.setWordWrap(False)
        self.available.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.here_title = _label(name="stockHere")
        self.stock_chip = _label(chip="ok")
        self.stock_chip.setWordWrap(False)
        self.stock_detail = _label(muted=True)
        title_row = QHBoxLayout()
        title_row.setSpacing(8)
        title_row.addWidget(self.here_title)
        title_row.addWidget(self.stock_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addStretch(1)
        stock.addLayout(title_row, 0, 0)
        stock.addWidget(self.stock_detail, 1, 0)
        stock.addWidget(self.available, 0, 1, 2, 1)
        stock.setColumnStretch(0, 1)
        body.addSpacing(6)
        body.addWidget(self.stock_box)

        self.nearby_title = _label(self.tr("NEARBY STORES WITH STOCK"), section=True)
        self.nearby = _label(name="nearbyStock")
        self.nearby.setTextFormat(Qt.TextFormat.RichText)
        body.addSpacing(4)
        body.addWidget(self.nearby_title)
        body.addWidget(self.nearby)
        self.open_stock = QPushButton(self.tr("Open in Stock  →"), self)
        self.open_stock.setObjectName("openInStock")
        self.open_stock.setProperty("flat", True)
        self.open_stock.setIcon(theme.icon("stock", theme.ACCENT))
        self.open_stock.setToolTip(self.tr("Every barcode, nearby stores' opening hours, and more"))
        self.open_stock.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_stock.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_stock.clicked.connect(self._open_in_stock)
        body.addSpacing(2)
        body.addWidget(self.open_stock, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_MS)
        self._timer.timeout.connect(self.dismiss)
        parent.installEventFilter(self)
        self.hide()

    def show_product(self, info: ProductInfo, code: ProductCode, store_code: str = "") -> None:
        """Show ``info`` (found by ``code``) on top of the window, for a while."""
        self.info = info
        p = info.product
        self.name.setText(p.name)
        parts = [p.sku, p.department, money(p.price_minor, p.currency)]
        self.meta.setText("  ·  ".join(x for x in parts if x))
        self.code.setText(code_text(code))
        here = info.here
        where = (
            self.tr("Here ({store})").format(store=store_code) if store_code else self.tr("Here")
        )
        self.here_title.setText(where)
        if here is None:
            self.available.setText("–")
            self.stock_detail.setText(self.tr("This store does not stock it."))
            chip, chip_text = "muted", self.tr("Not stocked")
        else:
            locale = QLocale()
            self.available.setText(locale.toString(here.available))
            detail = self.tr("available · {on_hand} on hand, {reserved} reserved").format(
                on_hand=locale.toString(here.on_hand), reserved=locale.toString(here.reserved)
            )
            if here.safety_stock:
                detail += ", " + self.tr("{count} safety stock").format(
                    count=locale.toString(here.safety_stock)
                )
            if here.pending:
                detail += " · " + self.tr("includes changes not yet sent")
            self.stock_detail.setText(detail)
            if here.available == 0:
                chip, chip_text = "bad", self.tr("Out of stock")
            elif here.available <= 2:
                chip, chip_text = "warn", self.tr("Low stock")
            else:
                chip, chip_text = "ok", self.tr("In stock")
        self.stock_chip.setText(chip_text)
        self.stock_chip.setProperty("chip", chip)
        theme.restyle(self.stock_chip)
        self.available.setProperty("state", chip)
        theme.restyle(self.available)
        rows = []
        for s in info.nearby:
            name = html.escape(s.store_name or self.tr("Store {id}").format(id=s.store_id))
            code_part = html.escape(s.store_code or "")
            far = f" · {s.distance_km:.0f} km" if s.distance_km is not None else ""
            rows.append(
                f"<tr><td><b>{code_part}</b>&nbsp;&nbsp;</td>"
                f"<td style='color:{theme.MUTED}'>{name}{far}&nbsp;&nbsp;</td>"
                f"<td align='right'><b>{QLocale().toString(s.available)}</b></td></tr>"
            )
        self.nearby.setText(
            f"<table cellspacing='0' cellpadding='2' width='100%'>{''.join(rows)}</table>"
        )
        self.nearby_title.setVisible(bool(rows))
        self.nearby.setVisible(bool(rows))
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _open_in_stock(self) -> None:
        if self.info is not None:
            self.openInStock.emit(self.info.product.sku)

    def dismiss(self) -> None:
        """Hide the panel (emits ``closed`` if it was showing)."""
        self._timer.stop()
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        layout = self.layout()
        height = self.sizeHint().height()
        if layout is not None:
            layout.activate()
            if layout.hasHeightForWidth():  # wrapped text: as tall as it is at this width
                height = layout.totalHeightForWidth(WIDTH)
        self.resize(WIDTH, height)
        top = 0
        bar = parent.findChild(QFrame, "topBar")
        if bar is not None and bar.isVisible():
            top = bar.geometry().bottom() + 1
        self.move(parent.width() - self.width() - 24, top + 16)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Stay at the top right when the window resizes."""
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False
