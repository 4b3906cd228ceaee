"""The applicant's pages that the QR code at the issuing desk opens (the e-service, simulated).

Latvian, UTF-8, every value escaped, readable on a phone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from hmac import compare_digest
from html import escape
from urllib.parse import quote
from zoneinfo import ZoneInfo

from desktop.models.codes import DocumentType, HandoverStatus
from sync.protocol import ApplicationWire, DocumentWire, HandoverWire, ItemWire

RIGA = ZoneInfo("Europe/Riga")

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;
background:#f4f5f7;color:#1d2433;line-height:1.45}
main{max-width:34rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.5rem 0 1rem}
.card{background:#fff;border-radius:.6rem;padding:1rem;margin-bottom:1rem;
box-shadow:0 1px 3px rgba(0,0,0,.08)}
dl{margin:0}dt{font-size:.85rem;color:#5b6475}dd{margin:0 0 .6rem;font-weight:600}
ul{padding-left:1.2rem}
button{width:100%;font-size:1.1rem;padding:.9rem;border:0;border-radius:.5rem;
background:#9e3039;color:#fff}
.ok{border-left:.35rem solid #2e7d32}.warn{border-left:.35rem solid #b26a00}
"""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"lv\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _summary(app: ApplicationWire, kind_label: str) -> str:
    return (
        "<div class=\"card\"><dl>"
        f"<dt>Pieteikuma numurs</dt><dd>{escape(app.number)}</dd>"
        f"<dt>Izglītojamais</dt><dd>{escape(app.learner.name)}</dd>"
        f"<dt>Resursa veids</dt><dd>{escape(kind_label)}</dd>"
        f"<dt>Pieteikuma statuss</dt><dd>{escape(app.status.label_lv)}</dd>"
        "</dl></div>"
    )


def _current_handover(app: ApplicationWire) -> HandoverWire | None:
    active = [h for h in app.handovers if h.status is not HandoverStatus.CANCELLED]
    return active[-1] if active else None


def _local(moment: datetime) -> datetime:
    return moment.astimezone(RIGA)


def arrangement_card(handover: HandoverWire) -> str:
    """Where and when to collect the device, and whom to ask: what the school agreed."""
    if handover.pickup_place is None or handover.pickup_from is None \
            or handover.pickup_to is None:
        return ""
    start, end = _local(handover.pickup_from), _local(handover.pickup_to)
    when = (f"{start:%d.%m.%Y} {start:%H:%M}–{end:%H:%M}" if start.date() == end.date()
            else f"{start:%d.%m.%Y %H:%M} – {end:%d.%m.%Y %H:%M}")
    contact = escape(handover.contact_person or "")
    if handover.contact_phone:
        phone = escape(handover.contact_phone)
        contact += f", <a href=\"tel:{phone}\">{phone}</a>"
    return ("<div class=\"card\"><p><strong>Saņemšana</strong></p><dl>"
            f"<dt>Vieta</dt><dd>{escape(handover.pickup_place)}</dd>"
            f"<dt>Laiks</dt><dd>{escape(when)}</dd>"
            f"<dt>Kontaktpersona skolā</dt><dd>{contact}</dd></dl></div>")


def notifications_card(app: ApplicationWire) -> str:
    if not app.notifications:
        return ""
    rows = "".join(f"<li>{_local(n.at):%d.%m.%Y %H:%M} — {escape(n.kind.label_lv)}</li>"
                   for n in reversed(app.notifications[-5:]))
    return f"<div class=\"card\"><p><strong>Paziņojumi</strong></p><ul>{rows}</ul></div>"


