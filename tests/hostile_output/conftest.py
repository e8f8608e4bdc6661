"""Hostile content on the output side: a content-only change must not inject, fake, leak or corrupt.

Each module closes one class of issue 9 (items 3, 4, 6) and fails when its fix is removed. The
helpers here make a content repository from the small valid fixture, apply edits, and commit.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.conftest import FIXTURES

Edits = Mapping[str, Sequence[tuple[str, str]]]
"""File (relative to the repository) → (old text, new text) replacements, each of which must apply."""


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` as a fixed test author; return its output."""
    done = subprocess.run(
        ["git", "-c", "user.email=t@example.vn", "-c", "user.name=T", "-C", str(root), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def edit(root: Path, edits: Edits) -> None:
    """Apply ``edits`` to the files under ``root`` (fails when an old text is not there)."""
    for rel, pairs in edits.items():
        path = root / rel
        text = path.read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, (rel, old)
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")


def content_repo(target: Path, *, commit: bool = True) -> Path:
    """A git repository holding a copy of the valid fixture catalogue (committed once)."""
    shutil.copytree(FIXTURES / "valid", target)
    if commit:
        git(target, "init", "-q", "-b", "main")
        git(target, "add", "-A")
        git(target, "commit", "-qm", "base")
    return target
