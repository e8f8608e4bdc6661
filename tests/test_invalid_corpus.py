"""The bad-input corpus: one file per issue code, each asserting (file, line, field, code)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.issues import CODES, Issue, Severity
from generator.reading import read_catalogue
from tests.conftest import AS_OF, FIXTURES

INVALID = FIXTURES / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))
_EXPECT = re.compile(rb"^# expect: (\d+) ?(.*)$", re.MULTILINE)

SPECIAL = {"file-missing", "file-unreadable", "file-too-large", "file-extension", "file-name-invalid"}
HOSTILE = {
    "file-not-regular",
    "file-type",
    "file-name-case",
    "procedure-folder",
    "page-raw-html",
    "page-front-matter",
    "page-link-scheme",
    "page-file-type",
    "page-route-reserved",
}
"""Codes tested with a tree built in code in tests/test_hostile_corpus.py (files, folders, pages)."""
"""Codes tested below with a tree built in code (they concern files, not file contents)."""

SETTINGS = {"schema-version"}
"""Codes of content/site.yaml tested in tests/test_publisher.py (the content format a package reads)."""

FALLBACK = {"invalid-value"}
"""Codes kept only as a safety net for model errors no content can currently produce."""


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", root)
    return root


def _issues_with(root: Path, code: str) -> set[tuple[str, int, str, str]]:
    _, issues = read_catalogue(root, AS_OF)
    return {(i.file, i.line, i.field, i.code) for i in issues if i.code == code}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_invalid_file_reports_located_issue(case: Path, tmp_path: Path) -> None:
    root = _tree(tmp_path)
    code = case.stem.split("--")[0]
    match = _EXPECT.search(case.read_bytes())
    assert match, f"{case.name} lacks an '# expect: LINE FIELD' header"
    line, field = int(match.group(1)), match.group(2).decode().strip()
    shutil.copy(case, root / "procedures" / f"{case.stem}.yaml")
    target = f"procedures/{case.stem}.yaml"
    found = {issue for issue in _issues_with(root, code) if issue[0] == target}
    assert found == {(target, line, field, code)}


def test_every_code_has_a_case() -> None:
    plans = {c.name.split("--")[0] for c in (FIXTURES / "plans" / "invalid").iterdir()}  # tests/plans
    covered = {c.stem.split("--")[0] for c in CASES} | plans | SPECIAL | HOSTILE | SETTINGS | FALLBACK
    assert set(CODES) == covered


def test_every_code_used_in_the_source_is_registered() -> None:
    package = Path(__file__).parent.parent / "generator"
    files = [*package.glob("load/*.py"), *package.glob("checks/*.py"), *package.glob("checks.py")]
    files += [package / name for name in ("validate.py", "catalogue.py", "reading.py")]
    source = "".join(path.read_text(encoding="utf-8") for path in files)
    used = set(re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)+)"', source)) - {"utf-8"}
    assert used <= set(CODES)
    plans = Path(__file__).parent.parent / "generator" / "plans"
    text = "".join(p.read_text(encoding="utf-8") for p in plans.glob("*.py"))
    assert set(re.findall(r'"((?:plan|geo)-[a-z0-9]+(?:-[a-z0-9]+)+)"', text)) <= set(CODES)


def test_missing_required_file(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "content" / "fields.yaml").unlink()
    assert _issues_with(root, "file-missing") == {("content/fields.yaml", 0, "", "file-missing")}


def test_unreadable_file(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "procedures" / "thu-muc.yaml").mkdir()
    assert _issues_with(root, "file-unreadable") == {("procedures/thu-muc.yaml", 1, "", "file-unreadable")}


def test_oversized_file(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    big = root / "procedures" / "qua-lon.yaml"
    big.write_text("name: x\n" + "# đệm\n" * 200_000, encoding="utf-8")
    assert _issues_with(root, "file-too-large") == {("procedures/qua-lon.yaml", 1, "", "file-too-large")}


def test_yml_extension(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    shutil.copy(INVALID / "code-missing.yaml", root / "procedures" / "thu-tuc.yml")
    assert _issues_with(root, "file-extension") == {("procedures/thu-tuc.yml", 1, "", "file-extension")}


def test_file_name_with_diacritics(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    shutil.copy(INVALID / "code-missing.yaml", root / "procedures" / "Đăng ký mới.yaml")
    assert _issues_with(root, "file-name-invalid") == {
        ("procedures/Đăng ký mới.yaml", 1, "", "file-name-invalid")
    }


def test_office_and_site_errors_are_located(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    office = root / "content" / "offices" / "mot-cua.yaml"
    office_text = office.read_text(encoding="utf-8")
    office.write_text(office_text + "hotlien: 0123\n", encoding="utf-8")
    hotlien_line = office_text.count("\n") + 1
    site = root / "content" / "site.yaml"
    site_text = site.read_text(encoding="utf-8")
    site.write_text(site_text.replace("default_office: mot-cua", "default_office: khac"), encoding="utf-8")
    default_line = site_text[: site_text.index("default_office:")].count("\n") + 1
    _, issues = read_catalogue(root, AS_OF)
    located = {(i.file, i.line, i.field, i.code) for i in issues if i.severity is Severity.ERROR}
    assert ("content/offices/mot-cua.yaml", hotlien_line, "hotlien", "unknown-key") in located
    assert ("content/site.yaml", default_line, "default_office", "unknown-office") in located
    # an office file with an error must not cascade into "unknown office" errors elsewhere
    assert not any(i.code == "unknown-office" and i.file.startswith("procedures/") for i in issues)


def test_all_problems_in_one_run(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    for name in ("unknown-key", "fee-zero-unexplained", "yaml-tab", "unknown-office"):
        shutil.copy(INVALID / f"{name}.yaml", root / "procedures" / f"{name}.yaml")
    catalogue, issues = read_catalogue(root, AS_OF)
    assert catalogue is None
    codes = {i.code for i in issues if i.severity is Severity.ERROR}
    assert {"unknown-key", "fee-zero-unexplained", "yaml-tab", "unknown-office"} <= codes
    assert issues == sorted(issues, key=lambda i: (i.file, i.line, i.column, i.code, i.field, i.message))
    assert all(isinstance(i, Issue) for i in issues)
