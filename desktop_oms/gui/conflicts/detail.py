"""One conflict beside the inbox: why it was refused, what was done, the order now, actions."""

from __future__ import annotations

import html
from datetime import UTC, datetime, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_oms.domain.reasons import REASON_CODES
from desktop_oms.gui import theme
from desktop_oms.gui.conflicts.explain import OrderNow
from desktop_oms.gui.conflicts.inbox import InboxEntry
from desktop_oms.gui.detailcard import DetailCard, card_label
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.pickups import timefmt
from desktop_oms.gui.pickups.handover import RELATIONSHIPS
from desktop_oms.gui.words import reason_label

#: Height of the action buttons: a comfortable touch target.
BUTTON_HEIGHT = 48

_VERIFICATION = {
    "pickup_code": QT_TRANSLATE_NOOP("Conflicts", "pickup code"),
    "id_check": QT_TRANSLATE_NOOP("Conflicts", "ID check"),
}
_RELATIONSHIPS = dict(RELATIONSHIPS)


def _when(moment: str | None, now: datetime, tz: tzinfo) -> str:
    parsed = timefmt.parse_utc(moment)
    if parsed is None:
        return QCoreApplication.translate("Conflicts", "an unknown time")
    return timefmt.when(parsed, now, tz)


def _reason(code: Any) -> str:
    """A reason code's label in the station's language (the code itself if unknown)."""
    for reason in REASON_CODES:
        if reason.code == code:
            return reason_label(reason.label)
    return str(code or "").replace("_", " ")


def command_details(found: InboxEntry) -> list[str]:
    """Details of what was done, one phrase each (verification, refused items, ...)."""
    args: dict[str, Any] = found.command.get("args") or {}
    out: list[str] = []
    proof = args.get("verification")
    if isinstance(proof, dict):
        known = _VERIFICATION.get(str(proof.get("method")))
        method = (
            QCoreApplication.translate("Conflicts", known)
            if known is not None
            else str(proof.get("method", ""))
        )
        text = QCoreApplication.translate("Conflicts", "Checked by {method}").format(method=method)
        if proof.get("collector_name"):
            text += f": {proof['collector_name']}"
            relationship = proof.get("relationship")
            if relationship and relationship != "self":
                label = _RELATIONSHIPS.get(str(relationship))
                words = (
                    QCoreApplication.translate("HandoverDialog", label).lower()
                    if label is not None
                    else str(relationship)
                )
                text += f" ({words})"
        out.append(text)
    names = {line.line_no: line.name for line in found.now.lines} if found.now else {}
    for item in args.get("refused", []) or []:
        what = names.get(item.get("line_no")) or QCoreApplication.translate(
            "Conflicts", "line {number}"
        ).format(number=item.get("line_no"))
        out.append(
            QCoreApplication.translate(
                "Conflicts", "Customer refused {quantity} × {item} ({reason})"
            ).format(quantity=item.get("quantity"), item=what, reason=_reason(item.get("reason")))
        )
    if args.get("reason") and "refused" not in args:
        out.append(
            QCoreApplication.translate("Conflicts", "Reason: {reason}").format(
                reason=_reason(args["reason"])
            )
        )
    return out


