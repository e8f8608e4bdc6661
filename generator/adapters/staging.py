"""Stage 3 (site): build into a sibling directory and swap it in only when the whole build succeeded."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class Staging:
    """A staged build of ``target``: ``begin()`` → build into the stage → ``publish()`` or ``discard()``.

    Under ``strict``, a build that logged any MkDocs warning is discarded too (MkDocs itself only
    aborts after the post-build hooks, which is too late to keep the old site).
    """

    def __init__(self, target: Path, *, strict: bool) -> None:
        self.target = target.resolve()
        self.stage = self.target.with_name(self.target.name + ".partial")
        self.strict = strict
        self._counter = _WarningCounter()

    def begin(self) -> Path:
        """Create an empty stage directory and start counting warnings; return the stage path."""
        shutil.rmtree(self.stage, ignore_errors=True)
        self.stage.mkdir(parents=True)
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
        old = self.target.with_name(self.target.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.target.exists():
            self.target.rename(old)
        self.stage.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Remove the stage; the published ``target`` is untouched."""
        logging.getLogger("mkdocs").removeHandler(self._counter)
        shutil.rmtree(self.stage, ignore_errors=True)
