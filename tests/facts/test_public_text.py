"""Issue 12 items 1, 3, 7: public text vs internal notes, sources named for what they are, portal
boilerplate cleaned in rendering, sorting and ranking (the data keeps the source text)."""

from __future__ import annotations

import pytest

from generator.checks.wording import public_texts, wording_problem
from generator.facts.collation import boilerplate_length, collation_key, listed_name, ranked_name
from generator.facts.documents import DATA_SOURCE, WEB_SOURCE, heading, source_facts
from generator.model import Procedure


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Quyết định không chỉ định thủ tục thay thế; «replaced_by» trỏ tới thủ tục khác.", "replaced_by"),
        ("Sửa effective_to khi có quyết định.", "effective_to"),
        ("Ngày hết hiệu lực cần đối chiếu điều khoản hiệu lực.", "cần đối chiếu"),
        ("TODO: thêm mẫu đơn", "TODO"),
    ],
)
def test_editor_notes_in_public_text_are_found(text: str, found: str) -> None:
    problem = wording_problem(text)
    assert problem is not None and found in problem


@pytest.mark.parametrize(
    "text",
    [
        "Bãi bỏ theo Quyết định 4517/QĐ-UBND ngày 10/11/2025 của UBND thành phố Hải Phòng.",
        "Trường hợp cần xác minh thì thời hạn kéo dài không quá 03 ngày làm việc.",
        "Ghi chú: nộp bản sao có chứng thực.",
    ],
)
def test_ordinary_public_text_passes(text: str) -> None:
    assert wording_problem(text) is None


def test_internal_note_is_never_walked_as_public_text() -> None:
    proc = Procedure.model_validate(
        {
            "name": "Thủ tục mẫu",
            "field": "ho-tich",
            "level": "xa",
            "offices": ["mot-cua"],
            "online": "khong",
            "status": {
                "note": "Bãi bỏ theo Quyết định 1/QĐ-UBND.",
                "internal_note": "cần đối chiếu replaced_by",
            },
        }
    )
    texts = dict(public_texts(proc))
    assert texts[("status", "note")] == "Bãi bỏ theo Quyết định 1/QĐ-UBND."
    assert ("status", "internal_note") not in texts
    assert not any("đối chiếu" in text for text in texts.values())


def test_data_files_and_forges_are_named_data_sources() -> None:
    forge = source_facts("https://github.com/org/repo/blob/abc/data/priority-51-legal-verification.json")
    assert (forge.label, forge.text) == (DATA_SOURCE, "tệp dữ liệu trên github.com")
    csv = source_facts("https://data.example.gov.vn/export/tthc.csv")
    assert csv.label == DATA_SOURCE
    page = source_facts("https://www.dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma=1")
    assert (page.label, page.text) == (WEB_SOURCE, "dichvucong.gov.vn")
    assert "văn bản gốc" not in (forge.label + page.label)


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("* Giấy tờ phải nộp:", "Giấy tờ phải nộp"),
        ("* Trường hợp thừa kế:", "Trường hợp thừa kế"),
        ("- Giấy tờ phải xuất trình", "Giấy tờ phải xuất trình"),
        ("Giấy tờ phải nộp (hộ gia đình tự đề nghị)", "Giấy tờ phải nộp (hộ gia đình tự đề nghị)"),
        ("*:", "*:"),
    ],
)
def test_group_headings_lose_portal_marks(source: str, shown: str) -> None:
    assert heading(source) == shown


def test_thu_tuc_prefix_neither_sorts_nor_ranks() -> None:
    names = ["Thủ tục đăng ký kết hôn", "Sao y bản chính", "Cấp bản sao trích lục"]
    assert sorted(names, key=collation_key) == [
        "Cấp bản sao trích lục",
        "Thủ tục đăng ký kết hôn",  # under Đ, not T
        "Sao y bản chính",
    ]
    assert ranked_name("Thủ tục đăng ký khai tử lưu động") == "đăng ký khai tử lưu động"
    assert boilerplate_length("Thủ tục đăng ký khai tử") == len("Thủ tục ")
    assert boilerplate_length("Đăng ký khai tử") == 0
    assert boilerplate_length("Thủ tục") == 0  # a name that is only the word keeps it
    assert collation_key("Thủ tục A") != collation_key("A")  # still a total order


@pytest.mark.parametrize(
    ("source", "listed"),
    [
        ("Thủ tục đăng ký khai tử", "Đăng ký khai tử"),
        ("thủ tục cấp bản sao trích lục hộ tịch", "Cấp bản sao trích lục hộ tịch"),
        ("* Thủ tục  ưu đãi người có công", "Ưu đãi người có công"),
        ("Đăng ký khai sinh", "Đăng ký khai sinh"),
        ("Thủ tục", "Thủ tục"),  # a name that is only the word keeps it
        ("Hướng dẫn thủ tục đăng ký", "Hướng dẫn thủ tục đăng ký"),  # only a leading prefix
    ],
)
def test_lists_print_the_name_without_the_prefix(source: str, listed: str) -> None:
    assert listed_name(source) == listed
    assert collation_key(listed_name(source)).split("\x00")[0] == collation_key(source).split("\x00")[0]
