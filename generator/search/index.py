"""Search, step 4: the procedure index, built with lunr.py over folded words, for lunr.js 2.3.9.

The browser registers the same pipeline function name (``fold-vi``, see ``fold.js``) before
``lunr.Index.load``. Every field is handed to lunr as a list of already folded words, so lunr's own
tokenizer never sees Vietnamese text and the Python and JavaScript sides cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.token import Token

from generator.catalogue import Catalogue
from generator.model.types import LEVEL_LABELS, ONLINE_LABELS
from generator.search.fold import fold_tokens
from generator.search.records import ONLINE_ORDER, index_fields, iter_entries, make_lookups, result_record
from generator.search.synonyms import Phrase, SynonymFile, folded_groups

FORMAT_VERSION = 1
"""Bumped whenever the payload shape changes; the browser refuses other versions."""

PIPELINE_NAME = "fold-vi"
"""The pipeline function name written into the index; ``fold.js`` registers the same name."""

FIELD_BOOSTS: tuple[tuple[str, float], ...] = (
    ("name", 10),
    ("aliases", 6),
    ("synonyms", 3),
    ("code", 10),
    ("field", 2),
    ("offices", 1),
    ("applicants", 1),
)
"""Indexed fields and their boosts (the name counts most; offices and applicants least)."""


def fold_vi(token: Token, i: int, tokens: list[Token]) -> list[Token]:
    """lunr pipeline function: fold one token (idempotent on words that are already folded)."""
    return [Token(word, token.metadata) for word in fold_tokens(str(token))]


Pipeline.register_function(fold_vi, PIPELINE_NAME)


def make_builder(fields: Sequence[tuple[str, float]]) -> Builder:
    """A lunr builder with the folding pipeline on both sides and the given boosted fields."""
    builder = Builder()
    builder.pipeline.add(fold_vi)
    builder.search_pipeline.add(fold_vi)
    builder.ref("id")
    for name, boost in fields:
        builder.field(name, boost=boost)
    return builder


def build_lunr(documents: Sequence[dict[str, Any]], fields: Sequence[tuple[str, float]]) -> dict[str, Any]:
    """Index ``documents`` (``id`` plus one word list per field) and return the serialised index."""
    builder = make_builder(fields)
    for doc in documents:
        builder.add(doc)
    serialised: dict[str, Any] = builder.build().serialize()
    return compact(serialised)


def compact(serialised: dict[str, Any]) -> dict[str, Any]:
    """Drop the empty per-field postings lunr writes for every term (``expand`` in search.js restores them)."""
    inverted = [
        [term, {key: value for key, value in posting.items() if key == "_index" or value}]
        for term, posting in serialised["invertedIndex"]
    ]
    return {**serialised, "invertedIndex": inverted}


def build_procedure_payload(catalogue: Catalogue, synonyms: SynonymFile) -> dict[str, Any]:
    """Everything the header box and the finder need, as one JSON-ready mapping.

    ``index`` is the lunr index (refs are positions in ``docs``); ``docs`` the result records;
    ``fields``, ``offices``, ``levels`` and ``online`` the facet labels.
    """
    groups: list[list[Phrase]] = folded_groups(synonyms)
    lookups = make_lookups(catalogue)
    entries = list(iter_entries(catalogue))
    documents = [{"id": str(i), **index_fields(catalogue, e, groups)} for i, e in enumerate(entries)]
    return {
        "v": FORMAT_VERSION,
        "index": build_lunr(documents, FIELD_BOOSTS),
        "docs": [result_record(catalogue, e, lookups) for e in entries],
        "fields": [[f.slug, f.name] for f in catalogue.fields.model.fields],
        "offices": [[s, _office_label(catalogue, s)] for s in sorted(catalogue.offices)],
        "levels": {slug: LEVEL_LABELS[slug] for slug in catalogue.site.model.levels},
        "online": [[key, ONLINE_LABELS[key]] for key in ONLINE_ORDER],
    }


def _office_label(catalogue: Catalogue, slug: str) -> str:
    office = catalogue.offices[slug].model
    return office.short_name or office.name
