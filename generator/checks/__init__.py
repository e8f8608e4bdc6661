"""Stage 2b, cross-record rules: small functions that yield issues, registered in ``CHECKS``.

Each rule sees the whole catalogue. Rules never raise and never depend on the calendar unless
the issue they yield is marked ``dated`` (and those are warnings only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.catalogue import Catalogue
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


def run_checks(cat: Catalogue) -> list[Issue]:
    """Run every registered rule over the catalogue."""
    return [issue for check in CHECKS for issue in check(cat)]
