"""A first sync whose page brings a kind's documents and the applications acknowledging them
(the kinds come first in the feed, through the ORM; the applications in bulk after them)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from desktop.models.schema import Application, Document, DocumentAcknowledgement
from desktop.models.store import open_store
from sync.client import CentralClient
from sync.credentials import MemoryCredentials
from sync.devserver.server import DevServer
from sync.engine import SyncEngine

SCHOOL = "4313900123"


def test_documents_added_by_the_kinds_are_not_inserted_again_for_the_applications(
        tmp_path: Path) -> None:
    with DevServer(seed=60) as server:
        client = CentralClient(server.url, username="reviewer", credentials=MemoryCredentials())
        store = open_store(tmp_path / "dati")
        try:
            client.sign_in("demo")
            report = SyncEngine(store, client, SCHOOL).sync_once()
            with store.read() as s:
                held = s.scalar(select(func.count()).select_from(Application))
                acks = s.scalar(select(func.count()).select_from(DocumentAcknowledgement))
                named = set(s.scalars(select(DocumentAcknowledgement.document_id)))
                docs = set(s.scalars(select(Document.id)))
            expected = len(server.application_ids(SCHOOL))
        finally:
            client.close()
            store.close()
    assert report.pulled > 0 and held == expected
    assert acks > 0 and named <= docs
