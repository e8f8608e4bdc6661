"""The shipped thesaurus and life events: read like content, located errors, publisher additions, switches."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.events.assign import event_members, memberships, rule_matches
from generator.core.events.taxonomy import EventRule, read_events, shipped_events
from generator.core.fold import fold, fold_tokens
from generator.issues import Severity
from generator.reading import read_catalogue
from generator.search.synonyms import SYNONYMS_FILE, read_synonyms
from generator.search.thesaurus import query_data, read_thesaurus, shipped_thesaurus
from generator.search.words import check_words
from tests.conftest import AS_OF, PROJECT_ROOT


def located(issues: list) -> list[tuple[str, int, str, str]]:  # type: ignore[type-arg]
    """Issues as (file, line, field, code)."""
    return sorted((i.file, i.line, i.field, i.code) for i in issues)


def test_the_shipped_files_are_clean_and_large() -> None:
    thesaurus, issues = read_thesaurus()
    events, more = read_events()
    assert issues == [] and more == []
    assert thesaurus is not None and events is not None
    assert len(thesaurus.groups) >= 150
    assert sum(len(g.terms) for g in thesaurus.groups) >= 1000
    assert len(events.events) >= 12
    assert check_words(PROJECT_ROOT, None) == []


def test_every_group_names_a_source_and_every_event_group_exists() -> None:
    thesaurus = shipped_thesaurus()
    ids = {g.id for g in thesaurus.groups}
    assert all(g.src in thesaurus.sources for g in thesaurus.groups)
    assert {g for e in shipped_events().events for g in e.groups} <= ids


def test_the_common_abbreviations_are_known() -> None:
    terms = {fold(t) for g in shipped_thesaurus().groups for t in g.terms}
    for short in ("GCN", "QSDĐ", "GPXD", "HKD", "ĐKKD", "CMND", "CCCD", "BHYT", "BHXH", "HĐLĐ", "TTHC"):
        assert fold(short) in terms or fold(short) in {fold(s) for s in shipped_thesaurus().stop}, short
    assert shipped_thesaurus().shorthand["ko"] == "không"


def test_a_broken_thesaurus_gives_located_errors(tmp_path: Path) -> None:
    path = tmp_path / "thesaurus.yaml"
    path.write_text(
        "sources: {luat: Luật}\n"
        "groups:\n"
        "  - {id: a, src: luat, terms: [sổ đỏ, bìa đỏ]}\n"
        "  - {id: a, src: khac, terms: [x, '—']}\n"
        "ages:\n"
        "  - {min: 60, max: 150, group: khong-co}\n",
        encoding="utf-8",
    )
    thesaurus, issues = read_thesaurus(path)
    assert thesaurus is not None
    assert located(issues) == [
        ("thesaurus.yaml", 4, "groups[1].id", "thesaurus-duplicate-id"),
        ("thesaurus.yaml", 4, "groups[1].src", "thesaurus-unknown-source"),
        ("thesaurus.yaml", 4, "groups[1].terms[1]", "thesaurus-term-empty"),
        ("thesaurus.yaml", 6, "ages[0].group", "thesaurus-unknown-group"),
    ]


def test_a_broken_events_file_gives_located_errors(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(
        "events:\n"
        "  - {id: a, title: x, rules: [{name: [khai sinh]}]}\n"
        "  - {id: a, title: y, triggers: ['…'], rules: [{fields: [ho-tich]}]}\n"
        "  - {id: b, title: z, rules: []}\n",
        encoding="utf-8",
    )
    _, issues = read_events(path)
    assert located(issues) == [("events.yaml", 4, "events[2].rules", "empty-list")]
    path.write_text(path.read_text(encoding="utf-8").replace("rules: []", "rules: [{}]"), encoding="utf-8")
    _, issues = read_events(path)
    assert located(issues) == [
        ("events.yaml", 3, "events[1].id", "event-duplicate"),
        ("events.yaml", 3, "events[1].triggers[0]", "event-phrase-empty"),
    ]


def _tree(tmp_path: Path, events_line: str) -> Path:
    root = tmp_path / "root"
    shutil.copytree(PROJECT_ROOT / "tests" / "fixtures" / "valid", root)
    target = next((root / "procedures").rglob("*.yaml"))
    text = target.read_text(encoding="utf-8").rstrip("\n") + f"\n{events_line}\n"
    target.write_text(text, encoding="utf-8")
    return root


def test_a_procedure_can_join_and_leave_events(tmp_path: Path) -> None:
    root = _tree(tmp_path, "events: [tuoi-gia, -sinh-con, -giay-to-ca-nhan]")
    catalogue, issues = read_catalogue(root, AS_OF)
    assert catalogue is not None, issues
    entry = next(e for e in catalogue.procedures if e.model.events)
    ids = [shipped_events().events[m.event].id for m in memberships(entry, shipped_events())]
    assert "tuoi-gia" in ids and "sinh-con" not in ids and "giay-to-ca-nhan" not in ids
    members = event_members(catalogue, shipped_events())
    assert entry in members["tuoi-gia"]


def test_an_unknown_event_is_a_located_error(tmp_path: Path) -> None:
    root = _tree(tmp_path, "events: [sinh-con, khong-co]")
    catalogue, _ = read_catalogue(root, AS_OF)
    assert catalogue is not None
    found = [i for i in check_words(root, catalogue) if i.code == "event-unknown"]
    assert [(i.field, i.severity) for i in found] == [("events[1]", Severity.ERROR)]
    assert found[0].file.startswith("procedures/") and found[0].line > 1


def test_a_publisher_adds_groups_and_switches_shipped_ones_off(tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(PROJECT_ROOT / "tests" / "fixtures" / "valid", root)
    (root / SYNONYMS_FILE).write_text(
        "disable: [so-do, khong-co-nhom-nay]\n"
        "groups:\n  - {id: xe-cong-nong, terms: [xe công nông, xe ba gác]}\n",
        encoding="utf-8",
    )
    synonyms, issues = read_synonyms(root)
    assert issues == []
    data = query_data(shipped_thesaurus(), synonyms, shipped_events())
    terms = [group[0] for group in data["g"]]
    assert ["xe cong nong", "xe ba gac"] in terms
    assert not any("so do" in group for group in terms)
    warnings = [(i.field, i.code) for i in check_words(root, None)]
    assert warnings == [("disable[1]", "synonym-disable-unknown")]


_WORDS = st.lists(
    st.sampled_from(["giấy", "khai", "sinh", "tử", "hộ", "hoà", "đăng", "ăn", "ký", "ai"]), max_size=7
)


@settings(max_examples=300, deadline=None)
@given(
    words=_WORDS,
    names=st.lists(_WORDS.filter(bool).map(" ".join), max_size=3),
    nots=st.lists(_WORDS.filter(bool).map(" ".join), max_size=2),
)
def test_a_rule_matches_whole_word_runs_exactly(words: list[str], names: list[str], nots: list[str]) -> None:
    """The folded-once matcher says what the definition says: a phrase is a run of whole words."""
    words = fold_tokens(" ".join(words))

    def has(phrase: str) -> bool:
        p = fold_tokens(phrase)
        return bool(p) and any(words[i : i + len(p)] == p for i in range(len(words) - len(p) + 1))

    rule = EventRule.model_validate({"name": names, "not": nots})
    expected = (not names or any(has(n) for n in names)) and not any(has(n) for n in nots)
    assert rule_matches(rule, fold_tokens(" ".join(words)), "ho-tich") is expected
