"""Builds that cannot corrupt each other or the machine they run on (issue 9, item 4).

Two builds into one folder, a restrictive umask, a poster cache committed into the repository or
tampered with, ``posters --out`` into a folder with other files, ``new`` with hostile arguments,
and a shallow clone.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.adapters.staging import Staging
from generator.core.gitdates import last_changed
from generator.core.history import read_history
from generator.posters.plan import plan_sheets
from generator.posters.theme import load_theme
from generator.posters.write import write_posters
from tests.hostile_output.conftest import content_repo, edit, git
from tests.posters.conftest import load, pdftotext
from tests.site.building import MKDOCS, PROJECT_ROOT, copy_catalogue

AS_OF = dt.date(2026, 11, 25)


def cli(*args: str, root: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )


# --- two builds, one folder -------------------------------------------------------------------


def test_a_second_staged_build_of_the_same_folder_fails_clearly(tmp_path: Path) -> None:
    first, second = Staging(tmp_path / "site", strict=False), Staging(tmp_path / "site", strict=False)
    (first.begin() / "index.html").write_text("first", encoding="utf-8")
    with pytest.raises(PluginError, match="đang ghi vào"):
        second.begin()
    first.publish()
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "first"
    third = Staging(tmp_path / "site", strict=False)  # the lock is free again
    (third.begin() / "index.html").write_text("third", encoding="utf-8")
    third.publish()
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "third"


def _mkdocs(config: Path, dest: Path, *, umask: int | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "CONGKHAI_AS_OF": "2026-11-25", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(dest)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


def _finish(run: subprocess.Popen[str]) -> tuple[int, str]:
    out, _ = run.communicate(timeout=600)
    return run.returncode, out


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.mark.slow
def test_two_builds_at_once_never_publish_a_half_site(tmp_path: Path) -> None:
    config = copy_catalogue(content_repo(tmp_path / "repo", commit=False), tmp_path / "built")
    code, log = _finish(_mkdocs(config, tmp_path / "reference"))
    assert code == 0, log
    expected = _files(tmp_path / "reference")
    runs = [_mkdocs(config, tmp_path / "site") for _ in range(2)]
    logs = [_finish(run) for run in runs]
    assert any(code == 0 for code, _ in logs), logs
    for code, log in logs:
        assert "Traceback" not in log
        if code != 0:
            assert "đang ghi vào" in log, log
    assert _files(tmp_path / "site") == expected
    leftovers = [p.name for p in tmp_path.iterdir() if ".partial" in p.name or ".old" in p.name]
    assert leftovers == []


@pytest.mark.slow
def test_published_files_are_world_readable_whatever_the_umask(tmp_path: Path) -> None:
    config = copy_catalogue(content_repo(tmp_path / "repo", commit=False), tmp_path / "built")
    code, log = _finish(_mkdocs(config, tmp_path / "site", umask=0o077))
    assert code == 0, log
    site = tmp_path / "site"
    assert list(site.glob("posters/*/*.pdf"))
    wrong = [
        f"{p.relative_to(site)} {stat.filemode(p.stat().st_mode)}"
        for p in [site, *site.rglob("*")]
        if stat.S_IMODE(p.stat().st_mode) != (0o755 if p.is_dir() else 0o644)
    ]
    assert wrong == []


# --- the poster cache -------------------------------------------------------------------------


def _swap_two_cached_sheets(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A repository whose cache holds sheet A's key with sheet B's PDF; returns (repo, A path, B name)."""
    repo = content_repo(tmp_path / "repo")
    cache = repo / ".cache" / "posters"
    cat = load(repo, AS_OF)
    write_posters(cat, tmp_path / "first", cache_dir=cache, jobs=1)
    sheets = {s.path: s for s in plan_sheets(cat, load_theme(), None)}
    a, b = sheets["mot-cua/chung-thuc-ban-sao.pdf"], sheets["mot-cua/dang-ky-khai-sinh.pdf"]
    a_pdf, b_pdf = cache / "sheets" / f"{a.key}.pdf", cache / "sheets" / f"{b.key}.pdf"
    a_pdf.unlink()
    shutil.copyfile(b_pdf, a_pdf)
    return repo, cache, tmp_path / "out"


def test_a_poster_cache_committed_into_the_repository_is_not_used(tmp_path: Path) -> None:
    repo, cache, out = _swap_two_cached_sheets(tmp_path)
    manifest = cache / "manifest.json"  # make the manifest agree with the swapped file
    import json

    data = json.loads(manifest.read_text(encoding="utf-8"))
    from generator.posters.cache import file_sha256

    for key, entry in data["entries"].items():
        path = cache / ("bundles" if key.startswith("b:") else "sheets") / f"{key.removeprefix('b:')}.pdf"
        entry["sha256"] = file_sha256(path)
    manifest.write_text(json.dumps(data), encoding="utf-8")
    git(repo, "add", "-f", ".cache")
    git(repo, "commit", "-qm", "a pull request that commits a poster cache")
    report = write_posters(load(repo, AS_OF), out, cache_dir=cache, jobs=1)
    assert report.rendered == len({s.key for s in report.sheets})  # nothing came from that cache
    text = pdftotext(out / "mot-cua" / "chung-thuc-ban-sao.pdf")
    assert "Chứng thực bản sao" in text and "khai sinh" not in text.lower().split("căn cứ")[0]