def application_page(app: ApplicationWire, kind_label: str, documents: list[DocumentWire],
                     item: ItemWire | None, *, receipt: str | None = None,
                     csrf: str = "") -> str:
    """The application as the applicant sees it; with a prepared handover and the receipt
    token of the desk's QR code for it, the confirm form (carrying the session's ``csrf``)."""
    parts = [f"<h1>Pieteikums {escape(app.number)}</h1>", _summary(app, kind_label)]
    handover = _current_handover(app)
    if handover is not None and handover.status in (HandoverStatus.PREPARING,
                                                    HandoverStatus.PREPARED):
        parts.append(arrangement_card(handover))
    if handover is None:
        parts.append("<div class=\"card\"><p>Resurss vēl nav sagatavots izsniegšanai.</p></div>")
    elif handover.status is HandoverStatus.PREPARED:
        device = ""
        if item is not None:
            model = " ".join(p for p in (item.manufacturer, item.model) if p)
            device = (f"<dt>Resurss</dt><dd>{escape(model or kind_label)}</dd>"
                      f"<dt>Inventāra numurs</dt><dd>{escape(item.inventory_no)}</dd>")
        act = (f"<dt>Pieņemšanas-nodošanas akts</dt><dd>{escape(handover.act_number)}</dd>"
               if handover.act_number else "")
        deadline = (f"<dt>Atgriešanas termiņš</dt>"
                    f"<dd>{handover.return_deadline:%d.%m.%Y}</dd>"
                    if handover.return_deadline else "")
        docs = "".join(f"<li>{_link(d)} ({escape(d.doc_type.label_lv)})</li>"
                       for d in documents)
        scanned = bool(receipt and handover.receipt_token
                       and compare_digest(receipt.encode(), handover.receipt_token.encode()))
        form = (f"<form method=\"post\" action=\"/e-service/applications/{app.id}/"
                "confirm-receipt\">"
                f"<input type=\"hidden\" name=\"handover_id\" value=\"{escape(handover.id)}\">"
                f"<input type=\"hidden\" name=\"receipt\" value=\"{escape(receipt or '')}\">"
                f"<input type=\"hidden\" name=\"csrf\" value=\"{escape(csrf)}\">"
                "<button type=\"submit\">Apstiprinu saņemšanu</button></form>" if scanned
                else "<p>Lai apstiprinātu saņemšanu, noskenējiet QR kodu, ko rāda "
                     "izsniegšanas vietā skolā.</p>")
        parts.append(
            "<div class=\"card warn\"><p><strong>Gatavs izsniegšanai.</strong> "
            "Pārbaudiet resursu un apstipriniet, ka esat to saņēmis(-usi).</p>"
            f"<dl>{device}{act}{deadline}</dl>"
            + (f"<p>Apstiprinot saņemšanu, jūs apliecināt, ka esat iepazinies(-usies) ar "
               f"dokumentiem:</p><ul>{docs}</ul>" if docs and scanned else "")
            + form + "</div>"
        )
    elif handover.status is HandoverStatus.PREPARING:
        parts.append("<div class=\"card\"><p>Skola gatavo resursu izsniegšanai.</p></div>")
    else:
        deadline = (f" Atgriešanas termiņš: <strong>{handover.return_deadline:%d.%m.%Y}"
                    "</strong>." if handover.return_deadline
                    and handover.status is HandoverStatus.ISSUED else "")
        parts.append(f"<div class=\"card\"><p>Izsniegšanas statuss: "
                     f"<strong>{escape(handover.status.label_lv)}</strong>.{deadline}</p></div>")
    parts.append(notifications_card(app))
    return _page(f"Pieteikums {app.number}", "\n".join(p for p in parts if p))


def _link(doc: DocumentWire) -> str:
    """The document's title, linked to where it can be read (its URL, or its text here)."""
    href = doc.url or (f"/e-service/documents/{doc.id}" if doc.body else None)
    title = escape(doc.title)
    # noreferrer: the page's own URL holds the receipt token
    return (f"<a href=\"{escape(href)}\" rel=\"noreferrer\">{title}</a>" if href
            else title)


def to_acknowledge(documents: Iterable[DocumentWire], day: date) -> list[DocumentWire]:
    """What the applicant confirms having read: the kind's documents in force on ``day``,
    not the act's own text (that is in the act)."""
    return [d for d in documents if d.doc_type is not DocumentType.PNA
            and (d.valid_from is None or d.valid_from <= day)
            and (d.valid_to is None or day <= d.valid_to)]


def document_page(doc: DocumentWire) -> str:
    paragraphs = "".join(f"<p>{escape(b.strip())}</p>".replace("\n", "<br>")
                         for b in (doc.body or "").split("\n\n") if b.strip())
    return _page(doc.title, f"<h1>{escape(doc.title)}</h1><div class=\"card\">{paragraphs}</div>")


def not_found_document_page() -> str:
    return _page("Dokuments nav atrasts", "<h1>Dokuments nav atrasts</h1>")


