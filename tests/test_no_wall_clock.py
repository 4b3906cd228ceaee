"""Guard (issue 11): tests never assert on wall-clock time and never sleep waiting for time to
pass, so the suite passes on a machine twice as slow. Timing belongs to bench/.

The test sources are read as syntax trees (and so are the Python scripts they hold in string
literals, for subprocesses). Refused:

* sleeping: ``time.sleep``, ``sleep`` imported from ``time``, ``asyncio.sleep``,
  ``QThread.sleep/msleep/usleep``, ``QTest.qSleep``;
* waiting for a duration in Qt: ``qtbot.wait(...)`` and ``QTest.qWait(...)`` (wait for the
  condition instead: ``qtbot.waitUntil``/``waitSignal``, ``qt_helpers.deliver_queued``);
* a comparison with a duration measured on a clock on one side: ``time.perf_counter()``,
  ``time.monotonic()``, ``time.time()`` (and their ``_ns`` forms), ``datetime.now()``, whether
  the difference is written inline, kept in a variable or collected in a list;
* a Hypothesis ``deadline`` other than None (the profile in conftest.py switches it off).

What to use instead: the clock controls the code has (``now=``/``today=``/``clock=``
arguments, the devserver's ``/_dev`` controls and ``expire_tokens``/``expire_cursors``,
``token_ttl``, QTimer intervals set by the test), and waits on conditions or signals, whose
timeouts are upper bounds for a stuck test rather than assertions.
"""

from __future__ import annotations

import ast
import textwrap
from collections import Counter
from pathlib import Path

import hypothesis

TESTS = Path(__file__).resolve().parent

# (path under tests/, kind) -> (how many, why it cannot be otherwise yet). Aim for none; a
# stale entry (fewer offences than listed) fails too, so the list only ever shrinks.
ALLOWED: dict[tuple[str, str], tuple[int, str]] = {
}

CLOCKS = {
    ("time", "time"), ("time", "monotonic"), ("time", "perf_counter"), ("time", "time_ns"),
    ("time", "monotonic_ns"), ("time", "perf_counter_ns"), ("datetime", "now"),
    ("datetime", "utcnow"),
}
SLEEPS = {
    ("time", "sleep"), ("asyncio", "sleep"), ("QThread", "sleep"), ("QThread", "msleep"),
    ("QThread", "usleep"), ("QTest", "qSleep"),
}


def _dotted(node: ast.AST) -> tuple[str, str] | None:
    """("time", "sleep") for ``time.sleep`` and ``x.time.sleep``; None for anything else."""
    if isinstance(node, ast.Attribute):
        owner = node.value
        if isinstance(owner, ast.Name):
            return owner.id, node.attr
        if isinstance(owner, ast.Attribute):
            return owner.attr, node.attr
    return None


class _Scanner(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[int, str, str]] = []  # (line, kind, source)
        self.bare_clocks: set[str] = set()  # names imported from time: perf_counter, ...
        self.bare_sleeps: set[str] = set()
        self.stamps: set[str] = set()  # names holding a clock reading
        self.durations: set[str] = set()  # names holding a difference of clock readings

    # -- what the module imports --------------------------------------------------------------
    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for alias in node.names:
            pair = (node.module or "", alias.name)
            if pair in SLEEPS:
                self.bare_sleeps.add(alias.asname or alias.name)
            if pair in CLOCKS:
                self.bare_clocks.add(alias.asname or alias.name)
        self.generic_visit(node)

    # -- what counts as a clock reading and a measured duration ---------------------------------
    def _is_clock_call(self, node: ast.AST) -> bool:
        if not isinstance(node, ast.Call):
            return False
        if isinstance(node.func, ast.Name):
            return node.func.id in self.bare_clocks
        return _dotted(node.func) in CLOCKS

    def _reads_clock(self, node: ast.AST) -> bool:
        return any(self._is_clock_call(n) or (isinstance(n, ast.Name) and n.id in self.stamps)
                   for n in ast.walk(node))

    def _is_duration(self, node: ast.AST) -> bool:
        for n in ast.walk(node):
            if isinstance(n, ast.Name) and n.id in self.durations:
                return True
            if (isinstance(n, ast.BinOp) and isinstance(n.op, ast.Sub)
                    and self._reads_clock(n.left) and self._reads_clock(n.right)):
                return True
        return False

    def _learn(self, targets: list[ast.expr], value: ast.AST) -> None:
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if self._is_duration(value):
            self.durations.update(names)
        elif self._is_clock_call(value) or (
                isinstance(value, ast.BinOp) and self._reads_clock(value)):
            self.stamps.update(names)  # a reading, or a deadline made from one

    def visit_Assign(self, node: ast.Assign) -> None:
        self._learn(node.targets, node.value)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._learn([node.target], node.value)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._learn([node.target], node.value)
        self.generic_visit(node)

    # -- the offences -------------------------------------------------------------------------
    def _report(self, node: ast.AST, kind: str) -> None:
        self.found.append((node.lineno, kind, ast.unparse(node)))  # type: ignore[attr-defined]

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        pair = _dotted(func)
        if pair in SLEEPS or (isinstance(func, ast.Name) and func.id in self.bare_sleeps):
            self._report(node, "sleep")
        elif pair == ("qtbot", "wait"):
            self._report(node, "qtbot.wait")
        elif pair is not None and pair[1] == "qWait":
            self._report(node, "QTest.qWait")
        elif (isinstance(func, ast.Attribute) and func.attr == "append"
              and isinstance(func.value, ast.Name) and node.args
              and self._is_duration(node.args[0])):
            self.durations.add(func.value.id)  # a list of measured durations
        if (isinstance(func, ast.Name) and func.id == "settings") or pair == (
                "hypothesis", "settings"):
            for keyword in node.keywords:
                if keyword.arg == "deadline" and not (
                        isinstance(keyword.value, ast.Constant) and keyword.value.value is None):
                    self._report(node, "hypothesis deadline")
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        if any(self._is_duration(side) for side in (node.left, *node.comparators)):
            self._report(node, "duration compared")
        self.generic_visit(node)

    # -- Python held in strings (scripts for subprocesses) ---------------------------------------
    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str) and "\n" in node.value:
            try:
                inner = ast.parse(textwrap.dedent(node.value))
            except SyntaxError:
                return
            scanner = _Scanner()
            scanner.visit(inner)
            self.found += [(node.lineno + line - 1, kind, text)
                           for line, kind, text in scanner.found]


