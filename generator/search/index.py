"""Search, step 4: the procedure index, built with lunr.py over folded words, for lunr.js 2.3.9.

The browser registers the same pipeline function name (``fold-vi``, see ``fold.js``) before
``lunr.Index.load``. Every field is handed to lunr as a list of already folded words, so lunr's own
tokenizer never sees Vietnamese text and the Python and JavaScript sides cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from lunr import builder as lunr_builder  # type: ignore[import-untyped]
from lunr.builder import Builder  # type: ignore[import-untyped]
from lunr.pipeline import Pipeline  # type: ignore[import-untyped]
from lunr.token import Token  # type: ignore[import-untyped]

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
    ("other", 1),
)
"""Indexed fields and their boosts: the name counts most; lĩnh vực, offices and applicants least."""


def fold_vi(token: Token, i: int, tokens: list[Token]) -> list[Token]:
    """lunr pipeline function: fold one token (idempotent on words that are already folded)."""
    return [Token(word, token.metadata) for word in fold_tokens(str(token))]


Pipeline.register_function(fold_vi, PIPELINE_NAME)


def make_builder(fields: Sequence[tuple[str, float]]) -> Builder:
    """A lunr builder for already folded words, with the given boosted fields.

    The index pipeline stays empty (every word handed to it is folded already; folding again
    would only cost time); the search pipeline holds ``fold-vi``, which is written into the index
    so that lunr.js folds queries given to ``idx.search`` the same way.
    """
    builder = Builder()
    builder.search_pipeline.add(fold_vi)
    builder.ref("id")
    for name, boost in fields:
        builder.field(name, boost=boost)
    return builder


def _word_tokens(obj: Any, metadata: Any = None, separator: Any = None) -> list[Token]:
    """lunr.py's tokenizer for our word lists, without its per-token ``deepcopy`` of empty metadata."""
    if isinstance(obj, list):
        return [Token(word, {}) for word in obj]
    tokens: list[Token] = _LUNR_TOKENIZER(obj, metadata, separator)
    return tokens


_LUNR_TOKENIZER = lunr_builder.Tokenizer


@contextmanager
def _fast_tokenizer() -> Iterator[None]:
    lunr_builder.Tokenizer = _word_tokens
    try:
        yield
    finally:
        lunr_builder.Tokenizer = _LUNR_TOKENIZER


def build_lunr(documents: Sequence[dict[str, Any]], fields: Sequence[tuple[str, float]]) -> dict[str, Any]:
    """Index ``documents`` (``id`` = position, plus one word list per field); return the compact index.

    While building, lunr.py's tokenizer is swapped for :func:`_word_tokens` (same tokens; the
    original deep-copies an empty dict for every token, which took a third of the build time of the
    full-text index at 2,000 procedures).
    """
    builder = make_builder(fields)
    with _fast_tokenizer():
        for doc in documents:
            builder.add(doc)
    serialised: dict[str, Any] = builder.build().serialize()
    return compact(serialised)


def compact(serialised: dict[str, Any]) -> dict[str, Any]:
    """Re-encode a serialised lunr index in a compact form (about a fifth of the gzipped size).

    lunr writes every posting as ``{"ref": {}}`` and repeats each document's term weights in
    ``fieldVectors``; both compress badly. The compact form keeps the same facts: ``words`` (sorted,
    so a word's position is its term index), and per field and word the document refs as
    differences from the previous ref (``postings``) with their BM25 weights (``weights``, two
    decimals). ``expandIndex`` in ``engine.js`` rebuilds lunr's form before ``lunr.Index.load``.
    """
    fields: list[str] = serialised["fields"]
    vectors = {ref: dict(zip(v[::2], v[1::2], strict=True)) for ref, v in serialised["fieldVectors"]}
    terms = sorted(serialised["invertedIndex"], key=lambda entry: entry[0])
    postings: list[list[list[int]]] = [[] for _ in fields]
    weights: list[list[list[float]]] = [[] for _ in fields]
    for _, posting in terms:
        old_index = posting["_index"]
        for f, field in enumerate(fields):
            refs = sorted(int(ref) for ref in posting.get(field, {}))
            postings[f].append([ref - prev for prev, ref in zip([0, *refs], refs, strict=False)])
            weights[f].append([round(vectors[f"{field}/{ref}"][old_index], 2) for ref in refs])
    return {
        "version": serialised["version"],
        "fields": fields,
        "pipeline": serialised["pipeline"],
        "words": [term for term, _ in terms],
        "postings": postings,
        "weights": weights,
    }


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
