"""The school's filed acts and its overdue devices with their contacts, as the desk lists them.

Qt-free reads. An act is "filed" once a handover has its act: the ``Document`` named by
``Handover.act_document_id`` (filed by whichever workstation was first), or, for acts filed
before acts were shared, the local row titled "Pieņemšanas-nodošanas akts <number>". A row
says whether the act's file is here and intact; an act filed on another workstation is listed
at once and becomes available when the sync has fetched its file. The overdue list is the
desk's (``desk.overdue``) with the applicant's e-mail beside the phone, and can be written to a
spreadsheet-safe CSV.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import and_, exists, func, literal, or_, select

from desktop.models.audit_queries import record_export
from desktop.models.codes import DocumentType, HandoverStatus
from desktop.models.desk import OverdueRow, overdue
from desktop.models.files import write_whole
from desktop.models.journal import Actor
from desktop.models.lifecycle import file_path
from desktop.models.permissions import Permission, require
from desktop.models.reports import write_csv
from desktop.models.scan_codes import items_matching
from desktop.models.schema import Application, Document, Handover, Item, fold
from desktop.models.store import Store

ACTS_LIMIT = 200
# The titles ``desk.file_act`` and ``lifecycle.sign_on_paper`` give the acts they file.
ACT_TITLE = "Pieņemšanas-nodošanas akts "
RETURN_ACT_TITLE = "Atgriešanas akts "


@dataclass(frozen=True)
class ActRow:
    """One filed act, as the desk's act list shows it."""

    handover_id: str
    application_id: int
    act_number: str
    application_number: str
    learner_name: str
    learner_class: str | None
    applicant_name: str
    inventory_no: str | None
    issued_at: datetime | None
    issued_on_paper: bool
    status: HandoverStatus
    available: bool  # the act's file is here and intact
    returned_act_available: bool  # the return act's file is here and intact


#: The desk's overdue rows already carry the phone and e-mail.
OverdueContact = OverdueRow


def acts(store: Store, actor: Actor, text: str = "", limit: int = ACTS_LIMIT) -> list[ActRow]:
    """The school's filed acts, newest first; ``text`` finds an application or act number, a
    learner's or applicant's name (diacritics optional) or a device's inventory number."""
    act_title = literal(ACT_TITLE).concat(Handover.act_number)
    filed_here = exists(select(Document.id).where(Document.handover_id == Handover.id,
                                                  Document.title == act_title))
    query = (
        select(Handover, Application, Item.inventory_no)
        .join(Application, Application.id == Handover.application_id)
        .outerjoin(Item, Item.id == Handover.item_id)
        .where(Application.institution_id == actor.institution_id,
               Handover.act_number.is_not(None),
               or_(Handover.act_document_id.is_not(None), filed_here))
    )
    needle = text.strip()
    words = fold(needle).split()
    with store.read() as session:
        if words:
            # A scanned label may lack the number's diacritics: items are matched folded.
            item_ids = [i for i, _ in items_matching(session, actor.institution_id, needle)]
            query = query.where(or_(
                and_(*(func.instr(Application.search_key, word) > 0 for word in words)),
                func.lower(Handover.act_number).contains(needle.lower(), autoescape=True),
                Item.id.in_(item_ids),
            ))
        query = query.order_by(Handover.issued_at.desc().nulls_last(),
                               Handover.status_changed_at.desc(), Handover.id
                               ).limit(max(limit, 0))
        found = session.execute(query).all()
        ids = [h.id for h, _, _ in found]
        shared = [h.act_document_id for h, _, _ in found if h.act_document_id]
        docs = session.scalars(select(Document).where(or_(
            and_(Document.handover_id.in_(ids), Document.doc_type == DocumentType.PNA.value),
            Document.id.in_(shared)))).all() if ids else []
        by_id = {d.id: d for d in docs}
        by_title = {(d.handover_id, d.title): d for d in docs if d.handover_id}
        rows = []
        for h, app, inventory_no in found:
            number = h.act_number or ""  # never empty: the query asks for one
            act = by_id.get(h.act_document_id) if h.act_document_id else None
            if act is None:
                act = by_title.get((h.id, ACT_TITLE + number))
            returned = by_title.get((h.id, RETURN_ACT_TITLE + number))
            rows.append(ActRow(
                handover_id=h.id, application_id=app.id, act_number=number,
                application_number=app.number, learner_name=app.learner_name,
                learner_class=app.learner_class, applicant_name=app.submitter_name,
                inventory_no=inventory_no, issued_at=h.issued_at,
                issued_on_paper=bool(h.issued_on_paper), status=h.status,
                available=act is not None and file_path(store, act) is not None,
                returned_act_available=(returned is not None
                                        and file_path(store, returned) is not None)))
        return rows


def overdue_rows(store: Store, actor: Actor, today: date | None = None) -> list[OverdueRow]:
    """Issued devices past their return deadline with contacts: the desk's own list."""
    return overdue(store, actor, today)


OVERDUE_CSV_COLUMNS = ("Pieteikums", "Izglītojamais", "Klase", "Iesniedzējs", "Tālrunis",
                       "E-pasts", "Inventāra Nr.", "Atgriešanas termiņš", "Kavētas dienas")


def overdue_csv(rows: Iterable[OverdueContact]) -> bytes:
    """The rows as CSV (UTF-8 with BOM, semicolons, Latvian headers), every cell that a
    spreadsheet would evaluate defused (``csv_cells.neutral``)."""
    buffer = io.StringIO()
    write_csv(buffer, OVERDUE_CSV_COLUMNS, (
        (r.number, r.learner_name, r.learner_class, r.applicant_name, r.phone, r.email,
         r.inventory_no, r.return_deadline, r.days_overdue) for r in rows))
    return buffer.getvalue().encode("utf-8-sig")


def save_overdue_csv(rows: Sequence[OverdueContact], path: Path) -> int:
    """Write ``overdue_csv(rows)`` to ``path`` whole or not at all; the number of rows."""
    write_whole(path, overdue_csv(rows), make_folder=False)
    return len(rows)


def export_overdue(store: Store, actor: Actor, rows: Sequence[OverdueContact],
                   path: Path) -> int:
    """The desk's overdue list (the rows it shows) written to ``path``, and the export
    audited (what and how many, never the data); the number of rows."""
    require(actor, Permission.HAND_OVER)
    written = save_overdue_csv(rows, path)
    record_export(store, actor.username, actor.institution_id, "report", "overdue_desk",
                  {"format": "csv", "rows": written})
    return written
