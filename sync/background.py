"""How a sync on a worker thread keeps out of the GUI thread's way (issue 17).

The GUI thread needs the GIL for every slot it runs; a sync on a worker holds it for all its
pure-Python and C-extension work. Two things made the GUI wait longest, measured with a
20,000-application sync into a new store (a 10 ms heartbeat on another thread):

* The cyclic garbage collector. A sync allocates hundreds of thousands of objects (each
  page's wire models, the rows built from them, SQLAlchemy's sessions), most of them alive
  until their page is written; they fill the collector's generations, and each full
  collection walked every object younger than the last ``gc.freeze`` holding the GIL: pauses
  of 20-60 ms. Reference counting frees nearly all of a sync's objects when their page is
  done; what forms cycles (sessions, transactions) is a few objects a page, left to the
  collector once the sync is over. So the automatic collector is paused while a sync runs.
* The GIL's switch interval (5 ms): a thread that asks for the GIL waits that long before
  the holder is asked to let go. While a sync runs it is 2 ms, so a tick of the GUI waits
  less behind the sync's work (the sync itself was no slower for it).

Both are the process's settings: the pause counts its holders, restores them when the last
sync (of any engine in the process) ends, and restarts the collector only if it was running
when the first began (the GUI's start-up keeps it paused for a while on its own,
``desktop.__main__.load_gui``).
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from types import TracebackType

#: The GIL's switch interval while a sync runs, in seconds (Python's default: 0.005).
SYNC_SWITCH_INTERVAL = 0.002


class Gentle(contextlib.ContextDecorator):
    """``with gentle:`` or ``@gentle``: the collector paused and the GIL handed over sooner
    inside (re-entrant, from any thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._holders = 0
        self._restart_collector = False
        self._interval = sys.getswitchinterval()

    def __enter__(self) -> Gentle:
        with self._lock:
            if self._holders == 0:
                self._restart_collector = gc.isenabled()
                gc.disable()
                self._interval = sys.getswitchinterval()
                sys.setswitchinterval(min(self._interval, SYNC_SWITCH_INTERVAL))
            self._holders += 1
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        with self._lock:
            self._holders -= 1
            if self._holders == 0:
                sys.setswitchinterval(self._interval)
                if self._restart_collector:
                    gc.enable()

    @property
    def holders(self) -> int:
        """How many syncs are inside now."""
        return self._holders


#: The one every sync engine in the process shares.
gentle = Gentle()
