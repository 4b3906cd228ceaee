"""The inbox reads only the rows on screen: indexes that yield a filter's rows in order, and
the counts kept as the rows change.

Every filter and sort read every matching id (100,000 applications: 20-35 ms; 300,000: three
times that). With an index on (school, <filter column>, <sort column>) a window of rows is a
range of the index, whatever the store holds: one per sort column for a status and for a kind
(the two filters staff use most), and (school, status) for the list sorted by status.

Free-text search looked for the words in every application's search key (300,000 encrypted:
25 ms a query, twice: the count and the window). ``applications_search`` (FTS5, trigrams) finds
the applications holding the words' trigrams; the words are then tested in those keys only.

``application_counts`` holds how many applications a school has per status, kind and class;
triggers keep it in the same transaction as the rows, so the count in the status bar is exact
after any write (a decision, a sync, an import, retention) and costs a few rows to read.
A later migration that rebuilds ``applications`` (a batch operation copies the table) drops
its triggers: it must create them again (``create_count_triggers``: the counts' and the
search's).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_applications_institution_status": ["institution_id", "status"],
    "ix_applications_institution_status_number": ["institution_id", "status", "number"],
    "ix_applications_institution_status_learner_sort": ["institution_id", "status",
                                                        "learner_sort"],
    "ix_applications_institution_status_class_grade": ["institution_id", "status",
                                                       "class_grade", "class_parallel"],
    "ix_applications_institution_status_kind_code": ["institution_id", "status", "kind_code"],
    "ix_applications_institution_kind_submitted": ["institution_id", "kind_code",
                                                   "submitted_at"],
    "ix_applications_institution_kind_number": ["institution_id", "kind_code", "number"],
    "ix_applications_institution_kind_learner_sort": ["institution_id", "kind_code",
                                                      "learner_sort"],
    "ix_applications_institution_kind_class_grade": ["institution_id", "kind_code",
                                                     "class_grade", "class_parallel"],
    "ix_applications_institution_kind_status": ["institution_id", "kind_code", "status"],
}

_KEY = "institution_id, status, kind_code, class_grade, class_parallel"


def _row(which: str) -> str:
    return (f"{which}.institution_id, {which}.status, {which}.kind_code, "
            f"coalesce({which}.class_grade, 0), coalesce({which}.class_parallel, '')")


def _add(which: str) -> str:
    # the columns' names only, from this module: no value is ever written into the text
    return (f"INSERT INTO application_counts ({_KEY}, count) VALUES ({_row(which)}, 1) "  # noqa: S608
            f"ON CONFLICT ({_KEY}) DO UPDATE SET count = count + 1;")


def _take(which: str) -> str:
    return (f"UPDATE application_counts SET count = count - 1 WHERE ({_KEY}) = "  # noqa: S608
            f"({_row(which)});")


_INDEX_KEY = ("INSERT INTO applications_search (rowid, search_key) "
              "VALUES (NEW.id, NEW.search_key);")
_DROP_KEY = ("INSERT INTO applications_search (applications_search, rowid, search_key) "
             "VALUES ('delete', OLD.id, OLD.search_key);")

TRIGGERS = {
    "application_counts_insert": f"AFTER INSERT ON applications BEGIN {_add('NEW')} END",
    "application_counts_delete": f"AFTER DELETE ON applications BEGIN {_take('OLD')} END",
    "applications_search_insert": f"AFTER INSERT ON applications BEGIN {_INDEX_KEY} END",
    "applications_search_delete": f"AFTER DELETE ON applications BEGIN {_DROP_KEY} END",
    "applications_search_update": (
        "AFTER UPDATE OF search_key ON applications WHEN OLD.search_key IS NOT NEW.search_key "
        f"BEGIN {_DROP_KEY} {_INDEX_KEY} END"),
    "application_counts_update": (
        "AFTER UPDATE OF institution_id, status, kind_code, class_grade, class_parallel "
        "ON applications WHEN OLD.institution_id IS NOT NEW.institution_id "
        "OR OLD.status IS NOT NEW.status OR OLD.kind_code IS NOT NEW.kind_code "
        "OR OLD.class_grade IS NOT NEW.class_grade "
        "OR OLD.class_parallel IS NOT NEW.class_parallel "
        f"BEGIN {_take('OLD')} {_add('NEW')} END"),
}


def create_count_triggers() -> None:
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def upgrade() -> None:
    op.create_table(
        "application_counts",
        sa.Column("institution_id", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("kind_code", sa.String(length=60), nullable=False),
        sa.Column("class_grade", sa.Integer(), nullable=False),
        sa.Column("class_parallel", sa.String(length=10), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("institution_id", "status", "kind_code", "class_grade",
                                "class_parallel", name=op.f("pk_application_counts")),
    )
    op.execute(f"INSERT INTO application_counts ({_KEY}, count) "  # noqa: S608
               "SELECT institution_id, status, kind_code, coalesce(class_grade, 0), "
               "coalesce(class_parallel, ''), count(*) FROM applications "
               "GROUP BY 1, 2, 3, 4, 5")
    # The search key's trigrams, without their positions (detail=none: a tenth of the size;
    # the few candidates it finds beyond the words are tested by the query). External
    # content: the keys stay in ``applications`` only.
    op.execute("CREATE VIRTUAL TABLE applications_search USING fts5(search_key, "
               "content='applications', content_rowid='id', tokenize='trigram', "
               "detail=none)")
    op.execute("INSERT INTO applications_search (applications_search) VALUES ('rebuild')")
    create_count_triggers()
    for name, columns in INDEXES.items():
        op.create_index(name, "applications", columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="applications")
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE applications_search")
    op.drop_table("application_counts")
