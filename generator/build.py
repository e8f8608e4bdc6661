"""The pipeline stage list: read → build context → pages → (MkDocs renders them) → post-build writers.

Other stages plug in with one line each: append a page provider to :data:`PAGE_PROVIDERS` (e.g. the
search finder page) or a writer to :data:`POST_BUILD_WRITERS` (search index, posters, open data).
The MkDocs adapter (``generator.adapters.mkdocs_plugin``) calls these same functions at its hooks; the
functions also run without MkDocs (tests, benchmarks, ``python -m generator pages``).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.catalogue import Catalogue, read_catalogue
from generator.core.build_context import BuildContext, make_build_context
from generator.core.pages import GeneratedPage
from generator.errors import ContentError, GeneratorError
from generator.issues import Issue, Severity
from generator.model.dates import build_date
from generator.plans.files import write_plan_files
from generator.plans.pages import iter_plan_pages
from generator.posters.write import write_site_posters
from generator.search.finder import iter_finder_pages
from generator.search.write import write_search_index
from generator.site.providers import iter_index_pages, iter_procedure_pages
from generator.site.writers import write_forms

__all__ = ["PAGE_PROVIDERS", "POST_BUILD_WRITERS", "BuildContext", "GeneratedPage", "build"]

PageProvider = Callable[[Catalogue, BuildContext], Iterable[GeneratedPage]]
PostBuildWriter = Callable[[Catalogue, Path, BuildContext], None]

PAGE_PROVIDERS: list[PageProvider] = [
    iter_index_pages,
    iter_procedure_pages,
    iter_finder_pages,
    iter_plan_pages,
]
"""Everything that contributes pages to the site; each returns GeneratedPage objects."""

POST_BUILD_WRITERS: list[PostBuildWriter] = [
    write_forms,
    write_search_index,
    write_site_posters,
    write_plan_files,
]
"""Everything that writes files into the finished site directory (runs after the pages)."""

AS_OF_VARIABLE = "CONGKHAI_AS_OF"
SKIP_VARIABLE = "CONGKHAI_SKIP_WRITERS"
"""Comma-separated names of post-build writers to skip (e.g. ``write_posters`` in site benchmarks)."""


def build_as_of() -> dt.date:
    """The build date: ``CONGKHAI_AS_OF=YYYY-MM-DD`` when set, else today (or SOURCE_DATE_EPOCH)."""
    text = os.environ.get(AS_OF_VARIABLE, "").strip()
    if not text:
        return build_date()
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise GeneratorError(f"{AS_OF_VARIABLE} phải có dạng NĂM-THÁNG-NGÀY, không phải «{text}».") from exc


def read(root: Path, as_of: dt.date) -> tuple[Catalogue, list[Issue]]:
    """Stage 1–2: load and validate every content file; raise ContentError on any error.

    Entries keep only a :class:`~generator.load.SourceFile` handle, not each file's raw data and
    positions (those held most of the memory at 10,000 procedures).
    """
    catalogue, issues = read_catalogue(root, as_of)
    if catalogue is None or any(i.severity is Severity.ERROR for i in issues):
        raise ContentError([i for i in issues if i.severity is Severity.ERROR] or issues)
    return catalogue, issues


def generate_pages(catalogue: Catalogue, ctx: BuildContext) -> list[GeneratedPage]:
    """Stage 3: every page of the site from every provider (bodies render later, one at a time)."""
    pages = [page for provider in PAGE_PROVIDERS for page in provider(catalogue, ctx)]
    seen: dict[str, GeneratedPage] = {}
    for page in pages:
        if page.path in seen:
            raise GeneratorError(
                f"Hai trang cùng địa chỉ «{page.path}»: «{seen[page.path].title}» và «{page.title}»."
            )
        seen[page.path] = page
    return pages


def write_extras(catalogue: Catalogue, site_dir: Path, ctx: BuildContext) -> None:
    """Stage 4+: search index, posters, forms, open data — every registered post-build writer."""
    skip = {name.strip() for name in os.environ.get(SKIP_VARIABLE, "").split(",") if name.strip()}
    for writer in POST_BUILD_WRITERS:
        if writer.__name__ not in skip:
            writer(catalogue, site_dir, ctx)


def build(
    root: Path, site_dir: Path, as_of: dt.date, render_site: Callable[[list[GeneratedPage]], None]
) -> None:
    """The whole pipeline in order; ``render_site`` wraps the pages in the theme into ``site_dir``."""
    catalogue, _ = read(root, as_of)  # 1–2. load + validate (ContentError on errors)
    ctx = make_build_context(catalogue)  # 3a. git dates, lookups, Jinja env
    pages = generate_pages(catalogue, ctx)  # 3b. typed contexts → lazily rendered pages
    render_site(pages)  # 3c. theme chrome (MkDocs + Material)
    write_extras(catalogue, site_dir, ctx)  # 4.  search index, posters, forms
