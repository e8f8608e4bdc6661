"""The lean lunr builder (generator.search.index) against lunr.py's own builder: the same index.

The lean builder stores no per-posting metadata and makes each BM25 vector in one sort; the
compact index it gives must be exactly lunr.py's, including a field that is empty in every
document (lunr divides by that field's average length only for a term that occurs in it).
"""

from __future__ import annotations

from typing import Any

from lunr.builder import Builder  # type: ignore[import-untyped]

from generator.search.index import build_lunr, compact

FIELDS = (("name", 10.0), ("aliases", 6.0), ("never", 3.0), ("other", 1.0))
DOCS: list[dict[str, Any]] = [
    {
        "id": "0",
        "name": ["dang", "ky", "khai", "sinh"],
        "aliases": ["lam", "giay", "khai", "sinh"],
        "never": [],
        "other": ["ho", "tich", "ubnd", "xa", "khai"],
    },
    {"id": "1", "name": ["dang", "ky", "ket", "hon"], "aliases": [], "never": [], "other": ["ho", "tich"]},
    {"id": "2", "name": ["cap", "ban", "sao"], "aliases": ["sao", "y"], "never": [], "other": []},
]


def _stock(docs: list[dict[str, Any]]) -> dict[str, Any]:
    builder = Builder()
    builder.ref("id")
    for name, boost in FIELDS:
        builder.field(name, boost=boost)
    for doc in docs:
        builder.add(doc)
    return compact(builder.build())


def test_the_lean_builder_gives_lunrs_index() -> None:
    ours = build_lunr(iter([dict(d) for d in DOCS]), FIELDS)
    stock = _stock([dict(d) for d in DOCS])
    assert ours["words"] == stock["words"]
    assert ours["postings"] == stock["postings"]
    assert ours["weights"] == stock["weights"]
    assert ours["postings"][2] == [[] for _ in ours["words"]]  # the field empty everywhere
