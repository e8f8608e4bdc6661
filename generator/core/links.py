"""Core: the small link views every page-making stage shares (a link, an office box with its link)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.core import urls
from generator.facts.offices import OfficeFacts


@dataclass(frozen=True)
class Link:
    """A link: text (escaped) and a relative href."""

    text: str
    href: str


@dataclass(frozen=True)
class OfficeView:
    """An office box: the office's facts, a link to its page, and poster PDF links shown with it."""

    facts: OfficeFacts
    href: str
    posters: tuple[Link, ...] = ()
    poster_slot: str = ""
    """Where the poster stage prints the sheet's version, date and pages (:mod:`generator.core.slots`)."""


def office_view(office: OfficeFacts, from_path: str, posters: tuple[Link, ...] = ()) -> OfficeView:
    """The office box of ``office`` as seen from the page at ``from_path``."""
    return OfficeView(office, urls.relative(from_path, urls.office_path(office.slug)), posters)
