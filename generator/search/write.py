"""Search, step 7: the post-build writer that puts both indexes into the built site.

Registered in ``generator.build.POST_BUILD_WRITERS``, so it runs on every ``mkdocs build`` and
``mkdocs serve``; it also runs without MkDocs (``python -m generator.search index``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.catalogue import Catalogue
from generator.core.build_context import BuildContext
from generator.errors import ContentError
from generator.issues import Severity
from generator.plans.search import iter_plan_text_pages
from generator.search.finder import FULLTEXT_INDEX, PROCEDURE_INDEX
from generator.search.fulltext import build_fulltext_payload, iter_text_pages
from generator.search.index import build_procedure_payload
from generator.search.synonyms import read_synonyms
from generator.search.words import check_words


def dump(payload: dict[str, Any]) -> bytes:
    """Compact, deterministic JSON (UTF-8, no spaces, keys in insertion order)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_search_index(catalogue: Catalogue, site_dir: Path, ctx: BuildContext) -> None:
    """Write ``search/procedures.json`` and ``search/fulltext.json`` into ``site_dir``.

    Raises:
        ContentError: content/synonyms.yaml, the thesaurus, the events or a procedure's
            ``events:`` have errors (they name file, line and field).
    """
    synonyms, _ = read_synonyms(catalogue.root)
    issues = check_words(catalogue.root, catalogue)
    errors = [issue for issue in issues if issue.severity is Severity.ERROR]
    if errors:
        raise ContentError(errors)
    # One index at a time: each is written and dropped before the next is built (peak memory).
    _write(site_dir / PROCEDURE_INDEX, build_procedure_payload(catalogue, synonyms))
    pages = [*iter_text_pages(catalogue.root, site_dir), *iter_plan_text_pages(catalogue)]
    _write(site_dir / FULLTEXT_INDEX, build_fulltext_payload(catalogue, pages))


def _write(target: Path, payload: dict[str, Any]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(dump(payload))