def confirmed_page(app: ApplicationWire, kind_label: str) -> str:
    return _page("Saņemšana apstiprināta", (
        "<h1>Saņemšana apstiprināta</h1>"
        "<div class=\"card ok\"><p>Paldies! Resursa saņemšana ir apstiprināta, un "
        "pieņemšanas-nodošanas akts ir noformēts.</p></div>" + _summary(app, kind_label)
    ))


def refused_page(app: ApplicationWire, kind_label: str, reason_lv: str | None = None) -> str:
    """Why receipt cannot be confirmed: the rule's own words when it gave them (a QR code
    that is not this handover's), else that nothing is ready."""
    why = escape(reason_lv) + "." if reason_lv else (
        "Šim pieteikumam pašlaik nav resursa, kas būtu gatavs izsniegšanai (iespējams, "
        "saņemšana jau ir apstiprināta vai izsniegšana atcelta).")
    return _page("Saņemšanu nevar apstiprināt", (
        "<h1>Saņemšanu nevar apstiprināt</h1>"
        f"<div class=\"card warn\"><p>{why} Lūdzu, vērsieties izglītības iestādē.</p></div>"
        + _summary(app, kind_label)
    ))


def not_found_page(application_id: int) -> str:
    return _page("Pieteikums nav atrasts", (
        "<h1>Pieteikums nav atrasts</h1>"
        f"<div class=\"card warn\"><p>Pieteikums {application_id} nav atrasts.</p></div>"
    ))


def sign_in_page(next_url: str, error_lv: str | None = None) -> str:
    """The simulated latvija.lv sign-in: the personal code, then back to ``next_url``."""
    error = (f"<div class=\"card warn\"><p>{escape(error_lv)}</p></div>" if error_lv else "")
    return _page("Pieslēgšanās", (
        "<h1>Pieslēgšanās e-pakalpojumam</h1>" + error +
        "<div class=\"card\"><p>Portālā latvija.gov.lv jūs identificētu ar internetbanku vai "
        "eID; šajā atsauces pakalpojumā pietiek ar personas kodu.</p>"
        "<form method=\"post\" action=\"/e-service/sign-in\">"
        "<p><label for=\"code\">Personas kods</label><br>"
        "<input id=\"code\" name=\"personal_code\" inputmode=\"numeric\" "
        "autocomplete=\"off\" placeholder=\"010112-12345\" required "
        "style=\"font-size:1.1rem;width:100%;padding:.5rem\"></p>"
        f"<input type=\"hidden\" name=\"next\" value=\"{escape(next_url)}\">"
        "<button type=\"submit\">Pieslēgties</button></form></div>"
    ))


def my_applications_page(applications: list[ApplicationWire]) -> str:
    rows = "".join(
        f"<li><a href=\"/e-service/applications/{a.id}\">{escape(a.number)}</a> — "
        f"{escape(a.learner.name)}, {escape(a.status.label_lv)}</li>" for a in applications)
    body = f"<ul>{rows}</ul>" if rows else "<p>Jums nav iesniegtu pieteikumu.</p>"
    return _page("Mani pieteikumi",
                 f"<h1>Mani pieteikumi</h1><div class=\"card\">{body}</div>")


INVALID_FORM_LV = "Veidlapas lauks ir pārāk garš: atveriet lapu vēlreiz"


def forbidden_page(reason_lv: str | None = None) -> str:
    why = escape(reason_lv) + "." if reason_lv else (
        "Šo veidlapu var iesniegt tikai no e-pakalpojuma lapas.")
    return _page("Pieprasījums noraidīts", (
        "<h1>Pieprasījums noraidīts</h1>"
        f"<div class=\"card warn\"><p>{why} Atveriet pieteikumu vēlreiz, noskenējot QR kodu "
        "izsniegšanas vietā.</p></div>"
    ))


def signed_out_page(application_id: int) -> str:
    back = quote(f"/e-service/applications/{application_id}", safe="")
    return _page("Jāpieslēdzas", (
        "<h1>Jāpieslēdzas vēlreiz</h1>"
        "<div class=\"card warn\"><p>Jūsu sesija ir beigusies. "
        f"<a href=\"/e-service/sign-in?next={back}\">Pieslēdzieties</a> un noskenējiet "
        "QR kodu vēlreiz.</p></div>"
    ))
