"""Handing a pickup over: check who collects it, note refused items, confirm.

The collector proves the order is theirs with the 6-digit pickup code (scanned from the
customer's QR or typed), or by an ID check (name, document type and its last digits).
Items the customer refuses at the counter are noted per line with a reason. The dialog
checks what the server would check and can be checked here (the cache's prediction of
``hand_over``), so a wrong code is caught at the counter, offline too.

Scans go to the dialog while it is open (it is a scan target for every kind): the
customer's pickup QR fills in the pickup code; each item may be scanned to check it
against the order (optional: a line shows how many of its units were scanned, and a
product that is not in the order, or one too many, is refused); the order's own bin label
is taken, another bin, another order or a badge is refused with what to do instead.

Confirming writes the command to the outbox at once (``cache.outbox.enqueue``), held
back from the push while the window shows "Handed over — Undo" for a few seconds; then
the hold is released and the push loop woken. Undo takes it back out before it ever
leaves the station; signing out during those seconds releases it at once.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.cache import predict
from desktop_oms.cache.queries import FulfillmentView
from desktop_oms.domain.commands import CommandName
from desktop_oms.domain.errors import DomainError
from desktop_oms.domain.identifiers import (
    BadgeCode,
    BinCode,
    DecodedCode,
    Gs1Code,
    GtinCode,
    OrderCode,
)
from desktop_oms.domain.reasons import ReasonKind, reasons_for
from desktop_oms.gui import theme
from desktop_oms.gui.errortext import error_text
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.scanning import ScanFlash
from desktop_oms.gui.staff import StaffSession
from desktop_oms.gui.words import reason_label
from desktop_oms.scanner.router import ScanRefused
from desktop_oms.scanner.scan import Scan, ScanKind

#: Document types of an ID check (English; translated in context "HandoverDialog").
ID_TYPES = (
    ("id_card", QT_TRANSLATE_NOOP("HandoverDialog", "ID card")),
    ("passport", QT_TRANSLATE_NOOP("HandoverDialog", "Passport")),
    ("driving_licence", QT_TRANSLATE_NOOP("HandoverDialog", "Driving licence")),
    ("other", QT_TRANSLATE_NOOP("HandoverDialog", "Other document")),
)
#: Who the collector is to the customer (English; context "HandoverDialog").
RELATIONSHIPS = (
    ("self", QT_TRANSLATE_NOOP("HandoverDialog", "The customer")),
    ("family", QT_TRANSLATE_NOOP("HandoverDialog", "Family member")),
    ("colleague", QT_TRANSLATE_NOOP("HandoverDialog", "Colleague")),
    ("courier", QT_TRANSLATE_NOOP("HandoverDialog", "Courier")),
    ("other", QT_TRANSLATE_NOOP("HandoverDialog", "Someone else")),
)


@dataclass(frozen=True, slots=True)
class Handover:
    """A confirmed handover: the ``hand_over`` command's target, base version and args."""

    fulfillment_id: int
    order_number: str
    base_version: int
    staff_id: int
    args: dict[str, Any]
    units: int


