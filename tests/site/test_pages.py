"""Page rendering without MkDocs: golden pages, context contracts, lifecycle, posters, escaping."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

from generator.build import generate_pages, read
from generator.catalogue import Catalogue
from generator.core.build_context import BuildContext, make_build_context
from generator.core.history import SITE_TIMEZONE, Change, History
from generator.core.jinja import FRAGMENTS_DIR
from generator.core.pages import GeneratedPage
from generator.site.listing import GroupIndexPage, HomePage, ListingPage
from generator.site.procedure import ProcedurePage, procedure_page

GOLDEN = Path(__file__).resolve().parent / "golden"
PINNED_CHANGE = dt.date(2026, 11, 1)


@pytest.fixture(scope="module")
def built(valid_root: Path, as_of: dt.date) -> tuple[Catalogue, BuildContext, dict[str, GeneratedPage]]:
    catalogue, _ = read(valid_root, as_of)
    ctx = make_build_context(catalogue)
    pinned = {entry.file.display: PINNED_CHANGE for entry in catalogue.procedures}
    ctx = dataclasses.replace(ctx, last_changed=pinned, history=pinned_history())  # git moves with commits
    return catalogue, ctx, {page.path: page for page in generate_pages(catalogue, ctx)}


def pinned_history() -> History:
    """Two public changes of the birth registration fixture, newest first, at fixed times."""
    when = dt.datetime(2026, 11, 1, 9, 30, tzinfo=SITE_TIMEZONE)
    path, slug = "procedures/dang-ky-khai-sinh.yaml", "dang-ky-khai-sinh"
    note = "Cập nhật lệ phí theo Nghị quyết mới"
    changes = (
        Change(path, "b" * 40, when, "changed", note, None, slug),
        Change(path, "a" * 40, when - dt.timedelta(days=60), "added", None, None, slug),
    )
    return History("full", changes=changes)


def normalise(html: str) -> str:
    """One tag-or-text chunk per line, whitespace collapsed: diffs show what changed for citizens."""
    html = re.sub(r">\s*<", ">\n<", html.strip())
    return "\n".join(line.strip() for line in html.splitlines() if line.strip()) + "\n"


def check_golden(name: str, html: str, source: str) -> None:
    """Compare with tests/site/golden/<name>; ``make golden`` (CK_UPDATE_GOLDEN=1) rewrites it."""
    header = f"<!-- golden: {source}; as of 2026-11-25; refresh with `make golden` -->\n"
    text = header + normalise(html)
    path = GOLDEN / name
    if os.environ.get("CK_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    if not path.exists():
        path.write_text(text, encoding="utf-8")
        pytest.fail(f"{name} did not exist and was written; review it and run the test again")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; review, then `make golden`"


def test_golden_procedure_page(built: tuple) -> None:  # type: ignore[type-arg]
    _, _, pages = built
    body = pages["thu-tuc/dang-ky-khai-sinh/"].render()
    check_golden(
        "procedure-dang-ky-khai-sinh.html",
        body.html,
        "pages/procedure.html for tests/fixtures/valid/procedures/dang-ky-khai-sinh.yaml",
    )


def test_golden_field_page(built: tuple) -> None:  # type: ignore[type-arg]
    _, _, pages = built
    check_golden(
        "field-ho-tich.html",
        pages["linh-vuc/ho-tich/"].render().html,
        "pages/listing.html for field ho-tich of tests/fixtures/valid",
    )


def test_golden_home_page(built: tuple) -> None:  # type: ignore[type-arg]
    _, _, pages = built
    check_golden("home.html", pages[""].render().html, "pages/home.html for tests/fixtures/valid")


@pytest.mark.parametrize(
    ("path", "name", "template"),
    [
        ("thu-tuc/cong-nhan-ho-ngheo/", "procedure-cong-nhan-ho-ngheo.html", "pages/procedure.html"),
        (
            "thu-tuc/dang-ky-dat-dai-lan-dau/",
            "procedure-dang-ky-dat-dai-lan-dau.html",
            "pages/procedure.html",
        ),
        ("co-quan/diem-phu/", "office-diem-phu.html", "pages/listing.html"),
        ("co-quan/", "offices.html", "pages/groups.html"),
        ("thu-tuc/", "all-procedures.html", "pages/listing.html"),
        ("tra-cuu/", "finder.html", "pages/finder.html"),
    ],
)
def test_golden_page_kinds(built: tuple, path: str, name: str, template: str) -> None:  # type: ignore[type-arg]
    """One golden per page kind, on the messy shapes: stages-only time and stage notes (hộ nghèo),
    a long multi-channel record with dated waivers (đất đai), an office with its own feedback block."""
    _, _, pages = built
    check_golden(name, pages[path].render().html, f"{template} for {path} of tests/fixtures/valid")


@pytest.mark.parametrize(
    ("context", "template"),
    [
        (ProcedurePage, "procedure.html"),
        (HomePage, "home.html"),
        (ListingPage, "listing.html"),
        (GroupIndexPage, "groups.html"),
    ],
)
def test_every_context_field_is_documented_and_used(context: type, template: str) -> None:
    source = (FRAGMENTS_DIR / "pages" / template).read_text(encoding="utf-8")
    fields = [f.name for f in dataclasses.fields(context)]
    unused = [name for name in fields if f"page.{name}" not in source]
    undocumented = [name for name in fields if name not in (context.__doc__ or "")]
    assert unused == [] and undocumented == []


def test_every_procedure_has_a_page_whatever_its_lifecycle(built: tuple) -> None:  # type: ignore[type-arg]
    catalogue, _, pages = built
    assert {f"thu-tuc/{e.slug}/" for e in catalogue.procedures} <= set(pages)


def test_upcoming_page_shows_its_start_date_and_no_poster(built: tuple) -> None:  # type: ignore[type-arg]
    html = built[2]["thu-tuc/nhan-con-nuoi/"].render().html
    assert "có hiệu lực từ ngày 01/01/2027" in html
    assert "posters/" not in html
    assert "ck-apply" not in html


def test_repealed_page_says_so_and_links_the_replacement(built: tuple) -> None:  # type: ignore[type-arg]
    html = built[2]["thu-tuc/dang-ky-khai-sinh-cu/"].render().html
    assert "đã bãi bỏ" in html
    assert 'href="../../thu-tuc/dang-ky-khai-sinh/"' in html
    assert "posters/" not in html


def test_replacement_only_when_designated_else_see_also(built: tuple) -> None:  # type: ignore[type-arg]
    catalogue, ctx, pages = built
    html = pages["thu-tuc/dang-ky-khai-sinh-cu/"].render().html
    assert "Thay thế bằng: <a" in html and "Xem thêm: <a" not in html
    entry = next(e for e in catalogue.procedures if e.slug == "dang-ky-khai-sinh-cu")
    status = entry.model.status.model_copy(
        update={"replaced_by": None, "see_also": "dang-ky-khai-sinh", "internal_note": "cần đối chiếu ngày"}
    )
    moved = dataclasses.replace(entry, model=entry.model.model_copy(update={"status": status}))
    page = procedure_page(catalogue, moved, ctx)
    assert page.replacement_label == "Xem thêm"
    assert page.replacement is not None and page.replacement.href.endswith("thu-tuc/dang-ky-khai-sinh/")
    assert "đối chiếu" not in repr(page)  # the internal note reaches no page field


def test_sources_are_named_and_the_decision_linked(built: tuple) -> None:  # type: ignore[type-arg]
    catalogue, _, pages = built
    for entry in catalogue.procedures:
        html = pages[f"thu-tuc/{entry.slug}/"].render().html
        assert "văn bản gốc" not in html
        decision = entry.model.published_by
        if decision is not None and decision.url:
            assert f'Văn bản công bố: <a href="{decision.url}"' in html


def test_active_page_links_one_poster_per_office(built: tuple) -> None:  # type: ignore[type-arg]
    catalogue, _, pages = built
    entry = next(e for e in catalogue.procedures if e.slug == "dang-ky-khai-sinh")
    html = pages["thu-tuc/dang-ky-khai-sinh/"].render().html
    for office in entry.model.offices:
        assert html.count(f'href="../../posters/{office}/dang-ky-khai-sinh.pdf"') == 1


def test_upcoming_and_repealed_are_not_listed_as_active(built: tuple) -> None:  # type: ignore[type-arg]
    html = built[2]["linh-vuc/ho-tich/"].render().html
    active = html.split('id="sap-ap-dung"')[0]
    assert "nhan-con-nuoi" not in active and "dang-ky-khai-sinh-cu" not in active


def test_json_ld_is_a_government_service(built: tuple) -> None:  # type: ignore[type-arg]
    body = built[2]["thu-tuc/dang-ky-khai-sinh/"].render()
    assert body.jsonld is not None
    assert body.jsonld["@type"] == "GovernmentService"
    assert body.jsonld["url"].endswith("/thu-tuc/dang-ky-khai-sinh/")
    json.dumps(body.jsonld)


def test_portal_link_only_with_a_code_and_online(built: tuple) -> None:  # type: ignore[type-arg]
    catalogue, _, pages = built
    for entry in catalogue.procedures:
        html = pages[f"thu-tuc/{entry.slug}/"].render().html
        expected = (
            bool(entry.model.code) and entry.model.online != "khong" and catalogue.state(entry) == "active"
        )
        assert ("ck-apply" in html) == expected, entry.slug
