"""Search, step 2c: every check of the words the search understands, in one place for ``check`` and the build.

The publisher's ``content/synonyms.yaml``, the shipped thesaurus and life events (which a pull
request may also change), how they refer to each other, and each procedure's ``events:`` list.
"""

from __future__ import annotations

from pathlib import Path

from generator.catalogue import Catalogue
from generator.core.events.assign import check_procedure_events
from generator.core.events.taxonomy import read_events
from generator.issues import Issue
from generator.search.synonyms import SYNONYMS_FILE, read_synonyms
from generator.search.thesaurus import check_disabled, check_event_groups, read_thesaurus


def check_words(root: Path, catalogue: Catalogue | None) -> list[Issue]:
    """Located issues of the synonyms, the thesaurus, the events and procedures' ``events:``."""
    synonyms, issues = read_synonyms(root)
    thesaurus, found = read_thesaurus()
    issues.extend(found)
    events, found = read_events()
    issues.extend(found)
    if thesaurus is not None:
        issues.extend(check_disabled(thesaurus, synonyms, SYNONYMS_FILE.as_posix()))
        if events is not None:
            issues.extend(check_event_groups(thesaurus, events, "generator/core/events/events.yaml"))
    if events is not None and catalogue is not None:
        issues.extend(check_procedure_events(catalogue, events))
    return issues
