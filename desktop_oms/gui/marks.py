"""Marking English strings for ``lupdate`` without translating them yet (no Qt needed).

``lupdate`` extracts the literal arguments of any call named ``QT_TRANSLATE_NOOP``, wherever
the function comes from. This one is typed (PySide6's returns ``object``), so tables of
labels keep their ``str`` type; the views translate each label where they show it, with
``QCoreApplication.translate(context, label)``.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """``text`` unchanged; ``lupdate`` files it under ``context``."""
    return text
