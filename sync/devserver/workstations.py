"""Workstations: which computers work with a school's data, and revoking one (issue 15).

Every staff request may name its computer (``X-Resursi-Workstation``, a UUID the app keeps in
its data folder, and ``X-Resursi-Workstation-Name``, its host name). The service records, per
school the signed-in user belongs to and per workstation: the name, the last user, when it was
first and last seen (the service's clock). Tokens issued on a request naming a workstation
are bound to it: they work only on requests naming that workstation (else 401), so tokens
taken from a laptop's keyring are worth nothing without its header. An administrator lists
the school's workstations and revokes one (a lost laptop); its tokens are deleted, and from
then on every request naming that workstation, sign-in included, is refused with the
``workstation-revoked`` problem, and the app erases its local copy. A revoked workstation is
never recorded as seen again.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import unquote

from desktop.models.codes import StaffRole
from desktop.models.validation import printable
from sync.devserver.db import Database
from sync.devserver.problems import (
    FORBIDDEN,
    NOT_FOUND,
    UNAUTHORIZED,
    WORKSTATION_REVOKED,
    ProblemError,
)
from sync.protocol import MAX_WORKSTATION_NAME, WORKSTATION_ID_PATTERN, WorkstationWire

_ID = re.compile(WORKSTATION_ID_PATTERN)
#: The longest name header taken (what it holds is decoded, cleaned and cut to the length kept).
MAX_RAW_NAME = 1000  # 80 characters of up to 4 UTF-8 bytes, each as %XX


@dataclass(frozen=True)
class Workstation:
    """The computer a request names: its id (canonical UUID) and printable name."""

    id: str
    name: str


class MalformedWorkstation(ValueError):
    """A workstation header is there but is not what it must be (a UUID; a name past
    ``MAX_RAW_NAME`` characters)."""


def workstation_from(header_id: str | None, header_name: str | None) -> Workstation | None:
    """The workstation a request names; None without the id header (an old client);
    ``MalformedWorkstation`` when the id is not a UUID or the name header is too long. The
    name is forgiven anything else: it is decoded, stripped of control characters and cut to
    the length kept."""
    if header_name is not None and len(header_name) > MAX_RAW_NAME:
        raise MalformedWorkstation(f"the X-Resursi-Workstation-Name header is longer than "
                                   f"{MAX_RAW_NAME} characters")
    if header_id is None:
        return None
    value = header_id
    if not _ID.fullmatch(value):
        raise MalformedWorkstation("the X-Resursi-Workstation header is not a UUID")
    return Workstation(canonical(value), clean_name(header_name or ""))


def canonical(workstation_id: str) -> str:
    """The id as kept: lower-case 8-4-4-4-12 (the pattern has been checked)."""
    return str(uuid.UUID(workstation_id))


def clean_name(raw: str) -> str:
    """A workstation name as kept: percent-decoded, no control or format characters, at most
    ``MAX_WORKSTATION_NAME`` characters, no surrounding space."""
    return printable(unquote(raw[:MAX_RAW_NAME], errors="replace"), MAX_WORKSTATION_NAME)


def revoked_problem() -> ProblemError:
    return ProblemError(
        403, "this workstation has been revoked; its local copy is to be erased",
        type_=WORKSTATION_REVOKED, title="Workstation revoked",
        detail_lv="Šī darbstacija ir atsaukta centrālajā servisā; tās dati tiek dzēsti.")


def another_workstations_token() -> ProblemError:
    """An access token bound to a workstation, on a request that names none or another: 401,
    so a client refreshes (refused the same way) and then signs in again."""
    return ProblemError(
        401, "the access token was issued to another workstation: send its "
        "X-Resursi-Workstation header, or sign in again on this one", type_=UNAUTHORIZED,
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        detail_lv="Pieteikšanās pieder citai darbstacijai; piesakieties vēlreiz.")


class Workstations:
    """The workstation register over the service's database; ``clock`` is the state's
    (seconds since the epoch), so a test that moves the clock moves these times too."""

    def __init__(self, db: Database, clock: Callable[[], float]) -> None:
        self.db = db
        self.clock = clock

    def _now(self) -> str:
        return datetime.fromtimestamp(self.clock(), UTC).isoformat()

    def is_revoked(self, workstation_id: str) -> bool:
        """Revoked at any school: its copy holds that school's data, whoever signs in."""
        with self.db.reading() as conn:
            return conn.execute(
                "SELECT EXISTS (SELECT 1 FROM workstations WHERE id = ? "
                "AND revoked_at IS NOT NULL)", (workstation_id,)).fetchone()[0] == 1

    def check(self, workstation: Workstation | None) -> None:
        """The revoked problem when ``workstation`` has been revoked."""
        if workstation is not None and self.is_revoked(workstation.id):
            raise revoked_problem()

    def seen(self, workstation: Workstation | None, username: str,
             institution_ids: Iterable[str]) -> None:
        """Record a request from ``workstation`` by ``username`` at each of the schools;
        nothing for an unnamed workstation, and a revoked one is refused, never recorded."""
        if workstation is None:
            return
        now = self._now()
        with self.db.transaction() as conn:
            if conn.execute("SELECT EXISTS (SELECT 1 FROM workstations WHERE id = ? "
                            "AND revoked_at IS NOT NULL)", (workstation.id,)).fetchone()[0]:
                raise revoked_problem()
            conn.executemany(
                "INSERT INTO workstations (institution_id, id, name, last_user, first_seen, "
                "last_seen) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (institution_id, id) DO UPDATE SET name = excluded.name, "
                "last_user = excluded.last_user, last_seen = excluded.last_seen",
                [(iid, workstation.id, workstation.name, username, now, now)
                 for iid in sorted(set(institution_ids))])

    @staticmethod
    def _administered(roles: dict[str, StaffRole]) -> list[str]:
        schools = [iid for iid, role in roles.items() if role is StaffRole.ADMIN]
        if not schools:
            raise ProblemError(403, "only a school's administrator manages its workstations",
                               type_=FORBIDDEN)
        return sorted(schools)

    def listing(self, roles: dict[str, StaffRole]) -> list[WorkstationWire]:
        """The workstations of the schools where ``roles`` make the caller administrator."""
        schools = self._administered(roles)
        marks = ", ".join("?" for _ in schools)
        with self.db.reading() as conn:
            rows = conn.execute(  # only "?" marks are formatted into the statement
                "SELECT id, name, institution_id, last_user, first_seen, last_seen, "  # noqa: S608
                "revoked_at "
                f"FROM workstations WHERE institution_id IN ({marks}) "
                "ORDER BY institution_id, last_seen DESC, id", schools).fetchall()
        return [WorkstationWire(id=r[0], name=r[1], institution_id=r[2], last_user=r[3],
                                first_seen=datetime.fromisoformat(r[4]),
                                last_seen=datetime.fromisoformat(r[5]),
                                revoked_at=datetime.fromisoformat(r[6]) if r[6] else None)
                for r in rows]

    def revoke(self, roles: dict[str, StaffRole], username: str, workstation_id: str) -> None:
        """Revoke the workstation at the caller's schools; a second time changes nothing.
        Unknown and another school's workstation answer the same 404."""
        schools = self._administered(roles)
        marks = ", ".join("?" for _ in schools)
        key = canonical(workstation_id)
        with self.db.transaction() as conn:
            found = conn.execute(
                f"SELECT COUNT(*) FROM workstations WHERE id = ? "  # noqa: S608
                f"AND institution_id IN ({marks})", (key, *schools)).fetchone()[0]
            if not found:
                raise ProblemError(404, "no such workstation at your school", type_=NOT_FOUND)
            conn.execute(
                f"UPDATE workstations SET revoked_at = ?, revoked_by = ? "  # noqa: S608
                f"WHERE id = ? AND institution_id IN ({marks}) AND revoked_at IS NULL",
                (self._now(), username, key, *schools))
            # Its tokens go, whichever school they were used at: a thief with the laptop's
            # keyring leaves the header out, and those tokens would still sign him in.
            conn.execute("DELETE FROM tokens WHERE workstation_id = ?", (key,))
