"""Poster fixtures: the one fixture catalogue (tests/fixtures/valid) built once per session.

The build uses its own cache folder, so tests never touch the project's .cache/.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.catalogue import Catalogue
from generator.issues import Severity
from generator.posters.write import PosterReport, write_posters
from generator.reading import read_catalogue

CATALOGUE = Path(__file__).resolve().parents[1] / "fixtures" / "valid"
AS_OF = dt.date(2026, 11, 25)


def load(root: Path = CATALOGUE, as_of: dt.date = AS_OF) -> Catalogue:
    """Read a catalogue and fail the test on any content error."""
    cat, issues = read_catalogue(root, as_of)
    errors = [i.format() for i in issues if i.severity is Severity.ERROR]
    assert cat is not None and not errors, errors
    return cat


def pdftotext(pdf: Path, page: int | None = None, *, layout: bool = False, raw: bool = False) -> str:
    """Text of a PDF (or one page of it) as poppler extracts it, NFC-normalised.

    With ``layout`` poppler keeps the physical layout (a table row stays on one line); with ``raw``
    it keeps the order of the content stream (a table cell's lines stay together).
    """
    pages = ["-f", str(page), "-l", str(page)] if page else []
    mode = ["-layout"] if layout else ["-raw"] if raw else []
    done = subprocess.run(["pdftotext", *mode, *pages, str(pdf), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFC", done.stdout.decode("utf-8"))


def pdfinfo(pdf: Path) -> dict[str, str]:
    """``pdfinfo`` fields (Pages, Page size, …)."""
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, check=True, text=True)
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in done.stdout.splitlines())}


def decode_qr(pdf: Path, tmp: Path, dpi: int = 100) -> list[str]:
    """Render page 1 in greyscale and decode every QR code on it with zbarimg."""
    prefix = tmp / pdf.stem
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    done = subprocess.run(["zbarimg", "--quiet", "--raw", f"{prefix}.png"], capture_output=True, text=True)
    return done.stdout.split()


@dataclass(frozen=True)
class Built:
    """A finished poster build of the fixture catalogue."""

    catalogue: Catalogue
    out: Path
    cache: Path
    report: PosterReport


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The fixture catalogue on the pinned build date."""
    return load()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue) -> Built:
    """Every poster of the fixture catalogue, built once (two workers) into a temp folder."""
    base = tmp_path_factory.mktemp("posters")
    out, cache = base / "site" / "posters", base / "cache"
    report = write_posters(catalogue, out, cache_dir=cache, jobs=2)
    return Built(catalogue, out, cache, report)


def need(tool: str) -> None:
    """Fail loudly (not skip) when a required Debian tool is missing."""
    assert shutil.which(tool), f"{tool} is required (Debian poppler-utils / zbar-tools)"
