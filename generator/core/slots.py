"""Slots: marked places in a rendered page that a later post-build writer fills.

The poster stage runs after the pages are written (it needs the rendered PDFs for page counts and
sizes), and the site stage must not import it. A page therefore carries an HTML comment naming what
belongs there — ``<!--ck-slot:posters:mot-cua-->`` — and the writer that knows it replaces the
comment with escaped HTML. A slot nobody fills stays an invisible comment (e.g. a build that skips
the poster writer). Keys are slugs only, so content can never forge or break a marker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from markupsafe import Markup

_PART = re.compile(r"[a-z0-9][a-z0-9-]*")
_MARKER = re.compile(r"<!--ck-slot:([a-z0-9:-]+)-->")


def slot_key(*parts: str) -> str:
    """The key of a slot from slug-like parts («posters», «mot-cua»); ValueError for anything else."""
    for part in parts:
        if not _PART.fullmatch(part):
            raise ValueError(f"slot key part {part!r} is not a slug")
    return ":".join(parts)


def slot(*parts: str) -> Markup:
    """The marker a template prints where the writer will put its HTML."""
    return Markup(f"<!--ck-slot:{slot_key(*parts)}-->")


def fill_slots(page: Path, fills: Mapping[str, str]) -> int:
    """Replace the markers in ``page`` that ``fills`` has HTML for; the number replaced.

    The HTML in ``fills`` must already be escaped by its writer. The file is rewritten only when
    something changed.
    """
    text = page.read_text(encoding="utf-8")
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        html = fills.get(match.group(1))
        if html is None:
            return match.group(0)
        count += 1
        return html

    new = _MARKER.sub(replace, text)
    if count:
        page.write_text(new, encoding="utf-8")
    return count
