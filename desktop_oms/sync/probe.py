"""Is the server there? One ``GET /health`` that names what failed, for the settings' test.

A support call goes better with "the certificate is not trusted" than with "it did not
work": :func:`probe` tells apart a name that does not resolve, a refused connection, a
timeout, a TLS or certificate failure, and an answer from something that is not our
server. Blocking (the network): call it off the UI thread.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

import requests
from requests.exceptions import SSLError

#: The path of the server's liveness check (outside the API prefix).
HEALTH_PATH = "/health"


class Outcome(enum.StrEnum):
    """What a probe found."""

    OK = "ok"
    DNS = "dns"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    TLS = "tls"
    NOT_OURS = "not-ours"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """The outcome, and the detail (the server's version when OK, else the error)."""

    outcome: Outcome
    detail: str = ""

    @property
    def ok(self) -> bool:
        """Whether our server answered."""
        return self.outcome is Outcome.OK


def _chain(exc: BaseException) -> str:
    """Every message down the exception's cause chain, lower case (urllib3 wraps deep)."""
    parts: list[str] = []
    seen: BaseException | None = exc
    while seen is not None and len(parts) < 8:
        parts.append(f"{type(seen).__name__}: {seen}")
        seen = seen.__cause__ or seen.__context__
    for arg in getattr(exc, "args", ()):
        parts.append(repr(arg))
    return " | ".join(parts).lower()


def classify(exc: requests.RequestException) -> Outcome:
    """The outcome a failed request stands for."""
    text = _chain(exc)
    if isinstance(exc, SSLError) or "ssl" in text or "certificate" in text:
        return Outcome.TLS
    if isinstance(exc, requests.Timeout):
        return Outcome.TIMEOUT
    if any(
        word in text
        for word in (
            "name or service not known",
            "nodename nor servname",
            "getaddrinfo",
            "name resolution",
            "failed to resolve",
            "no address associated",
        )
    ):
        return Outcome.DNS
    if "refused" in text:
        return Outcome.REFUSED
    return Outcome.UNREACHABLE


def probe(server_url: str, verify: bool | str = True, timeout: float = 5.0) -> ProbeResult:
    """Blocking: ``GET <server_url>/health`` with ``verify`` (True or a CA bundle file)."""
    url = server_url.rstrip("/") + HEALTH_PATH
    try:
        with requests.Session() as session:
            session.trust_env = False  # the settings' CA bundle, not an environment's
            resp = session.get(url, timeout=(timeout, timeout), verify=verify)
    except requests.RequestException as exc:
        return ProbeResult(classify(exc), str(exc))
    body: Any = None
    try:
        body = resp.json()
    except ValueError:
        body = None
    if resp.status_code == 200 and isinstance(body, dict) and body.get("status") == "ok":
        return ProbeResult(Outcome.OK, str(body.get("version") or ""))
    kind = resp.headers.get("content-type", "?").split(";")[0]
    return ProbeResult(Outcome.NOT_OURS, f"HTTP {resp.status_code}, {kind}")
