"""The one Jinja environment factory: strict undefined, autoescape on, the shared filters.

``make_environment`` is the factory; ``page_environment`` is the environment of the page fragments
in ``site_theme/fragments/`` that the site and search stages render (a missing field fails the
build and content text never becomes markup).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.facts.fees import NO_FEE
from generator.model.dates import format_date

_PACKAGED_THEME = Path(__file__).resolve().parents[1] / "site_theme"
THEME_DIR = (
    _PACKAGED_THEME if _PACKAGED_THEME.is_dir() else Path(__file__).resolve().parents[2] / "site_theme"
)
"""The Material ``custom_dir``; our own page fragments live in its ``fragments/`` folder.

Inside the installed wheel the theme is ``generator/site_theme/`` (pyproject's force-include); in
this repository (an editable install) it is the top-level ``site_theme/``."""

FRAGMENTS_DIR = THEME_DIR / "fragments"


def make_environment(
    folder: Path,
    *,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    keep_trailing_newline: bool = False,
) -> Environment:
    """Create a strict, autoescaping environment over the templates in ``folder``."""
    env = Environment(
        loader=FileSystemLoader(folder),
        undefined=StrictUndefined,
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=keep_trailing_newline,
    )
    env.filters["vn_date"] = format_date
    env.filters.update(filters or {})
    return env


def page_environment(fragments: Path = FRAGMENTS_DIR) -> Environment:
    """The environment every page fragment is rendered with (``no_fee`` is the one «no fee» phrase)."""
    env = make_environment(fragments)
    env.globals["no_fee"] = NO_FEE
    return env
