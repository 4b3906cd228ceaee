"""A learner's class as grade and parallel: splitting the old one-text classes, writing labels."""

from __future__ import annotations

import pytest

from desktop.models.classes import class_label, grade_of_choice, parse_class


@pytest.mark.parametrize(("text", "expected"), [
    ("5.b", (5, "b")),
    ("5b", (5, "b")),
    ("5 b", (5, "b")),
    ("10. A", (10, "a")),
    ("12", (12, None)),
    ("12.", (12, None)),
    (" 7.ā ", (7, "ā")),
    ("1.c", (1, "c")),
])
def test_classes_written_as_one_text_are_split(text: str, expected: tuple) -> None:
    assert parse_class(text) == expected


@pytest.mark.parametrize("text", ["PII", "", "13.a", "0.b", "5.b.c", "5-b", "kurss 2", None])
def test_what_is_not_a_class_gives_neither(text: str | None) -> None:
    assert parse_class(text) == (None, None)


def test_labels_read_as_staff_write_them() -> None:
    assert class_label(5, "b") == "5.b"
    assert class_label(12, None) == "12"
    assert class_label(None, "PII") == "PII"
    assert class_label(None, None) is None
    assert parse_class(class_label(10, "a")) == (10, "a")


def test_a_filter_choice_keeps_the_parallel_as_it_is_stored() -> None:
    assert grade_of_choice("7") == (7, None)
    assert grade_of_choice("10.A") == (10, "A")
    assert grade_of_choice(None) == (None, None)
    assert grade_of_choice("visas") == (None, None)
