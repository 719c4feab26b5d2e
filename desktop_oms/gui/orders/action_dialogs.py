"""The dialogs of the order modifications: one per change, each asking only what that
change needs and saying what it will do.

Every dialog takes the order's :class:`~desktop_oms.cache.ordercmds.OrderFacts` (read by
:class:`~desktop_oms.gui.orders.actions.OrderActions`) and, when accepted, holds the
command's arguments in :attr:`ActionDialog.args` and a one-line :attr:`ActionDialog.summary`
(shown to an approving manager and in the message after queuing). A mistake is named
under the fields and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
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
)
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.orders.refusals import refusal_text, released_text
from desktop_oms.gui.words import reason_label

_Index = QModelIndex | QPersistentModelIndex

#: The countries delivered to (:data:`COUNTRIES`), by name.
COUNTRY_NAMES = {
    "NL": QT_TRANSLATE_NOOP("ChangeDeliveryDialog", "Netherlands"),
    "BE": QT_TRANSLATE_NOOP("ChangeDeliveryDialog", "Belgium"),
    "DE": QT_TRANSLATE_NOOP("ChangeDeliveryDialog", "Germany"),
    "FR": QT_TRANSLATE_NOOP("ChangeDeliveryDialog", "France"),
    "LU": QT_TRANSLATE_NOOP("ChangeDeliveryDialog", "Luxembourg"),
}


def _line_text(line: LineFacts) -> str:
    return QCoreApplication.translate(
        "ActionDialog", "Line {number} · {name} ({sku}) · {count} ordered"
    ).format(number=line.line_no, name=line.name, sku=line.sku, count=line.active)


class ActionDialog(QDialog):
    """The frame every modification dialog shares: title, order, fields, a message, and
    the buttons. Subclasses add fields and implement :meth:`build`."""

    ok_text = QT_TRANSLATE_NOOP("ActionDialog", "Queue change")
    #: The order line to change, in the dialogs about one line (:meth:`choose_line`).
    line: QComboBox

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
        heading = QLabel(
            self.tr("{title} — {number}").format(title=title, number=facts.number), self
        )
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
        self.cancel_button = QPushButton(self.tr("Back"), self)
        self.cancel_button.setToolTip(self.tr("Close without changing anything"))
        self.cancel_button.setAutoDefault(False)  # Enter queues (the default), never cancels
        self.cancel_button.clicked.connect(self.reject)
        self.ok = QPushButton(QCoreApplication.translate("ActionDialog", self.ok_text), self)
        self.ok.setProperty("accent", True)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok)
        self._buttons = buttons

    def choose_line(self, lines: Iterable[LineFacts]) -> None:
        """Offer ``lines`` to choose from (:attr:`line`), for a dialog about one line."""
        self.line = QComboBox(self)
        self.line.setObjectName("actionLine")
        self.line.setMinimumHeight(40)
        for line in lines:
            self.line.addItem(_line_text(line), line.line_no)

    def chosen_line(self) -> LineFacts | None:
        """The line picked."""
        value = self.line.currentData()
        return None if value is None else self.facts.line(int(value))

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
            self.show_error(refusal_text(refused.message))
            return
        self.show_error("")
        super().accept()


def _reason_combo(parent: QWidget, reasons: Sequence[tuple[str, str]], name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setMinimumHeight(40)
    combo.setAccessibleName(QCoreApplication.translate("ActionDialog", "Reason"))
    combo.addItem(QCoreApplication.translate("ActionDialog", "Choose a reason…"), "")
    for code, label in reasons:
        combo.addItem(reason_label(label), code)
    return combo


def _reason(combo: QComboBox) -> str:
    code = str(combo.currentData() or "")
    if not code:
        raise OrderRefused(QCoreApplication.translate("ActionDialog", "Choose a reason."))
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
        super().__init__(
            QCoreApplication.translate("ActionDialog", "Cancel a line")
            if cancel_line
            else QCoreApplication.translate("ActionDialog", "Change quantity"),
            facts,
            parent,
        )
        self.ok.setText(self.tr("Cancel line") if cancel_line else self.tr("Change quantity"))
        self.cancel_line = cancel_line
        self.choose_line(line for line in facts.lines if line.changeable > 0)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("actionQuantity")
        self.quantity.setMinimumHeight(40)
        self.reason = _reason_combo(self, reasons, "actionReason")
        self.form.addRow(self.tr("Line"), self.line)
        if not cancel_line:
            self.form.addRow(self.tr("New quantity"), self.quantity)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.finish_layout()
        self.line.currentIndexChanged.connect(self._line_changed)
        self.quantity.valueChanged.connect(self._explain)
        self._line_changed()

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
            if line.lowest:
                self.say(
                    self.tr(
                        "The {count} not yet picked of {name} are released ({kept} already "
                        "picked stay)."
                    ).format(count=line.changeable, name=line.name, kept=line.lowest)
                )
            else:
                self.say(
                    self.tr("The {count} not yet picked of {name} are released.").format(
                        count=line.changeable, name=line.name
                    )
                )
        else:
            gone = line.active - self.quantity.value()
            self.say(
                self.tr("{count} of {name} released; the customer is refunded for them.").format(
                    count=gone, name=line.name
                )
                if gone
                else self.tr("Lower the quantity: at most {most}, at least {least}.").format(
                    most=line.active, least=line.lowest
                )
            )

    def build(self) -> tuple[dict[str, Any], str]:
        """``change_quantity`` arguments (quantity 0 or what is past picking for a cancel)."""
        line = self.chosen_line()
        if line is None:
            raise OrderRefused(self.tr("Nothing of this order can be changed any more."))
        quantity = line.lowest if self.cancel_line else self.quantity.value()
        args = change_quantity_args(self.facts, line.line_no, quantity, _reason(self.reason))
        if self.cancel_line:
            return args, self.tr("Cancel line {line} ({name}) of {number}").format(
                line=line.line_no, name=line.name, number=self.facts.number
            )
        return args, self.tr("Change line {line} ({name}) of {number} from {old} to {new}").format(
            line=line.line_no,
            name=line.name,
            number=self.facts.number,
            old=line.active,
            new=quantity,
        )


class CancelOrderDialog(ActionDialog):
    """Cancel the whole order: a reason (required), a note, and what it releases."""

    ok_text = QT_TRANSLATE_NOOP("ActionDialog", "Cancel the order")

    def __init__(
        self, facts: OrderFacts, reasons: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(QCoreApplication.translate("ActionDialog", "Cancel order"), facts, parent)
        self.ok.setText(self.tr("Cancel order {number}").format(number=facts.number))
        self.ok.setProperty("accent", False)
        self.ok.setProperty("danger", True)  # red outline: it cannot be undone
        self.reason = _reason_combo(self, reasons, "actionReason")
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("actionNote")
        self.note_edit.setPlaceholderText(self.tr("Optional note (what the customer said)"))
        self.note_edit.setMinimumHeight(40)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.form.addRow(self.tr("Note"), self.note_edit)
        self.finish_layout()
        freed = released_text(facts)
        self.say(
            self.tr("This releases: {what}. The customer is told and refunded.").format(
                what="; ".join(freed)
            )
            if freed
            else self.tr("Nothing is reserved for this order any more.")
        )

    def build(self) -> tuple[dict[str, Any], str]:
        """``cancel_order`` arguments."""
        args: dict[str, Any] = {"reason": _reason(self.reason)}
        note = self.note_edit.text().strip()
        if note:
            args["note"] = note[:500]
        return args, self.tr("Cancel order {number} ({reason})").format(
            number=self.facts.number, reason=self.reason.currentText()
        )


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
        self.headers = [self.tr("Store"), self.tr("Distance"), self.tr("Open today"), *self.skus]

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
            return self.tr("not known") if units is None else str(units)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{store.name}, {store.city}"
        if role == Qt.ItemDataRole.ToolTipRole and col >= 3:
            sku = self.skus[col - 3]
            units = store.available.get(sku)
            if units is None:
                return self.tr(
                    "{sku}: this station does not see that store's stock; the server checks"
                ).format(sku=sku)
            return self.tr("{sku}: {available} available, {needed} needed").format(
                sku=sku, available=units, needed=self.need[sku]
            )
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
    table.setAccessibleName(QCoreApplication.translate("ActionDialog", "Stores to choose from"))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab goes on to the buttons; arrows pick a store
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

    ok_text = QT_TRANSLATE_NOOP("ActionDialog", "Move the pickup")

    def __init__(
        self, facts: OrderFacts, choices: Sequence[StoreChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ActionDialog", "Change pickup store"), facts, parent
        )
        self.setMinimumWidth(780)
        self.model = StoreChoiceModel(choices, _need(facts), self)
        self.table = _store_table(self, self.model, "actionStores")
        self.layout_.addWidget(self.table)
        self.finish_layout()
        self.say(
            self.tr(
                "Stock as this station last synced it. The server decides: if the store cannot "
                "serve the order any more the change is refused and shows in Conflicts."
            )
        )
        best = next((i for i, c in enumerate(choices) if c.has_all(self.model.need)), 0)
        if choices:
            self.table.selectRow(best)

    def build(self) -> tuple[dict[str, Any], str]:
        """``change_pickup_store`` arguments."""
        store = _chosen_store(self.table, self.model)
        if store is None:
            raise OrderRefused(self.tr("Pick the store the customer will collect from."))
        short = store.short_of(self.model.need)
        if short:
            raise OrderRefused(
                self.tr(
                    "{store} does not have enough of {skus}: pick a store with every item in stock."
                ).format(store=store.code, skus=", ".join(short))
            )
        return {"store_id": store.id}, self.tr("Move pickup of {number} to {code} {name}").format(
            number=self.facts.number, code=store.code, name=store.name
        )


class ChangeDeliveryDialog(ActionDialog):
    """Switch between pickup at a store and delivery to an address."""

    ok_text = QT_TRANSLATE_NOOP("ActionDialog", "Switch")

    def __init__(
        self,
        facts: OrderFacts,
        choices: Sequence[StoreChoice],
        reasons: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ActionDialog", "Pickup or delivery"), facts, parent
        )
        self.setMinimumWidth(780)
        self.to_delivery = QRadioButton(self.tr("Deliver to an address"), self)
        self.to_delivery.setObjectName("actionToDelivery")
        self.to_pickup = QRadioButton(self.tr("Pick up at a store"), self)
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
            ("name", self.tr("Recipient"), address.get("name") or facts.customer_name),
            ("line1", self.tr("Street and number"), address.get("line1", "")),
            ("line2", self.tr("Address line 2"), address.get("line2", "")),
            ("postal_code", self.tr("Postal code"), address.get("postal_code", "")),
            ("city", self.tr("City"), address.get("city", "")),
            ("phone", self.tr("Phone"), address.get("phone") or facts.phone),
        ):
            edit = QLineEdit(str(default or ""), self)
            edit.setObjectName(f"address_{key}")
            edit.setMinimumHeight(36)
            self.fields[key] = edit
            self.form.addRow(label, edit)
        self.country = QComboBox(self)
        self.country.setObjectName("address_country")
        for code in COUNTRIES:
            name = COUNTRY_NAMES.get(code)
            self.country.addItem(self.tr(name) if name else code, code)
        self.country.setCurrentIndex(max(0, self.country.findData(address.get("country", "NL"))))
        self.form.addRow(self.tr("Country"), self.country)
        self.service = QComboBox(self)
        self.service.setObjectName("actionService")
        self.service.addItem(self.tr("Standard"), userData="standard")
        self.service.addItem(self.tr("Express"), userData="express")
        self.form.addRow(self.tr("Shipping"), self.service)
        self.address_rows = self.form.rowCount()
        self.reason = _reason_combo(self, reasons, "actionReason")
        self.form.addRow(self.tr("Reason"), self.reason)
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
            self.tr(
                "What is not yet packed is re-routed to ship to this address; refused when the "
                "goods already left the store."
            )
            if delivery
            else self.tr("The goods are re-routed for pickup at the store chosen.")
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
            return args, self.tr("Deliver {number} to {street}, {city}").format(
                number=self.facts.number, street=address["line1"], city=address["city"]
            )
        store = _chosen_store(self.table, self.model)
        if store is None:
            raise OrderRefused(self.tr("Pick the store the customer will collect from."))
        args = {"method": "pickup", "store_id": store.id, "address": None, "reason": reason}
        return args, self.tr("Pick up {number} at {code} {name}").format(
            number=self.facts.number, code=store.code, name=store.name
        )


class ReplaceItemDialog(ActionDialog):
    """Replace damaged units of a line from another location that has stock."""

    ok_text = QT_TRANSLATE_NOOP("ActionDialog", "Replace")

    def __init__(
        self,
        facts: OrderFacts,
        sources: Mapping[int, Sequence[StoreChoice]],
        reasons: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ActionDialog", "Replace a damaged item"), facts, parent
        )
        self.setMinimumWidth(780)
        self.sources = sources
        self.choose_line(line for line in facts.lines if line.active > 0)
        self.quantity = QSpinBox(self)
        self.quantity.setObjectName("actionQuantity")
        self.quantity.setMinimumHeight(40)
        self.reason = _reason_combo(self, reasons, "actionReason")
        self.reason.setCurrentIndex(max(0, self.reason.findData("damaged")))
        self.form.addRow(self.tr("Line"), self.line)
        self.form.addRow(self.tr("Units to replace"), self.quantity)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.model = StoreChoiceModel([], {}, self)
        self.table = _store_table(self, self.model, "actionSources")
        source_label = QLabel(self.tr("Take the replacement from:"), self)
        source_label.setBuddy(self.table)
        self.layout_.addWidget(source_label)
        self.layout_.addWidget(self.table)
        self.finish_layout()
        self.line.currentIndexChanged.connect(self._line_changed)
        self._line_changed()

    def _line_changed(self) -> None:
        line = self.chosen_line()
        if line is None:
            return
        self.quantity.setRange(1, max(1, line.active))
        self.model.beginResetModel()
        self.model.choices = list(self.sources.get(line.line_no, ()))
        self.model.need = {line.sku: 1}
        self.model.skus = [line.sku]
        self.model.headers = [
            self.model.tr("Store"),
            self.model.tr("Distance"),
            self.model.tr("Open today"),
            self.tr("Available"),
        ]
        self.model.endResetModel()
        if self.model.rowCount():
            self.table.selectRow(0)
        self.say(
            self.tr(
                "The damaged units here are written off; the replacement comes from the store "
                "chosen. The server checks its stock: if it has too little the change is refused."
            )
            if self.model.rowCount()
            else self.tr(
                "No other location has {sku} available as this station last synced."
            ).format(sku=line.sku)
        )

    def build(self) -> tuple[dict[str, Any], str]:
        """``replace_item`` arguments."""
        line = self.chosen_line()
        if line is None:
            raise OrderRefused(self.tr("Nothing of this order can be replaced."))
        store = _chosen_store(self.table, self.model)
        if store is None:
            raise OrderRefused(
                self.tr("Pick a location that has {sku} in stock.").format(sku=line.sku)
            )
        quantity = self.quantity.value()
        have = store.available.get(line.sku) or 0
        if have < quantity:
            raise OrderRefused(
                self.tr("{store} has {have} of {sku} available, not {wanted}.").format(
                    store=store.code, have=have, sku=line.sku, wanted=quantity
                )
            )
        args = {
            "line_no": line.line_no,
            "quantity": quantity,
            "source_store_id": store.id,
            "reason": _reason(self.reason),
        }
        return args, self.tr("Replace {count} × {name} of {number} from {store}").format(
            count=quantity, name=line.name, number=self.facts.number, store=store.code
        )


# --- the customer --------------------------------------------------------------------------


class EditContactDialog(ActionDialog):
    """Edit the customer's name, e-mail and phone, and the alternate pickup person."""

    ok_text = QT_TRANSLATE_NOOP("ActionDialog", "Save contact details")

    def __init__(self, facts: OrderFacts, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ActionDialog", "Contact details"), facts, parent
        )
        self.name = self._field("contactName", facts.customer_name, self.tr("Customer"))
        self.email = self._field("contactEmail", facts.email, self.tr("E-mail"))
        self.phone = self._field("contactPhone", facts.phone, self.tr("Phone"))
        self.alternate = self._field(
            "contactAlternate",
            facts.alternate_pickup_name or "",
            self.tr("Collected by (optional)"),
        )
        self.alternate.setPlaceholderText(self.tr("Someone else who may collect; empty for nobody"))
        self.finish_layout()
        self.say(self.tr("Only what you change is sent; the customer's next messages use it."))

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
        fields = {
            "name": self.tr("name"),
            "email": self.tr("e-mail"),
            "phone": self.tr("phone"),
            "alternate_pickup_name": self.tr("collected by"),
        }
        changed = ", ".join(fields.get(k, k.replace("_", " ")) for k in args)
        return args, self.tr("Change {fields} of {number}").format(
            fields=changed, number=self.facts.number
        )


