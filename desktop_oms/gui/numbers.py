"""Numbers and money in the station's language: ``1,957`` and ``€45.98`` in English,
``1.957`` and ``€ 45,98`` in Dutch (digit grouping and decimal mark from :class:`QLocale`).

The locale is the default one that :func:`desktop_oms.gui.translations.install` sets for
the station's language; a process that installed no language (Qt's "C" locale) writes
numbers as American English does, as the station did before it spoke other languages.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

#: Currencies shown with a symbol; others show their ISO code after the amount.
CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}


def _locale() -> QLocale:
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def grouped(value: int) -> str:
    """A whole number with the language's digit grouping (``12,345`` / ``12.345``)."""
    return _locale().toString(value)


def decimal(value: float, places: int) -> str:
    """``value`` with ``places`` decimals and the language's marks (``1,234.5`` / ``1.234,5``)."""
    return _locale().toString(value, "f", places)


def money(minor: int, currency: str) -> str:
    """An amount in minor units: ``€45.98`` / ``€ 45,98`` (or ``45.98 SEK`` for
    currencies without a symbol here); a negative amount starts with a minus sign."""
    amount = abs(minor) / 100
    symbol = CURRENCY_SYMBOLS.get(currency)
    if symbol:
        text = _locale().toCurrencyString(amount, symbol, 2)
    else:
        text = f"{decimal(amount, 2)} {currency}"
    return f"-{text}" if minor < 0 else text
