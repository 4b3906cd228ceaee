"""Plain viewer copies of sealed acts left by a run that was killed are removed at start."""

from __future__ import annotations

from pathlib import Path

from desktop.views.desk_print import VIEWER_PREFIX, remove_stale_viewer_copies


def test_copies_a_killed_run_left_are_removed_and_nothing_else(tmp_path: Path) -> None:
    stale = tmp_path / f"{VIEWER_PREFIX}x7q2" / "1"
    stale.mkdir(parents=True)
    copy = stale / "RAVĢ-2026-000154.pdf"
    copy.write_bytes("%PDF-1.7 Ārija Ķēniņa".encode())
    other = tmp_path / "citas-programmas-mape"
    other.mkdir()
    (other / "vēstule.txt").write_text("Dārgā Anna", encoding="utf-8")
    link = tmp_path / f"{VIEWER_PREFIX}saite"
    link.symlink_to(other, target_is_directory=True)
    unrelated = tmp_path / "resursi-demo-abc"
    unrelated.mkdir()

    assert remove_stale_viewer_copies(tmp_path) == 1
    assert not copy.exists() and not stale.parent.exists()
    assert (other / "vēstule.txt").exists() and link.is_symlink() and unrelated.is_dir()
