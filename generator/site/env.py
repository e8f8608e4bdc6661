"""Stage 3 (site): the one Jinja environment for page fragments — strict, autoescaped."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from generator import jinja

THEME_DIR = Path(__file__).resolve().parents[2] / "site_theme"
"""The Material ``custom_dir``; our own page fragments live in its ``fragments/`` folder."""

FRAGMENTS_DIR = THEME_DIR / "fragments"


def make_environment(fragments: Path = FRAGMENTS_DIR) -> Environment:
    """The environment every page fragment is rendered with (see :mod:`generator.jinja`)."""
    return jinja.make_environment(fragments)
