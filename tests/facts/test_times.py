"""The time facts: headline, stages with their notes, cut-off and the published text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.facts.numbers import money, number
from generator.facts.text import text_blocks
from generator.facts.times import clock, span, time_facts
from generator.model import ProcessingTime


def time(**kw: object) -> ProcessingTime:
    return ProcessingTime.model_validate(kw)


@pytest.mark.parametrize(
    ("value", "text"), [(8000, "8.000"), (1500000, "1.500.000"), (0.5, "0,5"), (2.25, "2,25")]
)
def test_number_uses_vietnamese_separators(value: float, text: str) -> None:
    assert number(value) == text


def test_money_in_dong() -> None:
    assert money(100000) == "100.000 đồng"


def test_value_within_day_and_cutoff() -> None:
    within = time_facts(time(unit="within_day", cutoff="15:00"))
    assert within.headline == "Trong ngày"
    assert within.cutoff == "Hồ sơ nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo"
    assert time_facts(time(value=3, unit="working_day")).headline == "3 ngày làm việc"


def test_stages_total_and_notes_kept() -> None:
    staged = time_facts(
        time(
            unit="working_day",
            stages=[
                {"name": "Lấy ý kiến", "value": 10, "unit": "working_day", "note": "gửi cơ quan thuế"},
                {"name": "Đăng ký", "value": 5, "unit": "working_day"},
            ],
        )
    )
    assert staged.headline == "15 ngày làm việc"
    assert staged.stages == ("Lấy ý kiến: 10 ngày làm việc (gửi cơ quan thuế)", "Đăng ký: 5 ngày làm việc")


def test_a_stages_only_time_without_values_reads_the_published_text_never_a_bare_unit() -> None:
    facts = time_facts(
        time(
            unit="working_day",
            text="Theo từng giai đoạn",
            stages=[{"name": "Xét duyệt", "unit": "working_day"}],
        )
    )
    assert facts.headline == "Theo từng giai đoạn"
    assert facts.original is None
    assert facts.stages == ("Xét duyệt",)
    assert time_facts(time(unit="calendar_day")).headline == "Theo quy định"


def test_published_text_shown_when_it_says_more() -> None:
    facts = time_facts(time(value=5, unit="working_day", text="05 ngày làm việc kể từ ngày nhận"))
    assert facts.notes[-1] == "Theo văn bản công bố: 05 ngày làm việc kể từ ngày nhận"


def test_one_line_for_reports() -> None:
    facts = time_facts(time(value=1, unit="working_day", cutoff="15:00", **{"from": "kể từ ngày nhận"}))
    assert facts.line == (
        "1 ngày làm việc, kể từ ngày nhận, "
        "hồ sơ nhận sau 15 giờ được trả kết quả trong ngày làm việc tiếp theo"
    )


def test_clock() -> None:
    assert clock("15:00") == "15 giờ"
    assert clock("16:30") == "16 giờ 30"


def test_text_blocks_keep_bullets_together() -> None:
    text = "Mở đầu\n- một\n- hai\nKết thúc"
    assert text_blocks(text) == (("p", ("Mở đầu",)), ("ul", ("một", "hai")), ("p", ("Kết thúc",)))


def test_calendar_days_say_weekends_count() -> None:
    from generator.facts.times import duration

    assert duration(15, "calendar_day") == "15 ngày (kể cả ngày nghỉ)"
    assert duration(15, "working_day") == "15 ngày làm việc"


def test_cutoff_sentence_once_when_the_published_text_states_it() -> None:
    from generator.facts.times import time_facts
    from generator.model import ProcessingTime

    restated = ProcessingTime.model_validate(
        {
            "unit": "within_day",
            "cutoff": "15:00",
            "text": "Trong ngày; nhận hồ sơ sau 15 giờ thì trả vào ngày làm việc tiếp theo",
        }
    )
    notes = time_facts(restated).notes
    assert sum("15 giờ" in note for note in notes) == 1
    plain = ProcessingTime.model_validate({"unit": "within_day", "cutoff": "15:00"})
    assert any("15 giờ" in note for note in time_facts(plain).notes)


def test_summary_shows_every_distinct_time_with_its_channels() -> None:
    import datetime as dt

    from generator.facts.channels import by_channel, cases_line, channel_facts
    from generator.model import Channel

    def channel(kind: str, days: int) -> Channel:
        return Channel.model_validate(
            {"kind": kind, "time": {"value": days, "unit": "working_day"}, "fees": []}
        )

    day = dt.date(2026, 12, 3)
    mixed = [
        channel_facts(channel(k, d), day) for k, d in (("truc_tiep", 8), ("truc_tuyen", 3), ("buu_chinh", 8))
    ]
    cases = by_channel(mixed, lambda c: c.time.headline)
    assert cases_line(cases, "—") == "Trực tiếp, bưu chính: 8 ngày làm việc; Trực tuyến: 3 ngày làm việc"
    same = [channel_facts(channel(k, 5), day) for k in ("truc_tiep", "truc_tuyen")]
    assert cases_line(by_channel(same, lambda c: c.time.headline), "—") == "5 ngày làm việc"
    assert cases_line((), "—") == "—"


def spanned(*items: dict[str, object]) -> str | None:
    return span([time_facts(time(**kw)) for kw in items])


def test_span_is_the_one_length_when_every_time_agrees() -> None:
    assert spanned({"value": 3, "unit": "working_day"}) == "3 ngày làm việc"
    assert (
        spanned({"value": 3, "unit": "working_day"}, {"value": 3, "unit": "working_day"}) == "3 ngày làm việc"
    )
    assert spanned({"unit": "within_day"}) == "Trong ngày"


def test_span_runs_from_the_shortest_case_to_the_longest_not_from_the_headline() -> None:
    land = {
        "value": 5,
        "unit": "working_day",
        "cases": [{"when": "Cho thuê", "value": 4, "unit": "working_day"}],
    }
    assert spanned(land) == "Từ 4 đến 5 ngày làm việc"
    assert spanned({"value": 15, "unit": "calendar_day"}, {"value": 20, "unit": "calendar_day"}) == (
        "Từ 15 đến 20 ngày (kể cả ngày nghỉ)"
    )


def test_span_across_units_says_both_units() -> None:
    marriage = {"unit": "within_day", "cases": [{"when": "Cần xác minh", "value": 5, "unit": "working_day"}]}
    assert spanned(marriage) == "Từ trong ngày đến 5 ngày làm việc"
    birth = {
        "value": 1.5,
        "unit": "working_day",
        "cases": [{"when": "Xác minh", "value": 23, "unit": "calendar_day"}],
    }
    assert spanned(birth) == "Từ 1,5 ngày làm việc đến 23 ngày (kể cả ngày nghỉ)"
    # 15 working days last longer than 20 calendar days: the order is by length, not by number
    assert spanned({"value": 15, "unit": "working_day"}, {"value": 20, "unit": "calendar_day"}) == (
        "Từ 20 ngày (kể cả ngày nghỉ) đến 15 ngày làm việc"
    )


def test_span_order_does_not_depend_on_the_hash_seed_or_a_value_beside_trong_ngay() -> None:
    # equal lengths in two units keep one order (by unit), whatever the set order
    tie = ({"value": 30, "unit": "calendar_day"}, {"value": 1, "unit": "month"})
    assert spanned(*tie) == spanned(*reversed(tie)) == "Từ 30 ngày (kể cả ngày nghỉ) đến 1 tháng"
    within = {"unit": "within_day", "cases": [{"when": "Khác", "value": 2, "unit": "within_day"}]}
    assert spanned(within) == "Trong ngày"
    # hours are working hours (eight to a working day, as the time checks count them)
    assert spanned({"value": 4, "unit": "hour"}, {"unit": "within_day"}) == "Từ 4 giờ đến trong ngày"
    assert spanned({"value": 24, "unit": "hour"}, {"value": 2, "unit": "working_day"}) == (
        "Từ 2 ngày làm việc đến 24 giờ"
    )


def test_span_order_is_stable_across_processes() -> None:
    import subprocess
    import sys

    code = (
        "from generator.facts.times import span, time_facts; from generator.model import ProcessingTime as P;"
        "print(span([time_facts(P.model_validate({'value': 5, 'unit': 'working_day'})),"
        " time_facts(P.model_validate({'value': 7, 'unit': 'calendar_day'}))]))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3", "4", "5", "6")
    }
    assert seen == {"Từ 7 ngày (kể cả ngày nghỉ) đến 5 ngày làm việc\n"}, seen  # equal: by unit


def test_no_span_when_a_time_or_a_case_is_only_in_words() -> None:
    assert spanned({"unit": "working_day", "text": "Theo kỳ rà soát hằng năm"}) is None
    worded_case = {"value": 3, "unit": "working_day", "cases": [{"when": "Phức tạp", "unit": "working_day"}]}
    assert spanned(worded_case) is None
    assert spanned() is None


def test_span_of_stages_is_their_total() -> None:
    staged = {
        "unit": "working_day",
        "stages": [
            {"name": "A", "value": 10, "unit": "working_day"},
            {"name": "B", "value": 5, "unit": "working_day"},
        ],
    }
    assert spanned(staged, {"value": 3, "unit": "working_day"}) == "Từ 3 đến 15 ngày làm việc"


@given(st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=6))
def test_span_names_the_least_and_the_most_of_one_unit(values: list[int]) -> None:
    text = spanned(*({"value": v, "unit": "working_day"} for v in values))
    low, high = min(values), max(values)
    assert text == (
        f"{number(low)} ngày làm việc"
        if low == high
        else f"Từ {number(low)} đến {number(high)} ngày làm việc"
    )
