"""A quick start (issue 17): the command line imports nothing of Qt, of PDF making, of the
reference server or of Alembic for commands that do not need them; the main window's module
leaves PDF making and the reference server for their first use. Asserted on the modules a
fresh interpreter loaded (``-X importtime``), never on time."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("PySide6", "reportlab", "fastapi", "uvicorn", "alembic")
PDF_AND_SERVER = ("reportlab", "pypdfium2", "segno", "fastapi", "uvicorn", "alembic",
                  "sync.devserver")


def _imported(*args: str) -> set[str]:
    """The modules a fresh ``python -X importtime ARGS`` imported (its stderr says each)."""
    done = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120)
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert names, done.stderr
    return names


def _top_packages(names: set[str]) -> set[str]:
    return names | {n.split(".", 1)[0] for n in names}


@pytest.mark.parametrize("argv", [
    ("--version",),
    ("--help",),
    ("sync", "--help"),
    ("export", "--help"),
    ("inventory", "import", "--help"),
])
def test_commands_that_do_not_draw_import_nothing_heavy(argv: tuple[str, ...]) -> None:
    loaded = _top_packages(_imported("-m", "desktop", *argv))
    assert "desktop.cli" in loaded  # the parser was built (the check looks at the right thing)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_version_and_help_import_no_database() -> None:
    # Saying the version or the usage needs neither SQLAlchemy nor the store's models.
    loaded = _top_packages(_imported("-m", "desktop", "sync", "--help"))
    assert not loaded & {"sqlalchemy", "sqlcipher3", "pydantic", "requests"}


def test_a_failing_sync_command_imports_no_qt() -> None:
    # A headless run that gets as far as the client (an http:// server is refused) still
    # loads nothing of Qt, PDF or the reference server.
    loaded = _top_packages(_imported(
        "-m", "desktop", "sync", "--once", "--server", "ftp://ēka.example", "--data-dir",
        "nekur", "--user", "jānis"))
    assert "sync.client" in loaded
    assert not loaded & set(HEAVY)


def test_the_main_window_module_leaves_pdf_and_server_for_first_use() -> None:
    loaded = _top_packages(_imported("-c", "import desktop.app"))
    assert "PySide6" in loaded
    assert not loaded & set(PDF_AND_SERVER), sorted(loaded & set(PDF_AND_SERVER))


def test_the_parsers_names_follow_the_models() -> None:
    # The command line names the reports and the store file without importing the models.
    from desktop import cli_export
    from desktop.models.reports import REPORT_KINDS
    from desktop.models.store import DB_FILENAME

    assert cli_export.REPORT_CHOICES == REPORT_KINDS
    assert cli_export.DB_FILENAME == DB_FILENAME
