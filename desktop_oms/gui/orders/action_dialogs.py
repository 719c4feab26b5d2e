"""The dialogs of the order modifications: one per change, each asking only what that
change needs and saying what it will do.

Every dialog takes the order's :class:`~desktop_oms.cache.ordercmds.OrderFacts` (read by
:class:`~desktop_oms.gui.orders.actions.OrderActions`) and, when accepted, holds the
command's arguments in :attr:`ActionDialog.args` and a one-line :attr:`ActionDialog.summary`
(shown to an approving manager and in the message after queuing). A mistake is named
under the fields and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.cache.ordercmds import (
    COUNTRIES,
    LineFacts,
    OrderFacts,
    OrderRefused,
    StoreChoice,
    address_problems,
    change_quantity_args,
    contact_args,
    released,
)

_Index = QModelIndex | QPersistentModelIndex


def _line_text(line: LineFacts) -> str:
    return f"Line {line.line_no} · {line.name} ({line.sku}) · {line.active} ordered"


class ActionDialog(QDialog):
    """The frame every modification dialog shares: title, order, fields, a message, and
    the buttons. Subclasses add fields and implement :meth:`build`."""

    ok_text = "Queue change"

    def __init__(self, title: str, facts: OrderFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(640)
        self.facts = facts
        self.args: dict[str, Any] = {}
        self.summary = ""
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 20, 24, 18)
        self.layout_.setSpacing(12)
        heading = QLabel(f"{title} — {facts.number}", self)
        heading.setObjectName("conflictTitle")
        heading.setWordWrap(True)
        self.layout_.addWidget(heading)
        who = QLabel(f"{facts.customer_name} · {facts.phone} · {facts.email}", self)
        who.setProperty("muted", True)
        self.layout_.addWidget(who)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.layout_.addLayout(self.form)
        self.note = QLabel("", self)
        self.note.setWordWrap(True)
        self.note.setProperty("muted", True)
        self.note.hide()
        self.error = QLabel("", self)
        self.error.setObjectName("actionError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B91C1C;")
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton("Back", self)
        self.cancel_button.setToolTip("Close without changing anything")
        self.cancel_button.setAutoDefault(False)  # Enter queues (the default), never cancels
        self.cancel_button.clicked.connect(self.reject)
        self.ok = QPushButton(self.ok_text, self)
        self.ok.setProperty("accent", True)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok)
        self._buttons = buttons

    def finish_layout(self) -> None:
        """Add the note, message and buttons below the subclass's fields."""
        self.layout_.addWidget(self.note)
        self.layout_.addWidget(self.error)
        self.layout_.addLayout(self._buttons)

    def say(self, text: str) -> None:
        """Show a note about what the change will do."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def show_error(self, message: str) -> None:
        """Name what is wrong (or why it cannot be done) under the fields."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def build(self) -> tuple[dict[str, Any], str]:
        """The command's arguments and a one-line summary; OrderRefused when not valid."""
        raise NotImplementedError

    def accept(self) -> None:
        """Close with the arguments when the fields are valid, else say what is wrong."""
        try:
            self.args, self.summary = self.build()
        except OrderRefused as refused:
            self.show_error(refused.message)
            return
        self.show_error("")
        super().accept()


