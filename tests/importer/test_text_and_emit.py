"""Text cleaning, step splitting and the YAML writer: what they change, and what they never do."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer.emit import emit, read_comments
from generator.importer.structure import STEP_TITLE, split_steps
from generator.importer.text import clean_line, clean_text, slugify
from generator.load import load_yaml


def test_clean_text_normalises_forms_spaces_and_markup() -> None:
    decomposed = unicodedata.normalize("NFD", "Thông tư \t226/2016/TT-BTC  ")
    assert clean_line(decomposed) == "Thông tư 226/2016/TT-BTC"
    assert clean_text("a\r\n\n\n\nb\u2028c\u200b") == "a\n\nb\nc"
    assert clean_text("<ul><li>Tờ khai</li><li>Giấy chứng sinh</li></ul>") == "- Tờ khai\n\n- Giấy chứng sinh"
    assert clean_text("<style>p{}</style><SCRIPT>x()</SCRIPT>Nộp 1 < 2 bản") == "Nộp 1 < 2 bản"
    assert clean_text("3 < 5 và 7 > 2") == "3 < 5 và 7 > 2"  # text, not a tag: kept


@pytest.mark.parametrize(
    "text",
    [
        "Bước 1: Nộp hồ sơ tại Bộ phận Một cửa.\nBước 2: Giải quyết.\nBước 3. Trả kết quả.",
        "1. Nộp hồ sơ tại Bộ phận Một cửa.\n2. Giải quyết.\n3) Trả kết quả.",
        "a) Nộp hồ sơ tại Bộ phận Một cửa.\nb) Giải quyết.\nc) Trả kết quả.",
    ],
)
def test_clearly_enumerated_text_becomes_steps(text: str) -> None:
    steps = split_steps(text)
    assert [s["title"] for s in steps] == ["Nộp hồ sơ tại Bộ phận Một cửa", "Giải quyết", "Trả kết quả"]


@pytest.mark.parametrize(
    "text",
    [
        "- Nộp hồ sơ.\n- Nhận kết quả.",  # bullets are not an order
        "Bước 2: Giải quyết.\nBước 3: Trả kết quả.",  # does not start at 1
        "1. Nộp hồ sơ.\n3. Trả kết quả.",  # a gap
        "Người yêu cầu nộp theo khoản 1. Điều 5 và khoản 2. Điều 6.",  # numbers inside a sentence
    ],
)
def test_anything_else_stays_verbatim(text: str) -> None:
    assert split_steps(text) == [{"title": STEP_TITLE, "text": text}]


def test_slug_is_ascii_kebab_and_short() -> None:
    assert slugify("Đăng ký khai sinh") == "dang-ky-khai-sinh"
    assert len(slugify("Chứng thực bản sao " * 10)) <= 60


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40).map(clean_text)


@settings(max_examples=300, deadline=None)
@given(items=st.lists(_TEXT, min_size=1, max_size=4), text=_TEXT)
def test_emitted_yaml_reads_back_as_written(
    items: list[str], text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    data = {
        "code": "1.001193",
        "name": text or "x",
        "aliases": [i for i in items if i],
        "steps": [{"title": "t", "text": text or "y"}],
    }
    path = tmp_path_factory.mktemp("emit") / "p.yaml"
    path.write_text(emit(data, modeline="# yaml-language-server: $schema=x", comments={}), encoding="utf-8")
    loaded, issues = load_yaml(path, "p.yaml")
    assert [i for i in issues if i.severity.value == "error"] == []
    assert loaded is not None
    expected = {k: v for k, v in data.items() if v != []}
    assert {k: v for k, v in loaded.data.items() if v != []} == expected


def test_tricky_scalars_are_quoted(tmp_path: Path) -> None:
    values = [
        "1.10",
        "no",
        "15:00",
        "- mở đầu",
        "# chú thích",
        "a: b",
        "0o17",
        "null",
        "",
        "true",
        "2026-11-23",
        "+ Bản chính",
    ]
    data = {"aliases": values}
    path = tmp_path / "p.yaml"
    path.write_text(emit(data, modeline="#", comments={}), encoding="utf-8")
    loaded, _ = load_yaml(path, "p.yaml")
    assert loaded is not None and loaded.data["aliases"] == values


def test_comments_above_top_level_keys_are_found() -> None:
    text = '# yaml-language-server: $schema=x\n# đầu\ncode: "1"\n  # thụt lề: không giữ\n'
    text += "# về tên\nname: A\n# cuối\n"
    assert read_comments(text) == {"code": ["# đầu"], "name": ["# về tên"], "": ["# cuối"]}
