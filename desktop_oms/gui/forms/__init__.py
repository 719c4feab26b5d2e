"""Code generated from ``ui/*.ui`` and ``resources/*.qrc`` (see :mod:`.compile`); do not edit."""
