"""Life events, step 2: which procedures belong to which event, and in what order.

A procedure belongs to an event when one of the event's rules matches its folded name and lĩnh
vực; its rank is the position of the first rule that matches (the procedure a citizen most likely
needs first comes first). A procedure's own ``events:`` list adds events (``sinh-con``, ranked
after every rule) or removes them (``-sinh-con``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core.events.taxonomy import Event, EventFile, EventRule
from generator.core.fold import fold_tokens
from generator.issues import Issue


@dataclass(frozen=True)
class Membership:
    """A procedure's place in one event: the event's position in the taxonomy and the rank."""

    event: int
    rank: int


def _contains(words: Sequence[str], phrase: Sequence[str]) -> bool:
    n = len(phrase)
    return n > 0 and any(list(words[i : i + n]) == list(phrase) for i in range(len(words) - n + 1))


def _any(words: Sequence[str], phrases: Sequence[str]) -> bool:
    return any(_contains(words, fold_tokens(p)) for p in phrases)


def rule_matches(rule: EventRule, words: Sequence[str], field: str) -> bool:
    """Does ``rule`` take a procedure with these folded name ``words`` in lĩnh vực ``field``?"""
    if rule.fields and field not in rule.fields:
        return False
    if rule.name and not _any(words, rule.name):
        return False
    return not _any(words, rule.not_)


def rule_rank(event: Event, words: Sequence[str], field: str) -> int | None:
    """Position of the first rule of ``event`` that matches, or None."""
    for rank, rule in enumerate(event.rules):
        if rule_matches(rule, words, field):
            return rank
    return None


def memberships(entry: ProcedureEntry, events: EventFile) -> list[Membership]:
    """The events of one procedure, by rules and by its own ``events:`` list, in taxonomy order."""
    model = entry.model
    words = fold_tokens(model.name)
    own = {ref for ref in model.events if not ref.startswith("-")}
    removed = {ref[1:] for ref in model.events if ref.startswith("-")}
    found = []
    for position, event in enumerate(events.events):
        if event.id in removed:
            continue
        rank = rule_rank(event, words, model.field)
        if rank is None and event.id in own:
            rank = len(event.rules)
        if rank is not None:
            found.append(Membership(position, rank))
    return found


def event_members(catalogue: Catalogue, events: EventFile) -> dict[str, list[ProcedureEntry]]:
    """Active procedures of every event, best rank first (then catalogue order)."""
    ranked: dict[str, list[tuple[int, int, ProcedureEntry]]] = {e.id: [] for e in events.events}
    for order, entry in enumerate(catalogue.in_state("active")):
        for m in memberships(entry, events):
            ranked[events.events[m.event].id].append((m.rank, order, entry))
    return {
        key: [entry for _, _, entry in sorted(items, key=lambda t: t[:2])] for key, items in ranked.items()
    }


def check_procedure_events(catalogue: Catalogue, events: EventFile) -> Iterator[Issue]:
    """Located errors for an ``events:`` entry that names no event of the taxonomy."""
    known = {event.id for event in events.events}
    for entry in catalogue.procedures:
        for i, ref in enumerate(entry.model.events):
            if ref.removeprefix("-") in known:
                continue
            yield entry.issue(
                "event-unknown",
                ("events", i),
                f"Không có sự kiện «{ref.removeprefix('-')}». Các mã hợp lệ: {', '.join(sorted(known))}.",
            )
