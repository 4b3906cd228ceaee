"""What the main window needs to know about the school before it can fill in its filters and
title, read in ONE background task at start (Qt-free: it runs on a worker thread).

The window is built without these and fills them in when they arrive, so that building it
never runs a query on the GUI thread; the inbox's first rows are read in parallel.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping
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


#: The libraries Qt's xcb platform plugin loads that a bare Debian/Ubuntu often lacks (the
#: name ``find_library`` takes, and the Debian package that brings it).
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-xkb", "libxcb-xkb1"),
)


def missing_xcb_packages(*, finder: Callable[[str], str | None] = ctypes.util.find_library,
                         platform: str = sys.platform,
                         environ: Mapping[str, str] = os.environ) -> list[str]:
    """The Debian packages to install before Qt's xcb plugin can open a window; empty when
    nothing is missing or xcb is not what Qt will use (another OS, another QT_QPA_PLATFORM,
    a Wayland session). Checked before the QApplication: Qt's own failure is an abort with a
    message about plugins that does not say what to install."""
    if not platform.startswith("linux"):
        return []
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if chosen and chosen != "xcb":
        return []
    if not chosen and environ.get("WAYLAND_DISPLAY"):
        return []  # Qt may well open on Wayland; do not refuse what could work
    return [package for library, package in XCB_LIBRARIES if not finder(library)]


def missing_xcb_message(packages: list[str]) -> str:
    """What to print instead of Qt's abort, in Latvian and English."""
    install = "sudo apt install " + " ".join(packages)
    return ("Resursi nevar atvērt logu: trūkst Qt xcb platformas bibliotēku.\n"
            f"Instalējiet tās un palaidiet vēlreiz:\n    {install}\n"
            "Resursi cannot open a window: Qt's xcb platform libraries are missing.\n"
            f"Install them and start again:\n    {install}")
