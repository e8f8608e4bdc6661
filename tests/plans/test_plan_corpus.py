"""The plan bad-input corpus: one folder per issue code, each asserting (file, line, field, code)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.issues import CODES, Severity
from generator.reading import read_catalogue
from tests.conftest import AS_OF, FIXTURES

PLANS = FIXTURES / "plans"
CASES = sorted(p for p in (PLANS / "invalid").iterdir() if p.is_dir())
_EXPECT = re.compile(r"^# expect: (\S+) (\S+) (\d+) ?(.*)$", re.MULTILINE)

PLAN_CODES = {code for code in CODES if code.startswith(("plan-", "geo-"))}


def tree(tmp_path: Path, *plans: Path) -> Path:
    """The valid fixture tree with the given plan folders under content/plans/."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", root)
    for plan in plans:
        shutil.copytree(plan, root / "content" / "plans" / plan.name)
    return root


def test_the_base_plan_is_clean(tmp_path: Path) -> None:
    root = tree(tmp_path, PLANS / "base" / "mau-nho")
    catalogue, issues = read_catalogue(root, AS_OF)
    assert [i for i in issues if i.file.startswith("content/plans/")] == []
    assert catalogue is not None and [p.slug for p in catalogue.plans] == ["mau-nho"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_plan_reports_located_issue(case: Path, tmp_path: Path) -> None:
    expected = {
        (f"content/plans/{case.name}/{file}", int(line), field.strip(), code)
        for code, file, line, field in _EXPECT.findall((case / "plan.yaml").read_text(encoding="utf-8"))
    }
    assert expected, f"{case.name} lacks an '# expect: CODE FILE LINE FIELD' header"
    root = tree(tmp_path, case)
    (code,) = {e[3] for e in expected}
    _, issues = read_catalogue(root, AS_OF)
    found = {(i.file, i.line, i.field, i.code) for i in issues if i.code == code}
    assert found == expected


def test_every_plan_code_has_a_case() -> None:
    covered = {c.name.split("--")[0] for c in CASES}
    assert covered >= PLAN_CODES


def test_errors_stop_the_build_and_warnings_do_not(tmp_path: Path) -> None:
    root = tree(tmp_path, PLANS / "invalid" / "geo-area-mismatch", PLANS / "invalid" / "plan-project-stale")
    catalogue, issues = read_catalogue(root, AS_OF)
    assert catalogue is None
    severities = {i.code: i.severity for i in issues}
    assert severities["geo-area-mismatch"] is Severity.ERROR
    assert severities["plan-project-stale"] is Severity.WARNING


def test_a_symlink_out_of_the_plan_folder_is_refused(tmp_path: Path) -> None:
    root = tree(tmp_path, PLANS / "base" / "mau-nho")
    folder = root / "content" / "plans" / "mau-nho"
    secret = tmp_path / "secret.pdf"
    secret.write_bytes((folder / "tai-lieu" / "qd.pdf").read_bytes())
    (folder / "tai-lieu" / "qd.pdf").unlink()
    (folder / "tai-lieu" / "qd.pdf").symlink_to(secret)
    _, issues = read_catalogue(root, AS_OF)
    assert {(i.line, i.field, i.code) for i in issues if i.code.startswith("plan-file")} == {
        (31, "documents[0].file", "plan-file-outside")
    }


def test_a_plan_naming_an_unknown_office_is_located(tmp_path: Path) -> None:
    root = tree(tmp_path, PLANS / "base" / "mau-nho")
    plan = root / "content" / "plans" / "mau-nho" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "office: khong-co\n", encoding="utf-8")
    _, issues = read_catalogue(root, AS_OF)
    found = {(i.file, i.line, i.field, i.code) for i in issues if i.code == "unknown-office"}
    assert found == {("content/plans/mau-nho/plan.yaml", 42, "office", "unknown-office")}
