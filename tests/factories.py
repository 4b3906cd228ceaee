"""Small, readable builders of store rows for tests (bench.seed makes the big data sets)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    GuardianCheck,
    HandoverStatus,
    ItemStatus,
    SocialStatus,
    StaffRole,
    TargetGroup,
)
from desktop.models.journal import Actor
from desktop.models.schema import (
    Application,
    ApplicationSocialStatus,
    Base,
    Handover,
    Institution,
    Item,
    OfferedKind,
    ResourceKind,
)
from desktop.models.store import Store

SCHOOL = "4313900123"
OTHER_SCHOOL = "4313900999"
WHEN = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)
_ids = itertools.count(1000)

REVIEWER = Actor("ilze.reviewer", SCHOOL, StaffRole.REVIEWER)
DESK = Actor("desk.ģirts", SCHOOL, StaffRole.DESK)
ADMIN = Actor("admin.ņina", SCHOOL, StaffRole.ADMIN)


def seed_catalogue(store: Store) -> None:
    """One school (and a second one), two kinds, one of them for socially supported learners."""
    with store.write() as s:
        s.add_all(
            [
                Institution(id=SCHOOL, name="Rīgas Āgenskalna Valsts ģimnāzija"),
                Institution(id=OTHER_SCHOOL, name="Liepājas Raiņa 6. vidusskola"),
                ResourceKind(code="windows_laptop", type_code="computer",
                             label_lv="Windows portatīvais dators", label_en="Windows laptop"),
                ResourceKind(code="chromebook_laptop", type_code="computer",
                             label_lv="Chromebook portatīvais dators", label_en="Chromebook"),
                ResourceKind(code="tablet", type_code="tablet", label_lv="Planšetdators",
                             label_en="Tablet"),
            ]
        )
        s.flush()
        s.add_all(
            [
                OfferedKind(id="ok-win", institution_id=SCHOOL, kind_code="windows_laptop",
                            target_group=TargetGroup.ALL),
                OfferedKind(id="ok-chr", institution_id=SCHOOL, kind_code="chromebook_laptop",
                            target_group=TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER),
                OfferedKind(id="ok-tab", institution_id=SCHOOL, kind_code="tablet",
                            target_group=TargetGroup.EMPLOYEE),
            ]
        )


def add_item(
    store: Store,
    *,
    kind: str = "windows_laptop",
    status: ItemStatus = ItemStatus.AVAILABLE,
    socially_supported: bool = False,
    inventory_no: str | None = None,
    institution: str = SCHOOL,
) -> str:
    n = next(_ids)
    with store.write() as s:
        item = Item(
            institution_id=institution,
            kind_code=kind,
            inventory_no=inventory_no or f"INV-{n}",
            serial_no=f"SN{n:08d}",
            manufacturer="Lenovo",
            model="ThinkPad E14",
            year=2024,
            socially_supported=socially_supported,
            status=status,
        )
        s.add(item)
        s.flush()
        return item.id


def add_application(
    store: Store,
    *,
    status: ApplicationStatus = ApplicationStatus.SUBMITTED,
    kind: str = "windows_laptop",
    role: ApplicantRole = ApplicantRole.PARENT_GUARDIAN,
    social: SocialStatus | None = None,
    social_confirmed: bool = True,
    institution: str = SCHOOL,
    learner: str = "Jānis Bērziņš",
    submitter: str = "Līga Bērziņa",
    learner_class: str = "7.b",
) -> int:
    app_id = next(_ids)
    with store.write() as s:
        app = Application(
            id=app_id,
            number=f"P-2026-{app_id:06d}",
            institution_id=institution,
            kind_code=kind,
            status=status,
            status_changed_at=WHEN,
            submitted_at=WHEN,
            submitter_role=role,
            submitter_name=submitter,
            submitter_personal_code="010180-10006",
            learner_name=learner,
            learner_personal_code="150312-20004",
            learner_class=learner_class,
            guardian_check=GuardianCheck.VERIFIED,
            guardian_checked_at=WHEN,
            phone="+37120000000",
            email="liga.berzina@example.lv",
        )
        s.add(app)
        if social is not None:
            s.add(
                ApplicationSocialStatus(
                    application_id=app_id, status=social, viis_code=social.viis_code,
                    confirmed=social_confirmed,
                )
            )
    return app_id


def add_handover(
    store: Store, application_id: int, item_id: str | None, status: HandoverStatus
) -> str:
    with store.write() as s:
        h = Handover(application_id=application_id, item_id=item_id, status=status,
                     status_changed_at=WHEN, created_at=WHEN)
        s.add(h)
        s.flush()
        return h.id


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order: "nothing changed" checked literally."""
    out = {}
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def damaged_at_its_end(data_dir: Path) -> Path:
    """A plain store whose last page (audit rows written last) is damaged: the schema and the
    revision still read, so only a check of every page finds it. The store file's path."""
    from desktop.models.store import DB_FILENAME, open_store

    store = open_store(data_dir)
    with store.engine.begin() as conn:
        for n in range(400):
            conn.exec_driver_sql(
                "INSERT INTO audit_log (at, actor, action, entity_type, entity_id, details) "
                f"VALUES ('2026-01-01 00:00:00', 'Ārija Ķēniņa', 'y', 'z', '{n}', '{{}}')")
    store.close()
    path = data_dir / DB_FILENAME
    raw = bytearray(path.read_bytes())
    raw[(len(raw) // 4096 - 1) * 4096] = 0x77  # the b-tree page type byte of the last page
    path.write_bytes(bytes(raw))
    return path
