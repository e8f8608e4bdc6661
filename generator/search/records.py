"""Search, step 3: what the index knows about each procedure, and what a result shows.

``iter_entries`` picks the procedures to index (every procedure; repealed ones are kept so an
old code still leads somewhere, but ranked last). For each, ``index_fields`` gives the folded
words of every indexed field and ``result_record`` the small record a result needs (name, code,
field, time, fee, address, facets) - nothing else travels to the browser.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.core.fold import fold_tokens
from generator.facts.collation import ranked_name
from generator.facts.procedure import procedure_facts
from generator.search.synonyms import Phrase, expand

ONLINE_ORDER = ("toan_trinh", "mot_phan", "khong")


@dataclass(frozen=True)
class Lookups:
    """Position of each field and office slug in the small tables shipped with the index."""

    fields: dict[str, int]
    offices: dict[str, int]


def make_lookups(catalogue: Catalogue) -> Lookups:
    """Number the fields (in display order) and offices (sorted by slug)."""
    fields = {f.slug: i for i, f in enumerate(catalogue.fields.model.fields)}
    offices = {slug: i for i, slug in enumerate(sorted(catalogue.offices))}
    return Lookups(fields, offices)


def iter_entries(catalogue: Catalogue) -> Iterator[ProcedureEntry]:
    """The procedures to index, in catalogue order."""
    yield from catalogue.procedures


def code_words(code: str | None, local_code: str | None) -> list[str]:
    """Index words of a code: ``1.001193`` and its six-digit part ``001193``, plus the local code."""
    words: list[str] = []
    if code:
        words += [code, code.split(".", 1)[1]]
    if local_code:
        words += [w for w in fold_tokens(local_code) if w not in words]
    return words


def _words(texts: Sequence[str]) -> list[str]:
    return [word for text in texts for word in fold_tokens(text)]


def index_fields(
    catalogue: Catalogue, entry: ProcedureEntry, groups: Sequence[Sequence[Phrase]]
) -> dict[str, list[str]]:
    """Folded words of every indexed field of one procedure (the keys are the index fields).

    ``other`` holds the lĩnh vực name, the office names and the applicants: each word once, since
    they help find a procedure but should not rank it.
    """
    model = entry.model
    field = catalogue.field_by_slug.get(model.field)
    offices = [catalogue.offices[o].model for o in model.offices if o in catalogue.offices]
    office_names = [o.name for o in offices] + [o.short_name for o in offices if o.short_name]
    other = fold_tokens(field.name) if field else []
    other += sorted(set(_words(office_names + list(model.applicants))) - set(other))
    return {
        "name": fold_tokens(ranked_name(model.name)),
        "aliases": _words(model.aliases),
        "synonyms": expand([model.name, *model.aliases], groups),
        "code": code_words(model.code, model.local_code),
        "other": other,
    }


def result_record(catalogue: Catalogue, entry: ProcedureEntry, lookups: Lookups) -> dict[str, object]:
    """The compact record a search result shows, with the facet values (short keys: it ships)."""
    model = entry.model
    facts = procedure_facts(catalogue, entry)
    record: dict[str, object] = {
        "n": facts.listed_name,
        "c": model.code or "",
        "u": urls.procedure_path(entry.slug),
        "f": lookups.fields.get(model.field, -1),
        "l": model.level,
        "o": [lookups.offices[o] for o in model.offices if o in lookups.offices],
        "w": ONLINE_ORDER.index(model.online),
        "t": facts.time_short,
        "p": facts.fee_short,
        "free": 1 if facts.free else 0,
    }
    if model.aliases:
        record["a"] = list(model.aliases)
    if facts.dates.state != "active":
        record["s"] = facts.dates.state
    if facts.dates.ends:
        record["end"] = facts.dates.ends_notice  # («e» is the life events, added by the index)
    return record
