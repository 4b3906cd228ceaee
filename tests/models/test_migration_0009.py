"""Revision 0009: a store written before classes had a grade and a parallel upgrades with its
old one-text classes split, unparseable ones kept as text, and the indexes the inbox needs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from desktop.models import queries
from desktop.models.queries import InboxFilter
from desktop.models.schema import Application
from desktop.models.store import open_store

SCHOOL = "4313900123"
# id, learner class as the old store kept it
OLD_CLASSES = [(1, "5.b"), (2, "5b"), (3, "10. A"), (4, "12"), (5, "PII"), (6, None),
               (7, "2.a"), (8, "ī.b"), (9, "10.1"), (10, "5.a1")]


def _old_row(app_id: int, learner_class: str | None) -> str:
    klass = "NULL" if learner_class is None else f"'{learner_class}'"
    return (
        "INSERT INTO applications (id, number, institution_id, kind_code, status, "
        "status_changed_at, submitted_at, submitter_role, submitter_name, "
        "submitter_personal_code, learner_name, learner_personal_code, learner_class, "
        "guardian_check, server_version, updated_at, search_key, learner_sort, notifications) "
        f"VALUES ({app_id}, 'P-2026-{app_id:06d}', '{SCHOOL}', 'windows_laptop', 'submitted', "
        "'2026-09-01 08:30:00.000000', '2026-09-01 08:30:00.000000', 'parent_guardian', "
        f"'Līga Bērziņa', '010180-10006', 'Jānis Bērziņš {app_id}', '150312-20004', {klass}, "
        "'verified', 4, '2026-09-01 08:30:00.000000', 'old key', 'janis', '[]')"
    )


def test_old_classes_are_split_into_grade_and_parallel(data_dir: Path) -> None:
    old = open_store(data_dir, target_revision="0008")
    with old.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO institutions (id, name, server_version) "
                             f"VALUES ('{SCHOOL}', 'Rīgas Āgenskalna Valsts ģimnāzija', 1)")
        for app_id, learner_class in OLD_CLASSES:
            conn.exec_driver_sql(_old_row(app_id, learner_class))
    old.close()

    store = open_store(data_dir)
    try:
        with store.read() as s:
            rows = {a.id: (a.class_grade, a.class_parallel, a.learner_class)
                    for a in s.scalars(select(Application))}
            keys = dict(s.execute(select(Application.id, Application.search_key)).all())
            indexes = {r[1] for r in s.execute(text("PRAGMA index_list(applications)"))}
        assert rows == {
            1: (5, "b", "5.b"),
            2: (5, "b", "5.b"),
            3: (10, "a", "10.a"),
            4: (12, None, "12"),
            5: (None, None, "PII"),  # not a class the register knows: the text is kept
            6: (None, None, None),
            7: (2, "a", "2.a"),
            8: (None, None, "ī.b"),
            # a parallel with digits is one the register keeps (review of issue 13)
            9: (10, "1", "10.1"),
            10: (5, "a1", "5.a1"),
        }
        # the search finds the class as it is now written
        assert "10.a" in keys[3] and "berzins" in keys[3]
        assert keys[5] == "p-2026-000005 janis berzins 5 liga berzina pii"
        assert "ix_applications_institution_class_grade" in indexes
        assert "ix_applications_institution_learner_kind" in indexes
        assert "ix_applications_institution_class" not in indexes

        # sorting by class: by grade as a number (2 before 10), then parallel
        ids = queries.inbox_ids(store, InboxFilter(SCHOOL), sort="learner_class",
                                descending=False)
        graded = [i for i in ids if rows[i][0] is not None]
        assert graded == [7, 10, 1, 2, 9, 3, 4]  # 5.a1 before 5.b, 10.1 before 10.a
        fifth = queries.inbox_ids(store, InboxFilter(SCHOOL, class_grade=5))
        assert sorted(fifth) == [1, 2, 10]
    finally:
        store.close()
