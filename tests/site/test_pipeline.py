"""The pipeline without MkDocs, the stage registries, and the ``build`` command on broken content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.cli import main
from generator.core.pages import Body, GeneratedPage


def test_pipeline_runs_without_mkdocs(
    valid_root: Path, as_of: dt.date, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pipeline.SKIP_VARIABLE, "write_site_posters,write_search_index")
    rendered: dict[str, str] = {}

    def render_site(pages: list[GeneratedPage]) -> None:
        rendered.update({page.path: page.render().html for page in pages})

    pipeline.build(valid_root, tmp_path, as_of, render_site)
    assert "thu-tuc/dang-ky-khai-sinh/" in rendered and "" in rendered
    assert all(html.strip() for html in rendered.values())


def test_registries_take_one_line_per_stage(
    valid_root: Path, as_of: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = GeneratedPage(path="thu-nghiem/", title="Thử", render=lambda: Body("<p>x</p>"))
    monkeypatch.setattr(pipeline, "PAGE_PROVIDERS", [*pipeline.PAGE_PROVIDERS, lambda cat, ctx: [extra]])
    catalogue, _ = pipeline.read(valid_root, as_of)
    pages = pipeline.generate_pages(catalogue, pipeline.make_build_context(catalogue))
    assert extra in pages


def test_duplicate_page_addresses_are_refused(
    valid_root: Path, as_of: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    clash = GeneratedPage(path="thu-tuc/", title="Trùng", render=lambda: Body(""))
    monkeypatch.setattr(pipeline, "PAGE_PROVIDERS", [*pipeline.PAGE_PROVIDERS, lambda cat, ctx: [clash]])
    catalogue, _ = pipeline.read(valid_root, as_of)
    with pytest.raises(pipeline.GeneratorError, match="thu-tuc/"):
        pipeline.generate_pages(catalogue, pipeline.make_build_context(catalogue))


def test_build_command_prints_located_issues(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.site.building import PROJECT_ROOT, copy_catalogue

    config = copy_catalogue(PROJECT_ROOT / "tests/fixtures/valid", tmp_path / "repo")
    target = tmp_path / "repo" / "procedures" / "dang-ky-khai-sinh.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("online: toan_trinh", "online: sai"), "utf-8"
    )
    code = main(
        ["build", "--root", str(config.parent), "--as-of", "2026-11-25", "--site", str(tmp_path / "out")]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "procedures/dang-ky-khai-sinh.yaml:" in err and "[invalid-choice]" in err
    assert not (tmp_path / "out").exists()
