"""Stage 3 (site): breadcrumbs from «Trang chủ» to the current page, for every page kind.

A page's parent is the one its context declares (a procedure's field page), else the address one
folder up (``linh-vuc/ho-tich/`` → ``linh-vuc/``); ancestors that are not pages are skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.core import urls

HOME_TITLE = "Trang chủ"


@dataclass(frozen=True)
class Crumb:
    """One step of the trail: title and site-relative address ("" is the home page)."""

    title: str
    path: str


def url_parent(path: str) -> str:
    """The address one folder up (``thu-tuc/x/`` → ``thu-tuc/``; a top-level page → home)."""
    parts = [part for part in path.strip("/").split("/") if part]
    return "/".join(parts[:-1]) + "/" if len(parts) > 1 else urls.HOME


def breadcrumbs(path: str, *, titles: Mapping[str, str], parents: Mapping[str, str]) -> tuple[Crumb, ...]:
    """The trail up from the page at ``path``: home first, the parent last (the page itself is not
    repeated: its heading follows; empty on the home page).

    Args:
        path: the page's site-relative address.
        titles: title of every page that may be an ancestor, by address.
        parents: declared parents by address (pages without one take :func:`url_parent`).
    """
    if path.strip("/") == "":
        return ()
    trail: list[Crumb] = []
    seen = {path}
    current = parents.get(path) or url_parent(path)
    while current and current not in seen:
        seen.add(current)
        if current in titles:
            trail.append(Crumb(titles[current], current))
        current = parents.get(current) or url_parent(current)
    trail.append(Crumb(HOME_TITLE, urls.HOME))
    return tuple(reversed(trail))