def _reason_combo(parent: QWidget, reasons: Sequence[tuple[str, str]], name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setMinimumHeight(40)
    combo.addItem("Choose a reason…", "")
    for code, label in reasons:
        combo.addItem(label, code)
    return combo


def _reason(combo: QComboBox) -> str:
    code = str(combo.currentData() or "")
    if not code:
        raise OrderRefused("Choose a reason.")
    return code


# --- lines ---------------------------------------------------------------------------------


class ChangeQuantityDialog(ActionDialog):
    """Lower a line's quantity (to 0 with ``cancel_line``: cancel the line), with a reason."""

    def __init__(
        self,
        facts: OrderFacts,
        reasons: Sequence[tuple[str, str]],
        *,
        cancel_line: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Cancel a line" if cancel_line else "Change quantity", facts, parent)
        self.ok.setText("Cancel line" if cancel_line else "Change quantity")
        self.cancel_line = cancel_line
        self.line = QComboBox(self)
        self.line.setObjectName("actionLine")
        self.line.setMinimumHeight(40)
        for line in facts.lines:
            if line.changeable > 0:
                self.line.addItem(_line_text(line), line.line_no)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("actionQuantity")
        self.quantity.setMinimumHeight(40)
        self.reason = _reason_combo(self, reasons, "actionReason")
        self.form.addRow("Line", self.line)
        if not cancel_line:
            self.form.addRow("New quantity", self.quantity)
        self.form.addRow("Reason", self.reason)
        self.finish_layout()
        self.line.currentIndexChanged.connect(self._line_changed)
        self.quantity.valueChanged.connect(self._explain)
        self._line_changed()

    def chosen_line(self) -> LineFacts | None:
        """The line picked."""
        value = self.line.currentData()
        return None if value is None else self.facts.line(int(value))

    def _line_changed(self) -> None:
        line = self.chosen_line()
        if line is None:
            return
        self.quantity.setRange(line.lowest, line.active)
        self.quantity.setValue(
            line.lowest if self.cancel_line else max(line.lowest, line.active - 1)
        )
        self._explain()

    def _explain(self) -> None:
        line = self.chosen_line()
        if line is None:
            return
        if self.cancel_line:
            kept = f" ({line.lowest} already picked stay)" if line.lowest else ""
            self.say(f"The {line.changeable} not yet picked of {line.name} are released{kept}.")
        else:
            gone = line.active - self.quantity.value()
            self.say(
                f"{gone} of {line.name} released; the customer is refunded for them."
                if gone
                else f"Lower the quantity: at most {line.active}, at least {line.lowest}."
            )

    def build(self) -> tuple[dict[str, Any], str]:
        """``change_quantity`` arguments (quantity 0 or what is past picking for a cancel)."""
        line = self.chosen_line()
        if line is None:
            raise OrderRefused("Nothing of this order can be changed any more.")
        quantity = line.lowest if self.cancel_line else self.quantity.value()
        args = change_quantity_args(self.facts, line.line_no, quantity, _reason(self.reason))
        if self.cancel_line:
            return args, f"Cancel line {line.line_no} ({line.name}) of {self.facts.number}"
        return args, (
            f"Change line {line.line_no} ({line.name}) of {self.facts.number} "
            f"from {line.active} to {quantity}"
        )


class CancelOrderDialog(ActionDialog):
    """Cancel the whole order: a reason (required), a note, and what it releases."""

    ok_text = "Cancel the order"

    def __init__(
        self, facts: OrderFacts, reasons: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__("Cancel order", facts, parent)
        self.ok.setText(f"Cancel order {facts.number}")
        self.ok.setProperty("accent", False)
        self.ok.setProperty("danger", True)  # red outline: it cannot be undone
        self.reason = _reason_combo(self, reasons, "actionReason")
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("actionNote")
        self.note_edit.setPlaceholderText("Optional note (what the customer said)")
        self.note_edit.setMinimumHeight(40)
        self.form.addRow("Reason", self.reason)
        self.form.addRow("Note", self.note_edit)
        self.finish_layout()
        freed = released(facts)
        self.say(
            "This releases: " + "; ".join(freed) + ". The customer is told and refunded."
            if freed
            else "Nothing is reserved for this order any more."
        )

    def build(self) -> tuple[dict[str, Any], str]:
        """``cancel_order`` arguments."""
        args: dict[str, Any] = {"reason": _reason(self.reason)}
        note = self.note_edit.text().strip()
        if note:
            args["note"] = note[:500]
        return args, f"Cancel order {self.facts.number} ({self.reason.currentText()})"


# --- stores --------------------------------------------------------------------------------


class StoreChoiceModel(QAbstractTableModel):
    """Stores to choose from: name, distance, today's hours and the units of each SKU."""

    def __init__(
        self,
        choices: Sequence[StoreChoice],
        need: Mapping[str, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.choices = list(choices)
        self.need = dict(need)
        self.skus = list(need)
        self.headers = ["Store", "Distance", "Open today", *self.skus]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """One row per store (none under a parent: a flat table)."""
        return 0 if parent.isValid() else len(self.choices)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Store, distance, hours and one column per SKU."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles (the SKUs name their columns)."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, tooltip, alignment and (for stock short of the need) colour."""
        if not index.isValid() or not 0 <= index.row() < len(self.choices):
            return None
        store, col = self.choices[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{store.code} · {store.name}"
            if col == 1:
                return "" if store.distance_km is None else f"{store.distance_km:.1f} km"
            if col == 2:
                return store.hours
            units = store.available.get(self.skus[col - 3])
            return "not known" if units is None else str(units)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{store.name}, {store.city}"
        if role == Qt.ItemDataRole.ToolTipRole and col >= 3:
            sku = self.skus[col - 3]
            units = store.available.get(sku)
            if units is None:
                return f"{sku}: this station does not see that store's stock; the server checks"
            return f"{sku}: {units} available, {self.need[sku]} needed"
        if role == Qt.ItemDataRole.ForegroundRole and col >= 3:
            from PySide6.QtGui import QColor

            units = store.available.get(self.skus[col - 3])
            if units is None:
                return QColor("#8A93A1")
            return QColor("#B91C1C") if units < self.need[self.skus[col - 3]] else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def store_at(self, row: int) -> StoreChoice | None:
        """The store of ``row``."""
        return self.choices[row] if 0 <= row < len(self.choices) else None


def _store_table(parent: QWidget, model: StoreChoiceModel, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(40)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(44 + 40 * min(6, max(4, model.rowCount())))
    return table


def _chosen_store(table: QTableView, model: StoreChoiceModel) -> StoreChoice | None:
    rows = table.selectionModel().selectedRows()
    return model.store_at(rows[0].row()) if rows else None


def _need(facts: OrderFacts) -> dict[str, int]:
    need: dict[str, int] = {}
    for line in facts.lines:
        if line.changeable > 0:
            need[line.sku] = need.get(line.sku, 0) + line.changeable
    return need


class ChangePickupStoreDialog(ActionDialog):
    """Move the pickup to a nearby store, showing what each has of the order's items."""

    ok_text = "Move the pickup"

    def __init__(
        self, facts: OrderFacts, choices: Sequence[StoreChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__("Change pickup store", facts, parent)
        self.setMinimumWidth(780)
        self.model = StoreChoiceModel(choices, _need(facts), self)
        self.table = _store_table(self, self.model, "actionStores")
        self.layout_.addWidget(self.table)
        self.finish_layout()
        self.say(
            "Stock as this station last synced it. The server decides: if the store cannot "
            "serve the order any more the change is refused and shows in Conflicts."
        )
        best = next((i for i, c in enumerate(choices) if c.has_all(self.model.need)), 0)
        if choices:
            self.table.selectRow(best)

    def build(self) -> tuple[dict[str, Any], str]:
        """``change_pickup_store`` arguments."""
        store = _chosen_store(self.table, self.model)
        if store is None:
            raise OrderRefused("Pick the store the customer will collect from.")
        short = store.short_of(self.model.need)
        if short:
            raise OrderRefused(
                f"{store.code} does not have enough of {', '.join(short)}: pick a store with "
                "every item in stock."
            )
        return {
            "store_id": store.id
        }, f"Move pickup of {self.facts.number} to {store.code} {store.name}"


class ChangeDeliveryDialog(ActionDialog):
    """Switch between pickup at a store and delivery to an address."""

    ok_text = "Switch"

    def __init__(
        self,
        facts: OrderFacts,
        choices: Sequence[StoreChoice],
        reasons: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Pickup or delivery", facts, parent)
        self.setMinimumWidth(780)
        self.to_delivery = QRadioButton("Deliver to an address", self)
        self.to_delivery.setObjectName("actionToDelivery")
        self.to_pickup = QRadioButton("Pick up at a store", self)
        self.to_pickup.setObjectName("actionToPickup")
        group = QButtonGroup(self)
        group.addButton(self.to_delivery)
        group.addButton(self.to_pickup)
        row = QHBoxLayout()
        row.addWidget(self.to_delivery)
        row.addWidget(self.to_pickup)
        row.addStretch(1)
        self.layout_.insertLayout(2, row)
        self.fields: dict[str, QLineEdit] = {}
        address = dict(facts.ship_to or {})
        for key, label, default in (
            ("name", "Recipient", address.get("name") or facts.customer_name),
            ("line1", "Street and number", address.get("line1", "")),
            ("line2", "Address line 2", address.get("line2", "")),
            ("postal_code", "Postal code", address.get("postal_code", "")),
            ("city", "City", address.get("city", "")),
            ("phone", "Phone", address.get("phone") or facts.phone),
        ):
            edit = QLineEdit(str(default or ""), self)
            edit.setObjectName(f"address_{key}")
            edit.setMinimumHeight(36)
            self.fields[key] = edit
            self.form.addRow(label, edit)
        self.country = QComboBox(self)
        self.country.setObjectName("address_country")
        for code in COUNTRIES:
            self.country.addItem(code, code)
        self.country.setCurrentIndex(max(0, self.country.findData(address.get("country", "NL"))))
        self.form.addRow("Country", self.country)
        self.service = QComboBox(self)
        self.service.setObjectName("actionService")
        self.service.addItem("Standard", "standard")
        self.service.addItem("Express", "express")
        self.form.addRow("Shipping", self.service)
        self.address_rows = self.form.rowCount()
        self.reason = _reason_combo(self, reasons, "actionReason")
        self.form.addRow("Reason", self.reason)
        self.model = StoreChoiceModel(choices, _need(facts), self)
        self.table = _store_table(self, self.model, "actionStores")
        self.layout_.insertWidget(3, self.table)
        self.finish_layout()
        self.to_delivery.toggled.connect(self._mode_changed)
        (self.to_delivery if facts.pickup else self.to_pickup).setChecked(True)
        self._mode_changed()

    def _mode_changed(self) -> None:
        delivery = self.to_delivery.isChecked()
        for i in range(self.address_rows):
            self.form.setRowVisible(i, delivery)
        self.table.setVisible(not delivery)
        if (
            not delivery
            and self.model.rowCount()
            and not self.table.selectionModel().hasSelection()
        ):
            self.table.selectRow(
                next((i for i, c in enumerate(self.model.choices) if c.has_all(self.model.need)), 0)
            )
        self.say(
            "What is not yet packed is re-routed to ship to this address; refused when the "
            "goods already left the store."
            if delivery
            else "The goods are re-routed for pickup at the store chosen."
        )

    def address(self) -> dict[str, str]:
        """The address typed."""
        out = {key: edit.text().strip() for key, edit in self.fields.items()}
        out["country"] = str(self.country.currentData())
        return out

    def build(self) -> tuple[dict[str, Any], str]:
        """``change_delivery`` arguments."""
        reason = _reason(self.reason)
        if self.to_delivery.isChecked():
            address = self.address()
            problems = address_problems(address)
            if problems:
                first = next(iter(problems))
                self.fields.get(first, self.fields["name"]).setFocus()
                raise OrderRefused(" ".join(problems.values()))
            if not address["line2"]:
                del address["line2"]
            if not address["phone"]:
                del address["phone"]
            args: dict[str, Any] = {
                "method": "delivery",
                "store_id": None,
                "address": address,
                "shipping_service": str(self.service.currentData()),
                "reason": reason,
            }
            return args, f"Deliver {self.facts.number} to {address['line1']}, {address['city']}"
        store = _chosen_store(self.table, self.model)
        if store is None:
            raise OrderRefused("Pick the store the customer will collect from.")
        args = {"method": "pickup", "store_id": store.id, "address": None, "reason": reason}
        return args, f"Pick up {self.facts.number} at {store.code} {store.name}"


class ReplaceItemDialog(ActionDialog):
    """Replace damaged units of a line from another location that has stock."""

    ok_text = "Replace"

    def __init__(
        self,
        facts: OrderFacts,
        sources: Mapping[int, Sequence[StoreChoice]],
        reasons: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Replace a damaged item", facts, parent)
        self.setMinimumWidth(780)
        self.sources = sources
        self.line = QComboBox(self)
        self.line.setObjectName("actionLine")
        self.line.setMinimumHeight(40)
        for line in facts.lines:
            if line.active > 0:
                self.line.addItem(_line_text(line), line.line_no)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("actionQuantity")
        self.quantity.setMinimumHeight(40)
        self.reason = _reason_combo(self, reasons, "actionReason")
        self.reason.setCurrentIndex(max(0, self.reason.findData("damaged")))
        self.form.addRow("Line", self.line)
        self.form.addRow("Units to replace", self.quantity)
        self.form.addRow("Reason", self.reason)
        self.model = StoreChoiceModel([], {}, self)
        self.table = _store_table(self, self.model, "actionSources")
        self.layout_.addWidget(QLabel("Take the replacement from:", self))
        self.layout_.addWidget(self.table)
        self.finish_layout()
        self.line.currentIndexChanged.connect(self._line_changed)
        self._line_changed()

    def chosen_line(self) -> LineFacts | None:
        """The line picked."""
        value = self.line.currentData()
        return None if value is None else self.facts.line(int(value))

    def _line_changed(self) -> None:
        line = self.chosen_line()
        if line is None:
            return
        self.quantity.setRange(1, max(1, line.active))
        self.model.beginResetModel()
        self.model.choices = list(self.sources.get(line.line_no, ()))
        self.model.need = {line.sku: 1}
        self.model.skus = [line.sku]
        self.model.headers = ["Store", "Distance", "Open today", "Available"]
        self.model.endResetModel()
        if self.model.rowCount():
            self.table.selectRow(0)
        self.say(
            "The damaged units here are written off; the replacement comes from the store "
            "chosen. The server checks its stock: if it has too little the change is refused."
            if self.model.rowCount()
            else f"No other location has {line.sku} available as this station last synced."
        )

    def build(self) -> tuple[dict[str, Any], str]:
        """``replace_item`` arguments."""
        line = self.chosen_line()
        if line is None:
            raise OrderRefused("Nothing of this order can be replaced.")
        store = _chosen_store(self.table, self.model)
        if store is None:
            raise OrderRefused(f"Pick a location that has {line.sku} in stock.")
        quantity = self.quantity.value()
        have = store.available.get(line.sku) or 0
        if have < quantity:
            raise OrderRefused(f"{store.code} has {have} of {line.sku} available, not {quantity}.")
        args = {
            "line_no": line.line_no,
            "quantity": quantity,
            "source_store_id": store.id,
            "reason": _reason(self.reason),
        }
        return args, f"Replace {quantity} × {line.name} of {self.facts.number} from {store.code}"


# --- the customer --------------------------------------------------------------------------


class EditContactDialog(ActionDialog):
    """Edit the customer's name, e-mail and phone, and the alternate pickup person."""

    ok_text = "Save contact details"

    def __init__(self, facts: OrderFacts, parent: QWidget | None = None) -> None:
        super().__init__("Contact details", facts, parent)
        self.name = self._field("contactName", facts.customer_name, "Customer")
        self.email = self._field("contactEmail", facts.email, "E-mail")
        self.phone = self._field("contactPhone", facts.phone, "Phone")
        self.alternate = self._field(
            "contactAlternate", facts.alternate_pickup_name or "", "Collected by (optional)"
        )
        self.alternate.setPlaceholderText("Someone else who may collect; empty for nobody")
        self.finish_layout()
        self.say("Only what you change is sent; the customer's next messages use it.")

    def _field(self, name: str, value: str, label: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setObjectName(name)
        edit.setMinimumHeight(36)
        self.form.addRow(label, edit)
        return edit

    def build(self) -> tuple[dict[str, Any], str]:
        """``edit_contact`` arguments (only the changed fields)."""
        args = contact_args(
            self.facts,
            name=self.name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            alternate=self.alternate.text(),
        )
        changed = ", ".join(k.replace("_", " ") for k in args)
        return args, f"Change {changed} of {self.facts.number}"


class ResendNoticeDialog(ActionDialog):
    """Send the ready-for-pickup message again."""

    ok_text = "Send again"

    def __init__(self, facts: OrderFacts, parent: QWidget | None = None) -> None:
        super().__init__("Resend ready-for-pickup notice", facts, parent)
        self.finish_layout()
        self.say(
            f"The customer gets the ready-for-pickup message again at {facts.email} and "
            f"{facts.phone}, with the pickup code."
        )

    def build(self) -> tuple[dict[str, Any], str]:
        """No arguments."""
        return {}, f"Resend the ready-for-pickup notice of {self.facts.number}"


class ReleaseHoldDialog(ActionDialog):
    """Release the order from fraud review, with a note saying why."""

    ok_text = "Release the hold"

    def __init__(self, facts: OrderFacts, parent: QWidget | None = None) -> None:
        super().__init__("Release fraud hold", facts, parent)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("actionNote")
        self.note_edit.setPlaceholderText("Why the order is safe (ID checked, customer called…)")
        self.note_edit.setFixedHeight(90)
        self.form.addRow("Note", self.note_edit)
        self.finish_layout()
        rules = ", ".join(facts.fraud_rules) or "no rule named"
        self.say(f"On hold because: {rules}. Released, it is fulfilled as normal.")

    def build(self) -> tuple[dict[str, Any], str]:
        """``release_fraud_hold`` arguments."""
        note = self.note_edit.toPlainText().strip()
        if len(note) < 3:
            raise OrderRefused("Write a note: why is the order safe to release?")
        return {"note": note[:500]}, f"Release the fraud hold of {self.facts.number}"
