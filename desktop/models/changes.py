"""What an operation or a sync changed, so that each view decides for itself what to reload.

Every core operation and every sync returns an ``OpChanges``; the app carries it on one signal
(Anki's ``OpChanges`` and ``operation_did_execute`` are the model). A view that shows
applications reloads when ``applications`` is not empty (or ``everything`` is set), the
catalogue when ``items`` or ``offered_kinds`` is, and so on. Values are plain ids, never ORM
objects, so they can cross from a worker thread to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OpChanges:
    """Ids of the records an operation touched. Empty means "nothing a view shows changed"."""

    applications: frozenset[int] = field(default_factory=frozenset)
    items: frozenset[str] = field(default_factory=frozenset)
    handovers: frozenset[str] = field(default_factory=frozenset)
    offered_kinds: frozenset[str] = field(default_factory=frozenset)
    # The outbox changed (a command queued, acknowledged, refused or discarded): counts of
    # "waiting to sync" and the conflicts list are stale.
    outbox: bool = False
    # The school's own record (its name, address) changed.
    institution: bool = False
    # Too much changed to list (a full resync, retention): every view reloads.
    everything: bool = False

    @classmethod
    def of(
        cls,
        *,
        applications: Iterable[int | None] = (),
        items: Iterable[str | None] = (),
        handovers: Iterable[str | None] = (),
        offered_kinds: Iterable[str | None] = (),
        outbox: bool = False,
        institution: bool = False,
        everything: bool = False,
    ) -> OpChanges:
        """Build from ids that may be None (an operation that had no item, say)."""
        return cls(
            applications=frozenset(a for a in applications if a is not None),
            items=frozenset(i for i in items if i is not None),
            handovers=frozenset(h for h in handovers if h is not None),
            offered_kinds=frozenset(o for o in offered_kinds if o is not None),
            outbox=outbox,
            institution=institution,
            everything=everything,
        )

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(
            applications=self.applications | other.applications,
            items=self.items | other.items,
            handovers=self.handovers | other.handovers,
            offered_kinds=self.offered_kinds | other.offered_kinds,
            outbox=self.outbox or other.outbox,
            institution=self.institution or other.institution,
            everything=self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return bool(self.applications or self.items or self.handovers or self.offered_kinds
                    or self.outbox or self.institution or self.everything)

    # What a view asks: "must I reload?"
    @property
    def touches_applications(self) -> bool:
        return self.everything or bool(self.applications or self.handovers)

    @property
    def touches_catalogue(self) -> bool:
        return self.everything or bool(self.items or self.offered_kinds)

    @property
    def touches_desk(self) -> bool:
        return self.everything or bool(self.applications or self.handovers or self.items)


NO_CHANGES = OpChanges()
