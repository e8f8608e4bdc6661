"""Cross-record rules, review notes: every point an import marked (``source.needs_review``) is a warning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from generator.catalogue import Catalogue
from generator.issues import Issue, Severity
from generator.load import PathKey, format_path

WARN = Severity.WARNING


def _review_note_lines(path: Path, count: int) -> list[int] | None:
    """Lines of the ``source.needs_review`` items, found by scanning the text of a block-style list.

    Every imported file carries such notes; re-parsing each file only to place its warnings cost
    more than the whole check at 2,000 procedures. None (fall back to the parser) for any other layout.
    """
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        start = lines.index("  needs_review:")
    except ValueError:
        return None
    found = []
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if line.startswith("    - "):
            found.append(number)
        elif not line.startswith("      "):
            break
    return found if len(found) == count else None


def check_review_notes(cat: Catalogue) -> Iterator[Issue]:
    """Every point an import left for review is a warning until an editor clears it."""
    for entry in cat.procedures:
        notes = entry.model.source.needs_review if entry.model.source else ()
        lines = _review_note_lines(entry.file.path, len(notes)) if notes else None
        for i, note in enumerate(notes):
            where: PathKey = ("source", "needs_review", i)
            message = (
                f"Cần xem lại «{note.field}»: {note.reason} Đối chiếu với văn bản công bố, sửa phần đó "
                "rồi xoá mục này khỏi «source.needs_review»."
            )
            if lines is None:
                yield entry.issue("needs-review", where, message, severity=WARN)
            else:
                yield Issue(
                    entry.file.display, lines[i], 7, "needs-review", format_path(where), message, WARN
                )
