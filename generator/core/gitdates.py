"""Stage 3 (site): "last changed" dates of content files, from ONE pass over the git history.

In a shallow clone (CI checkouts default to depth 1) the oldest commit it holds looks as if it
added every file: a date taken from it would be wrong. Files whose newest commit is such a
boundary commit get no date (pages then omit the line), and a warning tells the operator to
clone with the full history.
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from collections.abc import Collection, Mapping
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.congkhai.gitdates")

_RECORD = "\x1e"
SHALLOW_WARNING = (
    "Kho git là bản sao nông (shallow clone): ngày «cập nhật lần cuối» của các tệp chưa đổi trong "
    "phần lịch sử đã tải sẽ bị bỏ trống. Hãy tải đủ lịch sử (actions/checkout: fetch-depth: 0; "
    "GitLab: GIT_DEPTH: 0; hoặc git fetch --unshallow)."
)


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, check=False, timeout=120
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def shallow_boundary(root: Path) -> frozenset[str]:
    """The boundary commits of a shallow clone (empty for a full clone or outside git)."""
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() != "true":
        return frozenset()
    path = (_git(root, "rev-parse", "--path-format=absolute", "--git-path", "shallow") or "").strip()
    try:
        return frozenset(Path(path).read_text(encoding="ascii").split()) if path else frozenset()
    except OSError:
        return frozenset()


def last_changed(root: Path, folders: tuple[str, ...] = ("procedures", "content")) -> Mapping[str, dt.date]:
    """Map each file under ``folders`` (path relative to ``root``) to the date of its last commit.

    Runs ``git log`` once, newest commit first, and keeps the first date seen per file. Outside a
    git work tree, or without git, returns an empty mapping: pages then omit the date. In a
    shallow clone, files last seen in a boundary commit are left out, with a warning.
    """
    command = ["log", "--relative", "--no-renames", "--name-only", f"--format={_RECORD}%H %cs", "--"]
    text = _git(root, *command, *folders)
    if text is None:
        return {}
    boundary = shallow_boundary(root)
    if boundary:
        log.warning(SHALLOW_WARNING)
    return parse_log(text, boundary=boundary)


def parse_log(text: str, *, boundary: Collection[str] = ()) -> dict[str, dt.date]:
    """Parse ``git log --name-only --format=<RS>%H %cs`` output into file → newest date.

    Files whose newest commit is in ``boundary`` get no date (the commit is a shallow boundary).
    """
    dates: dict[str, dt.date | None] = {}
    current: dt.date | None = None
    for line in text.split("\n"):  # not splitlines(): it treats the \x1e marker as a line break
        if line.startswith(_RECORD):
            commit, _, day = line[1:].strip().rpartition(" ")
            current = None if commit in boundary else dt.date.fromisoformat(day)
        elif line:
            dates.setdefault(line, current)
    return {path: day for path, day in dates.items() if day is not None}
