"""Shared fixtures. The build date is pinned so that no test changes meaning as the calendar moves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.browser_support import browser, page, serve_site, site_url  # noqa: F401 - one shared definition

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
AS_OF = dt.date(2026, 11, 25)
"""The build date every test uses unless it is testing the date itself."""


@pytest.fixture(scope="session")
def project_root() -> Path:
    """The repository root (the sample catalogue lives here)."""
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def as_of() -> dt.date:
    """The pinned build date."""
    return AS_OF


@pytest.fixture(scope="session")
def valid_root() -> Path:
    """A tiny, complete, valid content tree for unit tests."""
    return FIXTURES / "valid"


# --- Whole-site builds (site stage; shared by tests/site and tests/browser) -------------------------


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue built once per xdist worker with ``mkdocs build --strict`` (as of 2026-11-25).

    Each worker builds into its own temporary folder, so parallel workers never share output.
    """
    from tests.site.building import PROJECT_ROOT as ROOT
    from tests.site.building import run_mkdocs

    dest = tmp_path_factory.mktemp("sample-site") / "site"
    done = run_mkdocs(ROOT / "mkdocs.yml", dest)
    if done.returncode != 0:
        pytest.fail(f"mkdocs build of the sample catalogue failed:\n{done.stdout}\n{done.stderr}")
    return dest
