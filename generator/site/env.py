"""Stage 3 (site): the one Jinja environment for page fragments — strict, autoescaped."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.dates import format_date

THEME_DIR = Path(__file__).resolve().parents[2] / "site_theme"
"""The Material ``custom_dir``; our own page fragments live in its ``fragments/`` folder."""

FRAGMENTS_DIR = THEME_DIR / "fragments"


def make_environment(fragments: Path = FRAGMENTS_DIR) -> Environment:
    """Create the Jinja environment every page fragment is rendered with.

    ``StrictUndefined`` turns a missing context field into an error instead of an empty cell;
    autoescape is on for every template, so content text can never become markup.
    """
    env = Environment(
        loader=FileSystemLoader(fragments),
        undefined=StrictUndefined,
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["vn_date"] = format_date
    return env
