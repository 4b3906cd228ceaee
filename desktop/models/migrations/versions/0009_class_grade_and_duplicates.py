"""A learner's class as grade and parallel (the register's), and the index for duplicates.

The class was one text ("5.b", "5b", "10. A", "12"), so the inbox sorted "10.a" before "2.a"
and could not filter by grade. The register keeps ``ResourceTargetPersonClassGrade`` and
``ResourceTargetPersonClassParallel``: the old texts are split into those two columns and
written back as "5.b"; a text that names no grade ("PII") keeps its text and no grade.
The search key is rebuilt with the class as it is now written.

The second index finds the same learner's other applications for the same kind in one look-up
per row (the inbox marks duplicates among the rows it shows).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-09
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Frozen copies of classes.parse_class / class_label and schema.search_key_for as of this
# revision: a later change to them must not change what this migration did. The split was
# corrected before this revision was released (the register's parallel is any text up to ten
# characters, "10.1" and "5.a1" too, which the first copy read as no class): the copy is the
# corrected rule, the same as classes.parse_class at that fix.
_CLASS = re.compile(
    r"(?P<grade>\d{1,2})(?:\s*\.\s*(?P<dotted>.*)|\s+(?P<spaced>[^\W_].*)|(?P<glued>[^\W\d_].*))?",
    re.DOTALL)
_LATVIAN = str.maketrans("āčēģīķļņōŗšūž", "acegiklnorsuz")


def _parse(text: str | None) -> tuple[int | None, str | None]:
    found = _CLASS.fullmatch(text.strip()) if text is not None else None
    if found is None:
        return None, None
    grade = int(found["grade"])
    parallel = (found["dotted"] or found["spaced"] or found["glued"] or "").strip().lower()
    if not 1 <= grade <= 12 or len(parallel) > 10:
        return None, None
    return grade, parallel or None


def _label(grade: int, parallel: str | None) -> str:
    return f"{grade}.{parallel}" if parallel else str(grade)


def _fold(text: str) -> str:
    folded = text.casefold().translate(_LATVIAN)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _search_key(*parts: str | None) -> str:
    return _fold(" ".join(p for p in parts if p))


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("class_grade", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("class_parallel", sa.String(length=10), nullable=True))
        batch.drop_index("ix_applications_institution_class")
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, number, learner_name, submitter_name, learner_class FROM applications"
    )).all()
    updates = []
    for r in rows:
        grade, parallel = _parse(r.learner_class)
        klass = r.learner_class if grade is None else _label(grade, parallel)
        updates.append({"id": r.id, "grade": grade, "parallel": parallel, "class": klass,
                        "key": _search_key(r.number, r.learner_name, r.submitter_name, klass)})
    if updates:
        conn.execute(sa.text(
            "UPDATE applications SET class_grade = :grade, class_parallel = :parallel, "
            "learner_class = :class, search_key = :key WHERE id = :id"), updates)
    op.create_index("ix_applications_institution_class_grade", "applications",
                    ["institution_id", "class_grade", "class_parallel"], unique=False)
    op.create_index("ix_applications_institution_learner_kind", "applications",
                    ["institution_id", "learner_personal_code", "kind_code"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_applications_institution_learner_kind", table_name="applications")
    op.drop_index("ix_applications_institution_class_grade", table_name="applications")
    with op.batch_alter_table("applications") as batch:
        batch.drop_column("class_parallel")
        batch.drop_column("class_grade")
        batch.create_index("ix_applications_institution_class",
                           ["institution_id", "learner_class"])
