"""The WeasyPrint poster theme as it was before the switch to Typst (kept only for bench/poster_engines.py).

The theme lives in ``site_theme/posters/``. Its fingerprint (a hash of every file in it, the
render options and the WeasyPrint version) is part of every sheet's version id and cache key,
so editing a template or the CSS re-renders the sheets, and nothing else does.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from generator.core import jinja

THEME_DIR = Path(__file__).resolve().parent
"""The poster theme shipped with the project."""

STYLESHEET = "poster.css"
RENDER_OPTIONS = "weasyprint:optimize_images=1,dpi=300;qr:error=m,border=4"
"""Everything about rendering that is not in a theme file; change it and every sheet re-renders.

No ``pdf_variant="pdf/ua-1"``: tagged sheets made pypdf 16× slower at combining an office's
``tat-ca.pdf`` (6.6 s vs 0.4 s for 171 pages), the tags are lost in the combined file anyway, and
the accessible version of every sheet is its web page (the QR code's target)."""

_NUMBER_UNIT = re.compile(r"(\d)[ \t]+(?=\S)")
_CSS_UNSAFE = re.compile(r'[\\"\n\r\f<>&\']')


@dataclass(frozen=True)
class Theme:
    """A poster theme folder and its fingerprint."""

    folder: Path
    fingerprint: str


def _weasyprint_version() -> str:
    from importlib.metadata import version

    return version("weasyprint")


def fingerprint(folder: Path) -> str:
    """Hash every file of the theme (names and bytes), the render options and the engine version."""
    digest = hashlib.sha256()
    digest.update(f"{RENDER_OPTIONS};weasyprint={_weasyprint_version()}".encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(b"\0" + path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def load_theme(folder: Path = THEME_DIR) -> Theme:
    """The theme in ``folder`` with its fingerprint (computed once per process)."""
    return Theme(folder, fingerprint(folder))


def css_string(value: str) -> Markup:
    """Escape text for a CSS string inside <style> (``content: "…"`` in page margin boxes).

    HTML escaping does not apply inside <style>, so quotes, backslashes, line breaks and
    ``<>&'`` become CSS hex escapes and the result is marked safe.
    """
    return Markup(_CSS_UNSAFE.sub(lambda m: "\\" + format(ord(m.group()), "x") + " ", str(value)))


def keep_together(value: str) -> str:
    """Bind numbers to what follows with no-break spaces: «15 ngày», «0225 3880 123»."""
    return _NUMBER_UNIT.sub("\\1\u00a0", value)


def poster_environment(folder: Path) -> Environment:
    """The poster environment (see :mod:`generator.core.jinja`) with the poster filters."""
    return jinja.make_environment(
        folder, filters={"css_string": css_string, "keep": keep_together}, keep_trailing_newline=True
    )
