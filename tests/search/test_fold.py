"""The Vietnamese folding function: the shared case table, and Python and JavaScript agreeing."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.fold import fold, fold_tokens, fold_word, strip_marks
from tests.search.nodejs import run_js

CASES = json.loads((Path(__file__).parent / "fold_cases.json").read_text(encoding="utf-8"))["cases"]

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
TEXT = st.text(
    alphabet=st.sampled_from(VIETNAMESE + " .,-/()«»0123456789\u0300\u0301\u0303\u0309\u0323ðÐＫ１"),
    max_size=40,
)


@pytest.mark.parametrize("case", CASES, ids=[c["input"][:30] or "empty" for c in CASES])
def test_python_fold_matches_the_case_table(case: dict[str, object]) -> None:
    assert fold_tokens(str(case["input"])) == case["words"]


def test_javascript_fold_matches_the_case_table() -> None:
    got = run_js("console.log(JSON.stringify(input.map((c) => F.foldTokens(c.input))));", CASES)
    assert got == [c["words"] for c in CASES]


@settings(max_examples=25, deadline=None)
@given(st.lists(TEXT, min_size=200, max_size=200))
def test_python_and_javascript_fold_random_text_the_same(texts: list[str]) -> None:
    got = run_js("console.log(JSON.stringify(input.map((t) => F.foldTokens(t))));", texts)
    assert got == [fold_tokens(t) for t in texts]


@given(TEXT)
def test_folding_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(TEXT)
def test_nfc_and_nfd_input_fold_the_same(text: str) -> None:
    assert fold_tokens(unicodedata.normalize("NFC", text)) == fold_tokens(unicodedata.normalize("NFD", text))


def test_strip_marks_keeps_punctuation_and_maps_d() -> None:
    assert strip_marks("Đất (đai).") == "dat (dai)."


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("ky", "ki"),
        ("quy", "qui"),
        ("huy", "huy"),
        ("tay", "tay"),
        ("y", "y"),
        ("ddat", "dat"),
        ("fep", "phep"),
    ],
)
def test_spelling_variant_rules(word: str, folded: str) -> None:
    assert fold_word(word) == folded
