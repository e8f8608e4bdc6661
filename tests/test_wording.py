"""Unit tests of the shared wording: money, durations, fees (a qualified 0 is never «free»)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model import Fee, ProcessingTime
from generator.wording import (
    cutoff_note,
    exemption_text,
    fee_amount,
    fee_short,
    fee_window,
    format_clock,
    is_free,
    money,
    number,
    processing_time,
    text_blocks,
)


def fee(**values: object) -> Fee:
    return Fee.model_validate({"type": "le_phi", "name": "Lệ phí", **values})


@pytest.mark.parametrize(
    ("value", "text"), [(8000, "8.000"), (1500000, "1.500.000"), (0.5, "0,5"), (2.25, "2,25")]
)
def test_number_uses_vietnamese_separators(value: float, text: str) -> None:
    assert number(value) == text


def test_money_in_dong() -> None:
    assert money(100000) == "100.000 đồng"


def test_zero_with_exemption_says_exempt_and_spells_out_who() -> None:
    item = fee(amount=0, exempt=True, exemption="Khi đăng ký đúng hạn")
    assert fee_amount(item) == "Miễn"
    assert exemption_text(item) == "Khi đăng ký đúng hạn"


def test_zero_with_a_qualifier_is_never_called_free() -> None:
    item = fee(amount=0, text="Theo mức thu của Hội đồng nhân dân tỉnh")
    assert fee_amount(item) == "Theo mức thu của Hội đồng nhân dân tỉnh"
    assert "miễn phí" not in fee_amount(item).lower()


def test_amount_with_exemption_for_some_groups() -> None:
    item = fee(amount=400000, exempt=True, exemption="Cô, cậu, dì nhận cháu")
    assert fee_amount(item) == "400.000 đồng"
    assert exemption_text(item) == "Được miễn: Cô, cậu, dì nhận cháu"


def test_unit_and_percent_amounts() -> None:
    assert fee_amount(fee(amount=8000, unit="bản")) == "8.000 đồng/bản"
    assert fee_amount(fee(percent=0.5, base="giá trị tài sản")) == "0,5% giá trị tài sản"


def test_short_fee_cell_names_the_main_fee_and_never_a_conditional_free() -> None:
    assert fee_short(()) == "Không thu"
    assert fee_short((fee(amount=0, exempt=True, exemption="Khi đăng ký đúng hạn"),)) == "Miễn (có điều kiện)"
    assert fee_short((fee(exempt=True),)) == "Miễn lệ phí"
    # an optional copy fee listed after an exempt registration fee never becomes the headline
    assert fee_short((fee(exempt=True), fee(amount=8000, unit="bản"))) == "Miễn lệ phí …"
    assert fee_short((fee(amount=50000), fee(amount=8000, unit="bản"))) == "50.000 đồng …"


def test_free_means_nothing_charged_to_anyone() -> None:
    assert is_free(())
    assert is_free((fee(exempt=True),))
    assert not is_free((fee(exempt=True, exemption="Hộ nghèo"),))
    assert not is_free((fee(exempt=True), fee(amount=8000, unit="bản")))
    assert not is_free((fee(amount=0, exempt=True, valid_to=dt.date(2026, 12, 31)),))


def test_fee_window() -> None:
    assert fee_window(fee(amount=1, valid_from=dt.date(2027, 1, 1))) == "Từ 01/01/2027"
    assert fee_window(fee(amount=1)) is None


def test_processing_times() -> None:
    within = ProcessingTime.model_validate({"unit": "within_day", "cutoff": "15:00"})
    assert processing_time(within) == "Trong ngày"
    assert cutoff_note(within) == "Nhận hồ sơ sau 15:00 thì trả kết quả trong ngày làm việc tiếp theo."
    assert (
        processing_time(ProcessingTime.model_validate({"value": 3, "unit": "working_day"}))
        == "3 ngày làm việc"
    )


def test_text_blocks_keep_bullets_together() -> None:
    text = "Mở đầu\n- một\n- hai\nKết thúc"
    assert text_blocks(text) == (("p", ("Mở đầu",)), ("ul", ("một", "hai")), ("p", ("Kết thúc",)))


def test_cutoff_hours() -> None:
    assert format_clock("15:00") == "15 giờ"
    assert format_clock("16:30") == "16 giờ 30"
