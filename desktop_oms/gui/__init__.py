"""The station's Qt application (the only room, with ``scanner/qt*``, that imports Qt).

Modules, by what they hold:

* ``app`` — QApplication and qasync loop bootstrap, the boot sequence, ``run()``;
  ``demo`` — the embedded demo server (a child process) and the demo station's enrolment;
  ``firstrun`` — enrolling this PC on first start.
* ``tasks`` — the database worker thread and the network pool; results on the main thread.
* ``station`` — the Qt-free station core (cache, client, engine, runner, staff session) and
  its Qt adapter; ``staff`` — sessions, offline PIN checks, sign-in throttling (no Qt).
* ``mainwindow`` (form ``ui/mainwindow.ui``), ``signin`` (form ``ui/signin.ui``),
  ``sync_progress``, ``statusbar``, ``toast``, ``idle`` — the window and its parts.
* ``pickups/`` — the pickup queue: its reads (``queue``), item model, tabs, order panel,
  handover dialog and page.
* ``theme`` — font, palette, stylesheet and icons from ``resources/`` (compiled into
  ``forms/rc_station.py``); ``forms/`` — generated code (see ``forms/compile.py``).
"""
