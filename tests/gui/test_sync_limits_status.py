"""What a person sees when the central service's answer is too large or too slow: the status
line names the problem and when the next attempt comes (no traceback, no generic text)."""

from __future__ import annotations

import pytest

from desktop.syncing import SyncController
from desktop.tasks import TaskRunner
from sync.client import (
    DEFAULT_MAX_RESPONSE_BYTES,
    CentralError,
    DeadlineExceededError,
    ResponseTooLargeError,
)
from sync.engine import Backoff, SyncReport


class _FailingEngine:
    def __init__(self, error: CentralError) -> None:
        self.error = error
        self.backoff = Backoff()

    def sync_once(self) -> SyncReport:
        raise self.error


@pytest.mark.parametrize(("error", "words"), [
    (ResponseTooLargeError("GET /v1/institutions/4313900123/changes",
                           DEFAULT_MAX_RESPONSE_BYTES),
     "Centrālā servisa atbilde pārsniedz 32 MB"),
    (DeadlineExceededError("GET /v1/institutions/4313900123/changes", 60.0),
     "Centrālais serviss neatbildēja 60 s laikā"),
])
def test_the_status_line_names_the_limit(qtbot, error: CentralError, words: str) -> None:
    tasks = TaskRunner()
    sync = SyncController(tasks, _FailingEngine(error), interval_s=600)  # type: ignore[arg-type]
    with qtbot.waitSignal(sync.connection_changed, timeout=3000) as changed:
        sync.sync_now()
    online, text = changed.args
    assert not online
    assert words in text and "nākamais mēģinājums" in text
    sync.stop()
    tasks.wait()

