"""Printing a parcel's shipping labels and packing slip: through the operating system's
printers with a preview (QPrintPreviewDialog), or to a PDF file when no printer is set up
(or the station is told to use files).

The documents themselves are drawn by :mod:`desktop_oms.gui.fulfil.labels` (4x6 in labels
with the Code 128 tracking barcode; the PDF goes with the raw ZPL for thermal printers)
and :mod:`desktop_oms.gui.fulfil.packing_slip`. PDF files are written on the network
pool; a preview paints on the UI thread, as Qt's preview dialog asks for its pages there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from sqlalchemy.engine import Connection

from desktop_oms.cache.db import APP_NAME
from desktop_oms.cache.queries import FulfillmentView
from desktop_oms.domain.shipping import active_labels
from desktop_oms.gui.fulfil import labels as label_docs
from desktop_oms.gui.fulfil import packing_slip
from desktop_oms.gui.marks import QT_TRANSLATE_NOOP
from desktop_oms.gui.pickups.receipt import StoreAddress, store_address
from desktop_oms.gui.printing import has_printer, preview

if TYPE_CHECKING:
    from desktop_oms.gui.fulfil.view import FulfilView

Kind = Literal["labels", "packing_slip"]
#: The documents' names (translated when shown, context ``FulfilDocuments``).
TITLES: dict[str, str] = {
    "labels": QT_TRANSLATE_NOOP("FulfilDocuments", "Shipping labels"),
    "packing_slip": QT_TRANSLATE_NOOP("FulfilDocuments", "Packing slip"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FulfilDocuments", text)


def default_documents_dir() -> Path:
    """Where labels and packing slips go as files when no printer is set up."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME)) / "shipping"


@dataclass(frozen=True, slots=True)
class Document:
    """What is printed: the parcel's active labels, or its packing slip."""

    kind: Kind
    order_number: str
    labels: list[dict[str, Any]]
    slip: packing_slip.PackingSlip | None

    def paint(self, printer: QPrinter) -> None:
        """Draw the document on ``printer`` (a preview page, or the real one)."""
        if self.kind == "labels":
            label_docs.print_labels(self.labels, printer)
        elif self.slip is not None:
            packing_slip.print_packing_slip(self.slip, printer)

    def save(self, folder: Path) -> Path:
        """Blocking: write the document as a PDF in ``folder`` (labels: the ZPL beside it)."""
        folder.mkdir(parents=True, exist_ok=True)
        if self.kind == "labels":
            return label_docs.save_labels(self.labels, folder).pdf
        assert self.slip is not None
        return packing_slip.render_packing_slip_pdf(
            self.slip, folder / packing_slip.pdf_name(self.slip)
        )


def print_document(view: FulfilView, kind: str, fulfillment: FulfillmentView) -> None:
    """Preview and print ``kind`` (``labels`` or ``packing_slip``) of ``fulfillment``; with
    no printer (or ``view.use_printer`` off) save it as a PDF and say where."""
    station, tasks = view.station, view.tasks
    if station is None or tasks is None:
        return
    doc = fulfillment.doc
    number = str(doc["order_number"])
    labels = [dict(x) for x in active_labels(doc.get("labels") or [])]
    if kind == "labels" and not labels:
        view.message.emit(
            QCoreApplication.translate(
                "FulfilDocuments", "{number} has no shipping labels to print: buy them first."
            ).format(number=number),
            "warn",
        )
        return
    store_id = station.store_id

    def job(conn: Connection) -> StoreAddress | None:
        return store_address(conn, store_id)

    def made(store: StoreAddress | None) -> None:
        slip = None
        if kind == "packing_slip":
            name = QCoreApplication.translate("FulfilDocuments", "Store {id}").format(id=store_id)
            sender = store or StoreAddress("", name, "", "", "", "")
            slip = packing_slip.build_packing_slip(doc, sender)
        document = Document("labels" if kind == "labels" else "packing_slip", number, labels, slip)
        if view.use_printer and has_printer():
            _preview(view, document)
        else:
            _save(view, document)

    tasks.read(job, name="shipping documents").then(made)


def _preview(view: FulfilView, document: Document) -> QPrintPreviewDialog:
    title = _tr(TITLES[document.kind])
    dialog = preview(
        view,
        document.paint,
        f"{title} · {document.order_number}",
        doc_name=f"{title} {document.order_number}",
        document="label" if document.kind == "labels" else None,
    )
    printer = dialog.target
    dialog.accepted.connect(
        lambda: view.printed.emit(printer.printerName() or printer.outputFileName())
    )
    view.preview_dialog = dialog
    return dialog


def _save(view: FulfilView, document: Document) -> None:
    tasks = view.tasks
    if tasks is None:
        return
    folder = view.documents_dir or default_documents_dir()

    def written(path: Path) -> None:
        what = _tr(TITLES[document.kind])
        view.message.emit(
            QCoreApplication.translate(
                "FulfilDocuments", "No printer is set up: {document} saved as {path}"
            ).format(document=what.lower(), path=path),
            "info",
        )
        view.printed.emit(str(path))

    def failed(exc: BaseException) -> None:
        view.message.emit(
            QCoreApplication.translate(
                "FulfilDocuments", "The {document} could not be saved: {why}"
            ).format(document=_tr(TITLES[document.kind]).lower(), why=exc),
            "bad",
        )

    tasks.run(lambda: document.save(folder), name="shipping pdf").then(written, failed)
