"""The administrator's workstation list (issue 15), Qt-free: what the dialog's callables do.

``load_workstations(client)`` asks the central service for the workstations of the schools the
signed-in user administers and folds them into one row per computer (a computer used for two
schools is one laptop to revoke; ``client.revoke_workstation`` revokes it at all of them). Both
run on a worker thread (``desktop.tasks``), never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sync.client import CentralClient
    from sync.protocol import WorkstationWire


@dataclass(frozen=True)
class Row:
    """One computer as the dialog shows it."""

    id: str
    name: str
    last_user: str
    last_seen: datetime
    revoked_at: datetime | None = None
    this: bool = False  # the computer the dialog runs on

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


def rows_of(listed: list[WorkstationWire], this_id: str | None = None) -> list[Row]:
    """One row per workstation id: name and user of its latest contact with any school,
    revoked when revoked at any (the earliest time); most recently seen first."""
    by_id: dict[str, list[WorkstationWire]] = {}
    for wire in listed:
        by_id.setdefault(wire.id, []).append(wire)
    rows = []
    for workstation_id, wires in by_id.items():
        latest = max(wires, key=lambda w: w.last_seen)
        revocations = [w.revoked_at for w in wires if w.revoked_at is not None]
        rows.append(Row(id=workstation_id, name=latest.name, last_user=latest.last_user,
                        last_seen=latest.last_seen,
                        revoked_at=min(revocations) if revocations else None,
                        this=workstation_id == this_id))
    return sorted(rows, key=lambda r: (r.last_seen, r.id), reverse=True)


def load_workstations(client: CentralClient) -> list[Row]:
    """The rows of the dialog (CentralError subclasses on failure: offline, forbidden…)."""
    this_id = client.workstation[0] if client.workstation else None
    return rows_of(client.workstations(), this_id)
