"""The MkDocs adapter: drives :func:`generator.build.build` from MkDocs' hooks. No logic of its own.

Hooks, in MkDocs order: ``on_config`` starts the pipeline, which reads and validates the catalogue
and makes every page (before MkDocs cleans the site directory, so content errors leave the
published site untouched), and stages the build in a sibling directory; ``on_files`` adds every
generated page as ``File.generated``; the page hooks render each body only when MkDocs writes that
page; ``on_post_build`` resumes the pipeline (its post-build writers) and swaps the staged directory
into place; ``on_serve`` watches the YAML folders.

Settings come from the plugin's options in mkdocs.yml (``as_of``, ``skip_writers``) or, at this
edge only, from ``CONGKHAI_AS_OF`` / ``CONGKHAI_SKIP_WRITERS``; the pipeline gets them as arguments.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Generator, Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar, Literal

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.adapters.staging import Staging
from generator.build import BuildSettings, Rendering, build, finish
from generator.core.jinja import THEME_DIR
from generator.core.pages import GeneratedPage
from generator.errors import ContentError, GeneratorError
from generator.load.markdown_rules import front_matter_problem
from generator.model.dates import build_date
from generator.site.crumbs import breadcrumbs
from generator.site.fingerprint import Fingerprints, plain_fonts, plan_fingerprints
from generator.site.providers import render_chrome

log = get_plugin_logger(__name__)

THEME_PRIVATE = ("posters/", "fragments/", "admin/")
"""Folders of site_theme/ that hold templates for our own renderers; MkDocs must not publish them."""


class CongKhaiConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``congkhai`` plugin in mkdocs.yml."""

    root = c.Optional(c.Dir(exists=True))
    """Content repository root; default: the folder of mkdocs.yml."""
    as_of = c.Optional(c.Type(str))
    """Build date YYYY-MM-DD; default: ``CONGKHAI_AS_OF``, else today (or SOURCE_DATE_EPOCH)."""
    skip_writers = c.ListOfItems(c.Type(str), default=[])
    """Post-build writers not to run (e.g. write_site_posters); default: ``CONGKHAI_SKIP_WRITERS``."""


AS_OF_VARIABLE = "CONGKHAI_AS_OF"
SKIP_VARIABLE = "CONGKHAI_SKIP_WRITERS"


def settings_from(options: CongKhaiConfig) -> BuildSettings:
    """The build settings from the plugin options, else from the environment (read here only)."""
    text = (options.as_of or os.environ.get(AS_OF_VARIABLE, "")).strip()
    try:
        as_of = dt.date.fromisoformat(text) if text else build_date()
    except ValueError as exc:
        raise GeneratorError(f"{AS_OF_VARIABLE} phải có dạng NĂM-THÁNG-NGÀY, không phải «{text}».") from exc
    skip = options.skip_writers or os.environ.get(SKIP_VARIABLE, "").split(",")
    return BuildSettings(as_of, frozenset(name.strip() for name in skip if name.strip()))


def _use_packaged_theme(config: MkDocsConfig) -> None:
    """Put the package's theme first unless mkdocs.yml names it already (a publisher's repository
    has no ``custom_dir``: the theme comes with the installed package, docs/publishers.md)."""
    theme = str(THEME_DIR)
    if not any(Path(folder).resolve() == THEME_DIR.resolve() for folder in config.theme.dirs):
        config.theme.dirs.insert(0, theme)


