"""The two real portal records: imported YAML equals the reviewed golden files, passes ``check``
(warnings only, each listed), and a second import of the same records changes no byte."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from generator.importer.run import run_import
from generator.issues import Severity
from generator.reading import read_catalogue
from tests.conftest import AS_OF
from tests.importer.conftest import READ_ON, RECORDS, tree_digest

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CK_UPDATE_GOLDEN") == "1"
EXPECTED = {
    "1.001193": "procedures/ho-tich/dang-ky-khai-sinh.yaml",
    "2.000815": "procedures/chung-thuc/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban-do-co-quan.yaml",
}


def _header(code: str) -> str:
    return (
        f"# golden: python -m generator import dvcqg {code}.json --office mot-cua --read-on "
        f"{READ_ON} (into tests/fixtures/valid/content, no procedures)\n"
    )


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_golden_import_of_reference_record(code: str, tree: Path) -> None:
    run_import(RECORDS / f"{code}.json", tree, office="mot-cua", read_on=READ_ON)
    text = (tree / EXPECTED[code]).read_text(encoding="utf-8")
    golden = GOLDEN / f"{code}.yaml"
    if UPDATE:
        golden.write_text(_header(code) + text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == _header(code) + text
    assert unicodedata.is_normalized("NFC", text)


def test_reference_import_passes_check_with_listed_warnings(tree: Path) -> None:
    report = run_import(RECORDS, tree, office="mot-cua", read_on=READ_ON)
    assert sorted(report.created) == sorted(EXPECTED.values())
    catalogue, issues = read_catalogue(tree, AS_OF)
    assert catalogue is not None and len(catalogue.procedures) == 2
    assert [i for i in issues if i.severity is Severity.ERROR] == []
    review = [i for i in issues if i.code == "needs-review"]
    assert len(review) == sum(report.review.values()) > 0
    assert {i.code for i in issues} <= {"needs-review", "conditional-part-empty"}


def test_second_import_changes_no_byte(tree: Path) -> None:
    run_import(RECORDS, tree, office="mot-cua", read_on=READ_ON)
    before = tree_digest(tree)
    report = run_import(RECORDS, tree, office="mot-cua", read_on=READ_ON)
    assert tree_digest(tree) == before
    assert (report.created, report.updated, report.unchanged) == ([], [], 2)


def test_combining_marks_become_precomposed(tree: Path) -> None:
    raw = (RECORDS / "2.000815.json").read_text(encoding="utf-8")
    assert not unicodedata.is_normalized("NFC", raw)  # the served form mixes both
    run_import(RECORDS / "2.000815.json", tree, office="mot-cua", read_on=READ_ON)
    text = (tree / EXPECTED["2.000815"]).read_text(encoding="utf-8")
    assert "bổ sung bởi Nghị định số 07/2025/NĐ-CP" in text


def test_review_warnings_are_placed_where_the_parser_places_them(tree: Path) -> None:
    from generator.load import load_yaml

    run_import(RECORDS, tree, office="mot-cua", read_on=READ_ON)
    _, issues = read_catalogue(tree, AS_OF)
    placed = [i for i in issues if i.code == "needs-review"]
    assert placed
    for issue in placed:
        loaded, _ = load_yaml(tree / issue.file, issue.file)
        assert loaded is not None
        index = int(issue.field.removeprefix("source.needs_review[").removesuffix("]"))
        assert (issue.line, issue.column) == loaded.locate(("source", "needs_review", index))


def test_flow_style_review_notes_fall_back_to_the_parser(tree: Path) -> None:
    run_import(RECORDS / "1.001193.json", tree, office="mot-cua", read_on=READ_ON)
    path = tree / EXPECTED["1.001193"]
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition("  needs_review:\n")
    path.write_text(head + '  needs_review: [{field: online, reason: "Xem lại."}]\n', encoding="utf-8")
    _, issues = read_catalogue(tree, AS_OF)
    [issue] = [i for i in issues if i.code == "needs-review"]
    assert issue.line == len(head.split("\n")) and issue.field == "source.needs_review[0]"
