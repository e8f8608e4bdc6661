"""Stage 4 (site): fingerprint our own CSS, JavaScript and font files so servers may cache them long.

Each file of :data:`FINGERPRINTED` gets a copy named with the first 10 hex digits of its content's
SHA-256 (``congkhai.css`` → ``congkhai.3f2a9c01de.css``), and every page and stylesheet that names
it is rewritten to the new name; a changed file gets a new name, so a year-long cache is safe
(docs/operators.md gives the server snippets). Fonts go first, because the stylesheet naming them
changes with them. The plain names stay beside the copies for scripts that load their neighbours
by plain name (search.js fetches engine.js on demand) and for links from outside.

:func:`plan_fingerprints` works from the assets' bytes alone, so the MkDocs adapter can point each
page at the copies in memory, before MkDocs writes it (rewriting 2,000 written pages again cost
about a second); :func:`fingerprint_assets`, the post-build writer, writes the copies and rewrites
whatever HTML still names a plain asset (pages built without the adapter, the 404 page).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.catalogue import Catalogue
from generator.core.build_context import BuildContext

FONTS = "assets/fonts/be-vietnam-pro/"
FINGERPRINTED: tuple[str, ...] = (
    "assets/stylesheets/congkhai.css",
    "assets/stylesheets/print.css",
    "assets/stylesheets/plans.css",
    "assets/search/search.css",
    "assets/search/search.js",
    "assets/search/fold.js",
    "assets/javascripts/congkhai.js",
    "assets/javascripts/plan-lookup.js",
)
"""Our own assets that pages name directly (fonts are found in FONTS)."""

HASHED = re.compile(r"\.[0-9a-f]{10}\.(?:css|js|woff2)$")


def hashed_name(relative: str, content: bytes) -> str:
    """``name.<10 hex digits of the SHA-256 of the content>.ext`` (the folder dropped)."""
    path = Path(relative)
    return f"{path.stem}.{hashlib.sha256(content).hexdigest()[:10]}{path.suffix}"


@dataclass(frozen=True)
class Fingerprints:
    """Plain asset path → fingerprinted path, and the bytes of every fingerprinted copy.

    Attributes:
        names: e.g. ``assets/stylesheets/congkhai.css`` → ``assets/stylesheets/congkhai.3f2a9c01de.css``.
        copies: fingerprinted path → its content (a stylesheet already names the fonts' copies).
    """

    names: dict[str, str]
    copies: dict[str, bytes]

    def rewrite(self, text: str) -> str:
        """``text`` with each plain asset path, as the end of a URL, replaced by its fingerprinted one."""
        return _rewrite_text(text, self.names, _links(tuple(self.names)))


def _links(plain: tuple[str, ...]) -> re.Pattern[str]:
    """Every plain asset path as the end of a URL (before a quote, ``)``, ``?`` or ``#``), in one pattern."""
    alternatives = "|".join(re.escape(name) for name in sorted(plain, key=len, reverse=True))
    return _compiled(f"(?:{alternatives})(?=[\"')?#])")


@functools.lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _rewrite_text(text: str, names: dict[str, str], links: re.Pattern[str]) -> str:
    return links.sub(lambda match: names[match.group(0)], text) if names else text


def plan_fingerprints(read: Callable[[str], bytes | None], fonts: list[str]) -> Fingerprints:
    """The fingerprinted names and copies of the fonts (``fonts``: plain paths) and of FINGERPRINTED.

    ``read`` gives an asset's bytes by site-relative path (None when the site has no such file).
    """
    names: dict[str, str] = {}
    copies: dict[str, bytes] = {}

    def add(relative: str, content: bytes) -> None:
        names[relative] = relative.rsplit("/", 1)[0] + "/" + hashed_name(relative, content)
        copies[names[relative]] = content

    for relative in fonts:
        if (content := read(relative)) is not None:
            add(relative, content)
    in_stylesheet = {
        plain.removeprefix("assets/"): hashed.removeprefix("assets/") for plain, hashed in names.items()
    }
    for relative in FINGERPRINTED:
        content = read(relative)
        if content is None:
            continue
        if (
            relative.endswith(".css") and in_stylesheet
        ):  # ../fonts/… inside the stylesheet, before it is hashed
            text = content.decode("utf-8")
            content = _rewrite_text(text, in_stylesheet, _links(tuple(in_stylesheet))).encode("utf-8")
        add(relative, content)
    return Fingerprints(names, copies)


def plain_fonts(relatives: list[str]) -> list[str]:
    """The web fonts among site-relative paths (not copies made earlier), sorted."""
    return sorted(
        r for r in relatives if r.startswith(FONTS) and r.endswith(".woff2") and not HASHED.search(r)
    )


def fingerprint_assets(catalogue: Catalogue, site_dir: Path, ctx: BuildContext) -> None:
    """Copy every asset of ours to its fingerprinted name and point the site at the copies."""

    def read(relative: str) -> bytes | None:
        path = site_dir / relative
        return path.read_bytes() if path.is_file() else None

    fonts_dir = site_dir / FONTS
    found = [FONTS + p.name for p in fonts_dir.glob("*.woff2")] if fonts_dir.is_dir() else []
    plan = plan_fingerprints(read, plain_fonts(found))
    for plain, hashed in plan.names.items():
        content = plan.copies[hashed]
        (site_dir / hashed).write_bytes(content)
        if plain.endswith(".css"):
            (site_dir / plain).write_bytes(content)  # the plain stylesheet names the fonts' copies too
    links = _links(tuple(plan.names))
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = _rewrite_text(text, plan.names, links)
        if new != text:  # pages the adapter rewrote already are only read
            page.write_text(new, encoding="utf-8")
