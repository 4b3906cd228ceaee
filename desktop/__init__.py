"""Resursi, the desktop app."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def app_version() -> str:
    """The installed version (the package's metadata), or a marker in a bare source tree."""
    try:
        return version("resursi")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0+unknown"
