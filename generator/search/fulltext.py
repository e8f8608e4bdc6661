"""Search, step 5: the full-text index (steps, documents, conditions, results, free Markdown pages).

A second lunr.py index, loaded lazily by the finder page only, so the header box stays small.
Procedure text comes from the models; the free pages' text comes from their built HTML (the
``<article>`` MkDocs rendered), so what is searched is exactly what citizens read.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.core.fold import fold_tokens
from generator.core.pages import TextPage
from generator.facts.collation import listed_name
from generator.search.index import FORMAT_VERSION, build_lunr

PAGES_DIR = Path("content/pages")
"""The free Markdown pages (``docs_dir`` in mkdocs.yml)."""

FULLTEXT_BOOSTS: tuple[tuple[str, float], ...] = (
    ("title", 5),
    ("steps", 1),
    ("documents", 1),
    ("conditions", 1),
    ("result", 1),
    ("legal", 1),
    ("body", 1),
)

FIELD_LABELS: dict[str, str] = {
    "title": "tên",
    "steps": "trình tự thực hiện",
    "documents": "thành phần hồ sơ",
    "conditions": "yêu cầu, điều kiện",
    "result": "kết quả",
    "legal": "căn cứ pháp lý",
    "body": "nội dung trang",
}
"""How the finder names the part of a page that matched («Có trong: thành phần hồ sơ»)."""


def _words(*texts: str | None) -> list[str]:
    return [word for text in texts if text for word in fold_tokens(text)]


def procedure_text_fields(entry: ProcedureEntry) -> dict[str, list[str]]:
    """Folded words of the long parts of one procedure."""
    model = entry.model
    documents: list[str] = []
    for case in model.documents:
        documents += _words(case.case, case.note)
        for item in case.items:
            documents += _words(item.name, item.note, item.form.name if item.form else None)
    return {
        "title": fold_tokens(model.name),
        "steps": [w for step in model.steps for w in _words(step.title, step.text)],
        "documents": documents,
        "conditions": _words(*model.conditions),
        "result": _words(*model.result),
        "legal": [w for law in model.legal_basis for w in _words(law.number, law.title)],
        "body": [],
    }


class _ArticleText(HTMLParser):
    """Collect the text of the first ``<article>`` (and its first ``<h1>``), skipping scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.in_h1 = False
        self.parts: list[str] = []
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif tag in ("script", "style"):
            self.skip += 1
        elif tag == "h1" and self.depth and not self.title:
            self.in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)
            if self.in_h1:
                self.title.append(data)


def page_path(markdown: Path) -> str:
    """Site address of a Markdown page (``gioi-thieu.md`` → ``gioi-thieu/``, ``index.md`` → ``""``)."""
    parts = list(markdown.with_suffix("").parts)
    if parts[-1] in ("index", "README"):
        parts.pop()
    return "".join(f"{part}/" for part in parts)


def iter_text_pages(root: Path, site_dir: Path) -> Iterator[TextPage]:
    """The free Markdown pages, read back from their built HTML in ``site_dir``."""
    pages_dir = root / PAGES_DIR
    if not pages_dir.is_dir():
        return
    for markdown in sorted(pages_dir.rglob("*.md")):
        path = page_path(markdown.relative_to(pages_dir))
        html = site_dir / path / "index.html"
        if not html.is_file():
            continue
        parser = _ArticleText()
        parser.feed(html.read_text(encoding="utf-8"))
        title = " ".join("".join(parser.title).split()) or markdown.stem
        yield TextPage(path, title, " ".join(" ".join(parser.parts).split()))


def _fulltext_documents(catalogue: Catalogue, pages: list[TextPage]) -> Iterator[dict[str, Any]]:
    """The documents to index, one at a time (their word lists are the bulk of the memory)."""
    for i, entry in enumerate(catalogue.procedures):
        yield {"id": str(i), **procedure_text_fields(entry)}
    empty: dict[str, list[str]] = {name: [] for name, _ in FULLTEXT_BOOSTS}
    for j, page in enumerate(pages, start=len(catalogue.procedures)):
        yield {**empty, "id": str(j), "title": fold_tokens(page.title), "body": fold_tokens(page.text)}


def _fulltext_record(catalogue: Catalogue, entry: ProcedureEntry) -> dict[str, Any]:
    record: dict[str, Any] = {"n": listed_name(entry.model.name), "u": urls.procedure_path(entry.slug)}
    if catalogue.state(entry) != "active":
        record["s"] = catalogue.state(entry)
    return record


def build_fulltext_payload(catalogue: Catalogue, pages: list[TextPage]) -> dict[str, Any]:
    """The full-text index and its result records (``n`` name, ``u`` address).

    ``fit: false`` tells ``engine.js`` to rank by BM25 alone: how well a *name* reads as the query,
    which orders the procedure index, says little about where words occur in long text.
    Documents are streamed into the index: at 10,000 procedures, holding every folded word list at
    once cost about 600 MB.
    """
    records = [_fulltext_record(catalogue, entry) for entry in catalogue.procedures]
    records += [{"n": page.title, "u": page.path} for page in pages]
    return {
        "v": FORMAT_VERSION,
        "index": build_lunr(_fulltext_documents(catalogue, pages), FULLTEXT_BOOSTS),
        "docs": records,
        "labels": FIELD_LABELS,
        "fit": False,
    }
