"""Stage 3 (site): small view models shared by page contexts (links, offices, table rows).

Every phrase comes from the facts layer (:mod:`generator.facts`); this module only adds what
the web needs on top of it: relative links.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.facts.offices import FeedbackFacts, OfficeFacts
from generator.facts.procedure import ProcedureFacts, procedure_facts


@dataclass(frozen=True)
class ProcedureRow:
    """One row of a procedure table: the procedure's facts and its link.

    Attributes:
        facts: name, code, field, summary time and fee, online level, dates — all phrased once.
        href: link to its page. state_note: «Áp dụng từ …» for upcoming, «Đã bãi bỏ» for repealed.
    """

    facts: ProcedureFacts
    href: str
    state_note: str


def procedure_row(catalogue: Catalogue, entry: ProcedureEntry, from_path: str) -> ProcedureRow:
    """A table row for ``entry`` as seen from the page at ``from_path``."""
    facts = procedure_facts(catalogue, entry)
    note = facts.dates.starts or (facts.dates.label if facts.dates.state == "repealed" else "")
    return ProcedureRow(facts, urls.relative(from_path, urls.procedure_path(entry.slug)), note or "")


def feedback_blocks(offices: tuple[OfficeFacts, ...], fallback: FeedbackFacts) -> tuple[FeedbackFacts, ...]:
    """The feedback blocks a page shows: the distinct blocks of its offices, else the site's."""
    return tuple(dict.fromkeys(office.feedback for office in offices)) or (fallback,)