class ResendNoticeDialog(ActionDialog):
    """Send the ready-for-pickup message again."""

    ok_text = QT_TRANSLATE_NOOP("ActionDialog", "Send again")

    def __init__(self, facts: OrderFacts, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ActionDialog", "Resend ready-for-pickup notice"),
            facts,
            parent,
        )
        self.finish_layout()
        self.say(
            self.tr(
                "The customer gets the ready-for-pickup message again at {email} and {phone}, "
                "with the pickup code."
            ).format(email=facts.email, phone=facts.phone)
        )

    def build(self) -> tuple[dict[str, Any], str]:
        """No arguments."""
        return {}, self.tr("Resend the ready-for-pickup notice of {number}").format(
            number=self.facts.number
        )


class ReleaseHoldDialog(ActionDialog):
    """Release the order from fraud review, with a note saying why."""

    ok_text = QT_TRANSLATE_NOOP("ActionDialog", "Release the hold")

    def __init__(self, facts: OrderFacts, parent: QWidget | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("ActionDialog", "Release fraud hold"), facts, parent
        )
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("actionNote")
        self.note_edit.setPlaceholderText(
            self.tr("Why the order is safe (ID checked, customer called…)")
        )
        self.note_edit.setFixedHeight(90)
        self.form.addRow(self.tr("Note"), self.note_edit)
        self.finish_layout()
        rules = ", ".join(facts.fraud_rules) or self.tr("no rule named")
        self.say(
            self.tr("On hold because: {rules}. Released, it is fulfilled as normal.").format(
                rules=rules
            )
        )

    def build(self) -> tuple[dict[str, Any], str]:
        """``release_fraud_hold`` arguments."""
        note = self.note_edit.toPlainText().strip()
        if len(note) < 3:
            raise OrderRefused(self.tr("Write a note: why is the order safe to release?"))
        return {"note": note[:500]}, self.tr("Release the fraud hold of {number}").format(
            number=self.facts.number
        )
