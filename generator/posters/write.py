"""Posters, the stage: plan every sheet, render what the cache lacks, publish into ``posters/``.

Output (fixed addresses the site links to)::

    posters/<office>/<procedure>.pdf   one per active procedure the office lists
    posters/<office>/danh-muc.pdf      the office index
    posters/<office>/quy-hoach/<plan>-thong-bao.pdf, -ban-do.pdf (A3)   an approved plan's notice and map
    posters/<office>/quy-hoach/<plan>-lay-y-kien.pdf                  a draft's consultation notice
    posters/<office>/tat-ca.pdf        index + every poster of the office, one print job
    posters/manifest.json              every sheet with its version id, date and page count

:func:`write_site_posters` is the post-build writer registered in ``generator/build.py``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import multiprocessing
import os
import re
import shutil
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.catalogue import Catalogue
from generator.core.collector import with_earlier_objects_frozen
from generator.core.modes import FILE_MODE, make_dirs
from generator.errors import PosterError
from generator.posters.bundle import combine
from generator.posters.cache import PosterCache
from generator.posters.on_site import fill_site
from generator.posters.plan import BUNDLE_NAME, Sheet, plan_sheets
from generator.posters.pool import Progress, default_jobs, render_missing
from generator.posters.theme import Theme, load_theme

if TYPE_CHECKING:
    from generator.core.build_context import BuildContext

log = logging.getLogger("mkdocs.plugins.congkhai.posters")

CACHE_DIR = Path(".cache") / "posters"
"""The default cache folder, relative to the content root."""


@dataclass(frozen=True)
class PosterReport:
    """What one run did."""

    sheets: tuple[Sheet, ...]
    rendered: int
    """Sheets rendered by Typst in this run (the rest came from the cache)."""
    bundles_written: int
    out_dir: Path
    seconds: float

    @property
    def reused(self) -> int:
        """Sheets copied from the cache."""
        return len(self.sheets) - self.rendered


@with_earlier_objects_frozen
def write_posters(
    cat: Catalogue,
    out_dir: Path,
    *,
    changed: Mapping[str, dt.date] | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    theme: Theme | None = None,
) -> PosterReport:
    """Build every poster of ``cat`` into ``out_dir``, rendering only what the cache lacks."""
    start = time.perf_counter()
    theme = theme or load_theme()
    cache = PosterCache(cache_dir or cat.root / CACHE_DIR)
    sheets = plan_sheets(cat, theme, changed)
    missing = unique_sheets([s for s in sheets if cache.get(s.key) is None])
    try:
        rendered = render_missing(missing, theme, cache, jobs=jobs, progress=progress)
        publish(sheets, cache, out_dir)
        bundles = write_bundles(cat, sheets, cache, out_dir)
    finally:
        cache.save()  # keep what was rendered, even when a later sheet failed
    remove_stale(out_dir, {s.path for s in sheets} | {bundle_path(o) for o in offices_of(sheets)})
    write_manifest(cat, sheets, cache, out_dir)
    os.chmod(out_dir / "manifest.json", FILE_MODE)
    return PosterReport(tuple(sheets), rendered, bundles, out_dir, time.perf_counter() - start)


def unique_sheets(sheets: Sequence[Sheet]) -> list[Sheet]:
    """The sheets with distinct cache keys (two identical sheets render once)."""
    return list({s.key: s for s in sheets}.values())


def offices_of(sheets: Sequence[Sheet]) -> list[str]:
    """The offices of ``sheets``, in order of first appearance."""
    return list(dict.fromkeys(s.office for s in sheets))


def bundle_path(office: str) -> str:
    """Where an office's combined print file is published, under the posters folder."""
    return f"{office}/{BUNDLE_NAME}.pdf"


def publish(sheets: Sequence[Sheet], cache: PosterCache, out_dir: Path) -> None:
    """Put every sheet at its fixed address under ``out_dir`` (a hard link to the cache when possible)."""
    for sheet in sheets:
        link_or_copy(cache.sheet_path(sheet.key), out_dir / sheet.path)


def link_or_copy(source: Path, target: Path) -> None:
    """Make ``target`` hold the bytes of ``source``: hard link on the same disk, else copy."""
    make_dirs(target.parent)
    try:
        if target.exists():
            if target.samefile(source):
                return
            target.unlink()
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
            os.chmod(target, FILE_MODE)
    except OSError as exc:
        raise PosterError(f"không ghi được {target}: {exc.strerror}") from exc


def write_bundles(cat: Catalogue, sheets: Sequence[Sheet], cache: PosterCache, out_dir: Path) -> int:
    """Write ``<office>/tat-ca.pdf`` for each office (index first); return how many were rebuilt.

    Bundles whose sheets changed are combined in parallel processes when there are several: pikepdf
    takes about 0.15 s for an office of a hundred procedures.
    """
    author = cat.site.model.publisher.name
    jobs: list[BundleJob] = []
    keys: dict[str, str] = {}
    for office in offices_of(sheets):
        members = [s for s in sheets if s.office == office]
        key = hashlib.sha256(":".join(s.key for s in members).encode()).hexdigest()
        keys[office] = key
        if cache.get(f"b:{key}") is None:
            parts = [(cache.sheet_path(s.key), s.title) for s in members]
            title = f"Bảng niêm yết – {cat.offices[office].model.name}"
            jobs.append((key, parts, cache.bundle_path(key), title))
    for key, pages in _combine_all(jobs, author):
        cache.record(f"b:{key}", pages, cache.bundle_path(key).stat().st_size)
    for office, key in keys.items():
        link_or_copy(cache.bundle_path(key), out_dir / bundle_path(office))
    return len(jobs)


