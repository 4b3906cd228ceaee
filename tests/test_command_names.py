"""One command model: a command's name is written once, in the registry, and both sides use it.

The scan reads every module of the app, the reference server, the benchmarks and the tools as
a syntax tree and fails on a string constant equal to a command's name anywhere outside the
registry (docstrings and icon names excepted: ``icon("grant")`` names a picture, not a
command). The reference server must take its rules and its payload models from the core.
"""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.models import commands, rules
from desktop.models.commands import REGISTRY, CommandName

ROOT = Path(__file__).resolve().parents[1]
SCANNED = ("desktop", "sync", "bench", "tools")
REGISTRY_FILES = {ROOT / "desktop/models/command_names.py", ROOT / "desktop/models/commands.py"}
NAMES = {name.value for name in CommandName}


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _icon_arguments(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "icon" and node.args):
            ids.add(id(node.args[0]))
    return ids


def offenders() -> list[str]:
    found = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path in REGISTRY_FILES or "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            skip = _docstrings(tree) | _icon_arguments(tree)
            for node in ast.walk(tree):
                if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                        and node.value in NAMES and id(node) not in skip):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    return found


def test_no_command_name_is_written_outside_the_registry() -> None:
    assert offenders() == []


def test_the_scan_finds_a_planted_name(tmp_path: Path) -> None:
    """The guard can fail: the same walk over a planted module reports it."""
    planted = ast.parse('x = {"grant": 1}\n"""doc"""\ny = icon("grant")\n')
    skip = _icon_arguments(planted)
    hits = [n.value for n in ast.walk(planted)
            if isinstance(n, ast.Constant) and n.value in NAMES and id(n) not in skip]
    assert hits == ["grant"]


def test_every_command_is_in_the_registry_with_a_rule_or_an_endpoint() -> None:
    assert set(REGISTRY) == set(CommandName)
    for name, entry in REGISTRY.items():
        assert entry.label_lv and entry.label_en and entry.label_lv != entry.label_en, name
        if entry.aggregate == "application":
            assert entry.rule is not None and entry.rule.__module__ == rules.__name__, name


def test_the_reference_server_runs_the_cores_rules() -> None:
    source = (ROOT / "sync/devserver/state.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    imported = {(node.module, alias.name) for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert ("desktop.models.commands", "apply_command") in imported
    assert ("desktop.models.rules", "confirm_receipt") in imported
    assert ("desktop.models.rules", "withdraw") in imported
    # No handler of its own: no function in the server takes a payload model of the registry.
    payload_names = {entry.payload.__name__ for entry in REGISTRY.values()}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            annotations = {ast.unparse(a.annotation) for a in node.args.args if a.annotation}
            assert not annotations & payload_names, node.name
    assert commands.apply_command.__module__ == "desktop.models.commands"
