"""Life events, step 1: the shipped taxonomy (core/events/events.yaml), validated with located errors.

The file belongs to Công Khai, not to a publisher, but it is read exactly like content: positions
from the YAML loader, a strict model, and cross-checks (unique ids, phrases that fold to words).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from generator.core.fold import fold_tokens
from generator.issues import Issue
from generator.load import LoadedFile, load_yaml
from generator.model.procedure import describe
from generator.model.types import Record, Slug, Text
from generator.validate import validate_model

EVENTS_FILE = Path(__file__).with_name("events.yaml")
"""The shipped taxonomy."""

PACKAGE_ROOT = Path(__file__).resolve().parents[3]
"""Paths of shipped files are shown relative to the project (``generator/core/events/events.yaml``)."""


class EventRule(Record):
    """Which procedures belong to an event: a rule over the name and the lĩnh vực."""

    name: tuple[Text, ...] = describe(
        "Cụm trong tên", "Thủ tục khớp khi tên có một trong các cụm này (bỏ trống: mọi tên).", ()
    )
    fields: tuple[Slug, ...] = describe("Lĩnh vực", "Chỉ các lĩnh vực này (bỏ trống: mọi lĩnh vực).", ())
    not_: tuple[Text, ...] = describe(
        "Trừ khi tên có", "Thủ tục không khớp khi tên có một trong các cụm này.", (), alias="not"
    )


class Event(Record):
    """One life event."""

    id: Slug = describe("Mã sự kiện", "Mã cố định, dùng trong «events:» của thủ tục và trong đường dẫn.")
    title: Text = describe("Tên", "Câu hiện sau «Tôi cần làm gì khi…», ví dụ «gia đình có em bé mới sinh».")
    groups: tuple[Slug, ...] = describe(
        "Nhóm từ", "Các nhóm trong từ điển tìm kiếm có nghĩa là sự kiện này.", ()
    )
    triggers: tuple[Text, ...] = describe("Cách nói", "Cách người dân nói về sự kiện, ví dụ «mới sinh».", ())
    rules: tuple[EventRule, ...] = describe("Quy tắc", "Theo thứ tự ưu tiên.", min_length=1)


class EventFile(Record):
    """generator/core/events/events.yaml."""

    events: tuple[Event, ...] = describe("Các sự kiện", "Các sự kiện trong đời.", min_length=1)


def read_events(path: Path = EVENTS_FILE) -> tuple[EventFile | None, list[Issue]]:
    """Load and check the taxonomy at ``path``; None with the issues when it is unusable."""
    loaded, issues = load_yaml(path, _display(path))
    if loaded is None:
        return None, issues
    events, found = validate_model(loaded, EventFile)
    issues.extend(found)
    if events is None:
        return None, issues
    issues.extend(check_events(events, loaded))
    return events, issues


@lru_cache(maxsize=1)
def shipped_events() -> EventFile:
    """The shipped taxonomy (a broken shipped file is a bug: tests keep it clean)."""
    events, issues = read_events()
    if events is None:
        raise RuntimeError("\n".join(issue.format() for issue in issues))
    return events


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(PACKAGE_ROOT).as_posix()
    except ValueError:
        return path.name


def check_events(events: EventFile, loaded: LoadedFile) -> Iterator[Issue]:
    """Yield located errors: an id used twice, a phrase with no letter or digit."""
    seen: set[str] = set()
    for e, event in enumerate(events.events):
        if event.id in seen:
            line, column = loaded.locate(("events", e, "id"))
            yield Issue(
                loaded.display,
                line,
                column,
                "event-duplicate",
                f"events[{e}].id",
                f"Mã sự kiện «{event.id}» đã dùng ở trên; mỗi sự kiện cần một mã riêng.",
            )
        seen.add(event.id)
        for t, trigger in enumerate(event.triggers):
            if not fold_tokens(trigger):
                line, column = loaded.locate(("events", e, "triggers", t))
                yield Issue(
                    loaded.display,
                    line,
                    column,
                    "event-phrase-empty",
                    f"events[{e}].triggers[{t}]",
                    f"Cách nói «{trigger}» không có chữ hay số nào; hãy xoá hoặc sửa lại.",
                )