BundleJob = tuple[str, list[tuple[Path, str]], Path, str]
"""(cache key, [(sheet PDF, bookmark)], target PDF, title) of one combined file to write."""


def _combine_one(job: BundleJob, author: str) -> tuple[str, int]:
    key, parts, target, title = job
    return key, combine(parts, target, title=title, author=author)


def _combine_all(
    jobs: list[tuple[str, list[tuple[Path, str]], Path, str]], author: str
) -> list[tuple[str, int]]:
    workers = min(len(jobs), default_jobs())
    if workers <= 1:
        return [_combine_one(job, author) for job in jobs]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(_combine_one, jobs, [author] * len(jobs)))


def written_before(out_dir: Path) -> set[str]:
    """The PDFs an earlier run wrote into ``out_dir``, from its ``manifest.json`` (``office/name.pdf``)."""
    try:
        data = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
        listed = [row["path"] for row in data["sheets"]] + list(data["bundles"])
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    return {p for p in listed if isinstance(p, str) and _OUR_PDF.fullmatch(p)}


_OUR_PDF = re.compile(r"[a-z0-9][a-z0-9-]*/(?:quy-hoach/)?[a-z0-9][a-z0-9-]*\.pdf")
"""What a sheet or bundle path looks like: ``<office slug>/<name>.pdf`` or a plan sheet
``<office slug>/quy-hoach/<plan>-<sheet>.pdf``; nothing that climbs out."""


def remove_stale(out_dir: Path, keep: set[str]) -> None:
    """Delete the PDFs an earlier run wrote that this run no longer publishes (repealed, closed).

    Only files listed in the earlier run's manifest are deleted: ``posters --out DIR`` never removes
    a file it did not write, and a folder only when that left it empty.
    """
    for rel in sorted(written_before(out_dir) - keep):
        path = out_dir / rel
        if path.is_file() and not path.is_symlink():
            path.unlink()
            _remove_empty_parents(path.parent, out_dir)


def _remove_empty_parents(folder: Path, out_dir: Path) -> None:
    """Remove ``folder`` and its parents up to (not including) ``out_dir`` while they are empty."""
    while folder != out_dir and out_dir in folder.parents and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def manifest_data(cat: Catalogue, sheets: Sequence[Sheet], cache: PosterCache) -> dict[str, object]:
    """The published manifest: every sheet's version id, date and page count (no timestamps)."""
    rows = []
    for sheet in sheets:
        entry = cache.entries[sheet.key]
        rows.append(
            {
                "path": sheet.path,
                "office": sheet.office,
                "procedure": sheet.procedure,
                "plan": sheet.plan,
                "title": sheet.title,
                "version": sheet.stamp.version,
                "updated": sheet.stamp.updated.isoformat(),
                "pages": entry.pages,
                "bytes": entry.bytes,
            }
        )
    return {
        "as_of": cat.as_of.isoformat(),
        "paper": cat.site.model.posters.paper,
        "body_size": cat.site.model.posters.body,
        "bundles": [bundle_path(office) for office in offices_of(sheets)],
        "sheets": rows,
    }


def write_manifest(cat: Catalogue, sheets: Sequence[Sheet], cache: PosterCache, out_dir: Path) -> None:
    """Write ``manifest.json`` beside the office folders."""
    make_dirs(out_dir)
    text = json.dumps(manifest_data(cat, sheets, cache), ensure_ascii=False, indent=1)
    (out_dir / "manifest.json").write_text(text + "\n", encoding="utf-8")


def log_progress(done: int, total: int) -> None:
    """Progress as log lines, about every 10 % (for the MkDocs build)."""
    step = max(1, total // 10)
    if done == total or done % step == 0:
        log.info("Bảng niêm yết: đã in %d/%d tờ", done, total)


def write_site_posters(catalogue: Catalogue, site_dir: Path, ctx: BuildContext) -> None:
    """Post-build writer: every poster into ``<site_dir>/posters/`` (see generator/build.py).

    Skip it with ``CONGKHAI_SKIP_WRITERS=write_site_posters`` (e.g. to time the pages alone).
    """
    report = write_posters(catalogue, site_dir / "posters", changed=ctx.last_changed, progress=log_progress)
    manifest = json.loads((report.out_dir / "manifest.json").read_text(encoding="utf-8"))
    fill_site(site_dir, manifest)  # the office and procedure pages show each sheet's version
    log.info(
        "Bảng niêm yết: %d tờ (%d in mới, %d lấy từ bộ nhớ đệm) trong %.1f s",
        len(report.sheets),
        report.rendered,
        report.reused,
        report.seconds,
    )
