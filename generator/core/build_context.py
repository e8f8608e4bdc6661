"""Core: the build context every page provider and post-build writer receives (site, search, posters)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from jinja2 import Environment

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core.history import History, read_history
from generator.core.jinja import page_environment


@dataclass(frozen=True)
class BuildContext:
    """What the stages after validation share; built once per build by :func:`make_build_context`.

    Attributes:
        root: the content repository root.
        as_of: the build date (lifecycle and fees are judged on it).
        env: the one Jinja environment for page fragments.
        last_changed: date of the last commit per content file (path relative to root).
        history: the public history (change notes per procedure file; how complete the git history is).
        by_code: procedures by national code (an active one wins when records share a code).
        by_slug: procedures by slug.
        base_url: the one public base URL from content/site.yaml.
    """

    root: Path
    as_of: dt.date
    env: Environment = field(repr=False)
    last_changed: Mapping[str, dt.date] = field(repr=False)
    by_code: Mapping[str, ProcedureEntry] = field(repr=False)
    by_slug: Mapping[str, ProcedureEntry] = field(repr=False)
    base_url: str = ""
    history: History = field(default_factory=lambda: History("none"), repr=False)


def make_build_context(catalogue: Catalogue, *, env: Environment | None = None) -> BuildContext:
    """Collect once what pages need beyond the catalogue: git dates, lookups, the Jinja env."""
    history = read_history(catalogue.root)
    return BuildContext(
        root=catalogue.root,
        as_of=catalogue.as_of,
        env=env or page_environment(),
        last_changed=history.last_changed,
        by_code=_by_code(catalogue),
        by_slug=MappingProxyType({entry.slug: entry for entry in catalogue.procedures}),
        base_url=catalogue.site.model.base_url,
        history=history,
    )


def rebind(ctx: BuildContext, catalogue: Catalogue) -> BuildContext:
    """``ctx`` for a catalogue with some records read again (the preview): new lookups, the same
    git history and Jinja environment (an edit being previewed is not committed yet)."""
    return dataclasses.replace(
        ctx,
        by_code=_by_code(catalogue),
        by_slug=MappingProxyType({entry.slug: entry for entry in catalogue.procedures}),
        base_url=catalogue.site.model.base_url,
    )


def _by_code(catalogue: Catalogue) -> Mapping[str, ProcedureEntry]:
    """Procedures by national code (an active one wins when records share a code)."""
    by_code: dict[str, ProcedureEntry] = {}
    for entry in catalogue.procedures:
        if entry.model.code is not None and (
            entry.model.code not in by_code or catalogue.state(entry) == "active"
        ):
            by_code[entry.model.code] = entry
    return MappingProxyType(by_code)
