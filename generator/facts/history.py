"""Facts layer: one public change (from git and the change notes) as every output says it.

The procedure page's history, the «Thay đổi gần đây» page, the Atom feed and ``data/changes.json``
all take these words and dates from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.core.history import SITE_TIMEZONE, Change, History
from generator.model.dates import format_date

KIND_LABELS: dict[str, str] = {
    "added": "Đăng tải mới",
    "changed": "Thay đổi",
    "removed": "Gỡ khỏi danh mục",
}
"""What kind of change it was, in words."""

KIND_TEXT: dict[str, str] = {
    "added": "Thủ tục được đăng tải trên trang.",
    "changed": "Nội dung thủ tục được cập nhật.",
    "removed": "Thủ tục được gỡ khỏi danh mục công khai.",
}
"""The sentence shown when the change has no change note of its own."""

HISTORY_ON_PAGE = 10
"""How many changes a procedure page lists (newest first); the changes file has them all."""

RECENT_DAYS = 90
RECENT_AT_LEAST = 20
"""The «Thay đổi gần đây» page: the last 90 days before the build date, and at least the 20 newest."""

NO_HISTORY = {
    "none": "Bản dựng này không có lịch sử git nên không có danh sách thay đổi.",
    "shallow": "Bản dựng này chỉ có một phần lịch sử git; các thay đổi cũ hơn không được liệt kê.",
}
"""Said on the changes page when the history is missing or cut short (see History.notice)."""


@dataclass(frozen=True)
class ChangeFacts:
    """One change in words and in machine form.

    Attributes:
        slug, path, commit: which procedure, which file, which commit.
        kind: added | changed | removed. label: the kind in words.
        day: «07/09/2026». date: ``2026-09-07``. timestamp: RFC 3339 with the offset (``…+07:00``).
        note: the editor's change note, or None. text: the note, else the sentence for its kind.
        name: the procedure's name (the current one for a page that exists).
        anchor: the id of the change on the procedure page (``thay-doi-<commit>``; ``go-bo-<commit>``
            for a removal, whose page is gone), also the fragment of its Atom id.
    """

    slug: str
    path: str
    commit: str
    kind: str
    label: str
    day: str
    date: str
    timestamp: str
    note: str | None
    text: str
    name: str
    anchor: str


def change_facts(change: Change, *, name: str | None = None) -> ChangeFacts:
    """The facts of one change; ``name`` overrides the name the old version carried."""
    return ChangeFacts(
        slug=change.slug,
        path=change.path,
        commit=change.commit,
        kind=change.kind,
        label=KIND_LABELS[change.kind],
        day=format_date(change.day),
        date=change.day.isoformat(),
        timestamp=change.when.isoformat(timespec="seconds"),
        note=change.note,
        text=change.note or KIND_TEXT[change.kind],
        name=name or change.name or change.slug,
        anchor=f"{'go-bo' if change.kind == 'removed' else 'thay-doi'}-{change.commit[:12]}",
    )


def recent(history: History, as_of: dt.date) -> tuple[Change, ...]:
    """The changes the «Thay đổi gần đây» page lists (see :data:`RECENT_DAYS`)."""
    since = as_of - dt.timedelta(days=RECENT_DAYS)
    listed = [c for c in history.changes if c.day >= since]
    if len(listed) < RECENT_AT_LEAST:
        listed = list(history.changes[:RECENT_AT_LEAST])
    return tuple(listed)


def feed_updated(history: History, as_of: dt.date) -> str:
    """The Atom feed's ``updated``: the newest change, else midnight of the build date (Vietnam time)."""
    if history.changes:
        return history.changes[0].when.isoformat(timespec="seconds")
    return dt.datetime.combine(as_of, dt.time(), SITE_TIMEZONE).isoformat(timespec="seconds")
