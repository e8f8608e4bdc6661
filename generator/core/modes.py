"""File modes of everything published: world-readable whatever the umask of the build.

A site is copied to a web server that often runs as another user: a PDF written 0600 (what
``tempfile.mkstemp`` gives) answers 403 there. Published files are 0644 and folders 0755.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o644
DIR_MODE = 0o755


def publish_modes(folder: Path) -> None:
    """Set 0755 on ``folder`` and every folder below it, 0644 on every regular file (symlinks untouched)."""
    os.chmod(folder, DIR_MODE)
    for base, dirs, files in os.walk(folder):
        for name in dirs:
            path = os.path.join(base, name)
            if not os.path.islink(path):
                os.chmod(path, DIR_MODE)
        for name in files:
            path = os.path.join(base, name)
            if not os.path.islink(path):
                os.chmod(path, FILE_MODE)


def make_dirs(path: Path) -> None:
    """Create ``path`` and its missing parents as 0755 folders (``mkdir`` alone follows the umask)."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        folder.mkdir(exist_ok=True)
        os.chmod(folder, DIR_MODE)
