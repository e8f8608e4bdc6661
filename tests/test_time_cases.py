"""The «time-cases-unstated» warning: a published time giving another length for a case."""

from __future__ import annotations

import pytest

from generator.checks.times import unstated_cases
from generator.model import ProcessingTime


def _time(value: float, text: str, **extra: object) -> ProcessingTime:
    return ProcessingTime.model_validate({"value": value, "unit": "working_day", "text": text, **extra})


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.5, "0,5 ngày làm việc; trường hợp phải xác minh thì 0,5 ngày làm việc."),
        (1, "Trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả ngày hôm sau."),
        (10, "Không quá 10 ngày làm việc; không tính thời gian niêm yết 15 ngày đối với tổ chức."),
    ],
)
def test_no_warning_when_the_wording_gives_no_other_length(value: float, text: str) -> None:
    assert unstated_cases(_time(value, text)) == []


def test_a_case_with_another_length_is_found_until_cases_lists_it() -> None:
    text = "1,5 ngày làm việc; trường hợp phải xác minh thì không quá 08 ngày làm việc."
    assert unstated_cases(_time(1.5, text)) == ["trường hợp phải xác minh thì không quá 08 ngày làm việc"]
    listed = {"cases": [{"when": "Trường hợp phải xác minh", "value": 8, "unit": "working_day"}]}
    assert unstated_cases(_time(1.5, text, **listed)) == []
