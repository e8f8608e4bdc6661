"""Stage 3 (site): build into a private sibling directory and swap it in only when the whole build succeeded.

Two builds into the same folder at once cannot corrupt each other: each holds an exclusive lock
on ``.<site>.lock`` beside the target from ``begin()`` to ``publish()``/``discard()`` (the second
fails at once with a clear message, nothing written), and each stages into its own
``.<site>.partial-XXXX`` folder. The swap is one atomic ``renameat2(RENAME_EXCHANGE)`` where Linux
offers it (a reader sees the old site or the new one, never none), else two renames. Every
published file is 0644 and every folder 0755, whatever the umask of the build.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO

from mkdocs.exceptions import PluginError

from generator.core.modes import publish_modes

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two existing paths (Linux ``renameat2``); False when the system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(a))


class Staging:
    """A staged build of ``target``: ``begin()`` → build into the stage → ``publish()`` or ``discard()``.

    Under ``strict``, a build that logged any MkDocs warning is discarded too (MkDocs itself only
    aborts after the post-build hooks, which is too late to keep the old site).
    """

    def __init__(self, target: Path, *, strict: bool) -> None:
        self.target = target.resolve()
        self.stage = self.target.with_name(f".{self.target.name}.partial")
        self.lock_path = self.target.with_name(f".{self.target.name}.lock")
        self.strict = strict
        self._counter = _WarningCounter()
        self._lock: IO[bytes] | None = None

    def begin(self) -> Path:
        """Take the lock, create a fresh private stage and start counting warnings; return the stage."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.lock_path, "ab")  # noqa: SIM115 - held until publish() or discard()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise PluginError(
                f"Một lần xây dựng khác đang ghi vào {self.target} (khoá {self.lock_path.name}): "
                "đợi nó xong rồi chạy lại; không ghi gì."
            ) from None
        self._lock = handle
        for leftover in self.target.parent.glob(f".{self.target.name}.partial-*"):
            shutil.rmtree(leftover, ignore_errors=True)  # from a build that died (we hold the lock)
        self.stage = Path(tempfile.mkdtemp(dir=self.target.parent, prefix=f".{self.target.name}.partial-"))
        logging.getLogger("mkdocs").addHandler(self._counter)
        return self.stage

    def publish(self) -> None:
        """Replace ``target`` with the stage (or discard it when strict mode saw warnings)."""
        logging.getLogger("mkdocs").removeHandler(self._counter)
        if self.strict and self._counter.count:
            self.discard()
            raise PluginError(
                f"{self._counter.count} cảnh báo ở chế độ --strict: giữ nguyên trang đã xuất bản."
            )
        try:
            publish_modes(self.stage)
            if self.target.exists() and exchange(self.stage, self.target):
                shutil.rmtree(self.stage, ignore_errors=True)  # the stage now holds the old site
            else:
                self._swap_by_renames()
        finally:
            self._unlock()

    def _swap_by_renames(self) -> None:
        old = self.target.with_name(f".{self.target.name}.old-{self.stage.name[-8:]}")
        if self.target.exists():
            self.target.rename(old)
        self.stage.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Remove the stage; the published ``target`` is untouched."""
        logging.getLogger("mkdocs").removeHandler(self._counter)
        shutil.rmtree(self.stage, ignore_errors=True)
        self._unlock()

    def _unlock(self) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None
