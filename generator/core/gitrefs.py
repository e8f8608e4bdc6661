"""Reading content as it was at an earlier git revision (change report, poster reprint list)."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import tarfile
from collections.abc import Sequence
from pathlib import Path

from generator.errors import GeneratorError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def git(root: Path, *args: str, binary: bool = False) -> bytes:
    """Run git in ``root``; its output (stripped unless binary), or GeneratorError with git's message."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        raise GeneratorError(f"không chạy được git: {exc}") from exc
    if done.returncode != 0:
        raise GeneratorError(f"git {' '.join(args)}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout if binary else done.stdout.strip()


def resolve(root: Path, since: str) -> tuple[str | None, dt.date]:
    """The commit (None if the repository had none yet) and the date to judge the old catalogue on."""
    if _DATE.match(since):
        try:
            day = dt.date.fromisoformat(since)
        except ValueError as exc:
            raise GeneratorError(f"ngày không hợp lệ: {since}") from exc
        commit = git(root, "rev-list", "-1", f"--before={since}T23:59:59", "HEAD").decode()
        return (commit or None), day
    commit = git(root, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}").decode()
    day = dt.date.fromisoformat(git(root, "show", "-s", "--format=%cs", commit).decode())
    return commit, day


def extract(root: Path, commit: str, paths: Sequence[str], into: Path) -> bool:
    """Extract ``paths`` (relative to ``root``) as they were at ``commit`` into ``into``.

    Returns False when none of the paths existed at that commit.
    """
    prefix = git(root, "rev-parse", "--show-prefix").decode()
    present = [p for p in paths if exists(root, commit, prefix + p)]
    if not present:
        return False
    data = git(
        root, "archive", "--format=tar", f"{commit}:{prefix}" if prefix else commit, *present, binary=True
    )
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return True


def exists(root: Path, commit: str, path: str) -> bool:
    """Whether ``path`` existed at ``commit``."""
    try:
        git(root, "cat-file", "-e", f"{commit}:{path.rstrip('/')}")
    except GeneratorError:
        return False
    return True
