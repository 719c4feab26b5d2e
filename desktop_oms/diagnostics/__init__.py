"""The station's logs and support diagnostics, free of Qt.

:mod:`.redact` strips secrets and customer data from text, :mod:`.logfile` sets up the
rotating log file (every handler redacts), :mod:`.journal` writes the station's events to
it, and :mod:`.bundle` builds the 'Export diagnostics' zip. The Qt parts (the Qt message
handler, the menu action) are in :mod:`desktop_oms.gui.diagnostics`.
"""
