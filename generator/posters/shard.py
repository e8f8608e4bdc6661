"""Posters, for CI matrices: render one deterministic part of the sheets, then merge the parts.

``posters --shard K/N`` renders the K-th of N parts: every sheet of the catalogue in a fixed order
(by office, then by cache key, a hash of the sheet's inputs), cut into N runs of equal length, so a
part holds whole offices or runs of one, and the same catalogue always gives the same parts. Each
part publishes its sheets and ``shards/shard-K-of-N.json``. ``posters --merge DIR...`` checks that
the parts cover every sheet of the catalogue, takes them into the cache (nothing is re-rendered),
then writes the combined office files, the manifest and the fixed addresses as a full run would;
a site build after it finds every sheet in the cache.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.catalogue import Catalogue
from generator.errors import PosterError
from generator.posters.cache import PosterCache
from generator.posters.plan import Sheet, plan_sheets
from generator.posters.pool import Progress, render_missing
from generator.posters.theme import Theme, load_theme
from generator.posters.write import (
    CACHE_DIR,
    PosterReport,
    bundle_path,
    link_or_copy,
    offices_of,
    publish,
    remove_stale,
    unique_sheets,
    write_bundles,
    write_manifest,
)

SHARDS = "shards"
_SPEC = re.compile(r"(\d+)/(\d+)\Z")


@dataclass(frozen=True)
class Shard:
    """Part ``index`` (1-based) of ``count``."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``K/N`` with 1 ≤ K ≤ N; a Vietnamese error otherwise."""
        match = _SPEC.match(text.strip())
        if match is None or not 1 <= int(match[1]) <= int(match[2]):
            raise PosterError(f"--shard phải có dạng K/N với 1 ≤ K ≤ N (ví dụ 2/4), không phải «{text}»")
        return cls(int(match[1]), int(match[2]))

    @property
    def name(self) -> str:
        """The part's manifest file name."""
        return f"shard-{self.index}-of-{self.count}.json"


def shard_sheets(sheets: Sequence[Sheet], shard: Shard) -> list[Sheet]:
    """The sheets of part ``shard``: all sheets by (office, key), cut into equal runs."""
    ordered = sorted(unique_sheets(sheets), key=lambda s: (s.office, s.key, s.path))
    start = (shard.index - 1) * len(ordered) // shard.count
    end = shard.index * len(ordered) // shard.count
    return ordered[start:end]


def write_shard(
    cat: Catalogue,
    out_dir: Path,
    shard: Shard,
    *,
    changed: Mapping[str, dt.date] | None = None,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    theme: Theme | None = None,
) -> PosterReport:
    """Render and publish the sheets of one part, with the part's manifest."""
    start = time.perf_counter()
    theme = theme or load_theme()
    cache = PosterCache(cache_dir or cat.root / CACHE_DIR)
    mine = shard_sheets(plan_sheets(cat, theme, changed), shard)
    try:
        rendered = render_missing(
            [s for s in mine if cache.get(s.key) is None], theme, cache, jobs=jobs, progress=progress
        )
        publish(mine, cache, out_dir)
    finally:
        cache.save()
    rows = [
        {
            "path": s.path,
            "key": s.key,
            "pages": cache.entries[s.key].pages,
            "bytes": cache.entries[s.key].bytes,
        }
        for s in mine
    ]
    data = {"shard": f"{shard.index}/{shard.count}", "as_of": cat.as_of.isoformat(), "sheets": rows}
    (out_dir / SHARDS).mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=0)
    (out_dir / SHARDS / shard.name).write_text(text + "\n", encoding="utf-8")
    return PosterReport(tuple(mine), rendered, 0, out_dir, time.perf_counter() - start)


def read_parts(sources: Sequence[Path], as_of: dt.date) -> dict[str, tuple[Path, int, int]]:
    """Every sheet the parts in ``sources`` hold: cache key → (PDF, pages, bytes)."""
    found: dict[str, tuple[Path, int, int]] = {}
    manifests = [m for source in sources for m in sorted((source / SHARDS).glob("shard-*-of-*.json"))]
    if not manifests:
        raise PosterError(f"không có tệp {SHARDS}/shard-K-of-N.json nào trong {', '.join(map(str, sources))}")
    for manifest in manifests:
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            if data["as_of"] != as_of.isoformat():
                raise PosterError(f"{manifest}: phần này in cho ngày {data['as_of']}, không phải {as_of}")
            for row in data["sheets"]:
                found[row["key"]] = (
                    manifest.parent.parent / row["path"],
                    int(row["pages"]),
                    int(row["bytes"]),
                )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise PosterError(f"không đọc được {manifest}: {exc}") from exc
    return found


def merge_shards(
    cat: Catalogue,
    out_dir: Path,
    sources: Sequence[Path],
    *,
    changed: Mapping[str, dt.date] | None = None,
    cache_dir: Path | None = None,
    theme: Theme | None = None,
) -> PosterReport:
    """Assemble the parts in ``sources`` into the full output, as a run that rendered nothing."""
    start = time.perf_counter()
    theme = theme or load_theme()
    cache = PosterCache(cache_dir or cat.root / CACHE_DIR)
    sheets = plan_sheets(cat, theme, changed)
    parts = read_parts(sources, cat.as_of)
    missing = [s.path for s in unique_sheets(sheets) if s.key not in parts and cache.get(s.key) is None]
    if missing:
        raise PosterError(
            f"các phần ghép thiếu {len(missing)} tờ (ví dụ {missing[0]}): chạy lại mọi phần --shard K/N "
            "với cùng nội dung, cùng ngày --as-of và cùng mẫu"
        )
    try:
        for sheet in unique_sheets(sheets):
            if sheet.key in parts and cache.get(sheet.key) is None:
                source, pages, size = parts[sheet.key]
                link_or_copy(source, cache.sheet_path(sheet.key))
                cache.record(sheet.key, pages, size)
        publish(sheets, cache, out_dir)
        bundles = write_bundles(cat, sheets, cache, out_dir)
    finally:
        cache.save()
    remove_stale(out_dir, {s.path for s in sheets} | {bundle_path(o) for o in offices_of(sheets)})
    write_manifest(cat, sheets, cache, out_dir)
    return PosterReport(tuple(sheets), 0, bundles, out_dir, time.perf_counter() - start)
