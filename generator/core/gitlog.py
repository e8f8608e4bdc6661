"""Core: ONE ``git log`` pass over the content folders, and a reader for old file versions.

The log follows the first parent (a merged pull request counts from the day it was merged), with
renames, and says which commits are the cut edge of a shallow clone: their "changes" are the whole
tree, not real edits, so :mod:`generator.core.history` never takes a date from them.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

_RECORD = "\x1e"
_NO_BLOB = "0" * 40
TIMEOUT = 300

GitState = Literal["full", "shallow", "none"]
"""A full history, a shallow clone (old commits missing), or no git history at all."""


@dataclass(frozen=True)
class FileChange:
    """One file changed by one commit (relative to its first parent).

    Attributes:
        status: A (added), M (modified), D (deleted), R (renamed, maybe modified too).
        path: the file's path after the commit (before it, for a deletion).
        old_path: the path before a rename, else the same as ``path``.
        old_blob, new_blob: the file's content ids before and after (None when absent).
    """

    status: str
    path: str
    old_path: str
    old_blob: str | None
    new_blob: str | None


@dataclass(frozen=True)
class Commit:
    """One commit of the first-parent history: id, committer time, and the content files it changed.

    ``boundary`` is True for the cut edge of a shallow clone (its parent is missing).
    """

    sha: str
    when: dt.datetime
    boundary: bool
    changes: tuple[FileChange, ...]


@dataclass(frozen=True)
class GitLog:
    """The history of the content folders, newest commit first, and what kind of checkout it came from."""

    state: GitState
    commits: tuple[Commit, ...]


def read_log(root: Path, folders: tuple[str, ...]) -> GitLog:
    """Run ``git log`` once over ``folders`` of the repository at ``root``.

    Outside a git work tree, without git, or when git fails, the state is ``none`` and the log is
    empty (pages then show no dates).
    """
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return GitLog("none", ())
    boundary = frozenset(_shallow_commits(root)) if shallow.strip() == "true" else frozenset()
    fmt = f"--format={_RECORD}%H %cI"
    text = _git(
        root, "log", "-z", "--first-parent", "--relative", "-M", "--raw", "--no-abbrev", fmt, "--", *folders
    )
    if text is None:
        return GitLog("none", ())
    commits = tuple(parse_log(text, boundary))
    return GitLog("shallow" if boundary else "full", commits)


def _git(root: Path, *args: str) -> str | None:
    command = ["git", "-C", str(root), "-c", "core.quotePath=false", *args]
    try:
        done = subprocess.run(command, capture_output=True, check=False, timeout=TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", errors="replace")


def _shallow_commits(root: Path) -> list[str]:
    """The commits listed in ``.git/shallow``: the cut edge of a shallow clone."""
    where = _git(root, "rev-parse", "--path-format=absolute", "--git-path", "shallow")
    if where is None:
        return []
    try:
        return Path(where.strip()).read_text(encoding="ascii").split()
    except OSError:
        return []


def parse_log(text: str, boundary: frozenset[str] = frozenset()) -> Iterator[Commit]:
    """Parse ``git log -z --raw --format=<RS>%H %cI`` output into commits, newest first."""
    for record in text.split(_RECORD):
        if not record.strip("\0\n"):
            continue
        header, _, rest = record.partition("\0")
        sha, _, when = header.strip().partition(" ")
        changes = tuple(_changes(rest.lstrip("\n").split("\0")))
        yield Commit(sha, dt.datetime.fromisoformat(when.strip()), sha in boundary, changes)


def _changes(fields: list[str]) -> Iterator[FileChange]:
    """File changes from the NUL-separated raw fields ``:meta STATUS``, path[, new path]."""
    items = iter(fields)
    for meta in items:
        if not meta.startswith(":"):
            continue
        parts = meta[1:].split()
        old, new, status = _blob(parts[2]), _blob(parts[3]), parts[4][0]
        first = next(items, "")
        second = next(items, "") if status in "RC" else first
        yield FileChange(status, second, first, old, new)


def _blob(sha: str) -> str | None:
    return None if sha == _NO_BLOB else sha


def read_blobs(root: Path, blobs: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Yield (blob id, text) for each blob, through one ``git cat-file --batch`` process.

    Blobs git cannot find are skipped. Ids are written and answers read one at a time, so the
    memory used stays that of one file.
    """
    command = ["git", "-C", str(root), "cat-file", "--batch"]
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    except OSError:
        return
    assert process.stdin is not None and process.stdout is not None
    try:
        for blob in blobs:
            process.stdin.write(f"{blob}\n".encode("ascii"))
            process.stdin.flush()
            header = process.stdout.readline().decode("ascii", errors="replace").split()
            if len(header) != 3 or header[1] != "blob":
                continue
            data = process.stdout.read(int(header[2]) + 1)[:-1]
            yield blob, data.decode("utf-8", errors="replace")
    finally:
        process.stdin.close()
        process.stdout.close()
        process.wait(timeout=TIMEOUT)
