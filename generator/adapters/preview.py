"""The preview's site (``python -m generator preview``, ``make serve``): built once, then what a save changes.

On start, one full MkDocs build (the congkhai plugin, every post-build writer except the posters)
into a folder under ``.cache/preview/``; a small plugin of this module keeps the files, navigation
and Jinja environment that MkDocs' ``build()`` holds only in local variables. On each save of a
procedure file, :meth:`PreviewSite.update` reads and checks that file again
(:func:`generator.reading.reread_procedure`), makes the page objects again (cheap: bodies render
lazily), and has MkDocs render — with its own page functions, so every hook and the theme run as in
a build — first that procedure's page, then its posters (Typst, in this process), then the pages
that list or name it (:meth:`PreviewSite.settle`). Any other file (site settings, offices, fields,
free pages, plans, the theme) makes a full build into a fresh folder, swapped in when it is done.
A content error keeps the last good pages; the server shows the issues on every page.

MkDocs 1.6 offers no public call to render one page; ``_populate_page`` and ``_build_page`` are what
its own ``build()`` calls for each page (the version is pinned in requirements.lock).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs.structure.pages import Page

from generator.adapters.mkdocs_plugin import CongKhaiPlugin
from generator.build import Rendering, generate_pages
from generator.catalogue import Catalogue, ProcedureEntry
from generator.core.build_context import rebind
from generator.core.pages import GeneratedPage
from generator.core.routes import check_page_routes
from generator.errors import GeneratorError
from generator.issues import Issue, Severity
from generator.model.dates import build_date
from generator.posters.cache import PosterCache
from generator.posters.plan import BUNDLE_NAME, INDEX_NAME
from generator.posters.preview import index_sheet, procedure_sheets, render_now
from generator.posters.render import Renderer
from generator.posters.theme import load_theme
from generator.posters.write import CACHE_DIR
from generator.reading import read_catalogue, reread_procedure

POSTERS_WRITER = "write_site_posters"
"""Not run on start (2,500 sheets): a procedure's sheets are rendered when it is saved or asked for."""


