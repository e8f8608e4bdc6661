"""Search, step 4: the procedure index, built with lunr.py over folded words, for lunr.js 2.3.9.

The browser registers the same pipeline function name (``fold-vi``, see ``fold.js``) before
``lunr.Index.load``. Every field is handed to lunr as a list of already folded words, so lunr's own
tokenizer never sees Vietnamese text and the Python and JavaScript sides cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from lunr import __TARGET_JS_VERSION__  # type: ignore[import-untyped]
from lunr.builder import Builder  # type: ignore[import-untyped]
from lunr.idf import idf as lunr_idf  # type: ignore[import-untyped]
from lunr.index import Index  # type: ignore[import-untyped]
from lunr.pipeline import Pipeline  # type: ignore[import-untyped]
from lunr.token import Token  # type: ignore[import-untyped]
from lunr.vector import Vector  # type: ignore[import-untyped]

from generator.catalogue import Catalogue
from generator.core.events.assign import memberships
from generator.core.events.taxonomy import shipped_events
from generator.core.fold import fold_tokens
from generator.model.types import LEVEL_LABELS, ONLINE_LABELS
from generator.search.records import ONLINE_ORDER, index_fields, iter_entries, make_lookups, result_record
from generator.search.synonyms import Phrase, SynonymFile, folded_groups
from generator.search.thesaurus import query_data, shipped_thesaurus

FORMAT_VERSION = 2
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


class LeanBuilder(Builder):  # type: ignore[misc]
    """lunr.py's builder, storing no per-posting metadata (none is whitelisted).

    lunr.py gives every (term, field, document) posting its own empty ``defaultdict``; at 10,000
    procedures the full-text index has about 3 million postings, so one shared empty mapping saves
    hundreds of megabytes. Term frequencies, field lengths and BM25 weights are lunr.py's own.
    """

    def add(self, doc: dict[str, Any], attributes: dict[str, Any] | None = None) -> None:
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        for field_name in self._fields:
            terms = self._terms(doc[field_name], field_name)
            frequencies: dict[str, int] = defaultdict(int)
            self.field_term_frequencies[f"{field_name}/{doc_ref}"] = frequencies
            self.field_lengths[f"{field_name}/{doc_ref}"] = len(terms)
            for term in terms:
                frequencies[term] += 1
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                posting[field_name][doc_ref] = _NO_METADATA

    def _terms(self, words: Any, field_name: str) -> list[str]:
        """The terms of one field: the folded words themselves when the index pipeline is empty."""
        if not len(self.pipeline):  # make_builder's case: no Token objects made and dropped
            return list(words) if isinstance(words, list) else str(words or "").split()
        return [str(term) for term in self.pipeline.run(_word_tokens(words), field_name)]

    def _create_field_vectors(self) -> None:
        """lunr.py's BM25 field vectors, with its arithmetic, each made in one sort.

        lunr.py inserts every term into its vector by a binary search and two list inserts; at
        2,000 procedures that was a third of the search writer. The scores are computed by the
        same expression in the same order, so the index is byte-identical.
        """
        vectors: dict[str, Vector] = {}
        idf_cache: dict[str, float] = {}
        k1, b = self._k1, self._b
        for field_ref, term_frequencies in self.field_term_frequencies.items():
            field_name, _, doc_ref = field_ref.partition("/")  # lunr's FieldRef.from_string
            if not term_frequencies:  # lunr divides only inside its loop: an empty field may average 0
                vectors[field_ref] = Vector([])
                continue
            length_ratio = self.field_lengths[field_ref] / self.average_field_length[field_name]
            boost = self._fields[field_name].boost
            doc_boost = self._documents[doc_ref].get("boost", 1)
            pairs = []
            for term, tf in term_frequencies.items():
                posting = self.inverted_index[term]
                idf = idf_cache.get(term)
                if idf is None:
                    idf = idf_cache[term] = lunr_idf(posting, self.document_count)
                score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * length_ratio) + tf)
                score *= boost
                score *= doc_boost
                pairs.append((posting["_index"], round(score, 3)))
            pairs.sort()
            vectors[field_ref] = Vector([value for pair in pairs for value in pair])
        self.field_vectors = vectors


_NO_METADATA: dict[str, list[Any]] = {}
"""The metadata of every posting (lunr.js reads it as «no metadata»); never mutated."""


def make_builder(fields: Sequence[tuple[str, float]]) -> Builder:
    """A lunr builder for already folded words, with the given boosted fields.

    The index pipeline stays empty (every word handed to it is folded already; folding again
    would only cost time); the search pipeline holds ``fold-vi``, which is written into the index
    so that lunr.js folds queries given to ``idx.search`` the same way.
    """
    builder = LeanBuilder()
    builder.search_pipeline.add(fold_vi)
    builder.ref("id")
    for name, boost in fields:
        builder.field(name, boost=boost)
    return builder


def _word_tokens(obj: Any) -> list[Token]:
    """Tokens of an already folded word list (a string is split on white space)."""
    words = obj if isinstance(obj, list) else str(obj or "").split()
    return [Token(word, {}) for word in words]


def build_lunr(documents: Iterable[dict[str, Any]], fields: Sequence[tuple[str, float]]) -> dict[str, Any]:
    """Index ``documents`` (``id`` = position, plus one word list per field); return the compact index.

    Documents may be a generator: each is folded, counted and dropped. The compact form is made
    from lunr.py's index object directly, one field at a time, without lunr's serialised copy.
    """
    builder = make_builder(fields)
    for doc in documents:
        builder.add(doc)
    index = builder.build()
    del builder  # the builder's term frequencies are not needed once the vectors exist
    return compact(index)


def _postings(
    index: Index, position: dict[int, int]
) -> tuple[list[list[list[int]]], list[list[list[float]]]]:
    """Per field and word: the document refs (as differences, ascending) and their weights.

    One pass over the field vectors (they are keyed ``field/ref``), not one pass per field.
    """
    fields = {name: i for i, name in enumerate(index.fields)}
    refs: list[list[list[int]]] = [[[] for _ in position] for _ in fields]
    scores: list[list[list[float]]] = [[[] for _ in position] for _ in fields]
    for field_ref, vector in index.field_vectors.items():
        field, _, ref_text = field_ref.partition("/")
        ref, field_refs, field_scores = int(ref_text), refs[fields[field]], scores[fields[field]]
        elements = vector.elements
        for k in range(0, len(elements), 2):
            at = position[elements[k]]
            field_refs[at].append(ref)
            field_scores[at].append(round(elements[k + 1], 2))
    for field_refs, field_scores in zip(refs, scores, strict=True):
        for at, word_refs in enumerate(field_refs):
            order = sorted(range(len(word_refs)), key=word_refs.__getitem__)
            sorted_refs = [word_refs[i] for i in order]
            field_refs[at] = [ref - prev for prev, ref in zip([0, *sorted_refs], sorted_refs, strict=False)]
            field_scores[at] = [field_scores[at][i] for i in order]
    return refs, scores


def compact(index: Index) -> dict[str, Any]:
    """Re-encode a lunr index in a compact form (about a fifth of the gzipped size).

    lunr writes every posting as ``{"ref": {}}`` and repeats each document's term weights in
    ``fieldVectors``; both compress badly. The compact form keeps the same facts: ``words`` (sorted,
    so a word's position is its term index), and per field and word the document refs as
    differences from the previous ref (``postings``) with their BM25 weights (``weights``, two
    decimals). ``expandIndex`` in ``engine.js`` rebuilds lunr's form before ``lunr.Index.load``.
    """
    words = sorted(index.inverted_index)
    position = {index.inverted_index[word]["_index"]: i for i, word in enumerate(words)}
    postings, weights = _postings(index, position)
    return {
        "version": __TARGET_JS_VERSION__,
        "fields": list(index.fields),
        "pipeline": index.pipeline.serialize(),
        "words": words,
        "postings": postings,
        "weights": weights,
    }


def build_procedure_payload(catalogue: Catalogue, synonyms: SynonymFile) -> dict[str, Any]:
    """Everything the header box and the finder need, as one JSON-ready mapping.

    ``index`` is the lunr index (refs are positions in ``docs``); ``docs`` the result records
    (``e``: the life events of a procedure as [event position, rank]; ``end``: its «Áp dụng đến …»
    line); ``q`` the tables for understanding a query (thesaurus, events; see
    ``thesaurus.query_data``); ``fields``, ``offices``, ``levels`` and ``online`` the facet labels.
    """
    groups: list[list[Phrase]] = folded_groups(synonyms)
    lookups = make_lookups(catalogue)
    entries = list(iter_entries(catalogue))
    documents = ({"id": str(i), **index_fields(catalogue, e, groups)} for i, e in enumerate(entries))
    events = shipped_events()
    docs = []
    for entry in entries:
        record = result_record(catalogue, entry, lookups)
        found = memberships(entry, events)
        if found:
            assert "e" not in record, "the result record already uses «e»"
            record["e"] = [[m.event, m.rank] for m in found]
        docs.append(record)
    return {
        "v": FORMAT_VERSION,
        "index": build_lunr(documents, FIELD_BOOSTS),
        "docs": docs,
        "q": query_data(shipped_thesaurus(), synonyms, events, lookups.fields),
        "fields": [[f.slug, f.name] for f in catalogue.fields.model.fields],
        "offices": [[s, _office_label(catalogue, s)] for s in sorted(catalogue.offices)],
        "levels": {slug: LEVEL_LABELS[slug] for slug in catalogue.site.model.levels},
        "online": [[key, ONLINE_LABELS[key]] for key in ONLINE_ORDER],
    }


def _office_label(catalogue: Catalogue, slug: str) -> str:
    office = catalogue.offices[slug].model
    return office.short_name or office.name
