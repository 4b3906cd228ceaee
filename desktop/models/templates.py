"""A school's document templates: the act's text and the usage rules, with placeholders.

A template belongs to one offered kind (the register keeps them per resource type), has a
document type (``pna`` for the act's text, ``exploitation_rules`` for the usage rules), a
title, a body with ``{{placeholders}}`` and the days it is valid. The act is rendered from the
template in force on its day: the one valid then that started last. Pure: no store, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from desktop.models.codes import DocumentType

#: The document types a school writes itself.
TEMPLATE_TYPES = (DocumentType.PNA, DocumentType.EXPLOITATION_RULES)
MAX_BODY = 20_000

#: Every placeholder a template may use: its name, its Latvian and English label.
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "skola": ("Iestādes nosaukums", "School"),
    "skolas_adrese": ("Iestādes adrese", "School address"),
    "iesniedzejs": ("Iesniedzēja vārds, uzvārds", "Applicant"),
    "izglitojamais": ("Izglītojamā vārds, uzvārds", "Learner"),
    "klase": ("Klase", "Class"),
    "resurss": ("Resursa veids", "Device type"),
    "modelis": ("Ražotājs un modelis", "Make and model"),
    "inventara_nr": ("Inventāra numurs", "Inventory number"),
    "serijas_nr": ("Sērijas numurs", "Serial number"),
    "akta_nr": ("Akta numurs", "Act number"),
    "pieteikuma_nr": ("Pieteikuma numurs", "Application number"),
    "datums": ("Izsniegšanas datums", "Issue date"),
    "atgriesanas_termins": ("Atgriešanas termiņš", "Return deadline"),
}
_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


def placeholders_in(body: str) -> list[str]:
    """The placeholder names ``body`` uses, each once, in order."""
    return list(dict.fromkeys(m.group(1) for m in _PLACEHOLDER.finditer(body)))


def unknown_placeholders(body: str) -> list[str]:
    """The names in ``body`` that are no placeholder (a typo would print as is)."""
    return [name for name in placeholders_in(body) if name not in PLACEHOLDERS]


def render(body: str, values: Mapping[str, str | None]) -> str:
    """``body`` with each placeholder replaced by its value ("—" for a missing one)."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1)) or "—", body)


def sample_values() -> dict[str, str]:
    """What a preview fills in: a plausible case."""
    return {
        "skola": "Rīgas 1. pamatskola", "skolas_adrese": "Skolas iela 1, Rīga",
        "iesniedzejs": "Līga Bērziņa", "izglitojamais": "Jānis Bērziņš", "klase": "7.b",
        "resurss": "Windows portatīvais dators", "modelis": "HP ProBook 450 G10",
        "inventara_nr": "RAVĢ-2026-000123", "serijas_nr": "5CD1234XYZ",
        "akta_nr": "P-2026-000123-A1", "pieteikuma_nr": "P-2026-000123",
        "datums": "07.12.2026", "atgriesanas_termins": "31.05.2027",
    }


@dataclass(frozen=True)
class Validity:
    """A template's days and the moment it was written (the later one wins a tie)."""

    id: str
    doc_type: DocumentType
    valid_from: date | None
    valid_to: date | None


def in_force(templates: Iterable[Validity], doc_type: DocumentType, day: date) -> str | None:
    """The id of the template of ``doc_type`` in force on ``day``: valid then, started last."""
    valid = [t for t in templates
             if t.doc_type is doc_type and t.valid_from is not None and t.valid_from <= day
             and (t.valid_to is None or day <= t.valid_to)]
    if not valid:
        return None
    return max(valid, key=lambda t: (t.valid_from or date.min, t.id)).id
