"""Unit tests of addresses (stable, relative), git last-changed dates and the build date."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from generator.adapters.mkdocs_plugin import CongKhaiConfig, settings_from
from generator.core import urls
from generator.core.gitdates import last_changed
from generator.core.gitlog import GitLog, parse_log
from generator.core.history import dates_of
from generator.errors import GeneratorError


def test_procedure_url_comes_from_the_slug_only() -> None:
    assert urls.procedure_path("dang-ky-khai-sinh") == "thu-tuc/dang-ky-khai-sinh/"
    assert urls.src_uri("thu-tuc/dang-ky-khai-sinh/") == "thu-tuc/dang-ky-khai-sinh/index.md"
    assert urls.src_uri("") == "index.md"


@pytest.mark.parametrize(
    ("here", "there", "link"),
    [
        ("", "thu-tuc/", "thu-tuc/"),
        ("thu-tuc/x/", "linh-vuc/ho-tich/", "../../linh-vuc/ho-tich/"),
        ("thu-tuc/", "", "../"),
        ("", "", "./"),
        ("co-quan/a/", "posters/a/danh-muc.pdf", "../../posters/a/danh-muc.pdf"),
    ],
)
def test_links_are_relative_so_a_sub_path_works(here: str, there: str, link: str) -> None:
    assert urls.relative(here, there) == link


def test_poster_addresses_follow_the_contract() -> None:
    assert urls.poster_path("mot-cua", "dang-ky-khai-sinh") == "posters/mot-cua/dang-ky-khai-sinh.pdf"
    assert urls.office_poster_index("mot-cua") == "posters/mot-cua/danh-muc.pdf"
    assert urls.office_poster_all("mot-cua") == "posters/mot-cua/tat-ca.pdf"


def test_parse_log_keeps_the_newest_date_per_file() -> None:
    blob = ":100644 100644 " + "1" * 40 + " " + "2" * 40 + " M\0"
    log = (
        f"\x1e{'a' * 40} 2026-11-20T09:00:00+07:00\0\n{blob}procedures/a.yaml\0{blob}procedures/b.yaml\0"
        f"\x1e{'b' * 40} 2026-10-01T23:30:00+00:00\0\n{blob}procedures/a.yaml\0{blob}procedures/c.yaml\0"
    )
    dates, undated = dates_of(GitLog("full", tuple(parse_log(log))))
    assert dates == {
        "procedures/a.yaml": dt.date(2026, 11, 20),
        "procedures/b.yaml": dt.date(2026, 11, 20),
        "procedures/c.yaml": dt.date(2026, 10, 2),  # 23:30 UTC is the next morning in Vietnam
    }
    assert undated == set()


def test_last_changed_outside_git_is_empty(tmp_path: Path) -> None:
    (tmp_path / "procedures").mkdir()
    (tmp_path / "procedures" / "a.yaml").write_text("name: x\n", encoding="utf-8")
    assert last_changed(tmp_path) == {}


def test_last_changed_reads_one_git_history(tmp_path: Path) -> None:
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "procedures").mkdir()
    (tmp_path / "procedures" / "a.yaml").write_text("name: x\n", encoding="utf-8")
    subprocess.run([*git, "add", "."], check=True)
    env_date = {
        "GIT_COMMITTER_DATE": "2026-03-04T10:00:00+07:00",
        "GIT_AUTHOR_DATE": "2026-03-04T10:00:00+07:00",
    }
    import os

    subprocess.run([*git, "commit", "-q", "-m", "a"], check=True, env={**os.environ, **env_date})
    assert last_changed(tmp_path) == {"procedures/a.yaml": dt.date(2026, 3, 4)}


def _options(**values: object) -> CongKhaiConfig:
    options = CongKhaiConfig()
    options.load_dict(values)
    options.validate()
    return options


def test_build_date_comes_from_the_option_else_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONGKHAI_AS_OF", "2026-11-25")
    assert settings_from(_options()).as_of == dt.date(2026, 11, 25)
    assert settings_from(_options(as_of="2027-01-02")).as_of == dt.date(2027, 1, 2)
    monkeypatch.setenv("CONGKHAI_AS_OF", "25/11/2026")
    with pytest.raises(GeneratorError, match="NĂM-THÁNG-NGÀY"):
        settings_from(_options())
