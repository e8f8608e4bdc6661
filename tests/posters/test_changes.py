"""The reprint list (``posters --changed-since``) in a throw-away git repository, and the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.posters.plan import plan_sheets
from generator.posters.reprint import reprint_list
from generator.posters.theme import load_theme
from tests.posters.conftest import AS_OF, CATALOGUE, Built, load

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.vn",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.vn",
}


def git(root: Path, *args: str, date: str = "2026-11-20T10:00:00+07:00") -> str:
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, text=True, env=env
    ).stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """The fixture catalogue committed on 20/11/2026, then one fee raised on 24/11/2026."""
    root = tmp_path / "repo"
    shutil.copytree(CATALOGUE, root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Danh mục ban đầu")
    edit(root / "procedures" / "dang-ky-khai-sinh.yaml", "amount: 8000", "amount: 10000")
    git(root, "commit", "-q", "-am", "Tăng phí bản sao", date="2026-11-24T10:00:00+07:00")
    return root


def current(root: Path) -> list:
    return plan_sheets(load(root), load_theme())


def test_changed_fee_lists_exactly_its_sheets(repo: Path) -> None:
    reprint = reprint_list(repo, "HEAD~1", current(repo), load_theme())
    assert not reprint.added and not reprint.removed
    # The copy fee (not the main fee) is printed on the poster at both offices that post it; the
    # office index shows only the main fee with «+ …», so it does not change.
    assert {new.path for _, new in reprint.changed} == {
        "mot-cua/dang-ky-khai-sinh.pdf",
        "diem-phu/dang-ky-khai-sinh.pdf",
    }


def test_nothing_changed_since_head(repo: Path) -> None:
    reprint = reprint_list(repo, "HEAD", current(repo), load_theme())
    assert not reprint.added and not reprint.changed and not reprint.removed


def test_since_a_date_before_the_first_commit_everything_is_new(repo: Path) -> None:
    reprint = reprint_list(repo, "2026-11-01", current(repo), load_theme())
    assert len(reprint.added) == 7 and not reprint.changed


def test_since_a_date_uses_the_last_commit_of_that_day(repo: Path) -> None:
    reprint = reprint_list(repo, "2026-11-22", current(repo), load_theme())
    assert len(reprint.changed) == 2


def test_repealed_sheet_is_listed_for_removal(repo: Path) -> None:
    edit(
        repo / "procedures" / "chung-thuc-ban-sao.yaml",
        "level: xa",
        "level: xa\nstatus: {effective_to: 2026-11-24}",
    )
    git(repo, "commit", "-q", "-am", "Bãi bỏ", date="2026-11-25T08:00:00+07:00")
    reprint = reprint_list(repo, "HEAD~1", current(repo), load_theme())
    assert [s.path for s in reprint.removed] == ["mot-cua/chung-thuc-ban-sao.pdf"]
    assert {new.path for _, new in reprint.changed} == {"mot-cua/danh-muc.pdf"}


def test_cli_lists_and_bundles_the_reprint(repo: Path, built: Built, tmp_path: Path) -> None:
    out, bundle = tmp_path / "out", tmp_path / "in-lai.pdf"
    cache = tmp_path / "cache"
    shutil.copytree(built.cache, cache)
    command = [
        sys.executable,
        "-m",
        "generator",
        "posters",
        "--root",
        str(repo),
        "--as-of",
        AS_OF.isoformat(),
        "--out",
        str(out),
        "--cache-dir",
        str(cache),
        "--changed-since",
        "HEAD~1",
        "--bundle",
        str(bundle),
        "--office",
        "mot-cua",
        "--jobs",
        "1",
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr
    assert "1 tờ cần in, 0 tờ cần gỡ" in done.stdout
    assert "IN LẠI  mot-cua/dang-ky-khai-sinh.pdf" in done.stdout
    assert "diem-phu" not in done.stdout.split("So với")[1]
    reader = PdfReader(bundle)
    expected = len(PdfReader(out / "mot-cua/dang-ky-khai-sinh.pdf").pages)
    assert len(reader.pages) == expected


def test_old_files_todays_rules_reject_count_as_new(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(CATALOGUE, root)
    path = root / "procedures" / "chung-thuc-ban-sao.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "khoa_la: 1\n", encoding="utf-8")  # an unknown key: an error today
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Có lỗi")
    path.write_text(good, encoding="utf-8")
    git(root, "commit", "-q", "-am", "Sửa lỗi", date="2026-11-24T10:00:00+07:00")
    reprint = reprint_list(root, "HEAD~1", current(root), load_theme())
    assert reprint.unreadable == ("procedures/chung-thuc-ban-sao.yaml",)
    assert [s.path for s in reprint.added] == ["mot-cua/chung-thuc-ban-sao.pdf"]


def test_endings_are_scheduled_with_their_day(tmp_path: Path) -> None:
    """A procedure's end date takes its sheets down the day after (and reprints the index); a fee
    window's end reprints the sheet; while the end is near, page and sheet say «Sắp hết hiệu lực»."""
    import datetime as dt

    from generator.facts.procedure import procedure_facts
    from generator.posters.reprint import REPRINT, TAKE_DOWN, scheduled

    root = tmp_path / "repo"
    shutil.copytree(CATALOGUE, root)
    path = root / "procedures" / "dang-ky-khai-sinh.yaml"
    text = path.read_text(encoding="utf-8")
    old = "status: {effective_from: 2025-07-01}"
    assert old in text
    path.write_text(
        text.replace(old, "status: {effective_from: 2025-07-01, effective_to: 2026-12-10}"), encoding="utf-8"
    )
    cat = load(root)
    items = scheduled(cat, plan_sheets(cat, load_theme()))
    found = {(item.action, item.sheet.path, item.day) for item in items}
    assert (TAKE_DOWN, "mot-cua/dang-ky-khai-sinh.pdf", dt.date(2026, 12, 11)) in found
    assert (REPRINT, "mot-cua/danh-muc.pdf", dt.date(2026, 12, 11)) in found
    assert (REPRINT, "mot-cua/chung-thuc-ban-sao.pdf", dt.date(2026, 12, 16)) in found  # the waiver ends
    entry = next(e for e in cat.procedures if e.slug == "dang-ky-khai-sinh")
    dates = procedure_facts(cat, entry).dates
    assert dates.ending_soon and dates.label == "Sắp hết hiệu lực"
    assert dates.ends_notice == "Sắp hết hiệu lực · Áp dụng đến hết ngày 10/12/2026"
    assert dt.date(2026, 12, 10) > AS_OF