class Stepper(QWidget):
    """A count with − and + buttons (touch-sized), from 0 to ``maximum``.

    Signal ``valueChanged(int)``: the count changed.
    """

    valueChanged = Signal(int)  # noqa: N815

    def __init__(self, maximum: int, suffix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = 0
        self.maximum = max(0, maximum)
        self.suffix = suffix
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.minus = QPushButton("−", self)
        self.plus = QPushButton("+", self)
        self.label = QLabel("", self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # wide enough for the longest count in any language ("6 geweigerd"), so it never clips
        self.label.ensurePolished()  # the stylesheet's font, not the default one
        widest = self.label.fontMetrics().horizontalAdvance(f"{self.maximum} {suffix}")
        self.label.setMinimumWidth(max(84, widest + 12))
        side = max(42, getattr(theme, "TOUCH_MIN", 40))
        for button in (self.minus, self.plus):
            button.setFixedSize(side, side)
            button.setProperty("stepper", True)
        self.minus.setAccessibleName(self.tr("Fewer {what}").format(what=suffix))
        self.plus.setAccessibleName(self.tr("More {what}").format(what=suffix))
        self.minus.clicked.connect(lambda: self.setValue(self._value - 1))
        self.plus.clicked.connect(lambda: self.setValue(self._value + 1))
        layout.addWidget(self.minus)
        layout.addWidget(self.label)
        layout.addWidget(self.plus)
        self._show()

    def value(self) -> int:
        """The count."""
        return self._value

    def setValue(self, value: int) -> None:  # noqa: N802
        """Set the count (clamped to 0..maximum)."""
        value = min(max(0, value), self.maximum)
        if value != self._value:
            self._value = value
            self._show()
            self.valueChanged.emit(value)

    def _show(self) -> None:
        self.label.setText(f"{self._value} {self.suffix}")
        self.label.setProperty("muted", self._value == 0)
        theme.restyle(self.label)
        self.minus.setEnabled(self._value > 0)
        self.plus.setEnabled(self._value < self.maximum)


class _LineRow:
    """One line of the order: quantity, name, and how many the customer refuses, why."""

    def __init__(self, grid: QGridLayout, row: int, line: dict[str, Any], parent: QWidget) -> None:
        self.line_no = int(line["line_no"])
        self.left = int(line["quantity"] - line["rejected"] - line["refused"])
        self.name = str(line["name"])
        self.sku = str(line["sku"])
        #: Units of this line scanned so far (the optional check of each item).
        self.scanned = 0
        qty = QLabel(f"{self.left}×", parent)
        qty.setStyleSheet("font-weight: 700;")
        self.label = QLabel(parent)
        self.label.setWordWrap(True)
        self.show_scanned()
        self.refused = Stepper(
            self.left, QCoreApplication.translate("HandoverDialog", "refused"), parent
        )
        self.refused.setAccessibleName(
            QCoreApplication.translate("HandoverDialog", "Refused of {name}").format(name=self.name)
        )
        self.refused.setObjectName(f"refused_{self.line_no}")
        self.refused.setEnabled(self.left > 0)
        self.reason = QComboBox(parent)
        self.reason.setObjectName(f"reason_{self.line_no}")
        self.reason.setMinimumWidth(230)
        self.reason.setAccessibleName(
            QCoreApplication.translate("HandoverDialog", "Reason refused: {name}").format(
                name=self.name
            )
        )
        for reason in reasons_for(ReasonKind.REFUSE):
            self.reason.addItem(reason_label(reason.label), reason.code)
        self.reason.setEnabled(False)
        self.refused.valueChanged.connect(lambda n: self.reason.setEnabled(n > 0))
        grid.addWidget(qty, row, 0)
        grid.addWidget(self.label, row, 1)
        grid.addWidget(self.refused, row, 2)
        grid.addWidget(self.reason, row, 3)

    @property
    def to_hand_over(self) -> int:
        """Units of this line going over the counter (left minus refused)."""
        return self.left - self.refused.value()

    def show_scanned(self) -> None:
        """Name and SKU, and how many of its units were scanned, if any."""
        name, sku = html.escape(self.name), html.escape(self.sku)
        text = f"{name}<br><span style='color:{theme.FAINT}; font-size:13px'>{sku}"
        if self.scanned:  # (only after a scan: the stepper exists by then)
            units = self.to_hand_over
            done = self.scanned >= units
            colour = theme.OK if done else theme.WARN
            if done:
                mark = QCoreApplication.translate("HandoverDialog", "✓ scanned")
            else:
                mark = QCoreApplication.translate(
                    "HandoverDialog", "{scanned} of {units} scanned"
                ).format(scanned=self.scanned, units=units)
            text += f"</span> <span style='color:{colour}; font-size:13px; font-weight:700'>"
            text += f"· {mark}"
        self.label.setText(text + "</span>")

    def refusal(self) -> dict[str, Any] | None:
        """The ``refused`` entry of this line, if any."""
        count = self.refused.value()
        if count == 0:
            return None
        return {"line_no": self.line_no, "quantity": count, "reason": self.reason.currentData()}


class HandoverDialog(QDialog):
    """Verify the collector, note refusals, confirm; ``handover`` is set on accept.

    A scan target for every kind of scan while it is open (see the module's docstring).
    """

    scan_target_name = "Handover"

    def __init__(
        self,
        view: FulfillmentView,
        session: StaffSession,
        *,
        store_id: int,
        pickup_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.session = session
        self.store_id = store_id
        self.handover: Handover | None = None
        #: Barcode (lookup key) -> SKU of the order's products, once read (set_barcodes).
        self.barcodes: dict[str, str] | None = None
        self._scan_error = False
        doc = view.doc
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Hand over {order}").format(order=view.doc["order_number"]))
        self.setMinimumWidth(820)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(14)

        title = QLabel(self.tr("Hand over {order}").format(order=doc["order_number"]), self)
        title.setObjectName("signInTitle")
        layout.addWidget(title)
        who = doc["customer"]["name"]
        alternate = doc["order"].get("alternate_pickup_name")
        if alternate:
            sub = self.tr("For {customer} — may be collected by {collector}").format(
                customer=who, collector=alternate
            )
        else:
            sub = self.tr("For {customer}").format(customer=who)
        sub += " · " + self.tr("bin {bin}").format(bin=doc.get("bin") or "—")
        subtitle = QLabel(sub, self)
        subtitle.setProperty("muted", True)
        layout.addWidget(subtitle)

        layout.addWidget(self._section(self.tr("WHO COLLECTS")))
        switch = QHBoxLayout()
        self.by_code = QPushButton(self.tr("Pickup code"), self)
        self.by_code.setObjectName("byCodeButton")
        self.by_id = QPushButton(self.tr("ID check"), self)
        self.by_id.setObjectName("byIdButton")
        group = QButtonGroup(self)
        for button in (self.by_code, self.by_id):
            button.setCheckable(True)
            button.setProperty("segment", True)
            group.addButton(button)
            switch.addWidget(button)
        switch.addStretch(1)
        layout.addLayout(switch)
        code_page = QWidget(self)
        code_form = _form(code_page)
        self.code = QLineEdit(code_page)
        self.code.setObjectName("pickupCodeEdit")
        self.code.setPlaceholderText(self.tr("6 digits from the customer's e-mail or QR"))
        self.code.setMaxLength(6)
        _row(code_form, self.tr("Pickup code"), self.code)
        id_page = QWidget(self)
        id_form = _form(id_page)
        self.collector = QLineEdit(alternate or who, id_page)
        self.collector.setObjectName("collectorEdit")
        self.id_type = QComboBox(id_page)
        self.id_type.setObjectName("idTypeCombo")
        for value, label in ID_TYPES:
            self.id_type.addItem(QCoreApplication.translate("HandoverDialog", label), value)
        self.id_digits = QLineEdit(id_page)
        self.id_digits.setObjectName("idDigitsEdit")
        self.id_digits.setPlaceholderText(self.tr("last 3–6 characters of the document number"))
        self.id_digits.setMaxLength(6)
        self.relationship = QComboBox(id_page)
        self.relationship.setObjectName("relationshipCombo")
        for value, label in RELATIONSHIPS:
            self.relationship.addItem(QCoreApplication.translate("HandoverDialog", label), value)
        if alternate:
            self.relationship.setCurrentIndex(1)
        _row(id_form, self.tr("Collector"), self.collector)
        _row(id_form, self.tr("Document"), self.id_type)
        _row(id_form, self.tr("Last digits"), self.id_digits)
        _row(id_form, self.tr("Relation"), self.relationship)
        self.pages = (code_page, id_page)
        layout.addWidget(code_page)
        layout.addWidget(id_page)
        id_page.hide()
        self.by_code.toggled.connect(lambda on: self._show_proof(0, on))
        self.by_id.toggled.connect(lambda on: self._show_proof(1, on))
        if pickup_code:
            self.code.setText(pickup_code)
            self.code.setReadOnly(True)
            self.code.setToolTip(self.tr("Scanned from the customer's pickup QR"))

        layout.addWidget(self._section(self.tr("ITEMS")))
        items = QFrame(self)
        items.setProperty("card", True)
        items.setMinimumWidth(760)
        grid = QGridLayout(items)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        self.lines = [_LineRow(grid, n, line, items) for n, line in enumerate(doc.get("lines", []))]
        layout.addWidget(items)
        self.scan_hint = QLabel("", self)
        self.scan_hint.setObjectName("scanHint")
        self.scan_hint.setWordWrap(True)
        layout.addWidget(self.scan_hint)

        self.error = QLabel("", self)
        self.error.setObjectName("signInError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        self.confirm = QPushButton("", self)
        self.confirm.setObjectName("confirmHandover")
        self.confirm.setProperty("accent", True)
        self.confirm.setDefault(True)
        self.confirm.setIcon(theme.icon("check", "#FFFFFF"))
        self.confirm.clicked.connect(self._confirm)
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm)
        layout.addLayout(buttons)
        self.by_code.setChecked(True)
        for row in self.lines:
            row.refused.valueChanged.connect(self._count)
        self._count()
        self.flash = ScanFlash(self)
        (self.code if not pickup_code else self.confirm).setFocus()

    def _show_proof(self, page: int, checked: bool) -> None:
        if checked:
            for n, widget in enumerate(self.pages):
                widget.setVisible(n == page)
            self.error.hide()
            self._fit()

    def _fit(self) -> None:
        """Grow or shrink to what is shown now (a page switched, an error appeared)."""
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()
        # not adjustSize(): it caps a window at 2/3 of the screen
        self.resize(self.width(), self.sizeHint().expandedTo(self.minimumSizeHint()).height())

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        label.setProperty("section", True)
        return label

    def units(self) -> int:
        """How many units go over the counter (all left minus the refused)."""
        return sum(row.left - row.refused.value() for row in self.lines)

    def _count(self) -> None:
        units = self.units()
        self.confirm.setText(self.tr("Hand over %n item(s)", "", units))
        for row in self.lines:
            row.show_scanned()
        self._show_scan_progress()

    # --- scans -----------------------------------------------------------------------------

    def set_barcodes(self, barcodes: Mapping[str, str]) -> None:
        """The barcodes of the order's products (lookup key -> SKU), read by the queue."""
        self.barcodes = dict(barcodes)

    def accepts(self, kind: ScanKind) -> bool:
        """Every scan comes here while the handover is open (nothing opens behind it)."""
        return True

    def handle(self, scan: Scan, code: DecodedCode) -> None:
        """Use a scan for this handover, or refuse it (ScanRefused) saying why."""
        number = str(self.view.doc["order_number"])
        if isinstance(code, OrderCode):
            if code.order_number != number:
                raise ScanRefused(
                    self.tr(
                        "This handover is for {order}: finish or cancel it before opening {other}"
                    ).format(order=number, other=code.order_number)
                )
            if code.pickup_code is not None:
                self._scanned_pickup_code(code.pickup_code)
        elif isinstance(code, GtinCode | Gs1Code):
            self._scanned_item(scan, code)
        elif isinstance(code, BinCode):
            bin_name = self.view.doc.get("bin")
            if code.bin != bin_name:
                raise ScanRefused(
                    self.tr("{order} waits in bin {bin}, not in {scanned}").format(
                        order=number, bin=bin_name or "—", scanned=code.bin
                    )
                )
        elif isinstance(code, BadgeCode):
            raise ScanRefused(self.tr("Finish or cancel the handover before switching user"))

    def _scanned_pickup_code(self, pickup_code: str) -> None:
        if pickup_code != self.view.doc.get("pickup_code"):
            raise ScanRefused(
                self.tr(
                    "The pickup code in this QR does not match this order: "
                    "check the customer's e-mail, or do an ID check"
                )
            )
        self.by_code.setChecked(True)
        self.code.setText(pickup_code)
        self.code.setReadOnly(True)
        self.code.setToolTip(self.tr("Scanned from the customer's pickup QR"))
        self.confirm.setFocus()

    def _scanned_item(self, scan: Scan, code: GtinCode | Gs1Code) -> None:
        if self.barcodes is None:
            raise ScanRefused(self.tr("Still reading this order's barcodes — scan the item again"))
        text = scan.text.strip()
        keys = code.lookup_keys if isinstance(code, GtinCode) else (code.gtin14,)
        sku = next(
            (self.barcodes[k] for k in (*keys, text, text.upper()) if k in self.barcodes), None
        )
        rows = [row for row in self.lines if row.sku == sku]
        if not rows:
            raise ScanRefused(self.tr("This product is not in this order — check the item"))
        row = next((r for r in rows if r.scanned < r.to_hand_over), None)
        if row is None:
            units = sum(r.to_hand_over for r in rows)
            raise ScanRefused(
                self.tr("{name}: all {units} to hand over are scanned already").format(
                    name=rows[0].name, units=units
                )
                if units
                else self.tr("{name} is refused: it stays here").format(name=rows[0].name)
            )
        row.scanned += 1
        row.show_scanned()
        self._show_scan_progress()

    def scanned_units(self) -> int:
        """Units scanned so far, counting no line beyond what goes over the counter."""
        return sum(min(row.scanned, row.to_hand_over) for row in self.lines)

    def _show_scan_progress(self) -> None:
        units, scanned = self.units(), self.scanned_units()
        if scanned == 0:
            state, text = "", self.tr("Scan each item to check it against the order (optional).")
        elif scanned < units:
            text = self.tr("{scanned} of {units} items scanned").format(
                scanned=scanned, units=units
            )
            state = "partial"
        else:
            state, text = "done", self.tr("✓ All %n item(s) scanned", "", units)
        self.scan_hint.setText(text)
        if self.scan_hint.property("state") != state:
            self.scan_hint.setProperty("state", state)
            theme.restyle(self.scan_hint)

    def show_scan_feedback(self, good: bool, message: str) -> None:
        """The flash of a scan made with the dialog open; a refusal is said in the dialog."""
        self.flash.flash(good)
        if not good and message:
            self.error.setText(message)
            self.error.show()
            self._scan_error = True
            self._fit()
        elif good and self._scan_error:
            self.error.hide()
            self._scan_error = False
            self._fit()

    def args(self) -> dict[str, Any]:
        """The ``hand_over`` command's arguments as entered."""
        verification: dict[str, Any]
        if self.by_code.isChecked():
            verification = {"method": "pickup_code", "pickup_code": self.code.text().strip()}
        else:
            verification = {
                "method": "id_check",
                "collector_name": self.collector.text().strip(),
                "id_type": self.id_type.currentData(),
                "id_last_digits": self.id_digits.text().strip().upper(),
                "relationship": self.relationship.currentData(),
            }
        refused = [r for r in (row.refusal() for row in self.lines) if r is not None]
        return {"verification": verification, "refused": refused}

    def _confirm(self) -> None:
        self._scan_error = False
        args = self.args()
        ctx = predict.Context(self.session.role, self.store_id, datetime.now(UTC))
        try:  # what the server checks that can be checked here
            predict.fulfillment(ctx, CommandName.HAND_OVER, self.view.doc, self.view.version, args)
        except DomainError as exc:
            self.error.setText(_explain(exc))
            self.error.show()
            self._fit()
            return
        self.handover = Handover(
            fulfillment_id=self.view.id,
            order_number=str(self.view.doc["order_number"]),
            base_version=self.view.version,
            staff_id=self.session.staff_id,
            args=args,
            units=self.units(),
        )
        self.accept()


def _form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setContentsMargins(0, 0, 0, 0)
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _row(form: QFormLayout, text: str, field: QWidget) -> None:
    label = QLabel(text)
    label.setMinimumHeight(42)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    label.setBuddy(field)
    label.setMinimumWidth(110)
    field.setMinimumHeight(42)
    form.addRow(label, field)


#: The words for the fields an ID check needs (English; context "HandoverDialog").
_FIELD_WORDS = {
    "collector_name": QT_TRANSLATE_NOOP("HandoverDialog", "the collector's name"),
    "id_type": QT_TRANSLATE_NOOP("HandoverDialog", "the document type"),
    "id_last_digits": QT_TRANSLATE_NOOP("HandoverDialog", "the last digits of the document number"),
}


def _explain(exc: DomainError) -> str:
    """The check's refusal in the station's language (the domain words it in English)."""
    if exc.code == "verification_failed":
        return QCoreApplication.translate(
            "HandoverDialog",
            "The pickup code does not match this order. Check it, or do an ID check.",
        )
    if exc.code == "missing_requirement":
        text = exc.message.split(": ", 1)[-1]
        if "pickup code" in text:
            text = QCoreApplication.translate("HandoverDialog", "the 6-digit pickup code")
        for field, words in _FIELD_WORDS.items():
            text = text.replace(field, QCoreApplication.translate("HandoverDialog", words))
        return QCoreApplication.translate("HandoverDialog", "Still needed: {what}.").format(
            what=text
        )
    text = error_text(exc)
    return text[:1].upper() + text[1:]
