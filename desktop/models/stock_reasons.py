"""Each school's stock refusal and deferral reasons: ready-made texts the refuse and defer
dialogs offer, so that a reviewer picks one instead of typing it again (issue 16).

A school that has saved no list of a kind is offered the built-in Latvian defaults; its first
change (add, edit, remove, move) saves the defaults as its own list and changes that, so the
defaults are shown until the school keeps a list of its own, and come back only when it
resets (or empties) the list. Reasons are addressed by their place in the list as shown
(``index``), with the text shown there as a check that the list did not change meanwhile.

The list stays on this workstation's store: the decision carries the chosen text itself, so
nothing here goes to the central service. Every change is one transaction with its audit row.
Reviewers and administrators (who decide) keep the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.models.command_names import CommandName
from desktop.models.decisions import MAX_REASON
from desktop.models.errors import InputError
from desktop.models.journal import Actor, record
from desktop.models.permissions import Permission, require
from desktop.models.schema import StockReason, utcnow
from desktop.models.store import Store

REFUSE, DEFER = CommandName.REFUSE.value, CommandName.DEFER.value
#: The decisions a stock reason serves, named as their commands.
KINDS: tuple[str, ...] = (REFUSE, DEFER)
MAX_STOCK_REASONS = 30  # a list longer than this is no quicker than typing

# Latvian whatever the UI language: the applicant reads the reason on the Latvian e-service.
DEFAULTS: dict[str, tuple[str, ...]] = {
    REFUSE: (
        "Iesniedzējs neatbilst mērķa grupai",
        "Nav pieejamu resursu",
        "Izglītojamais nemācās šajā skolā",
        "Pieteikums iesniegts atkārtoti: resurss jau piešķirts",
    ),
    DEFER: (
        "Gaidām papildu resursu piegādi",
        "Jāprecizē iesniedzēja dati",
        "Jāsaņem apliecinājums par sociālo statusu",
    ),
}


@dataclass(frozen=True)
class StockReasons:
    """One kind's list as the school is offered it."""

    kind: str
    texts: tuple[str, ...]
    defaults: bool  # the built-in list: the school has not saved its own


def _kind(kind: str) -> str:
    for known in KINDS:
        if kind == known:
            return known
    raise InputError("kind", f"no stock reasons of the kind {kind!r}",
                     f"Nav tādu gatavo pamatojumu veida: {kind}")


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def clean_reason(text: str) -> str:
    """The text as it will be kept: trimmed; InputError when blank or longer than a decision's
    reason may be."""
    cleaned = text.strip()
    if not cleaned:
        raise InputError("text", "a stock reason needs a text", "Jāieraksta pamatojuma teksts")
    if len(cleaned) > MAX_REASON:
        raise InputError(
            "text", f"the reason is {len(cleaned)} characters long, at most {MAX_REASON}",
            f"Pamatojums ir {len(cleaned)} rakstzīmes garš, atļauts ne vairāk kā {MAX_REASON}")
    return cleaned


def _rows(session: Session, actor: Actor, kind: str) -> list[StockReason]:
    return list(session.scalars(select(StockReason).where(
        StockReason.institution_id == actor.institution_id,
        StockReason.kind == kind).order_by(StockReason.position, StockReason.id)))


def _held(session: Session, actor: Actor, kind: str) -> StockReasons:
    rows = _rows(session, actor, kind)
    if not rows:
        return StockReasons(kind, DEFAULTS[kind], True)
    return StockReasons(kind, tuple(r.text for r in rows), False)


def stock_reasons(store: Store, actor: Actor, kind: str) -> StockReasons:
    """The school's list of ``kind`` (``REFUSE`` or ``DEFER``), or the defaults."""
    kind = _kind(kind)
    with store.read() as session:
        return _held(session, actor, kind)


def reason_texts(store: Store, actor: Actor, kind: str) -> list[str]:
    """What the refuse or defer dialog offers: the texts in the school's order."""
    return list(stock_reasons(store, actor, kind).texts)


def _own_rows(session: Session, actor: Actor, kind: str) -> list[StockReason]:
    """The school's rows; the defaults saved as its rows first when it has none."""
    rows = _rows(session, actor, kind)
    if rows:
        return rows
    rows = [StockReason(institution_id=actor.institution_id, kind=kind, text=text,
                        position=n) for n, text in enumerate(DEFAULTS[kind])]
    session.add_all(rows)
    return rows


def _at(rows: list[StockReason], index: int, shown: str | None) -> StockReason:
    if not 0 <= index < len(rows) or (shown is not None and rows[index].text != shown):
        raise InputError("index", "the list of reasons changed meanwhile: read it again",
                         "Pamatojumu saraksts pa to laiku ir mainījies: atveriet to vēlreiz")
    return rows[index]


