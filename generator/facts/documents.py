"""Facts layer: dossier documents (how many copies, fine print) and legal texts in words."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.model import Decision, Document, DossierCase, LegalDocument
from generator.model.dates import format_date


def quantity(doc: Document) -> str:
    """How many copies of a document: «01 bản chính, 01 bản sao», «Xuất trình bản chính»."""
    if doc.present_only:
        return "Xuất trình bản chính" if doc.originals else "Xuất trình"
    parts = []
    if doc.originals:
        parts.append(f"{doc.originals:02d} bản chính")
    if doc.copies:
        parts.append(f"{doc.copies:02d} bản sao")
    return ", ".join(parts) or "Theo yêu cầu"


def form_note(doc: Document) -> str | None:
    """The form a document is written on: «Mẫu: Mẫu số 01/TP-HT», or None."""
    if doc.form is not None and (doc.form.code or doc.form.name):
        return f"Mẫu: {doc.form.code or doc.form.name}"
    return None


def document_notes(doc: Document) -> tuple[str, ...]:
    """Fine print under a document's name besides its form: its note, whether it is optional."""
    notes = []
    if doc.note:
        notes.append(doc.note)
    elif not doc.required and "nếu có" not in doc.name.casefold():
        notes.append("Chỉ nộp trong một số trường hợp")
    return tuple(notes)


@dataclass(frozen=True)
class DocumentFacts:
    """One document of the dossier: number (continuous across groups), name, copies, form, fine print."""

    number: int
    name: str
    quantity: str
    form: str | None
    notes: tuple[str, ...]


@dataclass(frozen=True)
class DossierFacts:
    """One group of documents (a case such as «Giấy tờ phải xuất trình»)."""

    case: str | None
    note: str | None
    items: tuple[DocumentFacts, ...]


HEADING_MARKS = re.compile(r"^[\s*•·\-–—+]+|[\s:;.,]+$")
"""The portal's list marks before a group heading («* ») and punctuation after it («:»)."""


def heading(case: str | None) -> str | None:
    """A group heading as printed: «* Giấy tờ phải nộp:» → «Giấy tờ phải nộp» (the data keeps the text)."""
    if case is None:
        return None
    cleaned = HEADING_MARKS.sub("", case)
    return cleaned or case


def dossier_facts(cases: tuple[DossierCase, ...]) -> tuple[DossierFacts, ...]:
    """The dossier, documents numbered continuously across groups."""
    groups, number = [], 0
    for case in cases:
        items = []
        for doc in case.items:
            number += 1
            items.append(DocumentFacts(number, doc.name, quantity(doc), form_note(doc), document_notes(doc)))
        groups.append(DossierFacts(heading(case.case), case.note, tuple(items)))
    return tuple(groups)


def legal_text(doc: LegalDocument) -> str:
    """A legal basis the official way: «Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014 của Quốc hội»."""
    text = doc.title if doc.number in doc.title else f"{doc.title} số {doc.number}"
    if doc.date is not None:
        text += f" ngày {format_date(doc.date)}"
    if doc.issuer:
        text += f" của {doc.issuer}"
    return text


def decision_phrase(number: str, date: dt.date, issuer: str) -> str:
    """A decision the official way: «Quyết định số 658/QĐ-UBND ngày 10/04/2026 của UBND …».

    The one phrase of a decision, for a procedure's publication decision and a plan's approval.
    """
    return f"Quyết định số {number} ngày {format_date(date)} của {issuer}"


def decision_text(decision: Decision) -> str:
    """The publication decision: «Công bố kèm theo Quyết định số 658/QĐ-UBND ngày … của …»."""
    return f"Công bố kèm theo {decision_phrase(decision.number, decision.date, decision.issuer)}"


DATA_SUFFIXES = (".json", ".csv", ".tsv", ".xlsx", ".xls", ".xml", ".yaml", ".yml", ".py", ".js", ".zip")
"""A source address ending so is a data file, not a legal text."""
CODE_FORGES = ("github.com", "gitlab.com", "raw.githubusercontent.com", "bitbucket.org", "codeberg.org")
"""Hosts of source code and data repositories."""
DATA_SOURCE = "Nguồn dữ liệu"
WEB_SOURCE = "Trang nguồn"


@dataclass(frozen=True)
class SourceFacts:
    """Where a procedure's data was taken from, named for what it is.

    Attributes:
        label: «Nguồn dữ liệu» for a data file or a code forge, «Trang nguồn» otherwise (never
        «văn bản gốc»: the legal text is the publication decision). text: the link text. url: the address.
    """

    label: str
    text: str
    url: str


def source_facts(url: str) -> SourceFacts:
    """The source link of a procedure, named for what it points at."""
    host = urlsplit(url).hostname or url
    path = urlsplit(url).path.casefold()
    host = host.removeprefix("www.")
    if host in CODE_FORGES or path.endswith(DATA_SUFFIXES):
        return SourceFacts(DATA_SOURCE, f"tệp dữ liệu trên {host}", url)
    return SourceFacts(WEB_SOURCE, host, url)
