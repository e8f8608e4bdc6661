"""The finder page (tra-cuu/) and the search stage's registration in the build."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator import build
from generator.catalogue import Catalogue
from generator.core.build_context import make_build_context
from generator.reading import read_catalogue
from generator.search.finder import FinderPage, finder_page, iter_finder_pages
from generator.search.write import write_search_index


def catalogue_of(root: Path) -> Catalogue:
    """Read a valid content tree."""
    catalogue, issues = read_catalogue(root, dt.date(2026, 11, 25))
    assert catalogue is not None, issues
    return catalogue


def test_the_search_stage_is_registered_in_the_build() -> None:
    assert iter_finder_pages in build.PAGE_PROVIDERS
    assert "generator.search.write:write_search_index" in build.POST_BUILD_WRITERS
    assert build.writer("generator.search.write:write_search_index") is write_search_index


def test_every_context_field_is_documented() -> None:
    doc = FinderPage.__doc__ or ""
    assert [f.name for f in dataclasses.fields(FinderPage) if f"{f.name}:" not in doc] == []


def test_the_finder_page_is_one_nav_page(valid_root: Path) -> None:
    catalogue = catalogue_of(valid_root)
    pages = list(iter_finder_pages(catalogue, make_build_context(catalogue)))
    assert [(p.path, p.nav_title, p.kind) for p in pages] == [("tra-cuu/", "Tra cứu", "finder")]


def test_the_facets_come_from_the_catalogue(valid_root: Path) -> None:
    page = finder_page(catalogue_of(valid_root))
    assert [o.value for o in page.online] == ["toan_trinh", "mot_phan", "khong"]
    assert page.all_procedures == "../thu-tuc/" and page.procedure_index == "../search/procedures.json"
    assert {o.value for o in page.levels} <= {"trung_uong", "tinh", "huyen", "xa"}


def test_the_rendered_page_works_without_javascript(valid_root: Path) -> None:
    catalogue = catalogue_of(valid_root)
    ctx = make_build_context(catalogue)
    html = next(iter(iter_finder_pages(catalogue, ctx))).render().html
    assert "data-ck-nojs>Trang tra cứu cần JavaScript" in html
    assert '<a href="../thu-tuc/">xem bảng tất cả thủ tục</a>' in html
    assert "data-ck-ui hidden" in html
    for name in ("linh-vuc", "cap", "co-quan", "truc-tuyen", "mien-phi"):
        assert f'name="{name}"' in html


def test_the_command_line_writes_the_indexes(
    valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    assert main(["search", "check", "--root", str(valid_root)]) == 0
    assert (
        main(["search", "index", "--root", str(valid_root), "--out", str(tmp_path), "--as-of", "2026-11-25"])
        == 0
    )
    printed = capsys.readouterr().out
    assert "procedures.json" in printed and "fulltext.json" in printed
    assert (tmp_path / "search" / "procedures.json").is_file()


def test_the_command_line_fails_on_synonym_errors(
    content_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main
    from generator.search.synonyms import SYNONYMS_FILE

    (content_root / SYNONYMS_FILE).write_text("groups:\n  - terms: [một]\n", encoding="utf-8")
    assert main(["search", "check", "--root", str(content_root)]) == 1
    assert "[empty-list]" in capsys.readouterr().err
