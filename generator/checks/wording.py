"""Cross-record rules, public wording: text a citizen reads holds no editor's working notes.

Every text value of a procedure is printed somewhere (page, poster, search) except the internal
ones listed in ``INTERNAL``; those may say anything. A public text that names a YAML key
(«replaced_by», ``effective_to``) or reads like a note to oneself («cần đối chiếu», «TODO») is a
warning: the note belongs in ``status.internal_note`` (or ``source.note``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from generator.catalogue import Catalogue
from generator.issues import Issue, Severity
from generator.load import PathKey
from generator.model import Procedure
from generator.model.office import Office
from generator.model.procedure import Decision, Source, Status

WARN = Severity.WARNING
INTERNAL = frozenset({"internal_note"})
"""Text fields never printed for citizens."""
SKIPPED: tuple[type[BaseModel], ...] = (Source,)
"""Records that are not public text (the source block is for editors)."""
EDITORISMS = (
    "cần đối chiếu",
    "cần kiểm tra lại",
    "chưa kiểm tra",
    "chưa đối chiếu",
    "mức minh họa",
    "biên tập viên",
    "todo",
    "fixme",
)
"""Phrases of a note to oneself, matched case-insensitively (never legal wording such as
«trường hợp cần xác minh», which a procedure's own text uses)."""


def _record_keys() -> frozenset[str]:
    """Every key of the content models that cannot be an ordinary Vietnamese word (has «_»)."""
    keys: set[str] = set()
    for model in (Procedure, Status, Decision, Source, Office):
        stack: list[type[BaseModel]] = [model]
        while stack:
            record = stack.pop()
            for name, field in record.model_fields.items():
                keys.add(name)
                for arg in getattr(field.annotation, "__args__", (field.annotation,)):
                    inner = getattr(arg, "__args__", (arg,))
                    stack.extend(t for t in inner if isinstance(t, type) and issubclass(t, BaseModel))
    return frozenset(key for key in keys if "_" in key)


KEY_PATTERN = re.compile(
    r"(?<![\w])(" + "|".join(sorted(_record_keys(), key=len, reverse=True)) + r")(?![\w])"
)
EDITORISM_PATTERN = re.compile("|".join(re.escape(p) for p in EDITORISMS), re.IGNORECASE)
EDITORISM_FOLDED = re.compile("|".join(re.escape(p.casefold()) for p in EDITORISMS))
"""The same phrases against casefolded text: a fast first look (case-insensitive search is 3× slower)."""


def public_texts(record: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every public text value of ``record`` with its key path (internal fields and records skipped)."""
    found: list[tuple[PathKey, str]] = []
    _collect(record, path, found)
    return iter(found)


def _collect(record: BaseModel, path: PathKey, found: list[tuple[PathKey, str]]) -> None:
    """Append the texts of one record in field order (a plain recursion: this walk runs over every
    value of every procedure, and nested generators made it the slowest rule of the check)."""
    for name in type(record).model_fields:
        if name in INTERNAL:
            continue
        value = getattr(record, name)
        if isinstance(value, str):
            found.append(((*path, name), value))
        elif isinstance(value, BaseModel | tuple):
            _collect_value(value, (*path, name), found)


def _collect_value(value: object, path: PathKey, found: list[tuple[PathKey, str]]) -> None:
    if isinstance(value, str):
        found.append((path, value))
    elif isinstance(value, SKIPPED):
        return
    elif isinstance(value, BaseModel):
        _collect(value, path, found)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            _collect_value(item, (*path, i), found)


def wording_problem(text: str) -> str | None:
    """Why ``text`` reads like an editor's note (in Vietnamese), or None when it reads as public text."""
    key = KEY_PATTERN.search(text) if "_" in text else None  # every key in the pattern has «_»
    if key:
        return f"nhắc tới khóa YAML «{key.group(1)}»"
    phrase = EDITORISM_PATTERN.search(text) if EDITORISM_FOLDED.search(text.casefold()) else None
    if phrase:
        return f"có câu ghi chú nội bộ «{phrase.group(0)}»"
    return None


def check_public_text(cat: Catalogue) -> Iterator[Issue]:
    """Public text (page, poster, search) carries no YAML key names and no editor's notes."""
    for entry in cat.procedures:
        for path, text in public_texts(entry.model):
            problem = wording_problem(text)
            if problem:
                yield entry.issue(
                    "internal-note-public",
                    path,
                    f"Văn bản này được in cho người dân nhưng {problem}. Chuyển phần ghi chú "
                    "cho biên tập viên sang «status.internal_note» (không bao giờ được in), "
                    "chỉ giữ lời dành cho người dân.",
                    severity=WARN,
                )


def check_publication(cat: Catalogue) -> Iterator[Issue]:
    """An active procedure names the decision that published it (the legal source of the page)."""
    for entry in cat.procedures:
        if entry.model.published_by is None and cat.state(entry) == "active":
            yield entry.issue(
                "publication-missing",
                (),
                "Thủ tục đang áp dụng nhưng chưa ghi quyết định công bố («published_by»: số, ngày, "
                "cơ quan ban hành, đường dẫn). Trang và bảng niêm yết cần nêu văn bản pháp lý, "
                "không chỉ tệp dữ liệu.",
                severity=WARN,
                dated=True,  # «active» depends on the build date
            )
