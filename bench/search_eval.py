"""Evaluate the procedure search: recall@1 and recall@5 per query class (tests/search/queries.yaml).

Runs every query through the real lunr.js + fold.js + engine.js in Node against the index the
site ships. Usage::

    .venv/bin/python bench/search_eval.py                 # build the index from the sample catalogue
    .venv/bin/python bench/search_eval.py --site site     # use a built site's search/procedures.json
    .venv/bin/python bench/search_eval.py --misses        # also list the queries that missed
    .venv/bin/python bench/search_eval.py --national      # over the national catalogue (bench/national.py)

A query whose wanted procedure is not in the catalogue searched is left out of that run (the
national catalogue has procedures the sample lacks).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.search.write import dump  # noqa: E402

QUERIES = ROOT / "tests" / "search" / "queries.yaml"
NODE_RUNNER = ROOT / "bench" / "search_node.js"


@dataclass(frozen=True)
class Query:
    """One evaluation query: its class, the text sent, and the procedure wanted first."""

    cls: str
    text: str
    want: str


@dataclass(frozen=True)
class Outcome:
    """Where the wanted procedure came (0 = not in the top 5) and what came first."""

    query: Query
    rank: int
    top: tuple[str, ...]


def load_queries(path: Path = QUERIES) -> list[Query]:
    """Read the evaluation set; ``nfd: true`` queries are sent decomposed."""
    data: dict[str, list[dict[str, Any]]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for cls, items in data.items():
        for item in items:
            text = str(item["q"])
            if item.get("nfd"):
                text = unicodedata.normalize("NFD", text)
            queries.append(Query(cls, text, f"thu-tuc/{item['want']}/"))
    return queries


def build_index(root: Path, as_of: dt.date, target: Path) -> Path:
    """Build ``procedures.json`` from the catalogue at ``root`` exactly as the site build does."""
    from generator.reading import read_catalogue
    from generator.search.index import build_procedure_payload
    from generator.search.synonyms import read_synonyms

    catalogue, issues = read_catalogue(root, as_of)
    if catalogue is None:
        raise SystemExit("\n".join(i.format() for i in issues))
    synonyms, _ = read_synonyms(root)
    target.write_bytes(dump(build_procedure_payload(catalogue, synonyms)))
    return target


def run_node(index: Path, queries: list[str], *, k: int = 5, repeat: int = 1) -> dict[str, Any]:
    """Run queries through the shipped JavaScript in Node; return its JSON answer."""
    request = json.dumps({"index": str(index), "queries": queries, "k": k, "repeat": repeat})
    done = subprocess.run(
        ["node", str(NODE_RUNNER)], input=request, capture_output=True, text=True, check=True, timeout=300
    )
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def present(index: Path, queries: list[Query]) -> list[Query]:
    """The queries whose wanted procedure is in the index (the others cannot be answered there)."""
    urls = {doc["u"] for doc in json.loads(index.read_text(encoding="utf-8"))["docs"]}
    return [q for q in queries if q.want in urls]


def evaluate(index: Path, queries: list[Query]) -> list[Outcome]:
    """Rank of the wanted procedure for every query whose procedure the index has."""
    queries = present(index, queries)
    answer = run_node(index, [q.text for q in queries])
    outcomes = []
    for query, urls in zip(queries, answer["results"], strict=True):
        rank = urls.index(query.want) + 1 if query.want in urls else 0
        outcomes.append(Outcome(query, rank, tuple(urls)))
    return outcomes


def recall(outcomes: list[Outcome], k: int) -> float:
    """Share of queries whose wanted procedure is in the top ``k``."""
    return sum(1 for o in outcomes if 0 < o.rank <= k) / len(outcomes) if outcomes else 0.0


def by_class(outcomes: list[Outcome]) -> dict[str, list[Outcome]]:
    """Outcomes grouped by query class, in file order."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault(outcome.query.cls, []).append(outcome)
    return groups


def report(outcomes: list[Outcome]) -> str:
    """A Markdown table: class, queries, recall@1, recall@5, then the overall row."""
    lines = ["| class | queries | recall@1 | recall@5 |", "|---|---:|---:|---:|"]
    for cls, group in by_class(outcomes).items():
        lines.append(f"| {cls} | {len(group)} | {recall(group, 1):.3f} | {recall(group, 5):.3f} |")
    lines.append(f"| **all** | {len(outcomes)} | {recall(outcomes, 1):.3f} | {recall(outcomes, 5):.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="built site folder (uses its search/procedures.json)")
    parser.add_argument("--root", type=Path, default=ROOT, help="content root when building the index")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 11, 25))
    parser.add_argument("--misses", action="store_true", help="list the queries not ranked first")
    parser.add_argument("--national", action="store_true", help="build and search the national catalogue")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.national:
            from bench.national import make_national

            args.root = make_national(Path(tmp) / "national")
        index = (
            args.site / "search" / "procedures.json"
            if args.site
            else build_index(args.root, args.as_of, Path(tmp) / "procedures.json")
        )
        outcomes = evaluate(index, load_queries())
    print(report(outcomes))
    if args.misses:
        for o in outcomes:
            if o.rank != 1:
                where = o.rank or ">5"
                print(f"[{o.query.cls}] {o.query.text!r}: wanted {o.query.want} at {where}; top {o.top[:1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
