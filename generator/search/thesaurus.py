"""Search, step 2b: the shipped Vietnamese administrative thesaurus, read like content, compiled for JS.

``generator/search/thesaurus.yaml`` belongs to Công Khai (every publisher gets it): groups of words
that mean the same thing to citizens and to the law, phone shorthand, the words that carry no
meaning in a question, the qualifiers that make a procedure a special case, and age bands. A
publisher's ``content/synonyms.yaml`` adds groups and can switch shipped groups off by id.
:func:`query_data` compiles everything, with the life events, into the folded tables the browser
engine uses to understand a query (``engine.js``, ``understand``); nothing is added to the index.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.core.events.taxonomy import EventFile
from generator.core.fold import fold, fold_tokens
from generator.issues import Issue, Severity
from generator.load import LoadedFile, load_yaml
from generator.model.procedure import describe
from generator.model.types import Record, Slug, Text
from generator.search.synonyms import SynonymFile
from generator.validate import validate_model

THESAURUS_FILE = Path(__file__).with_name("thesaurus.yaml")
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


class ThesaurusGroup(Record):
    """Words that mean the same thing (symmetric), and broader words reached one way only."""

    id: Slug = describe("Mã nhóm", "Mã cố định; content/synonyms.yaml tắt nhóm bằng mã này.")
    terms: tuple[Text, ...] = describe("Các cách gọi", "Hai cách gọi trở lên.", min_length=2)
    broader: tuple[Text, ...] = describe("Cách gọi rộng hơn", "Chỉ khớp một phần, một chiều.", ())
    src: Slug = describe("Nguồn", "Một mã trong «sources».")
    fields: tuple[Slug, ...] = describe(
        "Lĩnh vực", "Nhóm nói về các lĩnh vực này: ở thủ tục thuộc lĩnh vực khác nó chỉ khớp một nửa.", ()
    )
    generic: bool = describe(
        "Việc chung", "Động từ chung («xin», «làm», «cấp»): chỉ nó thôi thì chưa đủ để coi là khớp.", False
    )
    note: Text | None = describe("Ghi chú", "Vì sao nhóm này cần có.", None)


class AgeBand(Record):
    """Ages in a query («80 tuổi») read as a group of the thesaurus."""

    min: int = describe("Từ tuổi", "Tuổi nhỏ nhất.", ge=0)
    max: int = describe("Đến tuổi", "Tuổi lớn nhất.", ge=0)
    group: Slug = describe("Nhóm", "Mã nhóm trong «groups».")


class Thesaurus(Record):
    """generator/search/thesaurus.yaml."""

    sources: dict[Slug, Text] = describe("Nguồn", "Mã nguồn → tên văn bản hay ghi chú.", min_length=1)
    groups: tuple[ThesaurusGroup, ...] = describe("Các nhóm", "Nhóm cách gọi.", min_length=1)
    shorthand: dict[Text, Text] = describe("Viết tắt khi gõ", "Viết tắt → viết đủ.", {})
    stop: tuple[Text, ...] = describe("Từ không mang nghĩa", "Từ bỏ qua trong câu hỏi.", ())
    qualifiers: tuple[Text, ...] = describe("Trường hợp riêng", "Chữ làm thủ tục thành trường hợp riêng.", ())
    actions: tuple[Text, ...] = describe("Việc đứng đầu tên", "Việc làm thủ tục thành biến thể.", ())
    ages: tuple[AgeBand, ...] = describe("Nhóm tuổi", "Tuổi trong câu hỏi.", ())


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(PACKAGE_ROOT).as_posix()
    except ValueError:
        return path.name


def read_thesaurus(path: Path = THESAURUS_FILE) -> tuple[Thesaurus | None, list[Issue]]:
    """Load and check the thesaurus at ``path``; None with the issues when it is unusable."""
    loaded, issues = load_yaml(path, _display(path))
    if loaded is None:
        return None, issues
    thesaurus, found = validate_model(loaded, Thesaurus)
    issues.extend(found)
    if thesaurus is None:
        return None, issues
    issues.extend(check_thesaurus(thesaurus, loaded))
    return thesaurus, issues


@lru_cache(maxsize=1)
def shipped_thesaurus() -> Thesaurus:
    """The shipped thesaurus (a broken shipped file is a bug: tests keep it clean)."""
    thesaurus, issues = read_thesaurus()
    if thesaurus is None:
        raise RuntimeError("\n".join(issue.format() for issue in issues))
    return thesaurus


def _issue(loaded: LoadedFile, where: tuple[str | int, ...], code: str, message: str) -> Issue:
    line, column = loaded.locate(where)
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in where).lstrip(".")
    return Issue(loaded.display, line, column, code, field, message)


def check_thesaurus(thesaurus: Thesaurus, loaded: LoadedFile) -> Iterator[Issue]:
    """Located errors: unknown source, id used twice, a term with no word, an age band's unknown group."""
    ids: set[str] = set()
    for g, group in enumerate(thesaurus.groups):
        if group.src not in thesaurus.sources:
            yield _issue(
                loaded,
                ("groups", g, "src"),
                "thesaurus-unknown-source",
                f"Nguồn «{group.src}» không có trong «sources».",
            )
        if group.id in ids:
            yield _issue(
                loaded,
                ("groups", g, "id"),
                "thesaurus-duplicate-id",
                f"Mã nhóm «{group.id}» đã dùng ở trên; mỗi nhóm cần một mã riêng.",
            )
        ids.add(group.id)
        for key, terms in (("terms", group.terms), ("broader", group.broader)):
            for t, term in enumerate(terms):
                if not fold_tokens(term):
                    yield _issue(
                        loaded,
                        ("groups", g, key, t),
                        "thesaurus-term-empty",
                        f"Cách gọi «{term}» không có chữ hay số nào; hãy xoá hoặc sửa lại.",
                    )
    for a, band in enumerate(thesaurus.ages):
        if band.group not in ids:
            yield _issue(
                loaded,
                ("ages", a, "group"),
                "thesaurus-unknown-group",
                f"Không có nhóm «{band.group}» trong «groups».",
            )


