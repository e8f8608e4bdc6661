"""Stage 3 (site): the generated page type every page provider returns, rendered lazily."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.core.urls import src_uri


@dataclass(frozen=True)
class Body:
    """A rendered page body.

    Attributes:
        html: the article HTML (already escaped by the autoescaping environment).
        jsonld: structured data to embed in the head as JSON-LD, or None.
        toc: the page's sections as (anchor id, heading text) for the theme's "on this page" list,
            declared by the page context.
    """

    html: str
    jsonld: dict[str, Any] | None = None
    toc: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class GeneratedPage:
    """One page of the site that exists only in memory (no Markdown file in the source tree).

    Attributes:
        path: site-relative directory address, e.g. ``thu-tuc/dang-ky-khai-sinh/`` ("" for home).
        title: plain-text page title (escaped by the adapter before MkDocs sees it).
        render: produces the body when the page is written; called once, late, to keep memory flat.
        description: plain-text meta description, or None.
        nav_title: when set, the page is added to the site navigation under this title.
        kind: what sort of page it is (``procedure``, ``index``, ``finder``…), for the theme and tests.
        wide: True for pages whose tables need the full width (no table of contents column).
        parent: address of the page the breadcrumbs lead up to (a procedure's field page), or None
            for the address one folder up.
        last_changed: the day the content behind the page last changed (git), for the sitemap, or None.
    """

    path: str
    title: str
    render: Callable[[], Body] = field(repr=False, compare=False)
    description: str | None = None
    nav_title: str | None = None
    kind: str = "index"
    wide: bool = True
    parent: str | None = None
    last_changed: dt.date | None = None

    @property
    def src_uri(self) -> str:
        """The virtual source name MkDocs uses for this page."""
        return src_uri(self.path)


@dataclass(frozen=True)
class TextPage:
    """A page as the full-text index sees it: address, title, plain text (free pages, plans, projects)."""

    path: str
    title: str
    text: str