def scan(source: str) -> list[tuple[int, str, str]]:
    """(line, kind, code) of each offence in a test module's source."""
    scanner = _Scanner()
    scanner.visit(ast.parse(source))
    return sorted(scanner.found)


def _test_sources() -> list[Path]:
    """Every test module but this one, whose scanner checks below hold the refused code in
    strings on purpose."""
    here = Path(__file__).resolve()
    return sorted(p for p in TESTS.rglob("*.py")
                  if "__pycache__" not in p.parts and p.resolve() != here)


def test_no_test_sleeps_or_asserts_on_wall_clock_time() -> None:
    counts: Counter[tuple[str, str]] = Counter()
    offences: list[str] = []
    for path in _test_sources():
        name = path.relative_to(TESTS).as_posix()
        for line, kind, code in scan(path.read_text(encoding="utf-8")):
            counts[(name, kind)] += 1
            if (name, kind) not in ALLOWED:
                offences.append(f"tests/{name}:{line}: {kind}: {code}")
    for (name, kind), (allowed, _why) in ALLOWED.items():
        if counts[(name, kind)] > allowed:
            offences.append(f"tests/{name}: {counts[(name, kind)]} × {kind}, "
                            f"{allowed} allowed")
    assert not offences, "wall-clock time in tests (issue 11):\n" + "\n".join(offences)


def test_the_allow_list_is_not_stale() -> None:
    counts: Counter[tuple[str, str]] = Counter()
    for path in _test_sources():
        for _line, kind, _code in scan(path.read_text(encoding="utf-8")):
            counts[(path.relative_to(TESTS).as_posix(), kind)] += 1
    stale = [f"tests/{name}: {kind}: {counts[(name, kind)]} found, {allowed} allowed"
             for (name, kind), (allowed, _why) in ALLOWED.items()
             if counts[(name, kind)] < allowed]
    assert not stale, ("fewer offences than allowed: remove or shrink their entries in "
                       "ALLOWED of tests/test_no_wall_clock.py:\n" + "\n".join(stale))


def test_hypothesis_has_no_deadline() -> None:
    """Hypothesis's default 200 ms per example is a wall-clock assertion; conftest.py's
    profile switches it off for every property test."""
    assert hypothesis.settings.default.deadline is None


# -- the scanner itself --------------------------------------------------------------------------

def _kinds(source: str) -> list[str]:
    return [kind for _line, kind, _code in scan(textwrap.dedent(source))]


def test_the_scanner_finds_sleeps_and_duration_waits() -> None:
    assert _kinds("""
        import time, asyncio
        from time import sleep as nap
        time.sleep(1.2)
        nap(0.1)
        asyncio.sleep(1)
        qtbot.wait(200)
        qtbot.wait(delay)
        QTest.qWait(50)
        QThread.msleep(5)
    """) == ["sleep", "sleep", "sleep", "qtbot.wait", "qtbot.wait", "QTest.qWait", "sleep"]


def test_the_scanner_finds_measured_durations_compared() -> None:
    assert _kinds("""
        import time
        from time import perf_counter
        started = time.perf_counter()
        assert time.perf_counter() - started < 0.3
        elapsed = time.monotonic() - started
        assert elapsed <= 3.0
        times = []
        t0 = perf_counter()
        times.append(perf_counter() - t0)
        assert sorted(times)[2] < 0.3
        assert 0.4 < time.time() - started < 2.5
        before = datetime.now(UTC)
        assert (datetime.now(UTC) - before).total_seconds() < 1
    """) == ["duration compared"] * 5


def test_the_scanner_leaves_clock_controls_and_condition_waits_alone() -> None:
    assert _kinds("""
        import time
        qtbot.waitUntil(lambda: page.card is not None, timeout=3000)
        with qtbot.waitSignal(page.loaded, timeout=5000):
            pass
        release.wait(5)
        tasks.wait()
        before = datetime.now(UTC)
        assert before <= returned_at <= datetime.now(UTC)
        a_year_ahead = datetime.now(UTC) + timedelta(days=365)
        assert record_view(store, actor, app_id, now=t0 + timedelta(minutes=6))
        deadline = time.monotonic() + 5
        settings(max_examples=60, deadline=None)
    """) == []


def test_the_scanner_reads_scripts_in_strings_and_hypothesis_deadlines() -> None:
    assert _kinds('''
        SCRIPT = """
            import time
            time.sleep(2)
        """
        @settings(max_examples=5, deadline=500)
        def test_x():
            pass
    ''') == ["sleep", "hypothesis deadline"]
