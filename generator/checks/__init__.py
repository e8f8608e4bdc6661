"""Stage 2b, cross-record rules: small functions that yield issues, registered in ``CHECKS``.

Each rule sees the whole catalogue. Rules never raise and never depend on the calendar unless
the issue they yield is marked ``dated`` (and those are warnings only).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from generator.catalogue import Catalogue, ProcedureEntry
from generator.checks.fees import check_fee_windows, check_fees
from generator.checks.identity import (
    check_offices_listed_once,
    check_procedure_folders,
    check_unique_codes,
    check_unique_slugs,
)
from generator.checks.parts import check_mandatory_parts
from generator.checks.provenance import check_provenance, check_status
from generator.checks.references import (
    check_field_slugs,
    check_forms,
    check_references,
    check_related,
    check_site_files,
)
from generator.checks.review import check_review_notes
from generator.checks.times import check_online_level, check_step_durations, check_time_cases, check_times
from generator.checks.version import check_schema_version
from generator.checks.wording import check_public_text, check_publication
from generator.issues import Issue

CHECKS: tuple[Callable[[Catalogue], Iterator[Issue]], ...] = (
    check_schema_version,
    check_unique_slugs,
    check_unique_codes,
    check_references,
    check_field_slugs,
    check_mandatory_parts,
    check_step_durations,
    check_times,
    check_time_cases,
    check_online_level,
    check_fees,
    check_fee_windows,
    check_status,
    check_forms,
    check_related,
    check_provenance,
    check_review_notes,
    check_site_files,
    check_offices_listed_once,
    check_procedure_folders,
    check_public_text,
    check_publication,
)


RECORD_CHECKS: frozenset[Callable[[Catalogue], Iterator[Issue]]] = frozenset(
    {check_public_text, check_publication}
)
"""Rules that judge each procedure on its own, the costly wording scan among them (0.8 s at 2,000)."""


def run_checks(cat: Catalogue, *, only: tuple[ProcedureEntry, ...] | None = None) -> list[Issue]:
    """Run every registered rule over the catalogue.

    With ``only`` (the records just read again, in the preview), the one-record rules look at those
    records alone; every other rule still sees the whole catalogue.
    """
    part = cat if only is None else dataclasses.replace(cat, procedures=only)
    return [issue for check in CHECKS for issue in check(part if check in RECORD_CHECKS else cat)]
