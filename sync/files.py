"""The files that travel with commands, both ways.

Up: a command that names files (the act, the scan of a signed act, a police report) goes only
after their bytes reached the central service under the ids it names; the service refuses it
otherwise. Down: the act and attachments another workstation filed are fetched after a pull,
checked against the sha256 the handover names, and kept under ``documents/<application>/``
with their ``Document`` row. A file that does not match is never written. On disk the files
are sealed with the store's key (``store.vault``); on the wire and at the central service
they are plain, and every sha256 is of the plain content.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from desktop.models.codes import DocumentType
from desktop.models.commands import MAX_FILE_BYTES, DocumentRef, Payload, documents_of
from desktop.models.errors import InputError, StoreError
from desktop.models.files import DOCUMENTS_DIR, inside
from desktop.models.lifecycle import suffix_of
from desktop.models.schema import Application, Document, Handover
from desktop.models.store import Store
from sync.client import CentralClient, CentralError

log = logging.getLogger(__name__)

#: How many missing files one sync fetches at most (the rest come with the next ones).
FETCH_LIMIT = 100


class MissingFile(Exception):
    """A command names a file this workstation does not hold (any more)."""


def local_bytes(store: Store, ref: DocumentRef) -> bytes:
    """The content of a file a command names, as filed here (opened: the central service
    keeps plain files and checks the same sha256); MissingFile if gone or changed."""
    with store.read() as s:
        doc = s.get(Document, ref.id)
        relative = doc.file_path if doc is not None else None
    if not relative:
        raise MissingFile(f"the file {ref.id} is not in the local store")
    try:
        content = store.vault.read(inside(store.data_dir, *Path(relative).parts))
    except (OSError, InputError, StoreError) as exc:  # StoreError: the vault cannot open it
        raise MissingFile(f"the file {ref.id} cannot be read") from exc
    if hashlib.sha256(content).hexdigest() != ref.sha256:
        raise MissingFile(f"the file {ref.id} was changed after it was filed")
    return content


def upload(store: Store, client: CentralClient, institution_id: str, payload: Payload,
           sent: set[str]) -> None:
    """Send the files ``payload`` names that this engine has not sent yet (``sent``)."""
    for ref in documents_of(payload):
        if ref.id in sent:
            continue
        client.put_file(institution_id, ref.id, local_bytes(store, ref))
        sent.add(ref.id)


@dataclass(frozen=True)
class Wanted:
    """A file a handover names that is not here yet."""

    id: str
    application_id: int
    handover_id: str
    doc_type: DocumentType
    title: str
    sha256: str
    name: str | None  # the file's name in the application's folder (None: from its id)


def wanted(session: Session, institution_id: str, application_ids: set[int] | None = None,
           limit: int = FETCH_LIMIT) -> list[Wanted]:
    """Acts and attachments named by this school's handovers (of ``application_ids`` only,
    when given), missing locally."""
    found: list[Wanted] = []
    only = (Handover.application_id.in_(sorted(application_ids))
            if application_ids is not None else true())
    acts = session.execute(
        select(Handover.id, Handover.application_id, Handover.act_document_id,
               Handover.act_sha256, Handover.act_number)
        .join(Application, Application.id == Handover.application_id)
        .outerjoin(Document, Document.id == Handover.act_document_id)
        .where(Application.institution_id == institution_id, only,
               Handover.act_document_id.is_not(None), Handover.act_sha256.is_not(None),
               Document.id.is_(None))
        .limit(limit)).all()
    for hid, app_id, doc_id, sha, act_number in acts:
        assert doc_id is not None and sha is not None  # the query asked for both
        found.append(Wanted(doc_id, app_id, hid, DocumentType.PNA,
                            f"Pieņemšanas-nodošanas akts {act_number}", sha,
                            f"{act_number}.pdf" if act_number else f"{doc_id}.pdf"))
    with_files = session.execute(
        select(Handover.id, Handover.application_id, Handover.attachments)
        .join(Application, Application.id == Handover.application_id)
        .where(Application.institution_id == institution_id, only,
               func.json_array_length(Handover.attachments) > 0)).all()
    for hid, app_id, attachments in with_files:
        for a in attachments:
            if len(found) >= limit:
                return found
            if session.get(Document, a["id"]) is None:
                found.append(Wanted(a["id"], app_id, hid, DocumentType(a["doc_type"]),
                                    a["title"], a["sha256"], None))
    return found[:limit]


def fetch_missing(store: Store, client: CentralClient, institution_id: str,
                  application_ids: set[int] | None = None) -> tuple[list[tuple[int, str]], bool]:
    """Fetch what ``wanted`` lists: (application, handover) of each file kept, and whether
    all of them came (False: a transport error stopped it, or more than one round's worth;
    the next sync looks at every case again). A file whose sha256 differs is refused."""
    with store.read() as s:
        todo = wanted(s, institution_id, application_ids)
    kept: list[tuple[int, str]] = []
    complete = len(todo) < FETCH_LIMIT
    for w in todo:
        try:
            content = client.get_file(institution_id, w.id, MAX_FILE_BYTES)
        except CentralError as exc:
            log.info("a file could not be fetched now: %s", type(exc).__name__)
            return kept, False
        if hashlib.sha256(content).hexdigest() != w.sha256:
            log.warning("a fetched file does not match its handover's sha256; not kept")
            continue
        try:
            name = w.name or f"{w.id}{suffix_of(content)}"
            target = inside(store.data_dir, DOCUMENTS_DIR, str(w.application_id), name)
        except InputError:
            log.warning("a fetched file has no usable name or kind; not kept")
            continue
        with store.write() as s:
            if s.get(Document, w.id) is not None or s.get(Handover, w.handover_id) is None:
                continue  # filed meanwhile, or the case went
            store.vault.write(target, content)  # sealed here, as this workstation's own files
            s.add(Document(id=w.id, institution_id=institution_id,
                           application_id=w.application_id, handover_id=w.handover_id,
                           doc_type=w.doc_type, title=w.title[:200],
                           file_path=target.relative_to(store.data_dir).as_posix(),
                           sha256=w.sha256))
        kept.append((w.application_id, w.handover_id))
    return kept, complete


def forget_superseded_act(session: Session, store: Store, document_id: str) -> Path | None:
    """Our act lost the race to another workstation's: drop its row; the file to remove
    after the transaction commits."""
    doc = session.get(Document, document_id)
    if doc is None:
        return None
    path = None
    if doc.file_path:
        try:
            path = inside(store.data_dir, *Path(doc.file_path).parts)
        except InputError:
            path = None
    session.delete(doc)
    return path
