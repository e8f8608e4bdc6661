"""Stage 3 (site): "last changed" dates of content files, from ONE pass over the git history."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Mapping
from pathlib import Path

_RECORD = "\x1e"


def last_changed(root: Path, folders: tuple[str, ...] = ("procedures", "content")) -> Mapping[str, dt.date]:
    """Map each file under ``folders`` (path relative to ``root``) to the date of its last commit.

    Runs ``git log`` once, newest commit first, and keeps the first date seen per file. Outside a
    git work tree, or without git, returns an empty mapping: pages then omit the date.
    """
    command = [
        "git",
        "-C",
        str(root),
        "log",
        "--relative",
        "--no-renames",
        "--name-only",
        f"--format={_RECORD}%cs",
        "--",
        *folders,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return {}
    if done.returncode != 0:
        return {}
    return parse_log(done.stdout)


def parse_log(text: str) -> dict[str, dt.date]:
    """Parse ``git log --name-only --format=<RS>%cs`` output into file → newest date."""
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in text.split("\n"):  # not splitlines(): it treats the \x1e marker as a line break
        if line.startswith(_RECORD):
            current = dt.date.fromisoformat(line[1:].strip())
        elif line and current is not None:
            dates.setdefault(line, current)
    return dates
