"""Core: "last changed" dates of content files, from ONE pass over the git history.

A thin view of :func:`generator.core.history.read_history` for the stages that need only dates
(the poster command); see that module for the shallow-clone and no-git fallbacks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from generator.core.history import FOLDERS, read_history


def last_changed(root: Path, folders: tuple[str, ...] = FOLDERS) -> Mapping[str, dt.date]:
    """Map each file under ``folders`` (path relative to ``root``) to the day of its last commit.

    Outside a git work tree, or without git, the mapping is empty; in a shallow clone, files whose
    date the history cannot tell are left out (their pages and posters then print no date).
    """
    return read_history(root, folders).last_changed
