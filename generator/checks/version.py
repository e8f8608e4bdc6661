"""Cross-record rule: the content format the repository states is the one this package reads.

``schema_version`` in content/site.yaml names the content format (CHANGELOG.md). A publisher who
upgrades the package across a format change gets one located error that says what to run, never a
pile of unknown-key errors without a reason; content newer than the package says to upgrade.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator import __version__
from generator.catalogue import Catalogue
from generator.issues import Issue

SCHEMA_VERSION = 1
"""The content format this version of the package reads and writes (CHANGELOG.md says what each changed)."""


def check_schema_version(cat: Catalogue) -> Iterator[Issue]:
    """Content written for another format: migrate it (older) or upgrade the package (newer)."""
    stated = cat.site.model.schema_version
    if stated == SCHEMA_VERSION:
        return
    if stated < SCHEMA_VERSION:
        message = (
            f"Nội dung viết theo định dạng {stated}, congkhai {__version__} dùng định dạng {SCHEMA_VERSION}: "
            "chạy «congkhai migrate» để chuyển nội dung (xem CHANGELOG), rồi kiểm tra lại."
        )
    else:
        message = (
            f"Nội dung viết theo định dạng {stated}, mới hơn định dạng {SCHEMA_VERSION} mà congkhai "
            f"{__version__} hiểu: nâng phiên bản congkhai trong requirements.txt (docs/publishers.md)."
        )
    yield cat.site.issue("schema-version", ("schema_version",), message)
