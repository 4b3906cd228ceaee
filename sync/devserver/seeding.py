"""Filling the reference service from ``sample_data``'s realistic data set.

``sample_data.seed()`` fills a throw-away local store; its rows become wire aggregates:
reference data through ``sync.mapping``'s ``*_to_wire``; the applications (the bulk of it) by
``applications_json``, which reads the tables directly and yields exactly the JSON that
``sync.mapping.application_to_wire(...).model_dump_json()`` gives (checked by a test), in a
fraction of the time (no per-application queries, no ORM objects).
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import select

from desktop.models.codes import StaffRole
from desktop.models.schema import Institution, Item, OfferedKind, ResourceKind
from desktop.models.store import open_store
from sync.devserver.sample_data import DEFAULT_INSTITUTION as MAIN_INSTITUTION
from sync.devserver.sample_data import OTHER_INSTITUTION
from sync.devserver.sample_data import seed as seed_store
from sync.devserver.state import DevState
from sync.mapping import (
    institution_to_wire,
    item_to_wire,
    offered_kind_to_wire,
    resource_kind_to_wire,
)
from sync.protocol import ApplicationWire

DEMO_APPLICATIONS = 300
DEMO_PASSWORD = "demo"
#: (username, display name, {institution: role}) of the demo accounts on a seeded server.
DEMO_ACCOUNTS: tuple[tuple[str, str, dict[str, StaffRole]], ...] = (
    ("admin", "Ņina Ozola",
     {MAIN_INSTITUTION: StaffRole.ADMIN, OTHER_INSTITUTION: StaffRole.ADMIN}),
    ("reviewer", "Ilze Kalniņa", {MAIN_INSTITUTION: StaffRole.REVIEWER}),
    ("desk", "Ģirts Liepa", {MAIN_INSTITUTION: StaffRole.DESK}),
)
__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "MAIN_INSTITUTION", "OTHER_INSTITUTION",
           "applications_json", "seed_count", "seed_state"]

_HANDOVER_COLUMNS = (
    "id", "status", "item_id", "act_number", "status_changed_at", "created_at", "prepared_at",
    "issued_at", "returned_at", "return_deadline", "return_condition", "return_notes",
    "cancel_reason", "incident_description", "incident_reported_at",
    "incident_acknowledged_at", "closed_at",
)
_HANDOVER_TIMES = frozenset({
    "status_changed_at", "created_at", "prepared_at", "issued_at", "returned_at",
    "incident_reported_at", "incident_acknowledged_at", "closed_at",
})
_APPS = TypeAdapter(list[ApplicationWire])


def seed_count(seed: str | int) -> int:
    """``"demo"`` → 300 applications; a number → that many."""
    if isinstance(seed, str) and seed.strip().lower() == "demo":
        return DEMO_APPLICATIONS
    count = int(seed)
    if count < 0:
        raise ValueError("the number of applications cannot be negative")
    return count


def _aware(text: str | None) -> str | None:
    """The store's naive-UTC text ('2026-09-01 08:30:00.000000') as an aware timestamp."""
    return None if text is None else text + "+00:00"


def applications_json(store_file: Path) -> Iterator[tuple[int, str, int, str]]:
    """``(id, institution_id, version, ApplicationWire JSON)`` of every application, by id."""
    conn = sqlite3.connect(f"{store_file.as_uri()}?mode=ro", uri=True)
    try:
        social: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for aid, status, viis, confirmed, confirmed_at in conn.execute(
                "SELECT application_id, status, viis_code, confirmed, confirmed_at "
                "FROM application_social_statuses ORDER BY application_id, status"):
            social[aid].append({"status": status, "viis_code": viis,
                                "confirmed": bool(confirmed),
                                "confirmed_at": _aware(confirmed_at)})
        acks: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for aid, doc_id, doc_type, title, at in conn.execute(
                "SELECT a.application_id, d.id, d.doc_type, d.title, a.acknowledged_at "
                "FROM document_acknowledgements a JOIN documents d ON d.id = a.document_id "
                "ORDER BY a.application_id, d.id"):
            acks[aid].append({"document_id": doc_id, "doc_type": doc_type, "title": title,
                              "acknowledged_at": _aware(at)})
        handovers: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for row in conn.execute(
                f"SELECT application_id, {', '.join(_HANDOVER_COLUMNS)} FROM handovers "  # noqa: S608
                "ORDER BY application_id, created_at, id"):
            h = dict(zip(_HANDOVER_COLUMNS, row[1:], strict=True))
            for name in _HANDOVER_TIMES:
                h[name] = _aware(h[name])
            handovers[row[0]].append(h)
        rows = conn.execute(
            "SELECT id, number, institution_id, kind_code, status, status_changed_at, "
            "submitted_at, submitter_role, submitter_name, submitter_personal_code, "
            "learner_name, learner_personal_code, learner_class, guardian_check, "
            "guardian_checked_at, phone, email, decision_reason, revisit_on, "
            "withdrawal_reason, server_version, class_grade, class_parallel, notes "
            "FROM applications ORDER BY id").fetchall()
    finally:
        conn.close()
    chunk = 2000
    for start in range(0, len(rows), chunk):
        batch = [
            {
                "id": r[0], "version": max(r[20] or 0, 1), "number": r[1],
                "institution_id": r[2], "kind_code": r[3], "status": r[4],
                "status_changed_at": _aware(r[5]), "submitted_at": _aware(r[6]),
                "submitter": {"name": r[8], "personal_code": r[9], "role": r[7]},
                "learner": {"name": r[10], "personal_code": r[11], "class_grade": r[21],
                            "class_parallel": r[22]},
                "guardian_check": r[13], "guardian_checked_at": _aware(r[14]),
                "contact": {"phone": r[15], "email": r[16]},
                "social_statuses": social.get(r[0], []),
                "documents_acknowledged": acks.get(r[0], []),
                "decision_reason": r[17], "revisit_on": r[18], "withdrawal_reason": r[19],
                "notes": r[23],
                "handovers": handovers.get(r[0], []),
            }
            for r in rows[start:start + chunk]
        ]
        for app in _APPS.validate_python(batch):
            yield app.id, app.institution_id, app.version, app.model_dump_json()


def seed_state(state: DevState, applications: int, *, rng_seed: int = 1) -> None:
    """Fill an empty service with ``sample_data``'s data set and the demo accounts."""
    with tempfile.TemporaryDirectory(prefix="resursi-devserver-seed-") as tmp:
        folder = Path(tmp) / "store"
        seed_store(folder, applications, rng_seed=rng_seed)
        store = open_store(folder)
        try:
            with store.read() as session:
                institutions = [institution_to_wire(i) for i in
                                session.scalars(select(Institution).order_by(Institution.id))]
                kinds = [resource_kind_to_wire(k) for k in
                         session.scalars(select(ResourceKind).order_by(ResourceKind.code))]
                offered = [offered_kind_to_wire(session, o) for o in session.scalars(
                    select(OfferedKind).order_by(OfferedKind.institution_id,
                                                 OfferedKind.kind_code))]
                items = [item_to_wire(i) for i in session.scalars(
                    select(Item).order_by(Item.institution_id, Item.inventory_no))]
            path = store.path
            state.load(institutions=institutions, resource_kinds=kinds, offered_kinds=offered,
                       items=items, application_rows=applications_json(path))
        finally:
            store.close()
    for username, display_name, memberships in DEMO_ACCOUNTS:
        state.add_user(username, DEMO_PASSWORD, memberships, display_name=display_name)
