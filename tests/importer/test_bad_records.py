"""Mutated portal records: a clear error naming the record and the field, no traceback, and the
content tree left exactly as it was; untrusted text reduced to plain text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.importer.run import run_import
from tests.importer.conftest import READ_ON, record, tree_digest, write_record


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return mutate


_DELETE = object()

CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "code-missing": (lambda d: [d["data"].pop(k) for k in ("code", "codeNotation")] and None, "data.code"),
    "code-invented": (_set(["data", "code"], "1.004850A"), "data.code"),
    "name-missing": (_set(["data", "name"], _DELETE), "data.name"),
    "methods-not-a-list": (_set(["data", "executionMethods"], {"DIRECT": 1}), "data.executionMethods"),
    "fee-value-text": (
        _set(["data", "executionMethods", 0, "fees", 0, "value"], "2.000"),
        "data.executionMethods[0].fees[0].value",
    ),
    "fee-negative": (
        _set(["data", "executionMethods", 0, "fees", 0, "value"], -5),
        "data.executionMethods[0].fees[0].value",
    ),
    "copies-fraction": (
        _set(["data", "executionCases", 0, "profileComponents", 0, "copyQty"], 1.5),
        "data.executionCases[0].profileComponents[0].copyQty",
    ),
    "flag-text": (_set(["data", "isWard"], "true"), "data.isWard"),
    "unknown-channel": (
        _set(["data", "executionMethods", 0, "submissionMethod"], "FAX"),
        "data.executionMethods[0].submissionMethod",
    ),
    "huge-text": (
        _set(["data", "executionSteps", 0, "description"], "Nộp hồ sơ. " * 20_000),
        "data.executionSteps[0].description",
    ),
    "unknown-category": (
        _set(["data", "categoriesDetails", 0], {"name": "Thú y", "code": "X-1"}),
        "data.categoriesDetails[0]",
    ),
    "no-level": (_set(["data", "isWard"], False), "data.isWard"),
    "record-not-object": (_set(["data"], ["không phải bản ghi"]), "data"),
}


def _shown(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(
        ["--root", str(path), "import", "dvcqg", *args, "--office", "mot-cua", "--read-on", str(READ_ON)]
    )
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_record_is_a_located_error_and_nothing_is_written(
    case: str, tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mutate, field = CASES[case]
    good = write_record(tmp_path / "in", "1.001193.json", record("1.001193"))
    bad_data = record("2.000815")
    mutate(bad_data)
    write_record(tmp_path / "in", "2.000815.json", bad_data)
    before = tree_digest(tree)
    code, output = _shown(tree, capsys, str(good.parent))
    assert code == 1
    assert "Traceback" not in output
    assert "2.000815.json" in output and f"  {field}  " in output, output
    assert "[import-record]" in output
    assert tree_digest(tree) == before


def test_invalid_json_is_located(tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "hong.json").write_text('{"data": {"code": "1.001193",\n  "name": }', encoding="utf-8")
    code, output = _shown(tree, capsys, str(tmp_path / "hong.json"))
    assert code == 1 and "hong.json:2:11" in output and "Traceback" not in output


def test_duplicate_codes_are_refused(tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_record(tmp_path / "in", "a.json", record("1.001193"))
    write_record(tmp_path / "in", "b.json", record("1.001193"))
    before = tree_digest(tree)
    code, output = _shown(tree, capsys, str(tmp_path / "in"))
    assert code == 1 and "[import-duplicate]" in output and "a.json" in output and "b.json" in output
    assert tree_digest(tree) == before


def test_html_and_script_in_portal_text_become_plain_text(tree: Path, tmp_path: Path) -> None:
    data = record("2.000815")
    steps = data["data"]["executionSteps"][0]
    steps["description"] = (
        "<p>Bước 1: Nộp hồ sơ.<br>Người yêu cầu nộp <b>bản chính</b> &amp; bản sao.</p>"
        "<script>alert('x')</script><p>Bước 2: Trả kết quả.</p><img src=x onerror=alert(1)>"
    )
    data["data"]["resultsDetails"][0]["name"] = 'Bản sao <a href="javascript:alert(1)">chứng thực</a>'
    run_import(write_record(tmp_path, "r.json", data), tree, office="mot-cua", read_on=READ_ON)
    text = next((tree / "procedures").rglob("*.yaml")).read_text(encoding="utf-8")
    assert "<" not in text and "alert" not in text and "javascript" not in text
    assert "title: Nộp hồ sơ" in text and "Người yêu cầu nộp bản chính & bản sao." in text
    assert "title: Trả kết quả" in text and "- Bản sao chứng thực" in text


def test_other_currency_is_kept_as_text_and_marked(tree: Path, tmp_path: Path) -> None:
    data = record("1.001193")
    fee = data["data"]["executionMethods"][2]["fees"][0]
    fee.update(value=25, currencyName="EUR", currencyId="eur", description="/lần")
    run_import(write_record(tmp_path, "r.json", data), tree, office="mot-cua", read_on=READ_ON)
    text = (tree / "procedures/ho-tich/dang-ky-khai-sinh.yaml").read_text(encoding="utf-8")
    assert "text: 25 EUR/lần" in text and "amount: 25" not in text
    assert "field: channels[0].fees[0]" in text and "không tính bằng đồng" in text
