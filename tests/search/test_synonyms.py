"""content/synonyms.yaml: the model, located errors, and index-time expansion."""

from __future__ import annotations

from pathlib import Path

from generator.core.fold import fold_tokens
from generator.issues import Severity
from generator.search.synonyms import SYNONYMS_FILE, expand, folded_groups, read_synonyms
from tests.conftest import PROJECT_ROOT


def write(root: Path, text: str) -> None:
    """Write content/synonyms.yaml under ``root``."""
    (root / SYNONYMS_FILE).write_text(text, encoding="utf-8")


def located(issues: list) -> list[tuple[str, int, str, str]]:
    """Issues as (file, line, field, code): what the tests assert on."""
    return [(i.file, i.line, i.field, i.code) for i in issues]


def test_a_missing_file_means_no_synonyms(content_root: Path) -> None:
    synonyms, issues = read_synonyms(content_root)
    assert synonyms.groups == () and issues == []


def test_the_sample_synonyms_file_is_valid() -> None:
    synonyms, issues = read_synonyms(PROJECT_ROOT)
    assert issues == []
    assert any("sổ đỏ" in group.terms for group in synonyms.groups)


def test_a_one_term_group_is_an_error_on_its_line(content_root: Path) -> None:
    write(content_root, "groups:\n  - terms: [sổ đỏ]\n")
    _, issues = read_synonyms(content_root)
    assert located(issues) == [("content/synonyms.yaml", 2, "groups[0].terms", "empty-list")]


def test_an_unknown_key_is_an_error(content_root: Path) -> None:
    write(content_root, "groups:\n  - terms: [a, b]\n    notes: x\n")
    _, issues = read_synonyms(content_root)
    assert [(i.line, i.code) for i in issues] == [(3, "unknown-key")]


def test_a_term_without_letters_is_an_error_where_it_stands(content_root: Path) -> None:
    write(content_root, 'groups:\n  - terms: [sổ đỏ, "—"]\n')
    _, issues = read_synonyms(content_root)
    assert located(issues) == [("content/synonyms.yaml", 2, "groups[0].terms[1]", "synonym-empty")]
    assert issues[0].column == 20


def test_a_term_in_two_groups_is_a_warning(content_root: Path) -> None:
    write(content_root, "groups:\n  - terms: [sổ đỏ, bìa đỏ]\n  - terms: [so do, sổ hồng]\n")
    _, issues = read_synonyms(content_root)
    assert located(issues) == [("content/synonyms.yaml", 3, "groups[1].terms[0]", "synonym-duplicate")]
    assert issues[0].severity is Severity.WARNING


def test_expansion_adds_the_other_terms_of_a_matching_group(content_root: Path) -> None:
    write(
        content_root,
        "groups:\n  - terms: [sổ đỏ, giấy chứng nhận quyền sử dụng đất]\n  - terms: [đăng ký, đk]\n",
    )
    synonyms, _ = read_synonyms(content_root)
    groups = folded_groups(synonyms)
    words = expand(["Cấp Giấy chứng nhận quyền sử dụng đất lần đầu"], groups)
    assert words == ["so", "do"]
    assert expand(["Đăng ký khai sinh"], groups) == ["dk"]
    assert expand(["Chứng thực chữ ký"], groups) == []


def test_expansion_needs_whole_words_in_order() -> None:
    groups = [[tuple(fold_tokens("giấy phép xây dựng")), ("gpxd",)]]
    assert expand(["xây dựng giấy phép"], groups) == []
    assert expand(["Cấp lại giấy phép xây dựng"], groups) == ["gpxd"]
