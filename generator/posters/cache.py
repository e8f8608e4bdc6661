"""Posters, step 3a: the content-addressed cache of rendered sheets, with its manifest.

Layout of the cache folder (default ``<root>/.cache/posters``)::

    sheets/<key>.pdf     one rendered sheet per cache key (see plan.Sheet.key)
    bundles/<key>.pdf    one combined office PDF per list of member keys
    manifest.json        key → pages, bytes, sha256 (what a cache hit needs without opening the PDF)

Writes go through a temporary file and a rename, so a crash never leaves half a PDF behind, and
worker processes can write sheets directly; files are 0644 whatever the umask (they are published
as hard links).

The cache is only trusted when this machine wrote it: a hit must match the SHA-256 the manifest
recorded for the PDF when it was written (read again whenever the file's size, mtime or inode
changed since it was last checked, e.g. after a CI cache restore), and a cache folder holding
files tracked by git (a cache committed into the content repository) is not used at all —
otherwise a pull request could publish one procedure's sheet under another's address.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

from generator.core.modes import FILE_MODE
from generator.errors import PosterError

log = logging.getLogger("mkdocs.plugins.congkhai.posters")

MANIFEST = "manifest.json"
KEEP_UNUSED_DAYS = 14
"""Cached files not used by a build for this long are deleted (other branches may still want them)."""


@dataclass(frozen=True)
class CacheEntry:
    """What the manifest remembers about one cached PDF."""

    pages: int
    bytes: int
    sha256: str = ""
    """SHA-256 of the PDF as written by this cache (an entry without one is never a hit)."""
    stat: str = ""
    """Size, mtime and inode of the file when its hash was last checked: while they are unchanged
    the file is the one hashed (no need to read it again); otherwise it is hashed again."""


def sheet_path(folder: Path, key: str) -> Path:
    """Where the sheet with ``key`` is stored in the cache ``folder``."""
    return folder / "sheets" / f"{key}.pdf"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, FILE_MODE)  # mkstemp makes 0600; the file is published (hard-linked) as is
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def file_stat(path: Path) -> str:
    """«size:mtime_ns:inode» of a file ('' when it is missing): what changes when a file is replaced."""
    try:
        st = path.stat()
    except OSError:
        return ""
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def file_sha256(path: Path) -> str | None:
    """The SHA-256 of a regular file (not a symlink), or None when there is none."""
    try:
        if path.is_symlink() or not path.is_file():
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def tracked_by_git(folder: Path) -> bool:
    """Whether any file under ``folder`` is tracked by the git repository it sits in."""
    if not folder.exists():
        return False
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "ls-files", "-z", "--", "."],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and bool(done.stdout.strip(b"\0"))


class PosterCache:
    """Rendered sheets and bundles by key, plus the manifest of their page counts."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.entries: dict[str, CacheEntry] = {}
        if tracked_by_git(folder):
            log.warning(
                "Bộ nhớ đệm %s có tệp nằm trong kho git: không dùng (hãy xoá nó khỏi kho); in lại mọi tờ.",
                folder,
            )
            self.folder = Path(tempfile.mkdtemp(prefix="congkhai-posters-"))
            # published sheets are hard links or copies: the private cache can go with this object
            weakref.finalize(self, shutil.rmtree, self.folder, True)
        else:
            self.entries = self._read_manifest()
        self.used: set[str] = set()

    def _read_manifest(self) -> dict[str, CacheEntry]:
        try:
            raw = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
            return {
                key: CacheEntry(int(v["pages"]), int(v["bytes"]), str(v["sha256"]), str(v["stat"]))
                for key, v in raw["entries"].items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    def sheet_path(self, key: str) -> Path:
        """Where the sheet with ``key`` is (or will be) stored."""
        return sheet_path(self.folder, key)

    def bundle_path(self, key: str) -> Path:
        """Where the bundle with ``key`` is (or will be) stored."""
        return self.folder / "bundles" / f"{key}.pdf"

    def _path(self, key: str) -> Path:
        return self.bundle_path(key[2:]) if key.startswith("b:") else self.sheet_path(key)

    def get(self, key: str) -> CacheEntry | None:
        """The entry for ``key`` when its PDF is present and has the recorded hash, marking it used."""
        entry = self.entries.get(key)
        if entry is None or not entry.sha256:
            return None
        path = self._path(key)
        stat = file_stat(path)
        if not stat or stat != entry.stat:
            if path.is_symlink() or file_sha256(path) != entry.sha256:
                return None
            entry = self.entries[key] = dataclasses.replace(entry, stat=stat)
        self.used.add(key)
        return entry

    def record(self, key: str, pages: int, size: int) -> None:
        """Remember a PDF that was just written (by this process or a worker), with its hash."""
        path = self._path(key)
        self.entries[key] = CacheEntry(pages, size, file_sha256(path) or "", file_stat(path))
        self.used.add(key)

    def save(self) -> None:
        """Write the manifest, touch what this build used, delete what no build used for long."""
        cutoff = time.time() - KEEP_UNUSED_DAYS * 86400
        now = time.time()
        for key in list(self.entries):
            path = self._path(key)
            if key in self.used and path.exists():
                os.utime(path, (now, now))
                self.entries[key] = dataclasses.replace(self.entries[key], stat=file_stat(path))
            elif key not in self.used and (not path.exists() or path.stat().st_mtime < cutoff):
                path.unlink(missing_ok=True)
                del self.entries[key]
        data = {"entries": {k: vars(v) for k, v in sorted(self.entries.items())}}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / MANIFEST).write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
        except OSError as exc:
            raise PosterError(f"không ghi được bộ nhớ đệm {self.folder}: {exc.strerror}") from exc
