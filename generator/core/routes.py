"""Core contracts, routes: the addresses the generator owns, so an editor's page can never shadow one.

A free page in ``content/pages/`` and a generated page (or a file a post-build writer puts in the
site) must never share an address: whichever MkDocs wrote last would win, silently. The reserved
top-level names are derived from the real routes — the address functions of
:mod:`generator.core.urls`, the generated pages of this build when they are known, the theme's own
folders — plus the few names MkDocs, Material and the search stage write themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.core import urls
from generator.core.jinja import THEME_DIR
from generator.issues import Issue, display_path
from generator.load.files import FORM_FILES
from generator.load.pages import PAGES_DIR, iter_page_files
from generator.plans.listing import plan_path

WRITTEN_BY_OTHERS = frozenset({"404.html", "404", "sitemap.xml", "sitemap.xml.gz", "search"})
"""Top-level names MkDocs and Material write (404 page, sitemap) and the search stage's index folder."""


def _first(path: str) -> str:
    return path.strip("/").split("/", 1)[0]


def reserved_roots(generated: Iterable[str] = ()) -> frozenset[str]:
    """Every top-level name the build writes: route prefixes, ``generated`` page paths, theme folders."""
    routes = [
        urls.ALL_PROCEDURES,
        urls.FIELDS,
        urls.OFFICES,
        urls.ONLINE,
        urls.FINDER,
        urls.procedure_path("x"),
        urls.field_path("x"),
        urls.office_path("x"),
        urls.poster_path("x", "y"),
        urls.form_path(f"{FORM_FILES.folder}/x.pdf"),
        plan_path("x"),
        *generated,
    ]
    theme = {entry.name for entry in THEME_DIR.iterdir()} if THEME_DIR.is_dir() else set()
    return frozenset(_first(route) for route in routes if route) | theme | WRITTEN_BY_OTHERS


def page_route(relative: Path) -> str:
    """The site address of a file in content/pages/ (``a/b.md`` → ``a/b/``, ``a/index.md`` → ``a/``)."""
    if relative.suffix != ".md":
        return relative.as_posix()
    parts = relative.with_suffix("").parts
    if parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


def check_page_routes(root: Path, generated: Iterable[str] = ()) -> list[Issue]:
    """A located error for every free page whose address is the home page or a reserved name."""
    reserved = reserved_roots(generated)
    issues = []
    for path in iter_page_files(root):
        route = page_route(path.relative_to(root / PAGES_DIR))
        top = _first(route)
        if route == "" or top in reserved or top.removesuffix(".md") in reserved:
            where = f"/{route}" if route else "trang chủ"
            issues.append(
                Issue(
                    display_path(path, root),
                    1,
                    1,
                    "page-route-reserved",
                    "",
                    f"Trang này sẽ có địa chỉ «{where}», trùng với phần trang web do hệ thống tạo ra "
                    f"(«{top or '/'}»), nên sẽ bị che khuất hoặc ghi đè. Hãy đổi tên tệp, ví dụ "
                    f"«gioi-thieu-{top or 'trang'}.md». Tên dành riêng: {', '.join(sorted(reserved))}.",
                )
            )
    return issues
