"""The one URL policy: https:// always, plain http:// only to this computer.

TLS is never switched off for a real server; the reference server on loopback (the demo and
the tests) is the only place plain http is allowed. The sync client, the settings form and the
QR code's e-service template all ask this module, so the rule cannot differ between them.
"""

from __future__ import annotations

import ipaddress
from enum import StrEnum
from urllib.parse import SplitResult, urlsplit

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


class UrlProblem(StrEnum):
    SHAPE = "shape"  # not scheme://host[:port]
    CREDENTIALS = "credentials"  # user:password@ in the URL
    QUERY = "query"  # ? or # where none may be
    PLAIN_HTTP = "plain_http"  # http:// to another computer


_MESSAGES = {
    UrlProblem.SHAPE: ("must look like https://host[:port]",
                       "jābūt adresei formā https://serveris[:ports]"),
    UrlProblem.CREDENTIALS: ("must not carry a user name or password",
                             "adresē nedrīkst būt lietotājvārds vai parole"),
    UrlProblem.QUERY: ("must not have a query (?) or fragment (#)",
                       "adresē nedrīkst būt ? vai # daļas"),
    UrlProblem.PLAIN_HTTP: ("must use https:// (plain http only on this computer)",
                            "jāizmanto https:// (http:// atļauts tikai šim datoram, "
                            "piemēram, http://127.0.0.1)"),
}


class UrlError(ValueError):
    """The URL breaks the policy; ``problem`` says how, in words for both languages."""

    def __init__(self, problem: UrlProblem) -> None:
        self.problem = problem
        self.message_en, self.message_lv = _MESSAGES[problem]
        super().__init__(self.message_en)


def is_loopback(host: str) -> bool:
    """This computer: ``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(text: str, *, allow_query: bool = True) -> SplitResult:
    """The URL's parts if it meets the policy, else ``UrlError``."""
    try:
        parts = urlsplit(text.strip())
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        raise UrlError(UrlProblem.SHAPE) from None
    if parts.scheme not in ("https", "http") or not parts.hostname or not port_ok:
        raise UrlError(UrlProblem.SHAPE)
    if parts.username is not None or parts.password is not None:
        raise UrlError(UrlProblem.CREDENTIALS)
    if not allow_query and (parts.query or parts.fragment):
        raise UrlError(UrlProblem.QUERY)
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise UrlError(UrlProblem.PLAIN_HTTP)
    return parts
