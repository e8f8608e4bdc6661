"""The staged build: the published site is replaced only by a complete, warning-free build."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.adapters.staging import Staging


def _published(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    return site


def test_publish_swaps_the_stage_in(tmp_path: Path) -> None:
    site = _published(tmp_path)
    staging = Staging(site, strict=True)
    (staging.begin() / "index.html").write_text("new", encoding="utf-8")
    staging.publish()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]  # the lock file stays


def test_discard_keeps_the_published_site(tmp_path: Path) -> None:
    site = _published(tmp_path)
    staging = Staging(site, strict=False)
    (staging.begin() / "index.html").write_text("half", encoding="utf-8")
    staging.discard()
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert not staging.stage.exists()


def test_a_warning_in_strict_mode_keeps_the_published_site(tmp_path: Path) -> None:
    site = _published(tmp_path)
    staging = Staging(site, strict=True)
    (staging.begin() / "index.html").write_text("new", encoding="utf-8")
    logging.getLogger("mkdocs.test").warning("a broken link")
    with pytest.raises(PluginError, match="--strict"):
        staging.publish()
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert not staging.stage.exists()
