"""Shared helpers of the import tests: a content tree without procedures, and the real records."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES

REFERENCE = Path("/work/shared/reference/dvcqg")
_LOCAL_COPY = Path(__file__).parent / "records"
RECORDS = _LOCAL_COPY if _LOCAL_COPY.is_dir() else REFERENCE
"""The two real portal records (copied into the repository so the tests run anywhere)."""

READ_ON = dt.date(2026, 11, 23)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """The fixture content tree (site, fields, offices) with no procedures yet."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid" / "content", root / "content")
    return root


def record(code: str) -> dict[str, Any]:
    """One real record (the portal envelope) as a fresh, mutable object."""
    data: dict[str, Any] = json.loads((RECORDS / f"{code}.json").read_text(encoding="utf-8"))
    return data


def write_record(folder: Path, name: str, data: Any) -> Path:
    """Write a (possibly mutated) record as a JSON file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under ``root`` with the hash of its bytes (to prove nothing was written)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
