"""Applicant sign-in on the simulated e-service (latvija.lv's part, as the register sees it).

The real e-service knows the applicant from latvija.lv's authentication (a bank or eID
sign-in); the reference service takes the personal code as proof, which is all a simulation
can do, and then behaves as the real one must: a session per sign-in, a bearer token for the
JSON actions or a cookie for the pages, each with its own CSRF secret, lapsing after
``SESSION_TTL`` of the service's clock. Sessions live in memory: a restart signs everyone out,
as a restart of the real portal does.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass

SESSION_TTL = 30 * 60  # seconds: a parent confirms within minutes of scanning the code
COOKIE = "resursi_eservice"


@dataclass(frozen=True)
class ApplicantSession:
    """Who signed in (the normalised personal code) and the session's CSRF secret."""

    personal_code: str
    csrf: str
    expires_at: float

    def csrf_matches(self, offered: str | None) -> bool:
        # as bytes: compare_digest refuses a str with letters outside ASCII (a 500, not a no)
        return bool(offered) and hmac.compare_digest(self.csrf.encode(),
                                                     (offered or "").encode())


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApplicantSessions:
    """The signed-in applicants, by the hash of their token (a memory dump gives no token)."""

    def __init__(self, clock: Callable[[], float], ttl: int = SESSION_TTL) -> None:
        self._clock = clock
        self._ttl = ttl
        self._sessions: dict[str, ApplicantSession] = {}
        self._lock = threading.Lock()

    def sign_in(self, personal_code: str) -> tuple[str, ApplicantSession]:
        """A new session for ``personal_code`` (already checked): its token and itself."""
        token = secrets.token_urlsafe(32)
        now = self._clock()
        session = ApplicantSession(personal_code, secrets.token_urlsafe(32), now + self._ttl)
        with self._lock:
            self._sessions = {k: s for k, s in self._sessions.items() if s.expires_at > now}
            self._sessions[_hash(token)] = session
        return token, session

    def find(self, token: str | None) -> ApplicantSession | None:
        """The live session of ``token``; None for a missing, unknown or lapsed one."""
        if not token:
            return None
        with self._lock:
            session = self._sessions.get(_hash(token))
        if session is None or session.expires_at <= self._clock():
            return None
        return session

    def sign_out(self, token: str | None) -> None:
        if token:
            with self._lock:
                self._sessions.pop(_hash(token), None)

    @property
    def ttl(self) -> int:
        return self._ttl

