"""The pipeline: read → facts and page contexts → pages (the theme renders them) → post-build writers.

:func:`build` is the one stage list, and it is what production runs: the MkDocs adapter
(``generator.adapters.mkdocs_plugin``) drives it from its hooks, and :func:`build_without_mkdocs`
runs the same generator for tests and benchmarks. Settings (the build date, writers to skip)
are passed in a :class:`BuildSettings`, never through the environment. Stages plug in with one
line each: a page provider in :data:`PAGE_PROVIDERS`, a writer in :data:`POST_BUILD_WRITERS`
(named as ``module:function`` and imported only when it runs, so the site pipeline imports
without the PDF libraries).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.catalogue import Catalogue
from generator.core.build_context import BuildContext, make_build_context
from generator.core.pages import GeneratedPage
from generator.core.routes import check_page_routes
from generator.errors import ContentError, GeneratorError
from generator.issues import Issue, Severity
from generator.plans.pages import iter_plan_pages
from generator.reading import read_catalogue
from generator.search.finder import iter_finder_pages
from generator.site.changes import iter_changes_pages
from generator.site.opendata.page import iter_open_data_pages
from generator.site.providers import iter_index_pages, iter_procedure_pages

__all__ = ["PAGE_PROVIDERS", "POST_BUILD_WRITERS", "BuildSettings", "Rendering", "build"]

PageProvider = Callable[[Catalogue, BuildContext], Iterable[GeneratedPage]]
PostBuildWriter = Callable[[Catalogue, Path, BuildContext], None]

PAGE_PROVIDERS: list[PageProvider] = [
    iter_index_pages,
    iter_procedure_pages,
    iter_finder_pages,
    iter_plan_pages,
    iter_changes_pages,
    iter_open_data_pages,
]
"""Everything that contributes pages to the site; each returns GeneratedPage objects."""

POST_BUILD_WRITERS: list[str] = [
    "generator.site.writers:write_forms",
    "generator.search.write:write_search_index",
    "generator.posters.write:write_site_posters",
    "generator.plans.files:write_plan_files",
    "generator.site.feed:write_feed",
    "generator.site.opendata.write:write_open_data",
    "generator.site.admin.write:write_admin",
    "generator.site.fingerprint:fingerprint_assets",  # last: it rewrites the pages' asset links
]
"""Everything that writes files into the finished site folder, as ``module:function`` (run in order)."""


@dataclass(frozen=True)
class BuildSettings:
    """What a build is asked to do beyond the content.

    Attributes:
        as_of: the build date (lifecycle and fees are judged on it).
        skip: names of post-build writers not to run (e.g. ``write_site_posters`` in site benchmarks).
    """

    as_of: dt.date
    skip: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Rendering:
    """What the pipeline hands the theme: the catalogue, the build context and every page."""

    catalogue: Catalogue
    ctx: BuildContext
    pages: list[GeneratedPage]
    issues: list[Issue]
    """Warnings found while reading (errors stop the build before this point)."""


def read(root: Path, as_of: dt.date) -> tuple[Catalogue, list[Issue]]:
    """Stage 1–2: load and validate every content file; raise ContentError on any error."""
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


def writer(name: str) -> PostBuildWriter:
    """Import one registered post-build writer (``module:function``) when it is about to run."""
    module, _, function = name.partition(":")
    found: PostBuildWriter = getattr(importlib.import_module(module), function)
    return found


def write_extras(catalogue: Catalogue, site_dir: Path, ctx: BuildContext, skip: frozenset[str]) -> None:
    """Stage 4: search index, posters, forms — every registered post-build writer not skipped."""
    for name in POST_BUILD_WRITERS:
        if name.partition(":")[2] not in skip:
            writer(name)(catalogue, site_dir, ctx)


def build(root: Path, settings: BuildSettings) -> Generator[Rendering, Path, None]:
    """The whole pipeline in order; it pauses once for the theme to render the pages.

    The caller takes the :class:`Rendering` with ``next()``, renders its pages into a folder
    (MkDocs + Material), then sends that folder back to run the post-build writers.
    """
    catalogue, issues = read(root, settings.as_of)  # 1–2. load + validate (ContentError on errors)
    ctx = make_build_context(catalogue)  # 3a. git dates, lookups, Jinja env
    pages = generate_pages(catalogue, ctx)  # 3b. typed contexts → lazily rendered pages
    if clashes := check_page_routes(root, (page.path for page in pages)):  # no free page shadowed
        raise ContentError(clashes)
    site_dir = yield Rendering(catalogue, ctx, pages, issues)  # 3c. theme chrome (MkDocs + Material)
    write_extras(catalogue, site_dir, ctx, settings.skip)  # 4.  forms, search index, posters


def finish(run: Generator[Rendering, Path, None], site_dir: Path) -> None:
    """Resume a paused :func:`build` with the folder its pages were rendered into; run to the end."""
    try:
        run.send(site_dir)
    except StopIteration:
        return
    raise GeneratorError("the pipeline paused twice")  # pragma: no cover - build() yields once


def build_without_mkdocs(
    root: Path, site_dir: Path, settings: BuildSettings, render_site: Callable[[list[GeneratedPage]], None]
) -> Rendering:
    """Run :func:`build` with ``render_site`` standing in for MkDocs (tests, benchmarks)."""
    run = build(root, settings)
    rendering = next(run)
    render_site(rendering.pages)
    finish(run, site_dir)
    return rendering
