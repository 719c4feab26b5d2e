"""The Pickups and Conflicts pages in Dutch beyond their first screen: an order's panel,
the handover dialog (both ways of checking the collector), a refused change opened in the
inbox, the printed receipt, and the words made off screen (times, conflict explanations)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_oms.domain.roles import Role
from desktop_oms.gui.conflicts.explain import describe, explain, retry_check
from desktop_oms.gui.pickups import receipt as r
from desktop_oms.gui.pickups import timefmt
from tests.gui.conftest import Counter
from tests.gui.i18n_check import english_in, language, untranslated
from tests.gui.test_a11y_pickups import key, open_by_keys, refuse_a_handover, sign_in_by_keys
from tests.gui.test_conflicts import fulfillment, hand_over
from tests.gui.test_handover import ready_pickup
from tests.gui.test_receipt import AT, DOC, ID_CHECK, STORE


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    """The Dutch catalogue installed before the window is built."""
    with language("nl"):
        yield


def test_order_panel_and_handover_dialog_in_dutch(dutch: None, counter: Counter) -> None:
    """A ready pickup's panel and its handover dialog, by pickup code and by ID check."""
    sign_in_by_keys(counter, "ams1.manager")
    view = counter.pickups
    doc = ready_pickup(counter, units=2)
    open_by_keys(counter, doc["order_number"])
    counter.qtbot.waitUntil(view.detail.hand_over_button.isEnabled, timeout=10_000)
    assert view.detail.hand_over_button.text() == "Overhandigen…"
    found = untranslated(counter.window)
    assert found == [], "English on the Dutch order panel:\n" + "\n".join(found)

    key(counter, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    counter.qtbot.waitUntil(
        lambda: view.handover_dialog is not None and view.handover_dialog.isVisible()
    )
    dialog = view.handover_dialog
    assert dialog is not None
    line = next(row for row in dialog.lines if row.left >= 1)
    line.refused.setValue(1)  # a refusal shows its reasons and the counts in words
    found = untranslated(dialog)
    assert found == [], "English in the Dutch handover dialog:\n" + "\n".join(found)
    assert "overhandigen" in dialog.confirm.text()
    dialog.by_id.setChecked(True)
    found = untranslated(dialog)
    assert found == [], "English in the Dutch ID check:\n" + "\n".join(found)
    dialog.reject()


def test_refused_change_in_dutch(dutch: None, counter: Counter) -> None:
    """The inbox with a refused handover open: list, panel, reason and next step."""
    sign_in_by_keys(counter, "ams1.manager")
    window, view = counter.window, counter.window.conflicts
    refuse_a_handover(counter)
    window.show_page("conflicts")
    counter.qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=10_000)
    view.open_entry(0)
    assert view.detail.headline.text() == "Afhaalcode niet geaccepteerd"
    server_said = "the pickup code does not match (verification_failed)"  # the server's words
    found = untranslated(window, allow=lambda _where, text: text.endswith(server_said))
    assert found == [], "English on the Dutch conflict inbox:\n" + "\n".join(found)


def pdf_lines(path: Path) -> list[str]:
    """The text lines of a PDF (``pdftotext``)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        [tool, "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_receipt_printed_in_dutch(qapp: QApplication, tmp_path: Path) -> None:
    """An ID-checked handover's receipt, printed in Dutch, has no English left (the data
    stays as it is: product and customer names)."""
    with language("nl"):
        receipt = r.build_receipt(
            DOC, ID_CHECK, store=STORE, staff="Jan Jansen", station="Station 3", at=AT
        )
        path = r.save_pdf(receipt, tmp_path / "bon.pdf")
    lines = pdf_lines(path)
    text = "\n".join(lines)
    assert "AFHAALBON" in text and "Handtekening ophaler" in text
    assert "Rijbewijs eindigend op X7K9" in text and "Beschadigd" in text
    assert "ma 2 mrt 2026, 14:05" in text
    data = ("Linen duvet cover", "Stoneware mug", "Sanne de Vries", "Pieter de Vries")
    english = [
        f"{line!r}: {why}"
        for line in lines
        if not any(name in line for name in data) and (why := english_in(line)) is not None
    ]
    assert english == [], "English on the Dutch receipt:\n" + "\n".join(english)


def test_times_and_conflict_words_in_dutch(qapp: QApplication) -> None:
    """Time phrases and the conflict explanations, made off screen, are Dutch."""
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    with language("nl"):
        texts = [
            timefmt.when(now - timedelta(days=1), now, UTC),
            timefmt.when(now + timedelta(days=4), now, UTC),
            timefmt.duration(timedelta(hours=2, minutes=5)),
            timefmt.status_label("ready_for_pickup"),
        ]
        commands: list[dict[str, Any]] = [
            hand_over(),
            hand_over(refused=[{"line_no": 1, "quantity": 1, "reason": "damaged"}]),
        ]
        for status in ("cancelled", "expired", "handed_over", "rejected", "picking"):
            now_doc = fulfillment(status)
            for command in commands:
                for code in ("stale_version", "verification_failed", "illegal_transition"):
                    why = explain(command, code, "the server's own words", now_doc)
                    texts += [why.headline, why.sentence, why.next_step]
                    texts.append(retry_check(command, code, [now_doc], Role.ASSOCIATE).why)
                texts.append(describe(command, now_doc))
    assert texts[:4] == ["Gisteren 12:00", "za 14 mrt 12:00", "2 u 5 min", "Klaar"]
    english = sorted(
        {
            f"{t!r}: {why}"
            for t in texts
            if (why := english_in(t.replace("the server's own words", ""))) is not None
        }
    )
    assert english == [], "English in Dutch words:\n" + "\n".join(english)
