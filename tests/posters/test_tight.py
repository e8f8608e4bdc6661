"""The tight second layout (Renderer.tighter): a procedure sheet whose last sheet holds only a short
tail is laid out once more with half the spacing and the legal basis run on, and that layout is kept
only when it prints on fewer sheets — on the whole-sheet path and the shared-body path alike."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from generator.posters.render import Renderer, page_count
from generator.posters.shared import group_bodies, make_bodies, render_stamped
from generator.posters.sheets import ProcedurePoster
from generator.posters.theme import load_theme
from tests.posters.conftest import Built
from tests.posters.test_paper import STAMP, printed

LAW = "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết một số điều của Luật"


def variants(poster: ProcedurePoster, most: int = 40) -> list[ProcedurePoster]:
    """The poster with 0, 1, 2 … extra legal-basis lines: its text ends at every height of a sheet."""
    return [
        dataclasses.replace(poster, legal_basis=poster.legal_basis + tuple(f"{LAW} ({k})" for k in range(n)))
        for n in range(most)
    ]


def text_of(pdf: bytes, tmp: Path) -> Counter[str]:
    """The printed characters without page furniture (test_paper.printed) and the legal basis's
    dashes and semicolons (the tight layout runs the list on)."""
    path = tmp / "w.pdf"
    path.write_bytes(pdf)
    found = printed(path, 841.89)
    for mark in "–;":
        del found[mark]
    return found


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(load_theme())


def test_a_tight_layout_is_kept_only_when_it_saves_a_sheet(
    built: Built, renderer: Renderer, tmp_path: Path
) -> None:
    sheet = next(s for s in built.report.sheets if s.path == "mot-cua/dang-ky-khai-sinh.pdf")
    assert isinstance(sheet.poster, ProcedurePoster)
    saved = 0
    for poster in variants(sheet.poster):
        normal = renderer.pdf(poster, STAMP)
        pages = page_count(normal)
        done = renderer.render(poster, STAMP)
        assert done.pages <= pages
        if done.pages == pages:
            assert done.pdf == normal  # not tighter unless it prints on fewer sheets
            continue
        saved += 1
        assert done.pages == pages - 1
        assert text_of(done.pdf, tmp_path) == text_of(normal, tmp_path)  # the same text
    assert saved >= 1, "no variant ends with a tail the tight layout saves: widen the range"


def test_the_shared_body_path_makes_the_same_tight_sheet(
    built: Built, renderer: Renderer, tmp_path: Path
) -> None:
    """A shared sheet (one body, the office stamped over it) prints what the whole sheet prints,
    tight or not: same pages, same text."""
    sheet = next(s for s in built.report.sheets if s.path == "mot-cua/dang-ky-khai-sinh.pdf")
    assert isinstance(sheet.poster, ProcedurePoster)
    checked = 0
    for poster in variants(sheet.poster):
        whole = renderer.render(poster, STAMP)
        if whole.pages == page_count(renderer.pdf(poster, STAMP)):
            continue
        shared = dataclasses.replace(sheet, poster=poster, stamp=STAMP, shared=True)
        _, groups = group_bodies([shared])
        (group,) = groups
        placed = make_bodies(renderer, group, tmp_path)
        ((_, stamped),) = list(render_stamped(renderer, placed))
        assert stamped.pages == whole.pages
        assert text_of(stamped.pdf, tmp_path) == text_of(whole.pdf, tmp_path)
        checked += 1
    assert checked >= 1