class ConflictDetailPanel(DetailCard):
    """The open conflict: the server's reason in counter words, the order now, the actions.

    Signals: ``closed()`` when the user closes the panel; ``acknowledgeRequested(int)`` and
    ``retryRequested(int)`` with the conflict id; ``orderRequested(str)`` with the order
    number to show in Pickups.
    """

    acknowledgeRequested = Signal(int)  # noqa: N815
    retryRequested = Signal(int)  # noqa: N815
    orderRequested = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, stacked=True)
        self.setObjectName("conflictDetail")
        self.setMinimumWidth(420)
        self.setMaximumWidth(520)
        self.entry: InboxEntry | None = None

        self.title.setObjectName("conflictTitle")
        self.close_button.setObjectName("closeConflict")
        #: The head's chip (refused or acknowledged); ``status_chip`` below is the
        #: order's status at head office.
        self.chip = self.status_chip
        self.chip.setProperty("chip", "bad")
        self.body.setContentsMargins(22, 8, 22, 16)
        self.body.setSpacing(12)

        self.banner = QFrame(self)
        self.banner.setObjectName("conflictReason")
        self.banner.setProperty("banner", "bad")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(14, 12, 14, 12)
        banner_layout.setSpacing(12)
        self.banner_icon = QLabel(self.banner)
        self.banner_icon.setFixedSize(22, 22)
        self.banner_icon.setPixmap(theme.pixmap("alert", theme.BAD, 22, 2.0))
        banner_layout.addWidget(self.banner_icon, 0, Qt.AlignmentFlag.AlignTop)
        reason_text = QVBoxLayout()
        reason_text.setSpacing(6)
        self.headline = card_label()
        self.headline.setObjectName("conflictHeadline")
        self.sentence = card_label()
        self.sentence.setObjectName("conflictSentence")
        self.next_step = card_label()
        self.next_step.setObjectName("conflictNextStep")
        self.next_step.setTextFormat(Qt.TextFormat.RichText)
        reason_text.addWidget(self.headline)
        reason_text.addWidget(self.sentence)
        reason_text.addWidget(self.next_step)
        banner_layout.addLayout(reason_text, 1)
        self.body.addWidget(self.banner)

        self.now_title = card_label(self.tr("THE ORDER AT HEAD OFFICE NOW"), section=True)
        self.body.addWidget(self.now_title)
        self.now_card = QFrame(self)
        self.now_card.setObjectName("binCard")
        self.now_card.setProperty("card", True)
        card = QHBoxLayout(self.now_card)
        card.setContentsMargins(16, 12, 16, 12)
        bin_box = QVBoxLayout()
        bin_box.setSpacing(0)
        bin_box.addWidget(card_label(self.tr("BIN"), section=True))
        self.bin = card_label()
        self.bin.setObjectName("binLabel")
        bin_box.addWidget(self.bin)
        card.addLayout(bin_box)
        card.addStretch(1)
        status_box = QVBoxLayout()
        status_box.setSpacing(4)
        status_box.addWidget(
            card_label(self.tr("STATUS"), section=True), 0, Qt.AlignmentFlag.AlignRight
        )
        self.status_chip = card_label(chip="muted")
        self.status_chip.setWordWrap(False)
        status_box.addWidget(self.status_chip, 0, Qt.AlignmentFlag.AlignRight)
        card.addLayout(status_box)
        self.body.addWidget(self.now_card)
        self.items_title = card_label(self.tr("ITEMS"), section=True)
        self.body.addWidget(self.items_title)
        self.items = card_label()
        self.items.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.items)

        self.body.addWidget(card_label(self.tr("WHAT WAS DONE"), section=True))
        self.done = card_label()
        self.done.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.done)
        self.server_said = card_label(faint=True)
        self.body.addWidget(self.server_said)
        self.show_order = QPushButton(self.tr("Show order in Pickups"), self)
        self.show_order.setObjectName("showConflictOrder")
        self.show_order.setProperty("flat", True)
        self.show_order.clicked.connect(self._show_order)
        self.body.addWidget(self.show_order, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addStretch(1)

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setObjectName("retryButton")
        self.retry_button.setIcon(theme.icon("retry", theme.INK))
        self.retry_button.setIconSize(QSize(18, 18))
        self.retry_button.setToolTip(
            self.tr("Send the same change again against the order as it is now (R)")
        )
        self.retry_button.setMinimumHeight(BUTTON_HEIGHT)
        self.retry_button.clicked.connect(self._retry)
        self.ack_button = QPushButton(self.tr("Acknowledge"), self)
        self.ack_button.setObjectName("acknowledgeButton")
        self.ack_button.setProperty("accent", True)
        self.ack_button.setIcon(theme.icon("check", "#FFFFFF"))
        self.ack_button.setIconSize(QSize(18, 18))
        self.ack_button.setToolTip(self.tr("I have seen this: take it off the list (A)"))
        self.ack_button.setMinimumHeight(BUTTON_HEIGHT)
        self.ack_button.clicked.connect(self._acknowledge)
        buttons.addWidget(self.retry_button, 1)
        buttons.addWidget(self.ack_button, 1)
        self.foot.addLayout(buttons)
        self.retry_why = card_label(faint=True)
        self.retry_why.setObjectName("retryWhy")
        self.foot.addWidget(self.retry_why)

    @property
    def conflict_id(self) -> int | None:
        """The conflict shown, if any."""
        return None if self.entry is None else self.entry.id

    def show_entry(
        self, found: InboxEntry, *, tz: tzinfo, now: datetime | None = None, busy: bool = False
    ) -> None:
        """Fill the panel with one conflict; ``busy`` while an action on it runs."""
        now = now or datetime.now(UTC)
        self.entry = found
        self.title.setText(found.what)
        acknowledged = found.acknowledged_at is not None
        self.chip.setText(self.tr("Acknowledged") if acknowledged else self.tr("Refused"))
        self.chip.setProperty("chip", "muted" if acknowledged else "bad")
        theme.restyle(self.chip)
        sub = f"{found.staff_name} · {_when(found.issued_at, now, tz)}"
        if acknowledged:
            sub += " · " + self.tr("acknowledged {when}").format(
                when=_when(found.acknowledged_at, now, tz)
            )
        self.subtitle.setText(sub)

        self.banner.setProperty("banner", "warn" if acknowledged else "bad")
        theme.restyle(self.banner)
        self.headline.setText(found.why.headline)
        self.sentence.setText(found.why.sentence)
        self.next_step.setText(
            "<b>{}</b> {}".format(self.tr("What to do:"), html.escape(found.why.next_step))
        )
        self.server_said.setText(
            self.tr("Head office answered {when}: {message} ({code})").format(
                when=_when(found.refused_at, now, tz),
                message=found.message or found.code,
                code=found.code,
            )
        )

        details = command_details(found)
        parts = [f"<b>{html.escape(found.what)}</b>"]
        parts += [html.escape(d) for d in details]
        by = self.tr("by {name}, {when}").format(
            name=html.escape(found.staff_name), when=html.escape(_when(found.issued_at, now, tz))
        )
        parts.append(f"<span style='color:{theme.MUTED}'>{by}</span>")
        self.done.setText("<br>".join(parts))

        self._show_now(found.now)
        self.show_order.setVisible(found.order_number is not None and found.now is not None)

        self.ack_button.setVisible(not acknowledged)
        self.ack_button.setEnabled(not busy)
        self.retry_button.setVisible(not acknowledged)
        self.retry_button.setEnabled(found.retry.allowed and not busy)
        why = "" if acknowledged else found.retry.why
        if busy:
            why = self.tr("Working…")
        self.retry_why.setText(why)
        self.retry_why.setVisible(bool(why))

    def _show_now(self, now: OrderNow | None) -> None:
        has = now is not None
        for widget in (self.now_title, self.now_card, self.items_title, self.items):
            widget.setVisible(has)
        if now is None:
            return
        if now.kind == "inventory":
            self.now_title.setText(self.tr("THE STOCK AT HEAD OFFICE NOW"))
            self.bin.setText(self.tr("{count} on hand").format(count=now.on_hand))
            self.status_chip.setText(self.tr("version {number}").format(number=now.version))
            self.status_chip.setProperty("chip", "muted")
            theme.restyle(self.status_chip)
            self.items_title.hide()
            self.items.hide()
            return
        self.now_title.setText(self.tr("THE ORDER AT HEAD OFFICE NOW"))
        status = now.status or ""
        level = timefmt.STATUS_LEVELS.get(status, "info")
        self.status_chip.setText(timefmt.status_label(status))
        self.status_chip.setProperty("chip", "info" if level == "muted" else level)
        theme.restyle(self.status_chip)
        self.bin.setText(now.bin or "—")
        rows = []
        for line in now.lines:
            extra = []
            if line.rejected:
                extra.append(self.tr("{count} rejected").format(count=line.rejected))
            if line.refused:
                extra.append(self.tr("{count} refused").format(count=line.refused))
            note = f" <span style='color:{theme.WARN}'>({', '.join(extra)})</span>" if extra else ""
            rows.append(
                f"<tr><td style='padding:4px 12px 4px 0; font-weight:700'>{line.left}×</td>"
                f"<td style='padding:4px 0'>{html.escape(line.name)}{note}<br>"
                f"<span style='color:{theme.FAINT}; font-size:13px'>"
                f"{html.escape(line.sku)}</span></td></tr>"
            )
        self.items_title.setText(self.tr("ITEMS ({units})").format(units=now.units))
        self.items.setText(f"<table cellspacing='0'>{''.join(rows)}</table>")

    def _acknowledge(self) -> None:
        if self.entry is not None and self.ack_button.isEnabled():
            self.acknowledgeRequested.emit(self.entry.id)

    def _retry(self) -> None:
        if self.entry is not None and self.retry_button.isEnabled():
            self.retryRequested.emit(self.entry.id)

    def _show_order(self) -> None:
        if self.entry is not None and self.entry.order_number:
            self.orderRequested.emit(self.entry.order_number)

    def clear(self) -> None:
        """Forget the conflict shown."""
        self.entry = None
