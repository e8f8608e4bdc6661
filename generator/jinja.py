"""The one Jinja environment factory: strict undefined, autoescape on, the shared filters.

Page fragments (generator/site) and posters (generator/posters) both render through it, adding
only their own filters, so a missing field fails the build and content text never becomes markup.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.dates import format_date


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
