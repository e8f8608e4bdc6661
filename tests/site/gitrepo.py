"""A throw-away git repository with commits at chosen times (history, feed and open-data tests)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class Repo:
    """A git work tree at ``root``; :meth:`commit` records every change with the given time."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, when: str = "2026-01-01T09:00:00+07:00") -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
            "GIT_AUTHOR_NAME": "Biên tập",
            "GIT_AUTHOR_EMAIL": "bt@example.org",
            "GIT_COMMITTER_NAME": "Biên tập",
            "GIT_COMMITTER_EMAIL": "bt@example.org",
        }
        command = ["git", "-C", str(self.root), "-c", "commit.gpgsign=false", *args]
        return subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(self, message: str, when: str) -> str:
        """Commit everything in the work tree at ``when`` (ISO 8601 with offset); return the commit id."""
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, when=when)
        return self.git("rev-parse", "HEAD").strip()

    def shallow_clone(self, target: Path, depth: int) -> Path:
        """A ``git clone --depth`` of this repository (through file://, as CI fetches)."""
        url = self.root.resolve().as_uri()
        subprocess.run(["git", "clone", "-q", f"--depth={depth}", url, str(target)], check=True)
        return target
