"""Import, structure: one long step text into steps, and portal dossier groups into dossier cases.

Only what the text itself makes plain is turned into structure: a step list needs explicit,
consecutive markers (Bước 1, Bước 2 … / 1. 2. … / a) b) …); anything else stays verbatim. Portal
group headings («* Giấy tờ phải nộp:») become the case they stand for.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import Any

from generator.importer.records import Node
from generator.importer.text import fold, strip_bullet

Review = Callable[[str, str], None]
"""Records one point for review: ``review(field_path, reason)``."""

STEP_TITLE = "Trình tự thực hiện"
"""Title of the single step that keeps a portal text which is not clearly enumerated."""

_MARKERS: tuple[tuple[re.Pattern[str], Callable[[str], int]], ...] = (
    (re.compile(r"^\s*[-+*]?\s*Bước\s+(\d{1,2})\s*[:.)\-–]?\s*", re.IGNORECASE), int),
    (re.compile(r"^\s*(\d{1,2})\s*[.)]\s+"), int),
    (re.compile(r"^\s*([a-h])\s*\)\s+"), lambda letter: ord(letter) - ord("a") + 1),
)
_TITLE_END = re.compile(r"^(.{3,80}?)[:.]\s+(\S.*)$", re.DOTALL)


def _enumerated(lines: list[str], pattern: re.Pattern[str], order: Callable[[str], int]) -> list[int]:
    """Indexes of the lines that start the steps 1, 2, 3 …; [] unless at least two, in sequence."""
    starts: list[int] = []
    for i, line in enumerate(lines):
        match = pattern.match(line)
        if match and order(match.group(1)) == len(starts) + 1:
            starts.append(i)
    return starts if len(starts) >= 2 and starts[0] == 0 else []


def _one_step(number: int, chunk: list[str], pattern: re.Pattern[str]) -> dict[str, Any]:
    first = pattern.sub("", chunk[0], count=1).strip()
    rest = "\n".join(chunk[1:]).strip()
    match = _TITLE_END.match(first)
    if match:
        title, first = match.group(1).strip(), match.group(2).strip()
    elif len(first) <= 80:
        title, first = first.rstrip(":.").strip(), ""
    else:
        title = f"Bước {number}"
    text = "\n".join(part for part in (first, rest) if part)
    return {"title": title, "text": text} if text else {"title": title}


def split_steps(text: str) -> list[dict[str, Any]]:
    """Steps from one portal text: split at explicit step markers, or one verbatim step."""
    lines = text.split("\n")
    for pattern, order in _MARKERS:
        starts = _enumerated(lines, pattern, order)
        if starts:
            bounds = [*starts, len(lines)]
            return [
                _one_step(n + 1, lines[a:b], pattern) for n, (a, b) in enumerate(itertools.pairwise(bounds))
            ]
    return [{"title": STEP_TITLE, "text": text}]


def map_steps(record: Node) -> list[dict[str, Any]]:
    """The ``steps`` of a record: named portal steps as they are, an unnamed long text split."""
    steps: list[dict[str, Any]] = []
    for item in record.items("executionSteps"):
        name = item.text("name")
        text = item.text("description", multiline=True)
        if name and text:
            steps.append({"title": name, "text": text})
        elif name:
            steps.append({"title": name})
        elif text:
            steps.extend(split_steps(text))
    return steps


_HEADING = re.compile(r"^[\s*•+\-–]*(.*?)[\s:]*$", re.DOTALL)
_NOTE_HEADINGS = ("luu y", "ghi chu", "chu y")
_NOTE_STARTS = ("truong hop", "neu ", "doi voi", "luu y", "trong truong hop", "nguoi ", "co quan ")


def _case_heading(name: str) -> tuple[str | None, bool, bool]:
    """(case title, present only, notes only) of a portal group heading like «* Lưu ý:»."""
    title = _HEADING.match(name).group(1).strip() if name else ""  # type: ignore[union-attr]
    folded = fold(title)
    notes_only = folded in _NOTE_HEADINGS
    present = "xuat trinh" in folded and "nop" not in folded
    return (title or None), present, notes_only


def _is_note(name: str, originals: int, copies: int, case_has_counts: bool) -> bool:
    """A component that is guidance, not a document: no copies asked and worded as a rule."""
    if originals or copies:
        return False
    folded = fold(strip_bullet(name)[:40])
    return case_has_counts or folded.startswith(_NOTE_STARTS) or name.rstrip().endswith(":")


def _count(item: Node, key: str) -> int:
    value = item.number(key)
    if value is None:
        return 0
    if value < 0 or value != int(value) or value > 99:
        raise item.get(key).fail(f"số bản cần là số nguyên từ 0 đến 99, nhưng là {value:g}")
    return int(value)


def _document(item: Node, present: bool) -> dict[str, Any]:
    name = strip_bullet(item.text("name", required=True, multiline=True))
    doc: dict[str, Any] = {"name": " ".join(name.split()), "originals": _count(item, "originalQty")}
    doc["copies"] = _count(item, "copyQty")
    if present:
        doc["present_only"] = True
    if fold(name[:20]).startswith(("truong hop", "neu ")):
        doc["required"] = False
    files = [a.text("fileName") for a in item.items("attachments")]
    files = [f for f in files if f]
    if len(files) == 1:
        doc["form"] = {"name": files[0]}
    return doc


def _map_case(case: Node) -> tuple[dict[str, Any], list[str], bool]:
    """One portal group: the case (maybe without items), its note lines, whether it is notes only."""
    title, present, notes_only = _case_heading(case.text("name"))
    components = case.items("profileComponents")
    counted = any(_count(c, "originalQty") or _count(c, "copyQty") for c in components)
    items: list[dict[str, Any]] = []
    notes: list[str] = []
    for component in components:
        name = component.text("name", multiline=True)
        if not name:
            continue
        originals, copies = _count(component, "originalQty"), _count(component, "copyQty")
        if notes_only or _is_note(name, originals, copies, counted):
            notes.append(name)
        else:
            items.append(_document(component, present))
    body: dict[str, Any] = {"case": title} if title and not notes_only else {}
    return {**body, "items": items}, notes, notes_only


def map_documents(record: Node, review: Review) -> list[dict[str, Any]]:
    """Dossier cases from ``executionCases``; notes go to the case they sit in (or the one before)."""
    cases: list[dict[str, Any]] = []
    pending: list[str] = []
    for group in record.items("executionCases"):
        case, notes, _ = _map_case(group)
        if case["items"]:
            case_notes = [*pending, *notes]
            pending = []
            if case_notes:
                case["note"] = "\n".join(case_notes)
            cases.append(case)
        elif cases:
            cases[-1]["note"] = "\n".join(filter(None, [cases[-1].get("note", ""), *notes]))
        else:
            pending.extend(notes)
    if pending and cases:
        cases[-1]["note"] = "\n".join(filter(None, [cases[-1].get("note", ""), *pending]))
    for i, case in enumerate(cases):
        for j, doc in enumerate(case["items"]):
            if not doc["originals"] and not doc["copies"] and not doc.get("present_only"):
                review(
                    f"documents[{i}].items[{j}]",
                    "Cổng không ghi số bản chính, bản sao của giấy tờ này; hãy ghi «originals»/«copies».",
                )
    return cases
