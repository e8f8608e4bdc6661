"""The fee facts: amounts, waivers, fine print and the short cell (a qualified 0 is never «free»)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.facts.channels import ChannelFacts, channel_facts, fees_brief
from generator.facts.fees import FeeFacts, all_free, fee_cell, fee_facts, fees_short
from generator.model import Channel, Fee

AS_OF = dt.date(2026, 9, 1)


def fee(**kw: object) -> Fee:
    return Fee.model_validate({"type": "le_phi", "name": "Lệ phí", **kw})


def facts(**kw: object) -> FeeFacts:
    return fee_facts(fee(**kw), AS_OF)


def test_amount_with_unit_and_exemption_spelled_out() -> None:
    item = facts(amount=8000, unit="bản", exemption="Người thuộc hộ nghèo")
    assert item.headline == "8.000 đồng/bản"
    assert item.notes == ("Miễn, giảm: Người thuộc hộ nghèo",)
    assert item.name == "Lệ phí"
    assert item.short == "8.000 đồng/bản"


@pytest.mark.parametrize(
    "kw",
    [
        {"amount": 0, "exempt": True, "exemption": "Miễn lệ phí khi đăng ký đúng hạn"},
        {"amount": 0, "exempt": True, "exemption": "Người khuyết tật"},
        {"amount": 0, "exempt": True, "text": "Theo nghị quyết của HĐND tỉnh"},
        {"amount": 0, "exempt": True, "valid_to": "2026-12-31"},
        {"amount": 0, "text": "Theo mức thu của Hội đồng nhân dân tỉnh"},
    ],
)
def test_a_zero_with_a_qualifier_is_never_called_free(kw: dict[str, object]) -> None:
    item = facts(**kw)
    assert item.headline not in {"Miễn phí", "Miễn lệ phí", "Miễn"}
    assert item.short == ("Miễn đến 31/12/2026" if "valid_to" in kw else "Miễn (có điều kiện)")
    assert not item.free


def test_waiver_headlines() -> None:
    assert facts(exempt=True, exemption="Miễn lệ phí khi đăng ký đúng hạn").headline == (
        "Miễn lệ phí khi đăng ký đúng hạn"
    )
    conditional = facts(amount=0, exempt=True, exemption="người khuyết tật")
    assert conditional.headline == "Miễn lệ phí (có điều kiện)"
    assert conditional.notes == ("người khuyết tật",)
    assert facts(amount=0, exempt=True, valid_to="2026-12-31").headline == (
        "Miễn lệ phí đến hết ngày 31/12/2026"
    )


def test_an_unconditional_waiver_may_say_so() -> None:
    assert facts(amount=0, exempt=True).headline == "Miễn lệ phí"
    assert fee_facts(fee(type="phi", amount=0, exempt=True), AS_OF).headline == "Miễn phí"
    assert facts(exempt=True).free


def test_percent_and_text_fees() -> None:
    assert facts(percent=0.5, base="giá trị tài sản").headline == "0,5% giá trị tài sản"
    assert facts(text="Theo thỏa thuận").headline == "Theo thỏa thuận"
    assert facts().headline == "Theo quy định"


def test_window_notes_name_start_and_end() -> None:
    assert facts(amount=1000, valid_from="2027-01-01").notes == ("Áp dụng từ ngày 01/01/2027",)
    assert facts(amount=1000, valid_from="2026-01-01").notes == ()
    assert facts(amount=1000, valid_to="2026-12-31").notes == ("Áp dụng đến hết ngày 31/12/2026",)


def test_short_cell_names_the_main_fee() -> None:
    waived = fee_facts(fee(exempt=True), AS_OF)
    copy = fee_facts(fee(amount=8000, unit="bản"), AS_OF)
    assert fees_short(()) == "Không thu"
    assert fees_short((waived, copy)) == "Miễn lệ phí + …"
    assert fees_short((copy,)) == "8.000 đồng/bản"


def test_index_cell_labels_the_main_fee_and_adds_the_optional_ones() -> None:
    late = fee_facts(
        fee(name="Lệ phí đăng ký khai tử", amount=0, exempt=True, exemption="Người khuyết tật"), AS_OF
    )
    copy = fee_facts(
        Fee.model_validate(
            {"type": "phi", "name": "Phí cấp bản sao trích lục khai tử", "amount": 8000, "unit": "bản"}
        ),
        AS_OF,
    )
    assert fee_cell((late, copy)) == "Lệ phí: Miễn (có điều kiện) + …"
    assert fee_cell((copy,)) == "Phí: 8.000 đồng/bản"
    assert fee_cell(()) == "Không thu"


def test_a_waiver_for_everyone_until_a_date_says_so_short_and_long() -> None:
    until = facts(amount=0, exempt=True, valid_to="2026-12-31")
    assert until.short == "Miễn đến 31/12/2026"
    assert until.headline == "Miễn lệ phí đến hết ngày 31/12/2026"
    assert "có điều kiện" not in until.short + until.headline
    assert until.notes == ()  # the end date is said once, in the headline


def test_a_long_source_waiver_is_fine_print_not_a_headline() -> None:
    wording = "Miễn lệ phí trong trường hợp: Mức thu 0 đồng khi đăng ký khai tử đúng hạn theo quy định"
    item = facts(amount=0, exempt=True, exemption=wording)
    assert item.headline == "Miễn lệ phí (có điều kiện)"
    assert item.notes == (wording,)
    assert item.short == "Miễn (có điều kiện)"


def test_free_means_nothing_charged_to_anyone() -> None:
    assert all_free(())
    assert all_free((facts(exempt=True),))
    assert not all_free((facts(exempt=True, exemption="Hộ nghèo"),))
    assert not all_free((facts(exempt=True), facts(amount=8000, unit="bản")))


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
    before = channel_facts(channel, dt.date(2026, 12, 31))
    after = channel_facts(channel, dt.date(2027, 1, 1))
    assert [f.headline for f in before.fees] == ["Miễn phí đến hết ngày 31/12/2026"]
    assert [f.headline for f in before.upcoming] == ["2.000 đồng/trang"]
    assert [f.headline for f in after.fees] == ["2.000 đồng/trang"]
    assert after.upcoming == ()


def channel(kind: str, *fees: dict[str, object]) -> ChannelFacts:
    body: dict[str, object] = {"kind": kind, "time": {"value": 1, "unit": "working_day"}}
    body.update({"fees": list(fees)} if fees else {"no_fee": True})
    return channel_facts(Channel.model_validate(body), AS_OF)


LATE = {"type": "le_phi", "name": "Lệ phí", "amount": 0, "exempt": True, "exemption": "Đăng ký đúng hạn"}
COPY = {"type": "phi", "name": "Phí cấp bản sao", "amount": 8000, "unit": "bản"}
PAID = {"type": "le_phi", "name": "Lệ phí", "amount": 15000, "unit": "bản"}


def test_fees_brief_main_fee_once_when_every_channel_charges_alike() -> None:
    same = [channel("truc_tiep", LATE, COPY), channel("buu_chinh", LATE, COPY)]
    assert fees_brief(same) == "Lệ phí: Miễn (có điều kiện) + …"
    assert fees_brief([channel("truc_tiep")]) == "Không thu"
    assert fees_brief([]) == "Không thu"


def test_fees_brief_names_each_channel_that_charges_otherwise() -> None:
    online = {**LATE, "exemption": "Nộp hồ sơ trực tuyến"}
    mixed = [channel("truc_tiep", PAID), channel("truc_tuyen", online), channel("buu_chinh", PAID)]
    assert fees_brief(mixed) == "Lệ phí: 15.000 đồng/bản; Trực tuyến: Miễn (có điều kiện)"
    three = [channel("truc_tiep", PAID, COPY), channel("truc_tuyen"), channel("buu_chinh", COPY)]
    assert fees_brief(three) == (
        "Lệ phí: 15.000 đồng/bản + …; Trực tuyến: Không thu; Bưu chính: phí 8.000 đồng/bản"
    )


def test_fees_brief_says_the_kind_a_later_channel_charges() -> None:
    free_first = [channel("truc_tiep"), channel("truc_tuyen", PAID)]
    assert fees_brief(free_first) == "Không thu; Trực tuyến: lệ phí 15.000 đồng/bản"
    other_kind = [channel("truc_tiep", PAID), channel("truc_tuyen", {**PAID, "type": "phi", "name": "Phí"})]
    assert fees_brief(other_kind) == "Lệ phí: 15.000 đồng/bản; Trực tuyến: phí 15.000 đồng/bản"
