"""Sharding for CI matrices: ``posters --shard K/N`` parts cover every sheet once; ``--merge`` joins them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.catalogue import Catalogue
from generator.errors import PosterError
from generator.posters.plan import plan_sheets
from generator.posters.shard import Shard, merge_shards, shard_sheets, write_shard
from generator.posters.theme import load_theme
from tests.posters.conftest import Built


@pytest.mark.parametrize("text", ["0/2", "3/2", "2", "a/b", "1/0", "-1/2"])
def test_bad_shard_spec_is_an_error(text: str) -> None:
    with pytest.raises(PosterError, match="K/N"):
        Shard.parse(text)


@pytest.mark.parametrize("count", [1, 2, 3, 5, 9])
def test_parts_cover_every_sheet_once_in_balanced_runs(catalogue: Catalogue, count: int) -> None:
    sheets = plan_sheets(catalogue, load_theme())
    parts = [shard_sheets(sheets, Shard(k, count)) for k in range(1, count + 1)]
    keys = [s.key for part in parts for s in part]
    assert sorted(keys) == sorted({s.key for s in sheets}) and len(keys) == len(set(keys))
    assert max(map(len, parts)) - min(map(len, parts)) <= 1
    assert parts == [shard_sheets(list(reversed(sheets)), Shard(k, count)) for k in range(1, count + 1)]
    offices = [s.office for part in parts for s in part]
    assert offices == sorted(offices), "parts follow the office order"


def test_merged_parts_equal_a_full_build(built: Built, tmp_path: Path) -> None:
    cat = built.catalogue
    for k in (1, 2):
        report = write_shard(
            cat, tmp_path / f"part-{k}", Shard(k, 2), cache_dir=tmp_path / f"cache-{k}", jobs=1
        )
        assert report.rendered == len(report.sheets) > 0
        assert (tmp_path / f"part-{k}" / "shards" / f"shard-{k}-of-2.json").is_file()
    out, cache = tmp_path / "out", tmp_path / "cache-merge"
    report = merge_shards(cat, out, [tmp_path / "part-1", tmp_path / "part-2"], cache_dir=cache)
    assert report.rendered == 0 and len(report.sheets) == len(built.report.sheets)
    for sheet in built.report.sheets:
        assert (out / sheet.path).read_bytes() == (built.out / sheet.path).read_bytes(), sheet.path
    for office in ("mot-cua", "diem-phu"):
        merged, full = (PdfReader(d / office / "tat-ca.pdf") for d in (out, built.out))
        assert len(merged.pages) == len(full.pages)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == json.loads((built.out / "manifest.json").read_text(encoding="utf-8"))
    # The merge filled the cache: a normal run (the site build) after it renders nothing.
    from generator.posters.write import write_posters

    assert write_posters(cat, tmp_path / "site", cache_dir=cache, jobs=1).rendered == 0


def test_merge_with_a_part_missing_fails_and_writes_nothing(built: Built, tmp_path: Path) -> None:
    write_shard(built.catalogue, tmp_path / "part-1", Shard(1, 3), cache_dir=tmp_path / "cache-1", jobs=1)
    out = tmp_path / "out"
    with pytest.raises(PosterError, match="thiếu"):
        merge_shards(built.catalogue, out, [tmp_path / "part-1"], cache_dir=tmp_path / "cache-merge")
    assert not out.exists()


def test_merge_needs_part_manifests(built: Built, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(PosterError, match="shard-K-of-N"):
        merge_shards(built.catalogue, tmp_path / "out", [tmp_path / "empty"], cache_dir=tmp_path / "c")


def test_cli_shard_then_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli import main
    from tests.posters.conftest import CATALOGUE

    common = ["--root", str(CATALOGUE), "--as-of", "2026-11-25"]
    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert main(["posters", *common, "--shard", "3/2", "--out", str(tmp_path / "x")]) == 1
    assert "K/N" in capsys.readouterr().err
    for k in (1, 2):
        assert main(["posters", *common, *cache, "--shard", f"{k}/2", "--out", str(tmp_path / f"p{k}")]) == 0
    merge = ["--merge", str(tmp_path / "p1"), str(tmp_path / "p2"), "--out", str(tmp_path / "out")]
    assert main(["posters", *common, "--cache-dir", str(tmp_path / "c2"), *merge]) == 0
    assert "Đã ghép 2 phần" in capsys.readouterr().out
    assert (tmp_path / "out" / "mot-cua" / "tat-ca.pdf").is_file() and (
        tmp_path / "out" / "manifest.json"
    ).is_file()
