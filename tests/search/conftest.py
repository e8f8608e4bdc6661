"""Search test fixtures: a copy of the tiny valid content tree (browser fixtures: tests/conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES


@pytest.fixture
def content_root(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/valid (add content/synonyms.yaml to it as a test needs)."""
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "valid", root)
    return root
