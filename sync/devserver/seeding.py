"""Filling the reference service from ``sample_data``'s realistic data set.

``sample_data.seed()`` fills a throw-away local store; its rows become wire aggregates:
reference data through ``sync.mapping``'s ``*_to_wire``; the applications (the bulk of it) by
``applications_json``, which reads the tables directly and yields exactly the JSON that
``sync.mapping.application_to_wire(...).model_dump_json()`` gives (checked by a test), in a
fraction of the time (no per-application queries, no ORM objects).
"""

from __future__ import annotations

import json
import re
import sqlite3
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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
from sync.protocol import (
    ApplicationWire,
    InstitutionWire,
    ItemWire,
    OfferedKindWire,
    ResourceKindWire,
)

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
           "SCHOOL_PASSWORD", "applications_json", "school_ids", "school_user", "seed_count",
           "seed_schools", "seed_state"]

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


@dataclass(frozen=True)
class _Sample:
    """``sample_data``'s data set as wires, and its store's file (its applications are read
    from there as JSON while the store is open)."""

    institutions: list[InstitutionWire]
    kinds: list[ResourceKindWire]
    offered: list[OfferedKindWire]
    items: list[ItemWire]
    path: Path


@contextmanager
def _sample(applications: int, rng_seed: int, school: str | None = None) -> Iterator[_Sample]:
    """Generate the data set in a temporary store and read it as wires (only ``school``'s
    when one is named); the store is gone when the block ends."""
    with tempfile.TemporaryDirectory(prefix="resursi-devserver-seed-") as tmp:
        folder = Path(tmp) / "store"
        seed_store(folder, applications, rng_seed=rng_seed)
        store = open_store(folder)
        try:
            with store.read() as session:
                places = (Institution.id == school,) if school else ()
                offered_at = (OfferedKind.institution_id == school,) if school else ()
                items_at = (Item.institution_id == school,) if school else ()
                yield _Sample(
                    [institution_to_wire(i) for i in session.scalars(
                        select(Institution).where(*places).order_by(Institution.id))],
                    [resource_kind_to_wire(k) for k in
                     session.scalars(select(ResourceKind).order_by(ResourceKind.code))],
                    [offered_kind_to_wire(session, o) for o in session.scalars(
                        select(OfferedKind).where(*offered_at).order_by(
                            OfferedKind.institution_id, OfferedKind.kind_code))],
                    [item_to_wire(i) for i in session.scalars(
                        select(Item).where(*items_at).order_by(Item.institution_id,
                                                               Item.inventory_no))],
                    store.path)
        finally:
            store.close()


def seed_state(state: DevState, applications: int, *, rng_seed: int = 1) -> None:
    """Fill an empty service with ``sample_data``'s data set and the demo accounts."""
    with _sample(applications, rng_seed) as sample:
        state.load(institutions=sample.institutions, resource_kinds=sample.kinds,
                   offered_kinds=sample.offered, items=sample.items,
                   application_rows=applications_json(sample.path))
    for username, display_name, memberships in DEMO_ACCOUNTS:
        state.add_user(username, DEMO_PASSWORD, memberships, display_name=display_name)


# -- many schools (bench.national_load) ------------------------------------------------------
SCHOOL_PASSWORD = DEMO_PASSWORD
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_CLONES = uuid.UUID("6f1d2c1e-5b7a-4c1e-9a52-0b9e3c7d1a11")


def school_ids(schools: int) -> list[str]:
    """The ids ``seed_schools`` gives: the sample's main school first (the demo accounts work
    there), then ``40xxxxxxxx`` numbered from 1 (never the sample's ``43139…`` ids)."""
    return [MAIN_INSTITUTION] + [f"40{k:08d}" for k in range(1, schools)]


def school_user(institution_id: str) -> str:
    """The staff account ``seed_schools`` makes at a school (a reviewer; password "demo")."""
    return f"skola.{institution_id}"


def _cloned(text: str, k: int, institution_id: str) -> str:
    """A body of the main school's as school ``k``'s: its id in place of the main school's,
    and every UUID (items, handovers, offered kinds, documents) mapped to one of its own."""
    if k == 0:
        return text
    text = text.replace(f'"{MAIN_INSTITUTION}"', f'"{institution_id}"').replace(
        f"/{MAIN_INSTITUTION}/", f"/{institution_id}/")
    return _UUID.sub(lambda m: str(uuid.uuid5(_CLONES, f"{k}:{m.group(0)}")), text)


def seed_schools(state: DevState, schools: int, applications: int, *,
                 rng_seed: int = 1) -> list[str]:
    """Fill an empty service with ``schools`` schools, each a copy of ``sample_data``'s main
    school holding ``applications`` applications (its catalogue, items and handovers with
    their own ids; application numbers and acts numbered on across the country), one
    reviewer account per school (``school_user``) and the demo accounts. Returns the ids.

    Copying one generated school keeps seeding a country affordable (600 schools in seconds,
    not 600 runs of the generator); only the JSON's ids differ between schools."""
    if schools < 1:
        raise ValueError("at least one school")
    ids = school_ids(schools)
    with _sample(applications, rng_seed, MAIN_INSTITUTION) as sample:
        (institution,) = sample.institutions
        kinds = sample.kinds
        offered = [o.model_dump_json() for o in sample.offered]
        items = [i.model_dump_json() for i in sample.items]
        apps = [json.loads(body) for _, iid, _, body in applications_json(sample.path)
                if iid == MAIN_INSTITUTION]

    def application_rows() -> Iterator[tuple[int, str, int, str]]:
        next_id = 1
        for k, iid in enumerate(ids):
            for app in apps:
                year = app["number"][2:6]
                number = f"P-{year}-{next_id:06d}"
                copy = dict(app, id=next_id, number=number, handovers=[
                    dict(h, act_number=None if h["act_number"] is None
                         else f"{number}-{h['act_number'].rsplit('-', 1)[1]}")
                    for h in app["handovers"]])
                body = json.dumps(copy, ensure_ascii=False, separators=(",", ":"))
                yield next_id, iid, copy["version"], _cloned(body, k, iid)
                next_id += 1

    state.load(
        institutions=[institution.model_copy(update={
            "id": iid, "name": institution.name if k == 0 else f"{k}. skola ({institution.name})"})
            for k, iid in enumerate(ids)],
        resource_kinds=kinds,
        offered_kinds=[OfferedKindWire.model_validate_json(_cloned(o, k, iid))
                       for k, iid in enumerate(ids) for o in offered],
        items=[ItemWire.model_validate_json(_cloned(i, k, iid))
               for k, iid in enumerate(ids) for i in items],
        application_rows=application_rows())
    for username, display_name, memberships in DEMO_ACCOUNTS:
        state.add_user(username, DEMO_PASSWORD, {MAIN_INSTITUTION: memberships[MAIN_INSTITUTION]},
                       display_name=display_name)
    # One scrypt hash for every school's account: hashing 600 passwords would take longer
    # than seeding the schools.
    state.add_user(school_user(ids[0]), SCHOOL_PASSWORD, {ids[0]: StaffRole.REVIEWER})
    with state.db.transaction() as conn:
        hashed = conn.execute("SELECT password_hash FROM users WHERE username = ?",
                              (school_user(ids[0]),)).fetchone()[0]
        conn.executemany("INSERT INTO users VALUES (?, ?, ?)",
                         [(school_user(iid), school_user(iid), hashed) for iid in ids[1:]])
        conn.executemany("INSERT INTO memberships VALUES (?, ?, ?)",
                         [(school_user(iid), iid, StaffRole.REVIEWER.value) for iid in ids[1:]])
    return ids