def check_event_groups(thesaurus: Thesaurus, events: EventFile, display: str) -> Iterator[Issue]:
    """Errors for an event that names a thesaurus group that does not exist."""
    ids = {group.id for group in thesaurus.groups}
    for e, event in enumerate(events.events):
        for g, group in enumerate(event.groups):
            if group not in ids:
                yield Issue(
                    display,
                    1,
                    1,
                    "event-unknown-group",
                    f"events[{e}].groups[{g}]",
                    f"Sự kiện «{event.id}» nhắc nhóm «{group}» không có trong từ điển tìm kiếm.",
                )


def check_disabled(thesaurus: Thesaurus, synonyms: SynonymFile, display: str) -> Iterator[Issue]:
    """Warnings for ids in ``disable:`` that name no shipped group (a typo leaves the group on)."""
    ids = {group.id for group in thesaurus.groups}
    for i, ref in enumerate(synonyms.disable):
        if ref not in ids:
            yield Issue(
                display,
                1,
                1,
                "synonym-disable-unknown",
                f"disable[{i}]",
                f"Không có nhóm «{ref}» trong từ điển phát hành; nhóm này không tắt được gì.",
                Severity.WARNING,
            )


def _phrases(texts: Sequence[str]) -> list[str]:
    return [p for p in dict.fromkeys(fold(t) for t in texts) if p]


Group = tuple[str, list[str], list[str], bool, tuple[str, ...]]
"""A compiled group: id, folded terms, folded broader terms, generic, lĩnh vực slugs."""


def _groups(thesaurus: Thesaurus, synonyms: SynonymFile) -> list[Group]:
    """Every shipped group left on, then the publisher's groups."""
    off = set(synonyms.disable)
    groups = [
        (g.id, _phrases(g.terms), _phrases(g.broader), g.generic, g.fields)
        for g in thesaurus.groups
        if g.id not in off
    ]
    for n, group in enumerate(synonyms.groups):
        groups.append((group.id or f"content-{n + 1}", _phrases(group.terms), [], False, ()))
    return groups


def query_data(
    thesaurus: Thesaurus,
    synonyms: SynonymFile,
    events: EventFile,
    field_positions: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """The folded tables the browser uses to understand a query (payload key ``q``).

    ``g``: groups as [terms, broader, generic (1 or 0), positions of the group's lĩnh vực among
    ``field_positions`` (those the site has)]; ``stop``, ``qual``, ``act``: phrases;
    ``short``: word → replacement; ``ages``: [min, max, group]; ``ev``: events as [id, title,
    group positions, trigger phrases]. Every phrase is folded words joined by one space.
    """
    groups = _groups(thesaurus, synonyms)
    fp = field_positions or {}
    position = {group[0]: i for i, group in enumerate(groups)}
    return {
        "g": [
            [terms, broader, 1 if generic else 0, [fp[f] for f in fields if f in fp]]
            for _, terms, broader, generic, fields in groups
        ],
        "stop": _phrases(thesaurus.stop + synonyms.stop),
        "short": _shorthand(thesaurus.shorthand),
        "qual": _phrases(thesaurus.qualifiers),
        "act": _phrases(thesaurus.actions),
        "ages": [[b.min, b.max, position[b.group]] for b in thesaurus.ages if b.group in position],
        "ev": [
            [e.id, e.title, [position[g] for g in e.groups if g in position], _phrases(e.triggers)]
            for e in events.events
        ],
    }


def _shorthand(table: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for short, full in table.items():
        key = fold(short)
        if key and " " not in key and fold(full) != key:
            out[key] = fold(full)
    return out
