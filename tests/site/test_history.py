"""Public history from git: change notes per version, renames, merges, shallow clones, no git at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.core.history import SITE_TIMEZONE, read_history, top_level
from tests.site.gitrepo import Repo

A = "procedures/ho-tich/a.yaml"


def _proc(name: str, note: str | None = None, extra: str = "") -> str:
    line = f"change_note: {note}\n" if note else ""
    return f"name: {name}\n{extra}{line}"


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Repo, dict[str, str]]:
    """Five commits: add a and b; new note on a; edit a keeping its note; move a; remove b."""
    repo, ids = Repo(tmp_path / "repo"), {}
    repo.write(A, _proc("Thủ tục A", "Đăng tải theo QĐ 1"))
    repo.write("procedures/ho-tich/b.yaml", _proc("Thủ tục B"))
    repo.write("content/site.yaml", "title: x\n")
    ids["add"] = repo.commit("thêm", "2026-03-01T10:00:00+07:00")
    repo.write(A, _proc("Thủ tục A", "Lệ phí mới theo NQ 5", "fees: 1\n"))
    ids["note"] = repo.commit("phí", "2026-04-02T23:30:00+00:00")  # 06:30 on 3 April in Vietnam
    repo.write(A, _proc("Thủ tục A", "Lệ phí mới theo NQ 5", "fees: 2\n"))
    ids["edit"] = repo.commit("sửa chữ", "2026-05-05T08:00:00+07:00")
    (repo.root / "procedures" / "chung-thuc").mkdir()
    repo.git("mv", A, "procedures/chung-thuc/a.yaml")
    ids["move"] = repo.commit("chuyển lĩnh vực", "2026-06-06T08:00:00+07:00")
    repo.git("rm", "-q", "procedures/ho-tich/b.yaml")
    ids["remove"] = repo.commit("bỏ b", "2026-07-07T08:00:00+07:00")
    return repo, ids


def test_changes_come_from_new_change_notes_newest_first(repo: tuple[Repo, dict[str, str]]) -> None:
    git, ids = repo
    history = read_history(git.root)
    assert history.state == "full" and history.notice is None
    seen = [(c.kind, c.path, c.note, c.commit) for c in history.changes]
    moved = "procedures/chung-thuc/a.yaml"
    assert seen == [
        ("removed", "procedures/ho-tich/b.yaml", None, ids["remove"]),
        ("changed", moved, "Lệ phí mới theo NQ 5", ids["note"]),  # the edit that kept the note adds no line
        ("added", moved, "Đăng tải theo QĐ 1", ids["add"]),  # the move keeps the file's history
        ("added", "procedures/ho-tich/b.yaml", None, ids["add"]),
    ]
    assert history.changes[0].name == "Thủ tục B" and history.changes[0].slug == "b"
    assert history.changes[1].day == dt.date(2026, 4, 3)  # Vietnam time, not the committer's UTC day
    assert history.changes[1].when.utcoffset() == dt.timedelta(hours=7)


def test_last_changed_counts_every_commit(repo: tuple[Repo, dict[str, str]]) -> None:
    git, _ = repo
    dates = read_history(git.root).last_changed
    assert dates == {
        "procedures/chung-thuc/a.yaml": dt.date(2026, 6, 6),
        "content/site.yaml": dt.date(2026, 3, 1),
    }


def test_a_merge_counts_from_the_day_it_reached_the_branch(tmp_path: Path) -> None:
    git = Repo(tmp_path / "repo")
    git.write(A, _proc("A", "một"))
    git.commit("đầu", "2026-01-10T08:00:00+07:00")
    git.git("checkout", "-q", "-b", "sua-phi")
    git.write(A, _proc("A", "hai"))
    git.commit("sửa trên nhánh", "2026-02-01T08:00:00+07:00")
    git.git("checkout", "-q", "main")
    git.git("merge", "-q", "--no-ff", "-m", "gộp", "sua-phi", when="2026-03-15T08:00:00+07:00")
    history = read_history(git.root)
    assert [(c.note, c.day) for c in history.changes] == [
        ("hai", dt.date(2026, 3, 15)),
        ("một", dt.date(2026, 1, 10)),
    ]
    assert history.last_changed[A] == dt.date(2026, 3, 15)


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_a_shallow_clone_never_gives_a_wrong_date(
    repo: tuple[Repo, dict[str, str]], tmp_path: Path, depth: int
) -> None:
    git, _ = repo
    full = read_history(git.root)
    clone = read_history(git.shallow_clone(tmp_path / f"clone{depth}", depth))
    assert clone.state == "shallow"
    assert clone.notice is not None and "fetch-depth: 0" in clone.notice
    for path, day in clone.last_changed.items():
        assert full.last_changed[path] == day, path
    assert set(clone.last_changed) | clone.undated == set(full.last_changed)
    full_changes = {(c.commit, c.path, c.kind, c.note) for c in full.changes}
    assert {(c.commit, c.path, c.kind, c.note) for c in clone.changes} <= full_changes
    assert all(c.kind != "added" for c in clone.changes)  # the cut edge "adds" everything: never believed


def test_a_shallow_clone_keeps_what_it_can_tell(repo: tuple[Repo, dict[str, str]], tmp_path: Path) -> None:
    git, ids = repo
    clone = read_history(git.shallow_clone(tmp_path / "clone", 2))
    assert [(c.kind, c.commit) for c in clone.changes] == [("removed", ids["remove"])]
    assert clone.undated == {"procedures/chung-thuc/a.yaml", "content/site.yaml"}
    assert "2 tệp" in (clone.notice or "")


def test_without_git_nothing_is_dated(tmp_path: Path) -> None:
    (tmp_path / "procedures").mkdir()
    (tmp_path / "procedures" / "a.yaml").write_text("name: x\n", encoding="utf-8")
    history = read_history(tmp_path)
    assert history.state == "none"
    assert history.changes == () and dict(history.last_changed) == {}
    assert history.notice is not None and "git" in history.notice


def test_reading_twice_gives_the_same_history(repo: tuple[Repo, dict[str, str]]) -> None:
    git, _ = repo
    assert read_history(git.root) == read_history(git.root)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: x\nchange_note: Sửa phí\n", "Sửa phí"),
        ("name: x\nchange_note: >-\n  Dòng một\n  dòng hai\nsteps: []\n", "Dòng một dòng hai"),
        ("change_note: 'Có: dấu hai chấm'\n", "Có: dấu hai chấm"),
        ("change_note: [không, phải, chuỗi]\n", None),
        ('change_note: "chưa đóng\n', None),
        ("steps:\n  - change_note: lồng bên trong\n", None),
        ("change_note:\n", None),
        ("name: x\n", None),
        ("change_note: Cho\u0301 nhà\n", "Chó nhà"),  # NFC
    ],
)
def test_top_level_reads_one_key_of_any_old_version(text: str, expected: str | None) -> None:
    assert top_level(text, "change_note") == expected


def test_the_site_time_zone_is_vietnam() -> None:
    assert dt.datetime(2026, 1, 1, 17, 0, tzinfo=dt.UTC).astimezone(SITE_TIMEZONE).date() == dt.date(
        2026, 1, 2
    )
