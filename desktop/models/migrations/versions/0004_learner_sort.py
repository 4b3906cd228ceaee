"""Sorting by the learner's name in Latvian alphabetical order, and by number, through indexes.

SQLite compares text byte by byte, which puts "Čakste" after "Zariņa"; a stored sort key
(č after c, š after s, long vowels with their short ones) keeps the order right and lets
ORDER BY use an index on 100,000 rows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen copies of schema.fold and schema.latvian_sort_key as of this revision.
_PRIMARY = str.maketrans({
    "ā": "a", "ē": "e", "ī": "i", "ū": "u", "ō": "o",
    "č": "c~", "ģ": "g~", "ķ": "k~", "ļ": "l~", "ņ": "n~", "ŗ": "r~", "š": "s~", "ž": "z~",
})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _sort_key(text: str) -> str:
    lowered = text.casefold()
    return f"{_fold(lowered.translate(_PRIMARY))}\x00{lowered}"


def upgrade() -> None:
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("learner_sort", sa.Text(), nullable=False,
                                      server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, learner_name FROM applications")).all()
    if rows:
        conn.execute(sa.text("UPDATE applications SET learner_sort = :key WHERE id = :id"),
                     [{"id": r.id, "key": _sort_key(r.learner_name)} for r in rows])
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.alter_column("learner_sort", server_default=None)
        batch_op.create_index("ix_applications_institution_learner_sort",
                              ["institution_id", "learner_sort"])
        batch_op.create_index("ix_applications_institution_number",
                              ["institution_id", "number"])


def downgrade() -> None:
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index("ix_applications_institution_number")
        batch_op.drop_index("ix_applications_institution_learner_sort")
        batch_op.drop_column("learner_sort")
