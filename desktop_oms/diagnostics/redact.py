"""Redaction: no PIN, token, password or customer data in a log line or a support file.

:func:`redact` rewrites text; :class:`RedactingFilter` applies it to every log record
(message, arguments, exception and stack text) before any handler formats it. Over-
redaction is the accepted cost: a log line that lost a harmless value beats one that
leaks a secret.
"""

from __future__ import annotations

import logging
import re

#: What replaces a secret (keys stay, so a line still says what was there).
MASK = "[redacted]"
EMAIL_MASK = "[email]"
PHONE_MASK = "[phone]"

#: Keys whose values are secrets or customer data, in ``key=value``, ``key: value``,
#: ``"key": "value"`` (JSON, dict reprs), ``key='value'`` (dataclass/pydantic reprs)
#: and URL query strings.
SECRET_KEYS = (
    r"[a-z_]*token",
    r"pin",
    r"pin_hash",
    r"password",
    r"passwd",
    r"secret",
    r"[a-z_]*secret",
    r"api[_-]?key",
    r"[a-z_]*_key",
    r"key",
    r"cookie",
    r"card_number",
    r"card",
    r"cvc",
    r"cvv",
    r"holder",
    r"signature",
)
CUSTOMER_KEYS = (
    r"name",
    r"customer_name",
    r"full_name",
    r"first_name",
    r"last_name",
    r"customer",
    r"email",
    r"e-mail",
    r"phone",
    r"mobile",
    r"telephone",
    r"address",
    r"[a-z_]*address",
    r"line1",
    r"line2",
    r"street",
    r"house_number",
    r"city",
    r"postal_code",
    r"postcode",
    r"zip",
)
_KEYS = "|".join(SECRET_KEYS + CUSTOMER_KEYS)
#: A value: a quoted string (either quote, escapes allowed) or a bare word; never an
#: opening brace or bracket, so a nested object's own keys are redacted one by one.
_VALUE = r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|[^\s&,;{}\[\]\"'()]+"
_KEY_VALUE = re.compile(
    rf"(?P<key>[\"']?\b(?:{_KEYS})\b[\"']?\s*(?:=|:)\s*)(?:SecretStr\()?(?P<value>{_VALUE})",
    re.IGNORECASE,
)
#: ``Authorization: Bearer abc`` / ``Basic abc`` (the scheme word is kept).
_AUTH_HEADER = re.compile(
    r"(?P<key>\bauthorization\b[\"']?\s*[:=]\s*[\"']?)(?P<scheme>(?:bearer|basic|token)\s+)?"
    r"(?P<value>[^\s\"',;]+)",
    re.IGNORECASE,
)
_BEARER = re.compile(r"\b(?P<scheme>bearer|basic)\s+(?P<value>[A-Za-z0-9._~+/=-]{6,})", re.I)
#: Credentials in a URL: ``scheme://user:secret@host``.
_URL_USERINFO = re.compile(r"(?P<scheme>\b[a-z][a-z0-9+.-]*://)[^/\s@]+@", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
#: International numbers (``+31 6 1234 5678``, ``+1 (555) 123-4567``), national ones
#: starting with 0 (``06-12345678``, ``020 123 4567``) and US style ``(555) 123-4567``.
_PHONE = re.compile(
    r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?!\w)"
    r"|(?<![\w:.-])0\d{1,3}[ -]?\d{3,4}[ -]?\d{3,4}(?![\w:.-])"
    r"|\(\d{3}\)\s?\d{3}[ -]\d{4}\b"
)
#: Opaque tokens anywhere (``secrets.token_urlsafe``, JWTs): long runs mixing upper and
#: lower case letters and digits. Hex ids (uuids, hashes) are lower case and survive.
_OPAQUE = re.compile(r"(?<![\w-])(?=[\w-]*[A-Z])(?=[\w-]*[a-z])(?=[\w-]*\d)[\w-]{24,}")


def redact(text: str) -> str:
    """``text`` with secrets and customer data replaced by masks."""
    if not text:
        return text
    text = _URL_USERINFO.sub(lambda m: f"{m['scheme']}{MASK}@", text)
    text = _AUTH_HEADER.sub(lambda m: f"{m['key']}{m['scheme'] or ''}{MASK}", text)
    text = _BEARER.sub(lambda m: f"{m['scheme']} {MASK}", text)
    text = _KEY_VALUE.sub(_mask_value, text)
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _PHONE.sub(PHONE_MASK, text)
    return _OPAQUE.sub(MASK, text)


def _mask_value(match: re.Match[str]) -> str:
    value = match["value"]
    if value.startswith(("[redacted]", "[email]", "[phone]")) or value == MASK:
        return match.group(0)
    quote = value[0] if value[:1] in "\"'" else ""
    return f"{match['key']}{quote}{MASK}{quote}"


class RedactingFilter(logging.Filter):
    """Rewrites a record's message, exception and stack text through :func:`redact`.

    The record is changed in place (``msg`` holds the final, redacted text, ``args`` is
    emptied, the exception is kept only as redacted ``exc_text``), so every handler after
    this filter, and every other handler of the same record, sees only redacted text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact ``record``; always keep it."""
        if getattr(record, "_oms_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception as exc:  # a bad format string must not lose the line
            message = f"{record.msg!r} (unformattable: {exc})"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._oms_redacted = True
        return True


class RedactingFormatter(logging.Formatter):
    """A formatter whose whole output goes through :func:`redact` once more (what a
    handler adds, e.g. a thread name, cannot carry a secret past it either)."""

    def format(self, record: logging.LogRecord) -> str:
        """The formatted record, redacted."""
        return redact(super().format(record))
