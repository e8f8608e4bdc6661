"""Stage 3 (site): public history — a procedure page's short history and the «Thay đổi gần đây» page.

Both are collected from :attr:`BuildContext.history` (one git pass per build) through the facts in
:mod:`generator.facts.history`; the Atom feed (:mod:`generator.site.feed`) lists the same changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.core.build_context import BuildContext
from generator.core.history import Change
from generator.core.pages import Body, GeneratedPage
from generator.facts.history import (
    HISTORY_ON_PAGE,
    NO_HISTORY,
    RECENT_DAYS,
    ChangeFacts,
    change_facts,
    recent,
)
from generator.facts.offices import FeedbackFacts
from generator.facts.procedure import site_feedback

CHANGES_TITLE = "Thay đổi gần đây"


@dataclass(frozen=True)
class ChangeItem:
    """One line of the changes page: the change, and a link to the procedure page (None once removed)."""

    facts: ChangeFacts
    href: str | None


@dataclass(frozen=True)
class ChangeDay:
    """The changes of one calendar day (Vietnam time), the day as «07/09/2026» and ISO."""

    day: str
    date: str
    items: tuple[ChangeItem, ...]


@dataclass(frozen=True)
class ChangesPage:
    """The «Thay đổi gần đây» page.

    Attributes:
        title: heading. intro: what is listed and where it comes from.
        notice: said when the git history is missing or cut short, else None.
        days: the changes, newest day first. feed: link to the Atom feed. data: link to changes.json.
        open_data: link to the open-data page. home: link to the home page. feedback: feedback block.
    """

    title: str
    intro: str
    notice: str | None
    days: tuple[ChangeDay, ...]
    feed: str
    data: str
    open_data: str
    home: str
    feedback: FeedbackFacts


def entries_by_path(catalogue: Catalogue) -> dict[str, ProcedureEntry]:
    """The procedures of the catalogue by their file path (as git names it)."""
    return {entry.file.display: entry for entry in catalogue.procedures}


def described(
    change: Change, entries: dict[str, ProcedureEntry]
) -> tuple[ChangeFacts, ProcedureEntry | None]:
    """The facts of a change, named as the catalogue names the procedure today (if it still exists)."""
    entry = entries.get(change.path) if change.kind != "removed" else None
    return change_facts(change, name=entry.model.name if entry else None), entry


def procedure_history(entry: ProcedureEntry, ctx: BuildContext) -> tuple[ChangeFacts, ...]:
    """The newest changes of one procedure, for its page (at most :data:`HISTORY_ON_PAGE`)."""
    changes = ctx.history.of(entry.file.display)[:HISTORY_ON_PAGE]
    return tuple(change_facts(change, name=entry.model.name) for change in changes)


def changes_page(catalogue: Catalogue, ctx: BuildContext) -> ChangesPage:
    """Collect the changes page: the recent changes grouped by day, newest first."""
    here, entries = urls.CHANGES, entries_by_path(catalogue)
    days: dict[str, list[ChangeItem]] = {}
    for change in recent(ctx.history, ctx.as_of):
        facts, entry = described(change, entries)
        href = None
        if entry is not None:
            href = urls.relative(here, urls.procedure_path(entry.slug)) + f"#{facts.anchor}"
        days.setdefault(facts.date, []).append(ChangeItem(facts, href))
    grouped = tuple(ChangeDay(items[0].facts.day, date, tuple(items)) for date, items in days.items())
    return ChangesPage(
        title=CHANGES_TITLE,
        intro=(
            f"Các thủ tục được đăng tải, thay đổi hoặc gỡ bỏ trong {RECENT_DAYS} ngày gần nhất, "
            "theo lịch sử chỉnh sửa của trang và ghi chú thay đổi của người biên tập."
        ),
        notice=NO_HISTORY.get(ctx.history.state),
        days=grouped,
        feed=urls.relative(here, urls.CHANGES_FEED),
        data=urls.relative(here, urls.data_file("changes.json")),
        open_data=urls.relative(here, urls.OPEN_DATA),
        home=urls.relative(here, urls.HOME),
        feedback=site_feedback(catalogue),
    )


def iter_changes_pages(catalogue: Catalogue, ctx: BuildContext) -> Iterator[GeneratedPage]:
    """The «Thay đổi gần đây» page (the feed and the data files are written after the build)."""

    def render() -> Body:
        page = changes_page(catalogue, ctx)
        return Body(ctx.env.get_template("pages/changes.html").render(page=page))

    yield GeneratedPage(
        path=urls.CHANGES,
        title=CHANGES_TITLE,
        render=render,
        description="Các thủ tục hành chính mới đăng tải, thay đổi hoặc gỡ bỏ gần đây.",
        nav_title=CHANGES_TITLE,
        kind="changes",
    )