class CongKhaiPlugin(BasePlugin[CongKhaiConfig]):  # type: ignore[no-untyped-call]
    """Runs the Công Khai pipeline inside ``mkdocs build`` / ``mkdocs serve``."""

    serving: ClassVar[bool] = False

    def __init__(self) -> None:
        self.run: Generator[Rendering, Path, None] | None = None
        self.rendering: Rendering | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.staging: Staging | None = None
        self.titles: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        self.marked: list[Any] = []
        self.fingerprints: Fingerprints | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is a preview server (previews are not staged)."""
        type(self).serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read the catalogue, take site name and URL from content/site.yaml, stage the output."""
        root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        _use_packaged_theme(config)
        try:
            self.run = build(root, settings_from(self.config))
            self.rendering = rendering = next(self.run)  # read, validate, make every page
        except ContentError as exc:
            raise PluginError(_issues_text(exc.issues)) from None
        except GeneratorError as exc:
            raise PluginError(str(exc)) from None
        for issue in rendering.issues:
            log.info(issue.format())
        _history_notice(rendering.ctx.history.notice)
        site = rendering.catalogue.site.model
        config.site_name = escape(site.title)  # Material prints site_name and site_description raw
        config.site_url = site.base_url
        config.site_description = escape(site.description) if site.description else None
        for name, html in render_chrome(rendering.catalogue, rendering.ctx).items():
            config.extra[f"ck_{name}"] = Markup(html)  # footer, feedback block…: autoescaped by our env
        config.extra["ck_hotline"] = site.hotline
        if not self.serving:
            self.staging = Staging(Path(config.site_dir), strict=bool(config.strict))
            config.site_dir = str(self.staging.begin())
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Turn autoescape on for every theme template (Material's own partials print settings raw)."""
        env.autoescape = True
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add every generated page as a virtual file; refuse clashes with real Markdown pages."""
        assert self.rendering is not None
        for private in [
            f for f in files if f.src_uri.startswith(THEME_PRIVATE) and not f.is_documentation_page()
        ]:
            files.remove(private)  # poster templates and page fragments are theme sources, not site assets
        pages = self.rendering.pages
        for page in pages:
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(
                    f"content/pages/{page.src_uri} trùng địa chỉ với trang sinh tự động «{page.path}»."
                )
            files.append(File.generated(config, page.src_uri, content=""))
        self.fingerprints = _fingerprints(files)  # pages name the assets' copies before they are written
        self.use_rendering(self.rendering)
        config.nav = _with_generated_nav(config.nav, pages)
        return files

    def use_rendering(self, rendering: Rendering) -> None:
        """Render generated pages from ``rendering`` from now on (the preview swaps in a new one)."""
        self.rendering = rendering
        self.pages = {page.src_uri: page for page in rendering.pages}
        self.titles = {page.path: page.title for page in rendering.pages}
        self.parents = {page.path: page.parent for page in rendering.pages if page.parent is not None}

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """Generated pages have no Markdown: their body is rendered from the model later."""
        return "" if page.file.src_uri in self.pages else None

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give MkDocs the escaped title and meta of a generated page; check an editor's front matter."""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            page.meta.update(_meta(generated))
            changed = generated.last_changed
        else:
            check_front_matter(page.file.src_uri, page.meta)
            assert self.rendering is not None
            ctx = self.rendering.ctx
            source = Path(config.docs_dir, page.file.src_uri).resolve()
            relative = (
                source.relative_to(ctx.root.resolve()).as_posix()
                if source.is_relative_to(ctx.root.resolve())
                else ""
            )
            changed = ctx.last_changed.get(relative)
        page.meta["ck_lastmod"] = changed.isoformat() if changed else ""  # site_theme/sitemap.xml
        return markdown

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Render the body just before MkDocs writes the page (one body in memory at a time)."""
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            body = generated.render()
            page.content = body.html
            page.meta["ck_jsonld"] = body.jsonld
            if body.toc:
                page.toc = get_toc([_toc_token(anchor, heading) for anchor, heading in body.toc])
        _trust_rendered_html(page)
        path = "" if page.is_homepage else (page.url or "")
        trail = breadcrumbs(path, titles=self.titles, parents=self.parents)
        page.meta["ck_crumbs"] = trail
        self.marked = _mark_section(nav, trail)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Drop the rendered body again once the page is written."""
        if page.file.src_uri in self.pages:
            page.content = ""
            page.meta.pop("ck_jsonld", None)
        for item in self.marked:
            item.active = False
        self.marked = []
        return self.fingerprints.rewrite(output) if self.fingerprints is not None else output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Run the post-build writers (search index, posters, forms), then publish the staged site."""
        assert self.run is not None
        try:
            finish(self.run, Path(config.site_dir))  # resume the pipeline: its post-build writers
        except ContentError as exc:  # e.g. an error in content/synonyms.yaml found by the search writer
            raise PluginError(_issues_text(exc.issues)) from None
        except GeneratorError as exc:
            raise PluginError(str(exc)) from None
        if self.staging is not None:
            self.staging.publish()

    def on_build_error(self, *, error: Exception) -> None:
        """Throw the half-built staged directory away; the published site stays as it was."""
        if self.staging is not None:
            self.staging.discard()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild the preview when any content YAML changes."""
        root = Path(self.config.root or Path(config.config_file_path).parent)
        for folder in ("procedures", "content"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server


def _fingerprints(files: Files) -> Fingerprints:
    """The fingerprinted asset names, from the sources MkDocs is about to copy (see site.fingerprint)."""

    def read(relative: str) -> bytes | None:
        file = files.get_file_from_path(relative)
        return None if file is None else file.content_bytes

    return plan_fingerprints(read, plain_fonts([file.src_uri for file in files]))


def _trust_rendered_html(page: Page) -> None:
    """Mark the HTML MkDocs rendered itself (body, table of contents) as markup for the autoescaped theme.

    The body is our escaped page fragment or the Markdown page as MkDocs rendered it; toc titles
    are escaped text (Python-Markdown escapes heading text; ours go through ``escape``).
    """
    page.content = Markup(page.content or "")
    for item in _walk(page.toc):
        item.title = Markup(item.title)


def _mark_section(nav: Any, trail: Any) -> list[Any]:
    """Mark the nav entry of the page's section (its first ancestor below home) as active.

    Pages outside the nav (a procedure, a field) otherwise show no current section; returns the
    entries marked so that they are cleared once the page is written.
    """
    if nav is None or len(trail) < 2:
        return []
    section = trail[1].path
    marked = []
    for item in getattr(nav, "items", []):
        url = getattr(item, "url", None)
        if url is not None and url.strip("/") == section.strip("/") and not item.active:
            item.active = True
            marked.append(item)
    return marked


def _walk(items: Any) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _walk(item.children)


def check_front_matter(src_uri: str, meta: Mapping[str, Any]) -> None:
    """Refuse front matter outside the editor rule (``generator.load.markdown_rules``): a build error."""
    problem = front_matter_problem(meta)
    if problem is not None:
        raise PluginError(f"content/pages/{src_uri}:1: {problem[1]}")


def _history_notice(notice: str | None) -> None:
    """Print the git-history warning (no history, or a shallow clone) without failing a strict build.

    The fallback is correct (pages carry no date rather than a wrong one), so the warning goes to a
    logger of our own, outside MkDocs' strict-mode count; docs/operators.md explains it.
    """
    if notice is None:
        return
    history_log = logging.getLogger("congkhai.history")
    if not history_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
        history_log.addHandler(handler)
        history_log.propagate = False
    history_log.warning(notice)


def _toc_token(anchor: str, heading: str) -> Any:
    # heading is plain text from the page context; Material prints the name raw, so escape it here
    return {"level": 2, "id": anchor, "name": escape(heading), "children": []}


def _meta(page: GeneratedPage) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": escape(page.title),
        "ck_kind": page.kind,
        "hide": ["toc"] if page.wide else [],
    }
    if page.description:
        meta["description"] = escape(page.description)
    return meta


def _with_generated_nav(nav: Any, pages: list[GeneratedPage]) -> Any:
    """The nav of mkdocs.yml plus generated pages that ask for a nav entry and are not in it yet."""
    if nav is None:
        return None
    listed = {str(v) for item in nav if isinstance(item, dict) for v in item.values()}
    extra = [
        {page.nav_title: page.src_uri} for page in pages if page.nav_title and page.src_uri not in listed
    ]
    return [*nav, *extra]


def _issues_text(issues: list[Any]) -> str:
    lines = [issue.format() for issue in issues]
    return "Nội dung có lỗi, không xây dựng trang:\n" + "\n".join(lines) + f"\n{len(lines)} lỗi."