def _no_twin(rows: list[StockReason], text: str, skip: StockReason | None = None) -> None:
    for row in rows:
        if row is not skip and _key(row.text) == _key(text):
            raise InputError("text", "the list already has this reason",
                             f"Šāds pamatojums sarakstā jau ir: „{row.text}“")


def _renumber(rows: list[StockReason]) -> None:
    for n, row in enumerate(rows):
        row.position = n


def _audit(session: Session, actor: Actor, action: str, kind: str, at: datetime,
           **details: object) -> None:
    record(session, actor, action=action, entity_type="stock_reasons", entity_id=kind,
           changes=[], audit_details={"kind": kind, **details}, now=at)


def add_reason(store: Store, actor: Actor, kind: str, text: str, *,
               now: datetime | None = None) -> StockReasons:
    """Add ``text`` at the end of the school's list of ``kind``."""
    require(actor, Permission.DECIDE)
    kind = _kind(kind)
    cleaned = clean_reason(text)
    with store.write() as session:
        rows = _own_rows(session, actor, kind)
        if len(rows) >= MAX_STOCK_REASONS:
            raise InputError(
                "text", f"at most {MAX_STOCK_REASONS} stock reasons of a kind",
                f"Sarakstā var būt ne vairāk kā {MAX_STOCK_REASONS} pamatojumi")
        _no_twin(rows, cleaned)
        session.add(StockReason(institution_id=actor.institution_id, kind=kind,
                                text=cleaned, position=len(rows)))
        _audit(session, actor, "stock_reason_add", kind, now or utcnow(),
               position=len(rows), text=cleaned)
        return _held(session, actor, kind)


def edit_reason(store: Store, actor: Actor, kind: str, index: int, text: str, *,
                shown: str | None = None, now: datetime | None = None) -> StockReasons:
    """Replace the text of the reason at ``index`` (``shown``: its text as the editor showed
    it); the same text again writes nothing."""
    require(actor, Permission.DECIDE)
    kind = _kind(kind)
    cleaned = clean_reason(text)
    with store.write() as session:
        current = _held(session, actor, kind)
        if 0 <= index < len(current.texts) and current.texts[index] == cleaned:
            return current
        rows = _own_rows(session, actor, kind)
        row = _at(rows, index, shown)
        _no_twin(rows, cleaned, skip=row)
        before, row.text = row.text, cleaned
        _audit(session, actor, "stock_reason_edit", kind, now or utcnow(),
               position=index, **{"from": before, "to": cleaned})
        return _held(session, actor, kind)


def remove_reason(store: Store, actor: Actor, kind: str, index: int, *,
                  shown: str | None = None, now: datetime | None = None) -> StockReasons:
    """Remove the reason at ``index``. Removing the last one brings the defaults back."""
    require(actor, Permission.DECIDE)
    kind = _kind(kind)
    with store.write() as session:
        rows = _own_rows(session, actor, kind)
        row = _at(rows, index, shown)
        session.delete(row)
        rows.remove(row)
        _renumber(rows)
        _audit(session, actor, "stock_reason_remove", kind, now or utcnow(),
               position=index, text=row.text)
        return _held(session, actor, kind)


def move_reason(store: Store, actor: Actor, kind: str, index: int, offset: int, *,
                shown: str | None = None, now: datetime | None = None) -> StockReasons:
    """Move the reason at ``index`` by ``offset`` places (−1 up, +1 down), kept in the list."""
    require(actor, Permission.DECIDE)
    kind = _kind(kind)
    with store.write() as session:
        current = _held(session, actor, kind)
        target = max(0, min(len(current.texts) - 1, index + offset))
        if target == index and 0 <= index < len(current.texts):
            return current  # already first or last
        rows = _own_rows(session, actor, kind)
        row = _at(rows, index, shown)
        rows.insert(target, rows.pop(index))
        _renumber(rows)
        _audit(session, actor, "stock_reason_move", kind, now or utcnow(),
               text=row.text, **{"from": index, "to": target})
        return _held(session, actor, kind)


def reset_reasons(store: Store, actor: Actor, kind: str, *,
                  now: datetime | None = None) -> StockReasons:
    """Forget the school's own list of ``kind``: the defaults are offered again."""
    require(actor, Permission.DECIDE)
    kind = _kind(kind)
    with store.write() as session:
        rows = _rows(session, actor, kind)
        if not rows:
            return _held(session, actor, kind)
        session.execute(delete(StockReason).where(
            StockReason.institution_id == actor.institution_id, StockReason.kind == kind))
        _audit(session, actor, "stock_reasons_reset", kind, now or utcnow(),
               removed=len(rows))
        return _held(session, actor, kind)
