"""The one Vietnamese collation key: every ordering (web tables, posters) uses it."""

from __future__ import annotations

from generator.facts.collation import collation_key


def test_dictionary_order_ignores_case_and_marks_and_puts_d_before_dd() -> None:
    names = ["Đăng ký kết hôn", "đổi giấy phép", "Ăn uống", "an toàn", "Dịch vụ", "Bảo hiểm"]
    assert sorted(names, key=collation_key) == [
        "an toàn",
        "Ăn uống",
        "Bảo hiểm",
        "Dịch vụ",
        "Đăng ký kết hôn",
        "đổi giấy phép",
    ]


def test_the_order_is_total() -> None:
    assert collation_key("Hộ tịch") != collation_key("hộ tịch")
    assert collation_key("Ho tich") < collation_key("Hộ tịch")