class Capture(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Keeps what MkDocs' ``build()`` holds in local variables: the files, the nav, the Jinja env."""

    def __init__(self) -> None:
        self.files: Files | None = None
        self.nav: Any = None
        self.env: Environment | None = None

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Keep the navigation (every page is rendered with it)."""
        self.nav = nav
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Keep the theme's Jinja environment and the files."""
        self.env, self.files = env, files
        return env


@dataclass
class Built:
    """One successful build: MkDocs' config with the congkhai plugin, and what :class:`Capture` kept."""

    config: MkDocsConfig
    plugin: CongKhaiPlugin
    capture: Capture
    site_dir: Path

    @property
    def rendering(self) -> Rendering:
        """The pipeline's current catalogue, context and pages."""
        assert self.plugin.rendering is not None
        return self.plugin.rendering


@dataclass
class Outcome:
    """What one update did: the issues that stopped it (none when it went through) and what it rendered."""

    errors: list[Issue] = field(default_factory=list)
    message: str = ""
    """A build error that is not a located content issue (shown as it is)."""
    pages: int = 0
    slugs: tuple[str, ...] = ()
    """Procedures whose page was rendered first (their posters come next)."""
    full: bool = False


class PreviewSite:
    """The preview's built site and how to bring it up to date after a save."""

    def __init__(self, root: Path, work: Path, *, config_file: Path, as_of: dt.date | None) -> None:
        self.root = root.resolve()
        self.work = work
        self.config_file = config_file
        self.as_of = as_of
        self.built: Built | None = None
        self.stale: dict[str, None] = {}
        """Pages (src_uri) that show an edited procedure and are not rendered again yet, in order."""
        self.builds = 0
        self.renderer: Renderer | None = None
        self.cache: PosterCache | None = None

    @property
    def site_dir(self) -> Path | None:
        """The folder being served (None until a first build succeeded)."""
        return self.built.site_dir if self.built else None

    def build_all(self) -> Outcome:
        """A full build into a fresh folder; the served folder changes only when it succeeds."""
        self.builds += 1
        target = self.work / f"site-{self.builds % 2}"
        shutil.rmtree(target, ignore_errors=True)
        config = load_config(str(self.config_file), site_dir=str(target), strict=False)
        plugin = config.plugins["congkhai"]
        assert isinstance(plugin, CongKhaiPlugin)
        plugin.config["skip_writers"] = [POSTERS_WRITER]
        if self.as_of is not None:
            plugin.config["as_of"] = self.as_of.isoformat()
        capture = Capture()
        config.plugins["congkhai-preview"] = capture
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config)
        except Abort as exc:
            shutil.rmtree(target, ignore_errors=True)
            return self._failed(str(exc))
        old, self.built = self.built, Built(config, plugin, capture, target)
        if old is not None and old.site_dir != target:
            shutil.rmtree(old.site_dir, ignore_errors=True)
        self.stale = {}
        return Outcome(full=True)

    def _failed(self, message: str) -> Outcome:
        """The located content issues behind a failed full build (read again: the build keeps only text)."""
        _, issues = read_catalogue(self.root, self.as_of or build_date())
        errors = [i for i in issues if i.severity is Severity.ERROR]
        return Outcome(errors=errors, message="" if errors else message, full=True)

    def _inside(self, path: Path) -> Path | None:
        """``path`` under the root as the catalogue names it; None for a file that is gone and was
        never content (an editor's or ``sed -i``'s temporary file, renamed over the real one)."""
        try:  # not resolved: a link stays a link, and the read reports one leading outside
            path = self.root / Path(os.path.abspath(path)).relative_to(self.root)
        except ValueError:
            return None
        if path.exists() or self.built is None:
            return path
        known = {entry.file.path for entry in self.built.rendering.catalogue.procedures}
        return path if path in known or path.suffix in (".yaml", ".yml", ".md") else None

    def is_procedure_file(self, path: Path) -> bool:
        """Whether ``path`` is a procedure YAML file (the one kind of save that is rebuilt in part)."""
        procedures = self.root / "procedures"
        return path.suffix == ".yaml" and path.is_relative_to(procedures)

    def update(self, paths: Iterable[Path]) -> Outcome:
        """Bring the site up to date after ``paths`` were saved (or deleted): in part when every one
        is a procedure file and the site is built, else by a full build."""
        paths = [path for path in (self._inside(p) for p in paths) if path is not None]
        if not paths:
            return Outcome()
        if self.built is None or not all(self.is_procedure_file(p) for p in paths):
            return self.build_all()
        rendering = self.built.rendering
        catalogue: Catalogue | None = rendering.catalogue
        issues: list[Issue] = []
        slugs: list[str] = []
        for path in paths:
            assert catalogue is not None
            slugs += _slugs_of(catalogue, path)
            catalogue, issues = reread_procedure(catalogue, path)
            if catalogue is None:
                errors = [i for i in issues if i.severity is Severity.ERROR]
                return Outcome(errors=errors or issues)
            slugs += _slugs_of(catalogue, path)
        assert catalogue is not None
        return self._render_catalogue(catalogue, issues, tuple(dict.fromkeys(slugs)))

    def _render_catalogue(self, catalogue: Catalogue, issues: list[Issue], slugs: tuple[str, ...]) -> Outcome:
        assert self.built is not None
        old = self.built.rendering
        ctx = rebind(old.ctx, catalogue)
        try:
            pages = generate_pages(catalogue, ctx)
        except GeneratorError as exc:
            return Outcome(message=str(exc))
        if clashes := check_page_routes(self.root, (page.path for page in pages)):
            return Outcome(errors=clashes)
        self.built.plugin.use_rendering(Rendering(catalogue, ctx, pages, issues))
        self._drop_pages({p.src_uri for p in old.pages} - {p.src_uri for p in pages})
        by_uri = {page.src_uri: page for page in pages}
        first = [by_uri[uri] for uri in (_src_uri(slug) for slug in slugs) if uri in by_uri]
        rendered = self.render(first)
        for page in _listing(catalogue, pages, slugs):
            self.stale[page.src_uri] = None
        for page in first:
            self.stale.pop(page.src_uri, None)
        return Outcome(pages=rendered, slugs=slugs)

    def settle(self, budget: int | None = None) -> int:
        """Render the stale pages (indexes, pages naming an edited procedure), at most ``budget``."""
        if self.built is None:
            return 0
        by_uri = {page.src_uri: page for page in self.built.rendering.pages}
        uris = list(self.stale)[:budget] if budget is not None else list(self.stale)
        for uri in uris:
            del self.stale[uri]
        return self.render(by_uri[uri] for uri in uris if uri in by_uri)

    def render(self, pages: Iterable[GeneratedPage]) -> int:
        """Render ``pages`` with MkDocs' own page functions (every hook, the theme); add new ones."""
        assert self.built is not None
        config, capture = self.built.config, self.built.capture
        assert capture.files is not None and capture.env is not None
        files = capture.files
        count = 0
        for page in pages:
            file = files.get_file_from_path(page.src_uri)
            if file is None:  # a new procedure: a new virtual file, as on_files makes them
                file = File.generated(config, page.src_uri, content="")
                files.append(file)
                set_exclusions([file], config)
                Page(None, file, config)
            assert file.page is not None
            _populate_page(file.page, config, files)
            _build_page(file.page, config, files.documentation_pages(), capture.nav, capture.env)
            count += 1
        return count

    def posters(self, slugs: Iterable[str]) -> int:
        """Render the sheets of ``slugs`` now (one per office that lists each); return how many rendered.

        A sheet no longer posted (the procedure repealed, an office dropped) is removed, and so are
        the index and combined sheets of the offices concerned: they are made again when asked for.
        """
        assert self.built is not None
        rendering, out = self.built.rendering, self.built.site_dir / "posters"
        sheets = []
        for slug in slugs:
            fresh = procedure_sheets(
                rendering.catalogue, slug, self._renderer().theme, rendering.ctx.last_changed
            )
            keep = {sheet.path for sheet in fresh}
            for published in out.glob(f"*/{slug}.pdf"):
                if published.relative_to(out).as_posix() not in keep:
                    published.unlink()
                    keep.add(published.relative_to(out).as_posix())
            for office in {path.split("/")[0] for path in keep}:
                for name in (INDEX_NAME, BUNDLE_NAME):
                    (out / office / f"{name}.pdf").unlink(missing_ok=True)
            sheets += fresh
        return render_now(sheets, self._renderer(), self._cache(), out)

    def poster_at(self, relative: str) -> Path | None:
        """The sheet published at ``posters/<relative>``, rendered now if the preview lacks it
        (a procedure's sheet at one office, or an office's index); None for anything else."""
        assert self.built is not None
        rendering, out = self.built.rendering, self.built.site_dir / "posters"
        target = out / relative
        office, _, name = relative.removesuffix(".pdf").partition("/")
        if not target.is_file() and "/" not in name and office in rendering.catalogue.offices:
            catalogue, changed = rendering.catalogue, rendering.ctx.last_changed
            if name == INDEX_NAME:
                index = index_sheet(catalogue, office, self._renderer().theme, changed)
                sheets = [index] if index is not None else []
            else:
                all_sheets = procedure_sheets(catalogue, name, self._renderer().theme, changed)
                sheets = [sheet for sheet in all_sheets if sheet.office == office]
            render_now(sheets, self._renderer(), self._cache(), out)
        return target if target.is_file() else None

    def _renderer(self) -> Renderer:
        if self.renderer is None:
            self.renderer = Renderer(load_theme())  # fonts loaded once, kept warm between saves
        return self.renderer

    def _cache(self) -> PosterCache:
        if self.cache is None:
            self.cache = PosterCache(self.root / CACHE_DIR)  # the build's own cache: hits both ways
        return self.cache

    def _drop_pages(self, uris: set[str]) -> None:
        """Remove the pages no longer generated (a deleted or renamed procedure) from MkDocs and the site."""
        assert self.built is not None and self.built.capture.files is not None
        files = self.built.capture.files
        for uri in uris:
            file = files.get_file_from_path(uri)
            if file is not None:
                Path(file.abs_dest_path).unlink(missing_ok=True)
                files.remove(file)
            self.stale.pop(uri, None)


