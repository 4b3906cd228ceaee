"""Between wire aggregates (``sync.protocol``) and the local store's rows, both ways.

``*_to_wire`` reads local rows into the wire form (used to seed the reference server from a
seeded store and to compare a client with the server in tests); ``apply_*`` writes a pulled
aggregate into the local store inside the caller's transaction, replacing the previous copy.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, get_args, get_origin, get_type_hints

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.models.aggregates import HANDOVER_FIELDS, HandoverData
from desktop.models.classes import MAX_PARALLEL
from desktop.models.codes import DocumentType
from desktop.models.inventory import money_text
from desktop.models.schema import (
    Application,
    ApplicationSocialStatus,
    Document,
    DocumentAcknowledgement,
    Handover,
    Institution,
    Item,
    OfferedKind,
    ResourceKind,
    StatusHistory,
    SyncState,
    latvian_sort_key,
    search_key_for,
    utcnow,
)
from sync.protocol import (
    ApplicationWire,
    Contact,
    DocumentAck,
    DocumentWire,
    HandoverWire,
    InstitutionWire,
    ItemWire,
    Learner,
    OfferedKindWire,
    ResourceKindWire,
    SocialStatusClaim,
    Submitter,
)

CENTRAL = "central"

# The handover's fields, one list for the rules, the store and the wire ("id" first).
_HANDOVER_FIELDS = HANDOVER_FIELDS
_ITEM_FIELDS = (
    "kind_code", "inventory_no", "serial_no", "manufacturer", "model", "year",
    "socially_supported", "location", "notes", "status",
)


# --- local → wire ------------------------------------------------------------------------


def application_to_wire(session: Session, app: Application) -> ApplicationWire:
    acks = session.execute(
        select(DocumentAcknowledgement, Document)
        .join(Document, Document.id == DocumentAcknowledgement.document_id)
        .where(DocumentAcknowledgement.application_id == app.id)
        .order_by(Document.id)
    ).all()
    handovers = session.scalars(
        select(Handover).where(Handover.application_id == app.id).order_by(Handover.created_at,
                                                                           Handover.id)
    ).all()
    return ApplicationWire(
        id=app.id,
        version=max(app.server_version, 1),
        number=app.number,
        institution_id=app.institution_id,
        kind_code=app.kind_code,
        status=app.status,
        status_changed_at=app.status_changed_at,
        submitted_at=app.submitted_at,
        submitter=Submitter(name=app.submitter_name, personal_code=app.submitter_personal_code,
                            role=app.submitter_role),
        learner=_learner(app),
        guardian_check=app.guardian_check,
        guardian_checked_at=app.guardian_checked_at,
        contact=Contact(phone=app.phone, email=app.email),
        social_statuses=[
            SocialStatusClaim(status=s.status, viis_code=s.viis_code, confirmed=s.confirmed,
                              confirmed_at=s.confirmed_at)
            for s in sorted(app.social_statuses, key=lambda s: s.status.value)
        ],
        documents_acknowledged=[
            DocumentAck(document_id=doc.id, doc_type=doc.doc_type, title=doc.title,
                        acknowledged_at=ack.acknowledged_at)
            for ack, doc in acks
        ],
        decision_reason=app.decision_reason,
        revisit_on=app.revisit_on,
        withdrawal_reason=app.withdrawal_reason,
        notes=app.notes,
        handovers=[
            HandoverWire(**{name: getattr(h, name) for name in _HANDOVER_FIELDS})
            for h in handovers
        ],
        notifications=list(app.notifications or []),
    )


def _learner(app: Application) -> Learner:
    grade, parallel = app.class_grade, app.class_parallel
    if grade is None and parallel is None and app.learner_class \
            and len(app.learner_class) <= MAX_PARALLEL:
        parallel = app.learner_class  # an old text that names no grade (revision 0009)
    return Learner(name=app.learner_name, personal_code=app.learner_personal_code,
                   class_grade=grade, class_parallel=parallel)


def item_to_wire(item: Item) -> ItemWire:
    return ItemWire(
        id=item.id,
        version=max(item.server_version, 1),
        institution_id=item.institution_id,
        acquisition_value=money_text(item.acquisition_value),
        **{name: getattr(item, name) for name in _ITEM_FIELDS},
    )


def offered_kind_to_wire(session: Session, offered: OfferedKind) -> OfferedKindWire:
    docs = session.scalars(
        select(Document).where(Document.offered_kind_id == offered.id).order_by(Document.id)
    ).all()
    return OfferedKindWire(
        id=offered.id,
        version=max(offered.server_version, 1),
        institution_id=offered.institution_id,
        kind_code=offered.kind_code,
        target_group=offered.target_group,
        accepting_applications=offered.accepting_applications,
        check_in_checklist=list(offered.check_in_checklist or []),
        documents=[DocumentWire(id=d.id, doc_type=d.doc_type, title=d.title, url=d.url,
                                body=d.body, valid_from=d.valid_from, valid_to=d.valid_to)
                   for d in docs],
    )


def institution_to_wire(inst: Institution) -> InstitutionWire:
    return InstitutionWire(id=inst.id, version=max(inst.server_version, 1), name=inst.name,
                           address=inst.address,
                           default_return_deadline=inst.default_return_deadline)


def resource_kind_to_wire(kind: ResourceKind) -> ResourceKindWire:
    return ResourceKindWire(code=kind.code, type_code=kind.type_code, label_lv=kind.label_lv,
                            label_en=kind.label_en)


# --- wire → local --------------------------------------------------------------------------


def apply_institution(session: Session, wire: InstitutionWire) -> bool:
    inst = session.get(Institution, wire.id)
    if inst is not None and inst.server_version >= wire.version:
        return False
    if inst is None:
        inst = Institution(id=wire.id)
        session.add(inst)
    inst.name = wire.name
    inst.address = wire.address
    inst.default_return_deadline = wire.default_return_deadline
    inst.server_version = wire.version
    if session.get(SyncState, wire.id) is None:
        session.add(SyncState(institution_id=wire.id))
    return True


def apply_resource_kind(session: Session, wire: ResourceKindWire) -> bool:
    kind = session.get(ResourceKind, wire.code)
    if kind is None:
        kind = ResourceKind(code=wire.code)
        session.add(kind)
    changed = (kind.type_code, kind.label_lv, kind.label_en) != (
        wire.type_code, wire.label_lv, wire.label_en)
    kind.type_code, kind.label_lv, kind.label_en = wire.type_code, wire.label_lv, wire.label_en
    return changed


def apply_offered_kind(session: Session, wire: OfferedKindWire) -> bool:
    offered = session.get(OfferedKind, wire.id)
    if offered is not None and offered.server_version >= wire.version:
        return False
    if offered is None:
        offered = OfferedKind(id=wire.id, institution_id=wire.institution_id)
        session.add(offered)
    offered.kind_code = wire.kind_code
    offered.target_group = wire.target_group
    offered.accepting_applications = wire.accepting_applications
    offered.check_in_checklist = list(wire.check_in_checklist)
    offered.server_version = wire.version
    offered.updated_at = utcnow()
    session.flush()
    keep = {d.id for d in wire.documents}
    session.execute(delete(Document).where(Document.offered_kind_id == wire.id,
                                           Document.id.not_in(keep)))
    for d in wire.documents:
        doc = session.get(Document, d.id)
        if doc is None:
            doc = Document(id=d.id, institution_id=wire.institution_id)
            session.add(doc)
        doc.offered_kind_id = wire.id
        doc.doc_type, doc.title, doc.url = d.doc_type, d.title, d.url
        doc.body, doc.valid_from, doc.valid_to = d.body, d.valid_from, d.valid_to
    return True


def apply_item(session: Session, wire: ItemWire) -> bool:
    item = session.get(Item, wire.id)
    if item is not None and item.server_version >= wire.version:
        return False
    if item is None:
        item = Item(id=wire.id, institution_id=wire.institution_id)
        session.add(item)
    for name in _ITEM_FIELDS:
        setattr(item, name, getattr(wire, name))
    item.acquisition_value = (
        None if wire.acquisition_value is None else Decimal(wire.acquisition_value)
    )
    item.server_version = wire.version
    item.updated_at = utcnow()
    return True


def apply_application(session: Session, wire: ApplicationWire) -> bool:
    """Replace the local copy with ``wire`` if it is newer; True when something was written.

    Status changes that arrive this way get a history row marked ``central`` so the timeline
    shows what happened on the applicant's side (withdrawn, receipt confirmed, lost…).
    """
    app = session.get(Application, wire.id)
    if app is not None and app.server_version >= wire.version:
        return False
    before_status = None if app is None else app.status
    before_handovers = {} if app is None else {h.id: h.status for h in app.handovers}
    if app is None:
        app = Application(id=wire.id)
        session.add(app)
    app.number = wire.number
    app.institution_id = wire.institution_id
    app.kind_code = wire.kind_code
    app.status = wire.status
    app.status_changed_at = wire.status_changed_at
    app.submitted_at = wire.submitted_at
    app.submitter_role = wire.submitter.role
    app.submitter_name = wire.submitter.name
    app.submitter_personal_code = wire.submitter.personal_code
    app.learner_name = wire.learner.name
    app.learner_personal_code = wire.learner.personal_code
    app.class_grade = wire.learner.class_grade
    app.class_parallel = wire.learner.class_parallel
    app.learner_class = wire.learner.class_label
    app.guardian_check = wire.guardian_check
    app.guardian_checked_at = wire.guardian_checked_at
    app.phone = wire.contact.phone
    app.email = wire.contact.email
    app.decision_reason = wire.decision_reason
    app.revisit_on = wire.revisit_on
    app.withdrawal_reason = wire.withdrawal_reason
    app.notes = wire.notes
    app.notifications = [n.model_dump(mode="json") for n in wire.notifications]
    app.server_version = wire.version
    app.updated_at = utcnow()
    session.flush()

    session.execute(delete(ApplicationSocialStatus)
                    .where(ApplicationSocialStatus.application_id == app.id))
    session.add_all(
        ApplicationSocialStatus(application_id=app.id, status=s.status, viis_code=s.viis_code,
                                confirmed=s.confirmed, confirmed_at=s.confirmed_at)
        for s in wire.social_statuses
    )
    session.execute(delete(DocumentAcknowledgement)
                    .where(DocumentAcknowledgement.application_id == app.id))
    for ack in wire.documents_acknowledged:
        if session.get(Document, ack.document_id) is None:
            session.add(Document(id=ack.document_id, institution_id=wire.institution_id,
                                 doc_type=DocumentType(ack.doc_type), title=ack.title))
            session.flush()
        session.add(DocumentAcknowledgement(application_id=app.id, document_id=ack.document_id,
                                            acknowledged_at=ack.acknowledged_at))

    incoming = {h.id for h in wire.handovers}
    for gone in list(app.handovers):
        if gone.id not in incoming:
            session.delete(gone)
    session.flush()
    for hw in wire.handovers:
        held = session.get(Handover, hw.id)
        if held is None:
            held = Handover(id=hw.id, application_id=app.id)
            session.add(held)
        for name in _HANDOVER_FIELDS[1:]:
            setattr(held, name, getattr(hw, name))
        held.attachments = [a.model_dump(mode="json") for a in hw.attachments]
        held.return_checklist = [e.model_dump(mode="json") for e in hw.return_checklist]
    session.flush()
    # Rows were deleted and added by key, not through the collection: read it afresh, so a
    # rule run later in the same transaction sees the server's handovers only.
    session.expire(app, ["handovers"])

    if before_status is not None and before_status != wire.status:
        session.add(StatusHistory(
            entity_type="application", entity_id=str(app.id), application_id=app.id,
            action="sync", from_status=before_status.value, to_status=wire.status.value,
            actor=CENTRAL, source=CENTRAL, at=wire.status_changed_at,
        ))
    for hw in wire.handovers:
        old = before_handovers.get(hw.id)
        if app is not None and old is not None and old != hw.status:
            session.add(StatusHistory(
                entity_type="handover", entity_id=hw.id, application_id=app.id,
                action="sync", from_status=old.value, to_status=hw.status.value,
                actor=CENTRAL, source=CENTRAL, at=hw.status_changed_at,
            ))
    return True


def delete_record(session: Session, of: str, record_id: str) -> bool:
    """A tombstone for an item or an offered kind; True when there was a local copy.

    The documents of a kind that applicants confirmed stay (detached from the kind): what a
    person acknowledged is part of their application, not of the catalogue.
    """
    if of == "offered_kind":
        offered = session.get(OfferedKind, record_id)
        if offered is None:
            return False
        session.execute(update(Document)
                        .where(Document.offered_kind_id == record_id,
                               Document.id.in_(select(DocumentAcknowledgement.document_id)))
                        .values(offered_kind_id=None))
        session.delete(offered)
    else:
        item = session.get(Item, record_id)
        if item is None:
            return False
        session.delete(item)
    session.flush()
    return True


def delete_application(session: Session, application_id: int) -> bool:
    """A tombstone: the application goes with everything that hangs on it (cascades)."""
    app = session.get(Application, application_id)
    if app is None:
        return False
    session.delete(app)
    return True


def _sql_time(value: datetime | None) -> str | None:
    """The text SQLAlchemy's SQLite DateTime stores: naive UTC with microseconds."""
    if value is None:
        return None
    if value.utcoffset():
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _sql_day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _code(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


def _json_list(value: list[Any]) -> str:
    return json.dumps([v.model_dump(mode="json") for v in value]) if value else "[]"


def _converter(kind: Any) -> Callable[[Any], object]:
    """How a handover field of type ``kind`` is stored (see insert_new_applications)."""
    if get_origin(kind) is list:
        return _json_list
    types = set(get_args(kind)) or {kind}
    origins = {get_origin(t) for t in types}
    if datetime in types:
        return _sql_time
    if date in types:
        return _sql_day
    if list in origins:
        return _json_list
    if any(isinstance(t, type) and issubclass(t, StrEnum) for t in types):
        return _code
    return _same


def _same(value: object) -> object:
    return value


# One converter per handover field, chosen once from the aggregate's types, not per value.
_HANDOVER_CONVERTERS = tuple(
    (name, _converter(hint)) for name, hint in get_type_hints(HandoverData).items())


def _insert_rows(session: Session, table: str, columns: Sequence[str],
                 rows: Sequence[tuple[object, ...]]) -> None:
    if rows:
        marks = ", ".join("?" for _ in columns)
        session.connection().exec_driver_sql(  # names are this module's constants
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)  # noqa: S608


_APP_COLUMNS = (
    "id", "number", "institution_id", "kind_code", "status", "status_changed_at",
    "submitted_at", "submitter_role", "submitter_name", "submitter_personal_code",
    "learner_name", "learner_personal_code", "learner_class", "class_grade", "class_parallel",
    "guardian_check", "guardian_checked_at", "phone", "email", "decision_reason", "revisit_on",
    "withdrawal_reason", "server_version", "updated_at", "search_key", "learner_sort",
    "notifications", "notes",
)


def insert_new_applications(session: Session, wires: list[ApplicationWire]) -> int:
    """Insert applications the store does not hold yet, with plain executemany.

    The initial sync brings tens of thousands at once; the ORM's per-row work would cost most
    of the time. Values are converted here exactly as the column types would store them
    (tests read them back through the ORM). Callers pass only ids not in the store.
    """
    if not wires:
        return 0
    now = _sql_time(utcnow())
    known_docs = _known_documents(session, wires)
    new_docs: dict[str, tuple[object, ...]] = {}
    apps: list[tuple[object, ...]] = []
    socials: list[tuple[object, ...]] = []
    acks: list[tuple[object, ...]] = []
    handovers: list[tuple[object, ...]] = []
    for w in wires:
        apps.append(_app_row(w, now))
        socials.extend(_social_rows(w))
        acks.extend(_ack_rows(w, known_docs, new_docs, now))
        handovers.extend((w.id, *_handover_row(h)) for h in w.handovers)
    _insert_rows(session, "documents", _DOC_COLUMNS, list(new_docs.values()))
    _insert_rows(session, "applications", _APP_COLUMNS, apps)
    _insert_rows(session, "application_social_statuses", _SOCIAL_COLUMNS, socials)
    _insert_rows(session, "document_acknowledgements", _ACK_COLUMNS, acks)
    _insert_rows(session, "handovers", ("application_id", *_HANDOVER_FIELDS), handovers)
    return len(apps)


def _app_row(w: ApplicationWire, now: str | None) -> tuple[object, ...]:
    """The ``_APP_COLUMNS`` of one application, as the columns' types store them (the search
    key and sort key as the ORM's before_insert/before_update hook computes them)."""
    sub, learner = w.submitter, w.learner
    label = learner.class_label
    return (
        w.id, w.number, w.institution_id, w.kind_code, w.status.value,
        _sql_time(w.status_changed_at), _sql_time(w.submitted_at), sub.role.value,
        sub.name, sub.personal_code, learner.name, learner.personal_code,
        label, learner.class_grade, learner.class_parallel,
        w.guardian_check.value, _sql_time(w.guardian_checked_at),
        w.contact.phone, w.contact.email, w.decision_reason, _sql_day(w.revisit_on),
        _code(w.withdrawal_reason), w.version, now,
        search_key_for(w.number, learner.name, sub.name, label),
        latvian_sort_key(learner.name),
        _json_list(w.notifications), w.notes,
    )


def _social_rows(w: ApplicationWire) -> list[tuple[object, ...]]:
    return [(w.id, x.status.value, x.viis_code, x.confirmed, _sql_time(x.confirmed_at))
            for x in w.social_statuses]


def _ack_rows(w: ApplicationWire, known_docs: set[str],
              new_docs: dict[str, tuple[object, ...]], now: str | None
              ) -> list[tuple[object, ...]]:
    """The application's acknowledgements; the documents they name that the store lacks are
    added to ``new_docs`` (inserted before them)."""
    rows: list[tuple[object, ...]] = []
    for ack in w.documents_acknowledged:
        if ack.document_id not in known_docs and ack.document_id not in new_docs:
            new_docs[ack.document_id] = (ack.document_id, w.institution_id,
                                         ack.doc_type.value, ack.title, now)
        rows.append((w.id, ack.document_id, _sql_time(ack.acknowledged_at)))
    return rows


def _handover_row(h: HandoverWire) -> tuple[object, ...]:
    """``_HANDOVER_FIELDS`` of one handover ("id" first), as the columns store them."""
    return tuple(convert(getattr(h, name)) for name, convert in _HANDOVER_CONVERTERS)


_DOC_COLUMNS = ("id", "institution_id", "doc_type", "title", "created_at")
_SOCIAL_COLUMNS = ("application_id", "status", "viis_code", "confirmed", "confirmed_at")
_ACK_COLUMNS = ("application_id", "document_id", "acknowledged_at")
_HISTORY_COLUMNS = ("entity_type", "entity_id", "application_id", "action", "from_status",
                    "to_status", "actor", "source", "at")


def _known_documents(session: Session, wires: Sequence[ApplicationWire]) -> set[str]:
    """Which of the documents the applications acknowledge the store holds (a handful of
    the kinds' templates, looked up by key: not every act the store keeps)."""
    named = sorted({a.document_id for w in wires for a in w.documents_acknowledged})
    # The page's kinds may have added their documents through the ORM a moment ago: the
    # plain SQL below sees only what is flushed (an ORM select would have flushed first).
    session.flush()
    return {row[0] for row in _rows_in(
        session, "SELECT id FROM documents WHERE id IN ({})", named)}


def _rows_in(session: Session, sql: str, ids: Sequence[object]) -> list[Any]:
    """Rows of ``sql`` (``... IN ({})``) for ``ids``, in pieces SQLite binds at once (the
    text holds only this module's constants and "?" marks)."""
    rows: list[Any] = []
    for start in range(0, len(ids), 900):
        part = ids[start:start + 900]
        rows.extend(session.connection().exec_driver_sql(
            sql.format(", ".join("?" * len(part))), tuple(part)).all())
    return rows


def replace_applications(session: Session, wires: Sequence[ApplicationWire]) -> None:
    """Write each of ``wires`` over the local copy, whatever its version (the service's
    answer to our own command: it is the truth now), or insert it when there is none.

    ``apply_application``'s rules for each, done for all in a few statements: the row, its
    social statuses, acknowledgements and handovers replaced (a handover gone from the
    service goes here), the search and sort keys as the ORM hook computes them, and a
    ``central`` history row for each application or handover whose status the service
    changed. A drain acknowledges hundreds of commands at once; the ORM's dozen statements
    and object work per application cost most of its time. ORM copies of these rows in the
    session are expired, so what the session reads next is what was written.
    """
    if not wires:
        return
    session.flush()  # the session's own pending changes go first, as an ORM flush would
    ids = [w.id for w in wires]
    held = {row[0]: row[1] for row in _rows_in(
        session, "SELECT id, status FROM applications WHERE id IN ({})", ids)}
    fresh = [w for w in wires if w.id not in held]
    known = [w for w in wires if w.id in held]
    insert_new_applications(session, fresh)
    if not known:
        return
    known_ids = [w.id for w in known]
    handovers_held = {row[0]: (row[1], row[2]) for row in _rows_in(
        session, "SELECT id, application_id, status FROM handovers "
        "WHERE application_id IN ({})", known_ids)}
    now = _sql_time(utcnow())
    known_docs = _known_documents(session, known)
    new_docs: dict[str, tuple[object, ...]] = {}
    apps, socials, acks = [], [], []
    updates, inserts, history = [], [], []
    incoming: set[str] = set()
    for w in known:
        row = _app_row(w, now)
        apps.append((*row[1:], row[0]))
        socials.extend(_social_rows(w))
        acks.extend(_ack_rows(w, known_docs, new_docs, now))
        if held[w.id] != w.status.value:
            history.append(("application", str(w.id), w.id, "sync", held[w.id],
                            w.status.value, CENTRAL, CENTRAL, _sql_time(w.status_changed_at)))
        for h in w.handovers:
            incoming.add(h.id)
            values = _handover_row(h)
            before = handovers_held.get(h.id)
            if before is None:
                inserts.append((w.id, *values))
                continue
            updates.append((*values[1:], h.id))
            if before[0] == w.id and before[1] != h.status.value:
                history.append(("handover", h.id, w.id, "sync", before[1], h.status.value,
                                CENTRAL, CENTRAL, _sql_time(h.status_changed_at)))
    run = session.connection().exec_driver_sql
    # names are this module's constants; every value is bound
    run(f"UPDATE applications SET {', '.join(f'{c} = ?' for c in _APP_COLUMNS[1:])} "  # noqa: S608
        "WHERE id = ?", apps)
    for table in ("application_social_statuses", "document_acknowledgements"):
        run(f"DELETE FROM {table} WHERE application_id = ?",  # noqa: S608
            [(i,) for i in known_ids])
    _insert_rows(session, "documents", _DOC_COLUMNS, list(new_docs.values()))
    _insert_rows(session, "application_social_statuses", _SOCIAL_COLUMNS, socials)
    _insert_rows(session, "document_acknowledgements", _ACK_COLUMNS, acks)
    # Handovers as the ORM flushes them: the gone deleted, then the kept updated, then the new
    # inserted (one active handover per application holds at every step).
    gone = [(i,) for i, (app_id, _) in handovers_held.items() if i not in incoming]
    if gone:
        run("DELETE FROM handovers WHERE id = ?", gone)
    if updates:
        run(f"UPDATE handovers SET {', '.join(f'{c} = ?' for c in _HANDOVER_FIELDS[1:])} "  # noqa: S608
            "WHERE id = ?", updates)
    _insert_rows(session, "handovers", ("application_id", *_HANDOVER_FIELDS), inserts)
    _insert_rows(session, "status_history", _HISTORY_COLUMNS, history)
    _expire(session, set(known_ids), set(handovers_held))


def _expire(session: Session, app_ids: set[int], handover_ids: set[str]) -> None:
    """ORM copies of rows written underneath the session: read again on next use."""
    for obj in list(session.identity_map.values()):
        if (isinstance(obj, Application) and obj.id in app_ids
                or isinstance(obj, Handover) and obj.id in handover_ids
                or isinstance(obj, ApplicationSocialStatus | DocumentAcknowledgement)
                and obj.application_id in app_ids):
            session.expire(obj)


def insert_new_items(session: Session, wires: list[ItemWire]) -> int:
    """Items the store does not hold yet, in one executemany (see insert_new_applications)."""
    now = _sql_time(utcnow())
    _insert_rows(session, "items", (
        "id", "institution_id", "kind_code", "inventory_no", "serial_no", "manufacturer",
        "model", "year", "acquisition_value", "socially_supported", "location", "notes",
        "status", "server_version", "updated_at"), [
        (w.id, w.institution_id, w.kind_code, w.inventory_no, w.serial_no, w.manufacturer,
         w.model, w.year, None if w.acquisition_value is None else str(w.acquisition_value),
         w.socially_supported, w.location, w.notes, w.status.value, w.version, now)
        for w in wires
    ])
    return len(wires)
