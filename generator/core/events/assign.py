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
from generator.core.events.taxonomy import EventFile, EventRule
from generator.core.fold import fold_tokens
from generator.issues import Issue


@dataclass(frozen=True)
class Membership:
    """A procedure's place in one event: the event's position in the taxonomy and the rank."""

    event: int
    rank: int


def _padded(words: Sequence[str]) -> str:
    """Folded words as one string with a space at each end, so a phrase matches whole words only."""
    return f" {' '.join(words)} "


@dataclass(frozen=True)
class _Rule:
    """One rule with its phrases folded once: ``" a b "`` strings to look for in a padded name."""

    fields: frozenset[str]
    named: bool  # the rule lists name phrases (even if none of them folds to a word)
    name: tuple[str, ...]
    not_: tuple[str, ...]

    def matches(self, padded: str, field: str) -> bool:
        if self.fields and field not in self.fields:
            return False
        if self.named and not any(p in padded for p in self.name):
            return False
        return not any(p in padded for p in self.not_)


def _phrases(phrases: Sequence[str]) -> tuple[str, ...]:
    folded = (fold_tokens(p) for p in phrases)
    return tuple(_padded(words) for words in folded if words)


def _compile(rule: EventRule) -> _Rule:
    return _Rule(frozenset(rule.fields), bool(rule.name), _phrases(rule.name), _phrases(rule.not_))


_COMPILED: dict[int, tuple[EventFile, tuple[tuple[_Rule, ...], ...]]] = {}


def _compiled(events: EventFile) -> tuple[tuple[_Rule, ...], ...]:
    """The rules of every event, folded once per taxonomy object (kept alive with it)."""
    cached = _COMPILED.get(id(events))
    if cached is None or cached[0] is not events:
        cached = (events, tuple(tuple(_compile(r) for r in e.rules) for e in events.events))
        _COMPILED[id(events)] = cached
    return cached[1]


def rule_matches(rule: EventRule, words: Sequence[str], field: str) -> bool:
    """Does ``rule`` take a procedure with these folded name ``words`` in lĩnh vực ``field``?"""
    return _compile(rule).matches(_padded(words), field)


def _rank(rules: Sequence[_Rule], padded: str, field: str) -> int | None:
    return next((rank for rank, rule in enumerate(rules) if rule.matches(padded, field)), None)


def memberships(entry: ProcedureEntry, events: EventFile) -> list[Membership]:
    """The events of one procedure, by rules and by its own ``events:`` list, in taxonomy order."""
    model = entry.model
    padded = _padded(fold_tokens(model.name))
    own = {ref for ref in model.events if not ref.startswith("-")}
    removed = {ref[1:] for ref in model.events if ref.startswith("-")}
    found = []
    for position, (event, rules) in enumerate(zip(events.events, _compiled(events), strict=True)):
        if event.id in removed:
            continue
        rank = _rank(rules, padded, model.field)
        if rank is None and event.id in own:
            rank = len(event.rules)
        if rank is not None:
            found.append(Membership(position, rank))
    return found


def event_members(catalogue: Catalogue, events: EventFile) -> dict[str, list[ProcedureEntry]]:
    """Active procedures of every event, best rank first (then catalogue order); once per catalogue."""
    found = catalogue.derived(
        ("event-members", id(events)), lambda: (events, _event_members(catalogue, events))
    )
    return found[1] if found[0] is events else _event_members(catalogue, events)


def _event_members(catalogue: Catalogue, events: EventFile) -> dict[str, list[ProcedureEntry]]:
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
