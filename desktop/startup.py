"""What the main window needs to know about the school before it can fill in its filters and
title, read in ONE background task at start (Qt-free: it runs on a worker thread).

The window is built without these and fills them in when they arrive, so that building it
never runs a query on the GUI thread; the inbox's first rows are read in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import configure_mappers

from desktop.models import queries
from desktop.models.schema import ResourceKind
from desktop.models.store import Store


@dataclass(frozen=True)
class StartFacts:
    institution_id: str | None  # the school (the first one in the store when none was given)
    school_name: str | None
    kinds: list[tuple[str, str]] = field(default_factory=list)  # (code, label), by code
    # (grade, parallel), in school order (1.a … 12.c)
    classes: list[tuple[int, str | None]] = field(default_factory=list)


def prepare_queries() -> None:
    """Set up the ORM's mappers now (no SQL runs): the first query would do it, some 30 ms of
    pure Python under a lock, on the worker that reads the inbox's first rows."""
    configure_mappers()


def resource_kinds(store: Store, language: str = "lv") -> list[tuple[str, str]]:
    """Every resource kind as (code, label in ``language``), by code."""
    with store.read() as s:
        rows = s.execute(select(ResourceKind.code, ResourceKind.label_lv,
                                ResourceKind.label_en).order_by(ResourceKind.code)).all()
    return [(code, en if language == "en" else lv) for code, lv, en in rows]


def start_facts(store: Store, institution_id: str | None, language: str = "lv") -> StartFacts:
    """The school, its name, the resource kinds and the classes its applications name."""
    school = institution_id or queries.first_institution(store)
    if not school:
        return StartFacts(None, None, resource_kinds(store, language), [])
    return StartFacts(school, queries.institution_name(store, school),
                      resource_kinds(store, language), queries.learner_classes(store, school))
