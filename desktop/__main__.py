"""`resursi` and `python -m desktop`: the GUI by default."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path
from types import ModuleType

from desktop import app_version


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resursi",
        description="Resursi: izglītības resursu izsniegšana skolās (lending school devices)",
    )
    parser.add_argument("--version", action="version", version=f"Resursi {app_version()}")
    parser.add_argument("--demo", action="store_true",
                        help="start with demo data in a temporary folder")
    parser.add_argument("--data-dir", type=Path, help="the data folder (default: per user)")
    parser.add_argument("--language", choices=("lv", "en"),
                        help="the UI language (default: the one set in the settings, Latvian)")
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    from desktop.cli import add_sync_parser
    from desktop.cli_export import add_export_parser
    from desktop.cli_inventory import add_inventory_parser

    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_sync_parser(sub)
    add_inventory_parser(sub)
    add_export_parser(sub)
    return parser


def load_gui() -> ModuleType:
    """``desktop.app``, imported as the GUI's start imports it: with the cyclic garbage
    collector paused until ``Application.start`` has shown the window and frozen what start-up
    built (``gc.freeze``), then resumed. The start builds hundreds of thousands of long-lived
    objects (Qt wrappers, SQLAlchemy's and pydantic's machinery) and no garbage worth a
    collection: measured, the collections it triggered took some 130 ms of each start
    (issue 17). Qt loads here, and only when a window is wanted."""
    gc.disable()
    import desktop.app

    return desktop.app


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # SQLAlchemy logs rows (names included) at INFO; whatever the root level, never those.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    if getattr(args, "func", None) is not None:
        return int(args.func(args))
    from desktop.startup import missing_xcb_message, missing_xcb_packages

    missing = missing_xcb_packages()
    if missing:  # said plainly, instead of Qt's abort about the "xcb" platform plugin
        print(missing_xcb_message(missing), file=sys.stderr)
        return 3
    return load_gui().run_gui(demo=args.demo, data_dir=args.data_dir, language=args.language,
                   quit_after_ms=args.quit_after)


if __name__ == "__main__":
    sys.exit(main())
