"""Facts layer: office boxes and feedback blocks; an office's own feedback block wins wherever it is shown."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Feedback, Office, Site


@dataclass(frozen=True)
class FeedbackFacts:
    """Where to send phản ánh, kiến nghị: agency, address, phone, email, website, note."""

    agency: str
    address: str
    phone: str
    email: str | None
    website: str | None
    note: str | None


@dataclass(frozen=True)
class OfficeFacts:
    """One office: where to go, when, whom to call, and where to complain.

    Attributes:
        slug: the office file's name. name, short_name, address, hours, hotline, email, desks:
        as published. feedback: the office's own feedback block, else the site's.
    """

    slug: str
    name: str
    short_name: str | None
    address: str
    hours: tuple[str, ...]
    hotline: str
    email: str | None
    desks: tuple[str, ...]
    feedback: FeedbackFacts


def feedback_facts(feedback: Feedback) -> FeedbackFacts:
    """The facts of a feedback block."""
    return FeedbackFacts(
        feedback.agency, feedback.address, feedback.phone, feedback.email, feedback.website, feedback.note
    )


def office_facts(slug: str, office: Office, site: Site) -> OfficeFacts:
    """The facts of one office; its feedback block is its own when it has one, else the site's."""
    return OfficeFacts(
        slug=slug,
        name=office.name,
        short_name=office.short_name,
        address=office.address,
        hours=office.hours,
        hotline=office.hotline,
        email=office.email,
        desks=office.desks,
        feedback=feedback_facts(office.feedback or site.feedback),
    )
