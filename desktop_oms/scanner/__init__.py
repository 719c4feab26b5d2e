"""Scanner input: one stream of :class:`~desktop_oms.scanner.scan.Scan` values from USB
keyboard-wedge and serial barcode scanners, decoded, routed to the workflow in front, with
a good or bad sound and a flash (DESIGN §6).

Pure modules (no Qt, importable and testable anywhere; ruff bans PySide6 in them):

* ``settings`` — :class:`ScannerSettings`, the one plain dataclass the gui persists.
* ``scan`` — the :class:`Scan` value, :func:`decode` (through the domain's barcode
  parsing) to a decoded code or a :class:`BadScan` with a reason, scan kinds.
* ``wedge`` — the burst detector: keyboard events + timestamps in, held keys to replay
  and finished scanner bursts out.
* ``serial`` — bytes from a serial port split into lines; the port's status messages.
* ``router`` — which view, callback or refusal a scan goes to.
* ``diagnostics`` — how a scan is shown to the person setting a scanner up.
* ``sounds`` — the good/bad beeps (``python -m desktop_oms.scanner.sounds`` writes them).

Qt modules (``qt*.py``, the only ones here that import PySide6): ``qtwedge`` (the
application-wide key event filter), ``qtserial`` (QSerialPort with reconnect),
``qtrouter`` (the router as a QObject), ``qtfeedback`` (QSoundEffect and the flash
signal), ``qtdiagnostics`` (the live scan log model and widget).

The room imports only ``domain``; the gui wires it into the main window.
"""
