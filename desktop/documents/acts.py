"""The acceptance-handover act (PNA) and the return act as PDF (reportlab).

Pure functions of a plain dataclass: no database, no Qt. DejaVu Sans is embedded (see
``report_pdf.register_fonts``) so ā č ē ģ ī ķ ļ ņ š ū ž print the same on every machine.
The electronic act records the applicant's confirmation in the e-service; the paper variant
(for when the desk is offline or the applicant has no phone) carries signature lines instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from desktop.models.files import write_whole

# The drawing (reportlab, some 50 ms to import) is in ``desktop.documents.act_pdf``,
# loaded at the first act, not at start.


@dataclass(frozen=True)
class ActData:
    """Everything an act states; built by ``desktop.models.desk.act_data``."""

    act_number: str
    application_number: str
    school_name: str
    school_address: str | None
    applicant_name: str
    applicant_role: str  # Latvian label: "Vecāks / aizbildnis", "Izglītojamais", …
    learner_name: str
    learner_class: str | None
    resource: str  # the kind's Latvian label
    inventory_no: str
    serial_no: str | None
    model: str | None  # manufacturer and model
    act_date: date
    return_deadline: date | None = None
    documents: tuple[str, ...] = ()  # titles the applicant confirmed having read
    confirmed_at: datetime | None = None  # when the applicant confirmed in the e-service
    staff_name: str = ""
    # the return act's facts
    returned_on: date | None = None
    condition: str | None = None  # Latvian label of the return condition
    grade: str | None = None  # Latvian label of the desk's grade ("Labs"), when recorded
    return_notes: str | None = None
    # the kind's checklist at the return: what came back and what did not, in its order
    returned_items: tuple[str, ...] = ()
    missing_items: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)
    # The school's act text in force on the act's day, placeholders filled in
    # (desktop.models.templates); None: the standard sentence.
    terms: str | None = None


def handover_act_pdf(data: ActData, *, paper: bool = False) -> bytes:
    """The handover act (``paper``: for signing by hand, not confirmed in the e-service)."""
    from desktop.documents import act_pdf

    return act_pdf.handover_act_pdf(data, paper=paper)


def return_act_pdf(data: ActData) -> bytes:
    """The return act."""
    from desktop.documents import act_pdf

    return act_pdf.return_act_pdf(data)


def write_pdf(content: bytes, path: Path) -> Path:
    """Write atomically: a half-written act never replaces a whole one. Plain: for a file a
    person saves where they chose; acts in the data folder (and the desk's print-outs) go
    through the store's vault instead (``Store.vault.write``), sealed."""
    return write_whole(path, content)
