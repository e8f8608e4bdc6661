"""Stage 4 (site): fingerprint our own CSS, JavaScript and font files so servers may cache them long.

Each file of :data:`FINGERPRINTED` gets a copy named with the first 10 hex digits of its content's
SHA-256 (``congkhai.css`` → ``congkhai.3f2a9c01de.css``), and every page and stylesheet that names
it is rewritten to the new name; a changed file gets a new name, so a year-long cache is safe
(docs/operators.md gives the server snippets). Fonts go first, because the stylesheet naming them
changes with them. The plain names stay beside the copies for scripts that load their neighbours
by plain name (search.js fetches engine.js on demand) and for links from outside.
"""

from __future__ import annotations

import hashlib
import re
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


def hashed_name(path: Path) -> str:
    """``name.<10 hex digits of the SHA-256 of the content>.ext``."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
    return f"{path.stem}.{digest}{path.suffix}"


def _copy_hashed(site_dir: Path, relative: str) -> str:
    source = site_dir / relative
    target = source.with_name(hashed_name(source))
    target.write_bytes(source.read_bytes())
    return relative.rsplit("/", 1)[0] + "/" + target.name


def _links(names: dict[str, str]) -> re.Pattern[str]:
    """Every plain asset path as the end of a URL (before a quote, ``)``, ``?`` or ``#``), in one pattern."""
    plain = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(f"(?:{plain})(?=[\"')?#])")


def _rewrite(path: Path, names: dict[str, str], links: re.Pattern[str] | None = None) -> None:
    """Replace each plain asset path by its fingerprinted name, in one pass over the file."""
    if not names:
        return
    text = path.read_text(encoding="utf-8")
    new = (links or _links(names)).sub(lambda match: names[match.group(0)], text)
    if new != text:
        path.write_text(new, encoding="utf-8")


def fingerprint_assets(catalogue: Catalogue, site_dir: Path, ctx: BuildContext) -> None:
    """Copy every asset of ours to its fingerprinted name and point the site at the copies."""
    fonts_dir = site_dir / FONTS
    fonts = (
        sorted(p for p in fonts_dir.glob("*.woff2") if not HASHED.search(p.name))
        if fonts_dir.is_dir()
        else []
    )
    font_names = {f"{FONTS}{p.name}": _copy_hashed(site_dir, f"{FONTS}{p.name}") for p in fonts}
    stylesheet_fonts = {
        plain.removeprefix("assets/"): hashed.removeprefix("assets/") for plain, hashed in font_names.items()
    }
    names = dict(font_names)
    for relative in FINGERPRINTED:
        path = site_dir / relative
        if not path.is_file():
            continue
        if path.suffix == ".css":
            _rewrite(path, stylesheet_fonts)  # ../fonts/… inside the stylesheet, before it is hashed
        names[relative] = _copy_hashed(site_dir, relative)
    links = _links(names)
    for page in site_dir.rglob("*.html"):
        _rewrite(page, names, links)
