"""Facts layer: published multi-line text split into paragraphs and bullet lists (steps, notes)."""

from __future__ import annotations

BULLETS = ("- ", "+ ", "• ", "* ", "– ")
"""Line starts that mark a list item in published texts (the national portal uses - and +)."""

Blocks = tuple[tuple[str, tuple[str, ...]], ...]
"""``(kind, lines)`` pairs: kind ``"p"`` (one paragraph per line) or ``"ul"`` (list items)."""


def text_blocks(text: str | None) -> Blocks:
    """Split multi-line content text into paragraphs and bullet lists (markers removed).

    Text stays text: the templates escape it.
    """
    blocks: list[tuple[str, list[str]]] = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        bullet = line.startswith(BULLETS)
        kind = "ul" if bullet else "p"
        line = line[2:].strip() if bullet else line
        if blocks and blocks[-1][0] == kind == "ul":
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    return tuple((kind, tuple(lines)) for kind, lines in blocks)
