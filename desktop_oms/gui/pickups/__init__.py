"""The counter's pickup queue: tabs with counts, search, the table, the order panel, handover."""
