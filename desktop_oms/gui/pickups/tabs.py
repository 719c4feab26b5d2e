"""The pickup queue's tabs: the shared segmented control with the pickup tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_oms.cache.queries import PickupTab
from desktop_oms.gui import queuetabs
from desktop_oms.gui.pickups.queue import TABS, tab_tip, tab_title


class QueueTabs(queuetabs.QueueTabs[PickupTab]):
    """Ready / Preparing / Handed over today / Expiring / Expired, with counts; Ctrl+1..5.
    Expiring and Expired counts are red when not empty: both ask for someone to act.

    Signal ``tabChanged(str)``: the tab the user picked.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        titles = {tab: tab_title(tab) for tab in TABS}
        tips = {tab: tab_tip(tab) for tab in TABS}
        super().__init__(TABS, titles, tips, ("expiring", "expired"), parent)
