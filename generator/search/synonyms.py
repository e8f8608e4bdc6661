"""Search, step 2: site-wide synonyms (content/synonyms.yaml), validated with located errors.

A group says that its terms mean the same thing to a citizen ("sổ đỏ" ↔ "giấy chứng nhận quyền
sử dụng đất"). At index time, a procedure whose name or aliases contain one term of a group (as
whole folded words, in order) also becomes findable by every other term of the group.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from generator.core.fold import fold_tokens
from generator.issues import Issue, Severity, display_path
from generator.load import LoadedFile, load_yaml
from generator.load.files import inside
from generator.model.procedure import describe
from generator.model.types import Record, Slug, Text
from generator.validate import validate_model

SYNONYMS_FILE = Path("content/synonyms.yaml")


class SynonymGroup(Record):
    """Terms that mean the same thing to citizens."""

    id: Slug | None = describe("Mã nhóm", "Mã riêng của nhóm (không bắt buộc), ví dụ xe-cong-nong.", None)
    terms: tuple[Text, ...] = describe(
        "Các cách gọi",
        "Hai cách gọi trở lên của cùng một thứ, ví dụ [sổ đỏ, giấy chứng nhận quyền sử dụng đất].",
        min_length=2,
    )
    note: Text | None = describe("Ghi chú", "Vì sao nhóm này cần có (không bắt buộc).", None)


class SynonymFile(Record):
    """content/synonyms.yaml: groups of synonyms used by the search index."""

    groups: tuple[SynonymGroup, ...] = describe(
        "Các nhóm từ đồng nghĩa", "Mỗi nhóm là một danh sách cách gọi.", ()
    )
    disable: tuple[Slug, ...] = describe(
        "Tắt nhóm phát hành",
        "Mã các nhóm trong từ điển phát hành cùng Công Khai (generator/search/thesaurus.yaml) không dùng"
        " ở trang này, ví dụ [lam-lai].",
        (),
    )
    stop: tuple[Text, ...] = describe(
        "Thêm từ không mang nghĩa", "Từ bỏ qua trong câu hỏi, thêm vào danh sách phát hành.", ()
    )


Phrase = tuple[str, ...]
"""A term after folding: its words in order."""


def read_synonyms(root: Path) -> tuple[SynonymFile, list[Issue]]:
    """Load and check ``content/synonyms.yaml`` under ``root``; a missing file means no synonyms."""
    path = root / SYNONYMS_FILE
    if not path.is_file():
        return SynonymFile(), []
    if not inside(path, root / SYNONYMS_FILE.parent):
        message = "Tệp này là liên kết tượng trưng trỏ ra ngoài thư mục content/; hãy thay bằng chính tệp."
        return SynonymFile(), [Issue(display_path(path, root), 1, 1, "file-outside", "", message)]
    loaded, issues = load_yaml(path, display_path(path, root))
    if loaded is None:
        return SynonymFile(), issues
    synonyms, found = validate_model(loaded, SynonymFile)
    issues.extend(found)
    if synonyms is None:
        return SynonymFile(), issues
    issues.extend(check_synonyms(synonyms, loaded))
    return synonyms, issues


def check_synonyms(synonyms: SynonymFile, loaded: LoadedFile) -> Iterator[Issue]:
    """Yield located issues: terms that fold to nothing (errors), terms listed twice (warnings)."""
    seen: dict[Phrase, int] = {}
    for g, group in enumerate(synonyms.groups):
        for t, term in enumerate(group.terms):
            where = ("groups", g, "terms", t)
            line, column = loaded.locate(where)
            field = f"groups[{g}].terms[{t}]"
            phrase = tuple(fold_tokens(term))
            if not phrase:
                yield Issue(
                    loaded.display,
                    line,
                    column,
                    "synonym-empty",
                    field,
                    f"Cách gọi «{term}» không có chữ hay số nào để tìm; hãy xoá hoặc sửa lại.",
                )
            elif phrase in seen and seen[phrase] != g:
                yield Issue(
                    loaded.display,
                    line,
                    column,
                    "synonym-duplicate",
                    field,
                    f"«{term}» đã có trong nhóm thứ {seen[phrase] + 1}; hãy gộp hai nhóm làm một.",
                    Severity.WARNING,
                )
            else:
                seen.setdefault(phrase, g)


def folded_groups(synonyms: SynonymFile) -> list[list[Phrase]]:
    """Every group as folded phrases (empty phrases dropped)."""
    groups = [[tuple(fold_tokens(term)) for term in group.terms] for group in synonyms.groups]
    return [[phrase for phrase in group if phrase] for group in groups]


def _contains(words: Sequence[str], phrase: Phrase) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


def expand(texts: Iterable[str], groups: Sequence[Sequence[Phrase]]) -> list[str]:
    """Return the folded words of every synonym the ``texts`` (name, aliases) call for.

    A group applies when one of its phrases occurs in one of the texts; its other phrases are
    returned, each word once, in group order.
    """
    folded = [fold_tokens(text) for text in texts]
    vocabulary = {word for text in folded for word in text}  # a phrase with a word not here is absent
    words: list[str] = []
    for group in groups:
        present = [p for p in group if vocabulary.issuperset(p) and any(_contains(f, p) for f in folded)]
        if not present:
            continue
        for phrase in group:
            if phrase in present:
                continue
            for word in phrase:
                if word not in words:
                    words.append(word)
    return words
