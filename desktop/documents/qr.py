"""The QR code at the issuing desk: the e-service page where the applicant confirms receipt.

The URL is built from a template in the settings (``https://…/{application_id}``) and the
handover's receipt token (the secret that lets only someone who sees the code at the desk confirm
it: placed at ``{receipt_token}`` when the template names it, else added as ``receipt=``); it
needs no network to show, so the desk keeps working offline. segno makes the code; the view paints its
module matrix itself, so it stays sharp at any size.
"""

from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit, urlunsplit

from desktop.models.urls import UrlError, check_url

if TYPE_CHECKING:
    import segno

PLACEHOLDER = "{application_id}"
TOKEN = "{receipt_token}"


class QrTemplateError(ValueError):
    """The e-service URL template in the settings cannot be used; ``message_lv`` says why."""

    def __init__(self, message_en: str, message_lv: str) -> None:
        super().__init__(message_en)
        self.message_lv = message_lv


def check_template(template: str) -> str:
    """Return the template stripped, or raise QrTemplateError with a Latvian message."""
    text = (template or "").strip()
    if not text:
        raise QrTemplateError("the e-service URL template is empty",
                              "E-pakalpojuma adreses veidne nav norādīta iestatījumos")
    if PLACEHOLDER not in text:
        raise QrTemplateError(
            f"the e-service URL template must contain {PLACEHOLDER}",
            f"E-pakalpojuma adreses veidnē jābūt vietturim {PLACEHOLDER}, "
            "kur tiks ievietots pieteikuma identifikators")
    bare = text.replace(PLACEHOLDER, "1", 1).replace(TOKEN, "t", 1)
    if "{" in bare or "}" in bare:
        raise QrTemplateError(
            "the e-service URL template may hold only {application_id} and {receipt_token}",
            f"E-pakalpojuma adreses veidnē drīkst būt tikai vietturi {PLACEHOLDER} un {TOKEN}")
    if not urlsplit(bare).hostname:
        raise QrTemplateError("the e-service URL template has no host",
                              "E-pakalpojuma adreses veidnē nav norādīts serveris")
    try:
        check_url(bare)  # the one policy: http only to this computer
    except UrlError as exc:
        raise QrTemplateError(f"the e-service URL {exc.message_en}",
                              f"E-pakalpojuma adrese: {exc.message_lv}") from exc
    return text


def receipt_url(template: str, application_id: int, receipt_token: str | None = None) -> str:
    """This application's e-service page, from the settings' template, with the handover's
    receipt token when it has one."""
    url = check_template(template).replace(PLACEHOLDER, str(int(application_id)))
    if TOKEN in url:
        return url.replace(TOKEN, receipt_token or "")
    if not receipt_token:
        return url
    parts = urlsplit(url)
    query = "&".join(q for q in (parts.query, urlencode({"receipt": receipt_token})) if q)
    return urlunsplit(parts._replace(query=query))


def make(url: str) -> segno.QRCode:
    import segno  # at the first code drawn, not at start

    # Error level M survives a glare spot on a screen; no micro codes (phones lack them).
    return segno.make(url, error="m", micro=False)


def matrix(url: str) -> list[list[bool]]:
    """The code's dark modules, row by row, without the quiet zone (the view adds it)."""
    return [[bool(cell) for cell in row] for row in make(url).matrix]


def png(url: str, *, scale: int = 10, border: int = 4) -> bytes:
    """The code as a PNG (for print, the PDF or a test)."""
    out = BytesIO()
    make(url).save(out, kind="png", scale=scale, border=border)
    return out.getvalue()