def _src_uri(slug: str) -> str:
    from generator.core.urls import procedure_path, src_uri

    return src_uri(procedure_path(slug))


def _slugs_of(catalogue: Catalogue, path: Path) -> list[str]:
    """The slug of the procedure read from ``path`` (none when the file is new or deleted)."""
    return [e.slug for e in catalogue.procedures if e.file.path == path]


def _listing(catalogue: Catalogue, pages: list[GeneratedPage], slugs: tuple[str, ...]) -> list[GeneratedPage]:
    """The pages that may show an edited procedure besides its own: every page that is not a
    procedure page (indexes, home, finder, changes, plans), and the procedures that name it."""
    codes = {e.model.code for e in catalogue.procedures if e.slug in slugs and e.model.code}
    naming = {_src_uri(e.slug) for e in catalogue.procedures if _names(e, codes, slugs)}
    return [p for p in pages if p.kind != "procedure" or p.src_uri in naming]


def _names(entry: ProcedureEntry, codes: set[str], slugs: tuple[str, ...]) -> bool:
    """Whether ``entry`` links to one of ``slugs`` (related by code, replaced by, see also)."""
    model, names = entry.model, {*codes, *slugs}
    return bool(codes.intersection(model.related)) or bool(
        {model.status.replaced_by, model.status.see_also} & names
    )
