"""The printed phrases: money, times, copies, and the fee rules citizens rely on."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model import Channel, Document, Fee, ProcessingTime
from generator.posters.facts import (
    NO_FEE,
    channel_facts,
    fee_fact,
    quantity,
    short_fee,
    time_fact,
)


def fee(**kw: object) -> Fee:
    return Fee.model_validate({"type": "le_phi", "name": "Lệ phí", **kw})


def test_amount_with_unit_and_exemption_spelled_out() -> None:
    fact = fee_fact(fee(amount=8000, unit="bản", exemption="Người thuộc hộ nghèo"))
    assert fact.value == "8.000 đồng/bản"
    assert fact.notes == ("Miễn, giảm: Người thuộc hộ nghèo",)
    assert fact.label == "Lệ phí"


@pytest.mark.parametrize(
    "kw",
    [
        {"amount": 0, "exempt": True, "exemption": "Miễn lệ phí khi đăng ký đúng hạn"},
        {"amount": 0, "exempt": True, "exemption": "Người khuyết tật"},
        {"amount": 0, "exempt": True, "text": "Theo nghị quyết của HĐND tỉnh"},
        {"amount": 0, "exempt": True, "valid_to": "2026-12-31"},
    ],
)
def test_a_zero_with_a_qualifier_is_never_headlined_free(kw: dict[str, object]) -> None:
    fact = fee_fact(fee(**kw))
    assert fact.value not in {"Miễn phí", "Miễn lệ phí", "Miễn"}
    assert short_fee(fee(**kw)) != "Miễn phí"
    assert short_fee(fee(**kw)) == "Miễn (có điều kiện)"


def test_exemption_is_printed_verbatim() -> None:
    assert fee_fact(fee(amount=0, exempt=True, exemption="Miễn lệ phí khi đăng ký đúng hạn")).value == (
        "Miễn lệ phí khi đăng ký đúng hạn"
    )
    assert fee_fact(fee(amount=0, exempt=True, exemption="người khuyết tật")).value == (
        "Miễn lệ phí trong trường hợp: người khuyết tật"
    )


def test_an_unconditional_waiver_may_say_so() -> None:
    assert fee_fact(fee(amount=0, exempt=True)).value == "Miễn lệ phí"
    assert fee_fact(fee(type="phi", amount=0, exempt=True)).value == "Miễn phí"


def test_percent_fee() -> None:
    assert fee_fact(fee(percent=0.5, base="giá trị tài sản")).value == "0,5% giá trị tài sản"


def test_fees_in_force_on_the_build_date_only() -> None:
    channel = Channel.model_validate(
        {
            "kind": "truc_tuyen",
            "time": {"value": 1, "unit": "working_day"},
            "fees": [
                {"type": "phi", "name": "Phí", "amount": 0, "exempt": True, "valid_to": "2026-12-31"},
                {"type": "phi", "name": "Phí", "amount": 2000, "unit": "trang", "valid_from": "2027-01-01"},
            ],
        }
    )
    [before] = channel_facts((channel,), dt.date(2026, 12, 31))
    [after] = channel_facts((channel,), dt.date(2027, 1, 1))
    assert [f.value for f in before.fees] == ["Miễn phí đến hết ngày 31/12/2026"]
    assert [f.value for f in after.fees] == ["2.000 đồng/trang"]


def test_channels_with_the_same_facts_are_merged() -> None:
    def ch(kind: str, amount: int) -> Channel:
        return Channel.model_validate(
            {
                "kind": kind,
                "time": {"value": 3, "unit": "working_day"},
                "fees": [{"type": "phi", "name": "Phí", "amount": amount}],
            }
        )

    groups = channel_facts(
        (ch("truc_tiep", 5000), ch("buu_chinh", 5000), ch("truc_tuyen", 2500)), dt.date(2026, 1, 1)
    )
    assert [g.channels for g in groups] == ["Trực tiếp, dịch vụ bưu chính công ích", "Trực tuyến"]
    assert groups[0].time.value == "3 ngày làm việc"


def test_no_fee_channel() -> None:
    channel = Channel.model_validate({"kind": "truc_tiep", "time": {"unit": "within_day"}, "fees": []})
    [group] = channel_facts((channel,), dt.date(2026, 1, 1))
    assert [f.value for f in group.fees] == [NO_FEE]


def test_time_with_stages_and_cutoff() -> None:
    staged = ProcessingTime.model_validate(
        {
            "unit": "working_day",
            "stages": [
                {"name": "Lấy ý kiến", "value": 10, "unit": "working_day"},
                {"name": "Đăng ký", "value": 5, "unit": "working_day"},
            ],
        }
    )
    fact = time_fact(staged)
    assert fact.value == "15 ngày làm việc"
    assert fact.notes == ("Lấy ý kiến: 10 ngày làm việc", "Đăng ký: 5 ngày làm việc")
    within = time_fact(ProcessingTime.model_validate({"unit": "within_day", "cutoff": "15:00"}))
    assert within.value == "Trong ngày"
    assert "15 giờ" in within.notes[0]


@pytest.mark.parametrize(
    ("doc", "text"),
    [
        ({"originals": 1}, "01 bản chính"),
        ({"originals": 1, "copies": 2}, "01 bản chính, 02 bản sao"),
        ({"originals": 1, "present_only": True}, "Xuất trình bản chính"),
        ({}, "Theo yêu cầu"),
    ],
)
def test_quantities(doc: dict[str, object], text: str) -> None:
    assert quantity(Document.model_validate({"name": "Giấy tờ", **doc})) == text
