"""URLs and what the one URL policy says of each (shared by the policy's tests)."""

from __future__ import annotations

from desktop.models.urls import UrlProblem

CASES = [
    ("https://resursi.izm.gov.lv", None),
    ("https://resursi.izm.gov.lv:8443/api", None),
    ("http://127.0.0.1:8765", None),
    ("http://127.8.9.1", None),
    ("http://localhost:8000", None),
    ("http://LOCALHOST.localdomain", None),
    ("http://[::1]:8080", None),
    ("http://resursi.izm.gov.lv", UrlProblem.PLAIN_HTTP),
    ("http://10.0.0.5", UrlProblem.PLAIN_HTTP),
    ("http://127.0.0.1.nip.io", UrlProblem.PLAIN_HTTP),
    ("ftp://resursi.izm.gov.lv", UrlProblem.SHAPE),
    ("resursi.izm.gov.lv", UrlProblem.SHAPE),
    ("https://", UrlProblem.SHAPE),
    ("https://serveris:99999", UrlProblem.SHAPE),
    ("https://serveris:ports", UrlProblem.SHAPE),
    ("https://jānis:parole@serveris.lv", UrlProblem.CREDENTIALS),
]

