"""A class's parallel from the wire is kept as the one-text split keeps it (review of issue 13:
a pulled "B" beside a parsed "b" made "5.B" and "5.b" two classes in the filter).

The rule is ``classes.normal_class``; the wire's learner (``sync/protocol.py``), which every
pulled application and every submission passes through, applies it.
"""

from __future__ import annotations

from desktop.models.classes import normal_class
from sync.protocol import Learner


def test_the_wire_keeps_a_class_s_parallel_in_lower_case() -> None:
    learner = Learner(name="Jānis Bērziņš", personal_code="150312-20004", class_grade=5,
                      class_parallel="B")
    assert (learner.class_grade, learner.class_parallel) == normal_class(5, "B") == (5, "b")
    assert learner.class_label == "5.b"


def test_a_group_name_without_a_grade_is_kept_as_written() -> None:
    learner = Learner(name="Jānis Bērziņš", personal_code="150312-20004",
                      class_parallel="PII")
    assert (learner.class_grade, learner.class_parallel) == (None, "PII")
    assert Learner(name="Jānis Bērziņš", personal_code="150312-20004",
                   class_name="10.1").class_parallel == "1"
