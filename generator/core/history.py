"""Core: the public history of the content — "last changed" per file and every procedure's change notes.

Built once per build from ONE ``git log`` pass (:mod:`generator.core.gitlog`) plus one
``git cat-file`` process that reads the ``change_note`` of each version of each procedure file.

A change enters the history when a procedure file is added or removed, or when a commit gives it a
new ``change_note`` (an edit that keeps the old note moves "last changed" but adds no line: the
note is what the editor tells citizens). Dates are taken in Vietnam time (UTC+7).

Fallbacks, never a wrong date: without git history every date is omitted; in a shallow clone the
commits at the cut edge look as if they added every file, so nothing is dated from them — the files
only they touched have no date, and :attr:`History.notice` says so (the build prints it).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal

import yaml

from generator.core.gitlog import Commit, FileChange, GitLog, GitState, read_blobs, read_log

SITE_TIMEZONE = dt.timezone(dt.timedelta(hours=7), "ICT")
"""Vietnam time (no daylight saving): the calendar day of a change is taken here."""

FOLDERS = ("procedures", "content")
PROCEDURES = "procedures/"

ChangeKind = Literal["added", "changed", "removed"]


@dataclass(frozen=True)
class Change:
    """One public change to one procedure file.

    Attributes:
        path: the file (relative to the repository root) as it is now, or as it was when removed.
        commit: the commit id. when: committer time, in Vietnam time.
        kind: added | changed (a new change note) | removed.
        note: the change note of the new version (of the last version, for a removal), or None.
        name, slug: the procedure's name and address slug as that version says (for removed files,
            whose page no longer exists).
    """

    path: str
    commit: str
    when: dt.datetime
    kind: ChangeKind
    note: str | None
    name: str | None
    slug: str

    @property
    def day(self) -> dt.date:
        """The calendar day of the change (Vietnam time)."""
        return self.when.date()


@dataclass(frozen=True)
class History:
    """What the build knows about the history of the content.

    Attributes:
        state: full | shallow | none (see :data:`generator.core.gitlog.GitState`).
        last_changed: day of the last commit per content file; files with no trustworthy date are absent.
        changes: the public changes of procedure files, newest first.
        undated: files whose date the history cannot tell (touched only by a shallow clone's cut edge).
    """

    state: GitState
    last_changed: Mapping[str, dt.date] = field(default_factory=lambda: MappingProxyType({}))
    changes: tuple[Change, ...] = ()
    undated: frozenset[str] = frozenset()

    def of(self, path: str) -> tuple[Change, ...]:
        """The changes of one file, newest first."""
        return tuple(change for change in self.changes if change.path == path)

    @property
    def notice(self) -> str | None:
        """A warning for the build log when dates are missing, with how to fix it; None when complete."""
        if self.state == "none":
            return (
                "Không có lịch sử git: trang không ghi «Cập nhật lần cuối» và lịch sử thay đổi trống. "
                "Hãy xây dựng từ một bản sao git đầy đủ (git clone, không --depth)."
            )
        if self.state == "shallow":
            return (
                f"Bản sao git bị cắt ngắn (shallow): {len(self.undated)} tệp không rõ ngày thay đổi, "
                "không ghi ngày cho các tệp đó. Hãy lấy đủ lịch sử: «git fetch --unshallow», "
                "GitHub Actions «fetch-depth: 0», GitLab «GIT_DEPTH: 0»."
            )
        return None


def read_history(root: Path, folders: tuple[str, ...] = FOLDERS) -> History:
    """Read the history of ``folders`` under ``root`` (one git log, one cat-file process)."""
    log = read_log(root, folders)
    if log.state == "none":
        return History("none")
    dates, undated = dates_of(log)
    versions = list(_procedure_versions(log))
    texts = dict(read_blobs(root, _blobs_needed(versions)))
    changes = tuple(_public_changes(versions, texts))
    return History(log.state, MappingProxyType(dates), changes, frozenset(undated))


def dates_of(log: GitLog) -> tuple[dict[str, dt.date], set[str]]:
    """File → day of its newest commit, and the files whose newest commit is a shallow cut edge."""
    dates: dict[str, dt.date] = {}
    undated: set[str] = set()
    gone: set[str] = set()  # deleted or renamed away by a newer commit: older dates are not today's file
    for commit in log.commits:
        for change in commit.changes:
            if change.status == "R" and change.old_path != change.path and change.old_path not in dates:
                gone.add(change.old_path)
            if change.status == "D":
                gone.add(change.path)
            if change.path in gone or change.path in dates or change.path in undated:
                continue
            if commit.boundary:
                undated.add(change.path)
            else:
                dates[change.path] = commit.when.astimezone(SITE_TIMEZONE).date()
    return dates, undated


@dataclass(frozen=True)
class _Version:
    """One file change of a procedure file, with the path it has today (renames followed)."""

    current: str
    commit: Commit
    change: FileChange


def _procedure_versions(log: GitLog) -> Iterator[_Version]:
    """Every change of a procedure file, newest first, named by the path the file has now."""
    alias: dict[str, str] = {}  # a path as it was at this point of history → the path it has now
    for commit in log.commits:
        for change in sorted(commit.changes, key=lambda c: c.path):
            if not change.path.startswith(PROCEDURES) or not change.path.endswith((".yaml", ".yml")):
                continue
            current = alias.get(change.path, change.path)
            if change.status == "R" and change.old_path != change.path:
                alias[change.old_path] = current
            if not commit.boundary:
                yield _Version(current, commit, change)


def _blobs_needed(versions: Iterable[_Version]) -> Iterator[str]:
    seen: set[str] = set()
    for version in versions:
        for blob in (version.change.old_blob, version.change.new_blob):
            if blob is not None and blob not in seen:
                seen.add(blob)
                yield blob


def _public_changes(versions: list[_Version], texts: Mapping[str, str]) -> Iterator[Change]:
    for version in versions:
        change = version.change
        new = top_level(texts.get(change.new_blob or ""), "change_note")
        old = top_level(texts.get(change.old_blob or ""), "change_note")
        kind: ChangeKind | None = None
        if change.status == "A":
            kind = "added"
        elif change.status == "D":
            kind, new = "removed", old
        elif new is not None and new != old:
            kind = "changed"
        if kind is None:
            continue
        text = texts.get((change.old_blob if kind == "removed" else change.new_blob) or "")
        yield Change(
            path=version.current,
            commit=version.commit.sha,
            when=version.commit.when.astimezone(SITE_TIMEZONE),
            kind=kind,
            note=new,
            name=top_level(text, "name"),
            slug=top_level(text, "slug") or Path(version.current).stem,
        )


def top_level(text: str | None, key: str) -> str | None:
    """The string value of a top-level ``key`` of a YAML text (NFC), or None; never raises.

    Only that key's lines are parsed, so old versions that no longer validate still give their note.
    """
    if not text:
        return None
    match = re.search(rf"^{re.escape(key)}[ \t]*:.*(?:\n(?:[ \t].*|[ \t]*)(?=\n|$))*", text, re.MULTILINE)
    if match is None:
        return None
    try:
        value = yaml.safe_load(match.group(0))
    except yaml.YAMLError:
        return None
    found = value.get(key) if isinstance(value, dict) else None
    if not isinstance(found, str) or not found.strip():
        return None
    return unicodedata.normalize("NFC", found.strip())
