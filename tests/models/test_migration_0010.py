"""Revision 0010: a store written before the check-in checklist upgrades with every kind's
checklist empty and every return without a grade or checklist, and goes back down intact."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, select, text

from desktop.models.codes import HandoverStatus, ReturnCondition
from desktop.models.schema import Handover, OfferedKind
from desktop.models.store import DB_FILENAME, Store, _alembic_config, open_store

SCHOOL = "4313900123"
HANDOVER = "00000000-0000-4000-8000-000000000001"


def _old_rows(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO institutions (id, name, server_version) "
                             f"VALUES ('{SCHOOL}', 'Rīgas Āgenskalna Valsts ģimnāzija', 1)")
        conn.exec_driver_sql(
            "INSERT INTO offered_kinds (id, institution_id, kind_code, target_group, "
            f"accepting_applications, server_version, updated_at) VALUES ('ok-win', '{SCHOOL}', "
            "'windows_laptop', 'all', 1, 3, '2026-09-01 08:30:00.000000')")
        conn.exec_driver_sql(
            "INSERT INTO applications (id, number, institution_id, kind_code, status, "
            "status_changed_at, submitted_at, submitter_role, submitter_name, "
            "submitter_personal_code, learner_name, learner_personal_code, guardian_check, "
            "server_version, updated_at, search_key, learner_sort, notifications) VALUES "
            f"(1, 'P-2026-000001', '{SCHOOL}', 'windows_laptop', 'confirmed', "
            "'2026-09-01 08:30:00.000000', '2026-09-01 08:30:00.000000', 'parent_guardian', "
            "'Līga Bērziņa', '010180-10006', 'Jānis Bērziņš', '150312-20004', 'verified', 4, "
            "'2026-09-01 08:30:00.000000', 'key', 'janis', '[]')")
        conn.exec_driver_sql(
            "INSERT INTO handovers (id, application_id, status, status_changed_at, created_at, "
            "return_condition, return_notes) VALUES "
            f"('{HANDOVER}', 1, 'returned', '2026-09-01 08:30:00.000000', "
            "'2026-09-01 08:30:00.000000', 'damaged', 'Ieplaisājis ekrāns')")


def test_an_old_store_upgrades_with_empty_checklists_and_no_grades(data_dir: Path) -> None:
    old = open_store(data_dir, target_revision="0009")
    _old_rows(old)
    old.close()

    store = open_store(data_dir)
    try:
        with store.read() as s:
            kind = s.get(OfferedKind, "ok-win")
            h = s.get(Handover, HANDOVER)
            assert kind is not None and h is not None
            assert kind.check_in_checklist == []
            assert (h.status, h.return_condition, h.return_notes) == (
                HandoverStatus.RETURNED, ReturnCondition.DAMAGED, "Ieplaisājis ekrāns")
            assert (h.return_grade, h.return_checklist) == (None, [])
        # rows written without the new columns (the seeding's plain inserts) get them empty
        with store.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO offered_kinds (id, institution_id, kind_code, target_group, "
                f"accepting_applications, server_version, updated_at) VALUES ('ok-tab', "
                f"'{SCHOOL}', 'tablet', 'employee', 1, 1, '2026-09-01 08:30:00.000000')")
        with store.read() as s:
            assert s.scalar(select(OfferedKind.check_in_checklist)
                            .where(OfferedKind.id == "ok-tab")) == []
    finally:
        store.close()


def test_the_revision_goes_back_down(data_dir: Path) -> None:
    store = open_store(data_dir)
    _old_rows(store)
    store.close()
    engine = create_engine(f"sqlite:///{data_dir / DB_FILENAME}")
    try:
        with engine.begin() as conn:
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0009")
        with engine.connect() as conn:
            columns = {r[1] for r in conn.execute(text("PRAGMA table_info(handovers)"))}
            kinds = {r[1] for r in conn.execute(text("PRAGMA table_info(offered_kinds)"))}
            notes = conn.execute(text(f"SELECT return_notes FROM handovers "
                                      f"WHERE id = '{HANDOVER}'")).scalar()
        assert not {"return_grade", "return_checklist"} & columns
        assert "check_in_checklist" not in kinds
        assert notes == "Ieplaisājis ekrāns"
    finally:
        engine.dispose()
