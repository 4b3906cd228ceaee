"""A learner's class as the register keeps it: a grade (1–12) and a parallel ("a", "b", …).

The register (RUMIS) stores ``ResourceTargetPersonClassGrade`` (a number) and
``ResourceTargetPersonClassParallel`` (up to ten characters) apart, so that lists sort 2 before
10 and can be filtered by grade. Older data wrote the class as one text ("5.b", "5b",
"10. A", "12"); ``parse_class`` splits such a text, ``class_label`` writes a grade and a
parallel back as the text staff read ("5.b").
"""

from __future__ import annotations

import re

MIN_GRADE = 1
MAX_GRADE = 12
MAX_PARALLEL = 10

# "5.b", "5b", "5 b", "10. A", "12", "12." — a grade, then optional letters for the parallel.
_CLASS = re.compile(r"^(\d{1,2})\s*\.?\s*([^\W\d_]{1,10})?\s*\.?$")


def _split(text: str) -> tuple[int | None, str | None]:
    found = _CLASS.match(text.strip())
    if found is None:
        return None, None
    grade = int(found.group(1))
    if not MIN_GRADE <= grade <= MAX_GRADE:
        return None, None
    return grade, found.group(2) or None


def parse_class(text: str | None) -> tuple[int | None, str | None]:
    """(grade, parallel) of a class written as one text; (None, None) when it is not one.

    The parallel is written in lower case, as Latvian schools write it ("10. A" → 10, "a").
    """
    if text is None:
        return None, None
    grade, parallel = _split(text)
    return grade, parallel.lower() if parallel else None


def class_label(grade: int | None, parallel: str | None) -> str | None:
    """The class as staff read it: "5.b", "12" (no parallel), the parallel alone without a
    grade (a group name the register holds), None when neither is known."""
    if grade is None:
        return parallel or None
    return f"{grade}.{parallel}" if parallel else str(grade)


def grade_of_choice(choice: str | None) -> tuple[int | None, str | None]:
    """A class filter's choice ("7": every 7th-grade class, "7.b": that class) as the grade and
    parallel it filters by; (None, None) for no choice or one that names no grade."""
    return _split(choice) if choice else (None, None)
