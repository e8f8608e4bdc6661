"""Posters, step 2a: the poster theme (Typst templates and fonts) and its fingerprint.

The theme lives in ``site_theme/posters/``. Its fingerprint (a hash of every file in it, the
render options and the Typst version) is part of every sheet's version id and cache key, so
editing a template or a font re-renders the sheets, and nothing else does.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.core.jinja import THEME_DIR as SITE_THEME

THEME_DIR = SITE_THEME / "posters"
"""The poster theme shipped with the project."""

FONTS = "fonts"
"""The theme's font folder: the only fonts the compiler sees."""
RENDER_OPTIONS = (
    "typst:pdf,no-tags,no-system-fonts,no-embedded-fonts,timestamp=updated;qr:error=m,border=4;data:v2"
)
"""Everything about rendering that is not in a theme file; change it and every sheet re-renders.

No PDF/UA (``pdf_standards=["ua-1"]``): tagged sheets are slower to combine into an
office's ``tat-ca.pdf``, the tags are lost in the combined file anyway, and the accessible version
of every sheet is its web page (the QR code's target)."""


@dataclass(frozen=True)
class Theme:
    """A poster theme folder and its fingerprint."""

    folder: Path
    fingerprint: str


def engine_version() -> str:
    """The version of the Typst binding (it pins the Typst compiler it embeds)."""
    from importlib.metadata import version

    return f"typst-py {version('typst')}"


def fingerprint(folder: Path) -> str:
    """Hash every file of the theme (names and bytes), the render options and the engine version."""
    digest = hashlib.sha256()
    digest.update(f"{RENDER_OPTIONS};{engine_version()}".encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(b"\0" + path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def load_theme(folder: Path = THEME_DIR) -> Theme:
    """The theme in ``folder`` with its fingerprint (computed once per process)."""
    return Theme(folder, fingerprint(folder))