def test_a_cached_sheet_that_does_not_match_its_recorded_hash_is_rendered_again(tmp_path: Path) -> None:
    repo, cache, out = _swap_two_cached_sheets(tmp_path)
    report = write_posters(load(repo, AS_OF), out, cache_dir=cache, jobs=1)
    assert report.rendered == 1
    assert "Chứng thực bản sao" in pdftotext(out / "mot-cua" / "chung-thuc-ban-sao.pdf")


def test_posters_out_never_deletes_files_it_did_not_write(tmp_path: Path) -> None:
    repo = content_repo(tmp_path / "repo")
    out = tmp_path / "mine"
    (out / "mot-cua").mkdir(parents=True)
    mine = {"mot-cua/ban-cu.pdf": b"%PDF-1.4 mine", "tai-lieu/quy-che.pdf": b"%PDF-1.4 mine too"}
    for rel, data in mine.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    done = cli("posters", "--out", str(out), "--as-of", "2026-11-25", root=repo)
    assert done.returncode == 0, done.stderr
    assert {rel: (out / rel).read_bytes() for rel in mine} == mine
    assert (out / "mot-cua" / "chung-thuc-ban-sao.pdf").is_file()


# --- new --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "name", "field", "office"),
    [
        ("../../../thoat-ra", "Tên", "ho-tich", "mot-cua"),
        ("moi", "Tên", "../../..", "mot-cua"),
        ("moi", "Tên", "/tmp", "mot-cua"),
        ("moi", 'Tên"\nsource: {url: "javascript:alert(1)"', "ho-tich", "mot-cua"),
        ("moi", "Tên\u2028code: 1", "ho-tich", "mot-cua"),
        ("moi", "Tên", "ho-tich", "mot-cua]\nname: Giả"),
        ("moi", "", "ho-tich", "mot-cua"),
    ],
)
def test_new_refuses_paths_and_yaml_in_its_arguments(
    tmp_path: Path, slug: str, name: str, field: str, office: str
) -> None:
    repo = content_repo(tmp_path / "repo")
    before = {p for p in tmp_path.rglob("*") if ".git" not in p.parts}
    done = cli("new", slug, "--name", name, "--field", field, "--office", office, root=repo)
    assert done.returncode == 1 and "Traceback" not in done.stderr and done.stderr.strip()
    assert {p for p in tmp_path.rglob("*") if ".git" not in p.parts} == before


def test_new_does_not_write_through_a_symlink_out_of_procedures(tmp_path: Path) -> None:
    repo = content_repo(tmp_path / "repo")
    outside = tmp_path / "outside"
    outside.mkdir()
    (repo / "procedures" / "ho-tich").symlink_to(outside)
    done = cli("new", "moi", "--name", "Tên", "--field", "ho-tich", "--office", "mot-cua", root=repo)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert list(outside.iterdir()) == []


def test_new_writes_the_name_as_exactly_that_string(tmp_path: Path) -> None:
    import yaml

    repo = content_repo(tmp_path / "repo")
    name = "Đăng ký: #1 [mới] {a: b} 'x' \"y\" & *z* | >- %"
    done = cli("new", "moi", "--name", name, "--field", "ho-tich", "--office", "mot-cua", root=repo)
    assert done.returncode == 0, done.stderr
    data = yaml.safe_load((repo / "procedures" / "ho-tich" / "moi.yaml").read_text(encoding="utf-8"))
    assert data["name"] == name and data["field"] == "ho-tich" and data["offices"] == ["mot-cua"]


# --- shallow clones ---------------------------------------------------------------------------


def test_a_shallow_clone_warns_and_gives_no_wrong_date(tmp_path: Path) -> None:
    repo = content_repo(tmp_path / "repo")
    env = {"GIT_COMMITTER_DATE": "2026-10-01T12:00:00", "GIT_AUTHOR_DATE": "2026-10-01T12:00:00"}
    edit(repo, {"procedures/nhan-con-nuoi.yaml": [("name: ", "name: ")]})
    (repo / "procedures" / "nhan-con-nuoi.yaml").write_text(
        (repo / "procedures" / "nhan-con-nuoi.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    subprocess.run(
        ["git", "-c", "user.email=t@e.vn", "-c", "user.name=T", "-C", str(repo), "commit", "-qam", "later"],
        check=True,
        env={**os.environ, **env},
    )
    full = last_changed(repo)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    dates = last_changed(shallow)
    notice = read_history(shallow).notice
    assert notice is not None and "shallow" in notice
    assert dates == {"procedures/nhan-con-nuoi.yaml": dt.date(2026, 10, 1)} or dates == {}
    assert all(full[path] == day for path, day in dates.items())
    assert read_history(repo).notice is None
