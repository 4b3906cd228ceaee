"""How complete the English translation is, and which Latvian texts lupdate cannot see.

    python -m tools.translation_status [--ts desktop/i18n/resursi_en.ts] [files…]

Prints the message count per context, every unfinished or empty translation and every
translation whose ``{…}`` placeholders differ from the source. Given Python files, it also
lists Latvian string literals that are not inside ``tr()``/``translate()``/``QT_TRANSLATE_NOOP``
(a screen built from them stays Latvian whatever the translator says). Exit status 1 when the
.ts has anything unfinished or broken.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tokenize
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

TS_FILE = Path("desktop/i18n/resursi_en.ts")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
LATVIAN = re.compile(r"[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")
MARKED = re.compile(r"\btr\(|translate\(|QT_TRANSLATE_NOOP|QT_TR_NOOP")


def ts_problems(ts: Path) -> tuple[Counter[str], Counter[str], list[str]]:
    """(messages per context, translated per context, problems) of a Qt Linguist file."""
    total: Counter[str] = Counter()
    done: Counter[str] = Counter()
    problems: list[str] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or "(no context)"
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            kind = translation.get("type")
            if kind in ("vanished", "obsolete"):
                problems.append(f"{name}: {message.findtext('source')!r} is {kind}")
                continue
            total[name] += 1
            source = message.findtext("source") or ""
            forms = [f.text or "" for f in translation.findall("numerusform")] or [
                translation.text or ""]
            if kind == "unfinished" or not all(f.strip() for f in forms):
                problems.append(f"{name}: {source!r} is not translated")
                continue
            wanted = sorted(PLACEHOLDER.findall(source))
            for text in forms:
                if sorted(PLACEHOLDER.findall(text)) != wanted:
                    problems.append(f"{name}: {source!r} -> {text!r} changes the placeholders")
            done[name] += 1
    return total, done, problems


def unmarked_latvian(path: Path) -> list[str]:
    """Latvian string literals outside a translation call (docstrings and comments skipped)."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    found = []
    for i, token in enumerate(tokens):
        if token.type != tokenize.STRING or not LATVIAN.search(token.string):
            continue
        before = next((t for t in reversed(tokens[:i])
                       if t.type not in (tokenize.NL, tokenize.COMMENT)), None)
        if before is None or before.type in (tokenize.INDENT, tokenize.DEDENT,
                                             tokenize.NEWLINE):
            continue  # a docstring
        # a call opened up to five lines above still covers a literal split over lines
        window = "\n".join(lines[max(0, token.start[0] - 5):token.start[0]])
        if not MARKED.search(window):
            found.append(f"{path}:{token.start[0]}: {token.string[:80]}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ts", type=Path, default=TS_FILE)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)

    total, done, problems = ts_problems(args.ts)
    width = max((len(c) for c in total), default=10)
    for context in sorted(total):
        print(f"{context:<{width}}  {done[context]:>4} / {total[context]:<4}")
    print(f"{'all':<{width}}  {sum(done.values()):>4} / {sum(total.values()):<4}")
    for problem in problems:
        print("PROBLEM", problem)
    for path in args.files:
        for line in unmarked_latvian(path):
            print("UNMARKED", line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
