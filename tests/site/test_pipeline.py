"""The pipeline without MkDocs, the stage registries, and the ``build`` command on broken content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import build as pipeline
from generator.cli import main
from generator.core.pages import Body, GeneratedPage


def test_pipeline_runs_without_mkdocs(valid_root: Path, as_of: dt.date, tmp_path: Path) -> None:
    rendered: dict[str, str] = {}

    def render_site(pages: list[GeneratedPage]) -> None:
        rendered.update({page.path: page.render().html for page in pages})

    settings = pipeline.BuildSettings(as_of, frozenset({"write_site_posters"}))
    pipeline.build_without_mkdocs(valid_root, tmp_path, settings, render_site)
    assert "thu-tuc/dang-ky-khai-sinh/" in rendered and "" in rendered
    assert all(html.strip() for html in rendered.values())
    assert (tmp_path / "search" / "procedures.json").is_file()  # the writers ran, posters skipped
    assert not (tmp_path / "posters").exists()


def test_the_site_pipeline_imports_without_the_pdf_libraries() -> None:
    import subprocess
    import sys

    code = "import sys, generator.build, generator.adapters.mkdocs_plugin; print('weasyprint' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_the_mkdocs_plugin_drives_build(
    valid_root: Path, as_of: dt.date, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The adapter runs the one pipeline: its settings come from the plugin options, and resuming
    it from ``on_post_build`` runs the writers that were not skipped."""
    from mkdocs.config.defaults import MkDocsConfig

    from generator.adapters.mkdocs_plugin import CongKhaiPlugin

    plugin = CongKhaiPlugin()
    options = {"root": str(valid_root), "as_of": as_of.isoformat(), "skip_writers": ["write_site_posters"]}
    assert plugin.load_config(options) == ([], [])
    config = MkDocsConfig(config_file_path=str(valid_root / "mkdocs.yml"))
    config.load_dict({"site_name": "x", "site_dir": str(tmp_path / "site"), "docs_dir": str(tmp_path)})
    config.validate()
    monkeypatch.setattr(CongKhaiPlugin, "serving", True)  # no staging folder in this unit test
    plugin.on_config(config)
    assert plugin.rendering is not None and plugin.rendering.catalogue.as_of == as_of
    assert any(page.path == "thu-tuc/dang-ky-khai-sinh/" for page in plugin.rendering.pages)
    (tmp_path / "site").mkdir()
    plugin.on_post_build(config=config)
    assert (tmp_path / "site" / "search" / "procedures.json").is_file()
    assert not (tmp_path / "site" / "posters").exists()


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
