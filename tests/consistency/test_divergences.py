"""The paper = web = search check can fail: each of the four divergences found on the sample, put
back into the web stage alone, is reported (a stages-only time read «ngày», stage notes dropped,
the site-wide feedback block on an office with its own, a second collation key), and so is a
summary cell that shows only the first channel's headline."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import generator.site.listing
import generator.site.procedure
import generator.site.views
from generator.facts.offices import FeedbackFacts
from generator.facts.procedure import ProcedureFacts
from generator.facts.procedure import procedure_facts as real_facts
from generator.model.types import UNIT_LABELS
from generator.search.records import make_lookups, result_record
from tests.consistency.checking import Outputs, build_outputs, disagreements
from tests.consistency.variants import write_variant

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    return build_outputs(ROOT, dt.date(2026, 11, 25), tmp_path_factory.mktemp("sample"))


def _on_web(monkeypatch: pytest.MonkeyPatch, change: Callable[[ProcedureFacts, Any], ProcedureFacts]) -> None:
    def patched(catalogue: Any, entry: Any) -> ProcedureFacts:
        facts = real_facts(catalogue, entry)
        return change(facts, entry)

    monkeypatch.setattr(generator.site.procedure, "procedure_facts", patched)
    monkeypatch.setattr(generator.site.views, "procedure_facts", patched)


def _channels(facts: ProcedureFacts, time_change: Callable[[Any, Any], Any], entry: Any) -> ProcedureFacts:
    channels = tuple(
        dataclasses.replace(c, time=time_change(c.time, model.time))
        for c, model in zip(facts.channels, entry.model.channels, strict=True)
    )
    return dataclasses.replace(facts, channels=channels)


def test_a_bare_unit_for_a_stages_only_time(sample: Outputs, monkeypatch: pytest.MonkeyPatch) -> None:
    def old_headline(time: Any, model: Any) -> Any:
        if model.value is None and model.unit != "within_day":
            return dataclasses.replace(time, headline=UNIT_LABELS[model.unit])
        return time

    _on_web(monkeypatch, lambda facts, entry: _channels(facts, old_headline, entry))
    assert any("time" in d and "ngày" in d for d in disagreements(sample))


def test_stage_notes_dropped(sample: Outputs, monkeypatch: pytest.MonkeyPatch) -> None:
    def drop_notes(time: Any, model: Any) -> Any:
        return dataclasses.replace(time, stages=tuple(stage.name for stage in model.stages))

    _on_web(monkeypatch, lambda facts, entry: _channels(facts, drop_notes, entry))
    assert any("time notes" in d for d in disagreements(sample))


def test_site_feedback_instead_of_the_offices_own(sample: Outputs, monkeypatch: pytest.MonkeyPatch) -> None:
    def site_block(offices: Any, fallback: FeedbackFacts) -> tuple[FeedbackFacts, ...]:
        return (fallback,)

    monkeypatch.setattr(generator.site.procedure, "feedback_blocks", site_block)
    assert any("feedback" in d for d in disagreements(sample))


def test_a_summary_that_shows_only_the_first_time(sample: Outputs, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one-cell summary (tables, search results) printing only the headline of the first channel
    hides the longer cases the page lists («trường hợp phải xác minh: 23 ngày»)."""
    assert disagreements(sample) == []
    first_only = property(lambda facts: facts.channels[0].time.headline if facts.channels else "—")
    monkeypatch.setattr(ProcedureFacts, "time_short", first_only)
    lookups = make_lookups(sample.catalogue)
    records = {e.slug: result_record(sample.catalogue, e, lookups) for e in sample.catalogue.procedures}
    assert any("search time" in d for d in disagreements(dataclasses.replace(sample, records=records)))


def test_a_second_collation_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def old_key(text: str) -> str:
        folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        return "".join(c for c in folded if not unicodedata.combining(c)).casefold() + "\x00" + text

    names = ["Đăng ký thử", "Duyệt thử", "Dịch thử", "Ăn thử", "Anh thử"]
    variant = {
        "procedures": [
            {"slug": f"thu-{i}", "name": name, "offices": ["mot-cua"]} for i, name in enumerate(names)
        ],
        "feedback": None,
    }
    root = write_variant(variant, ROOT / "tests" / "fixtures" / "valid", tmp_path / "tree")
    out = build_outputs(root, dt.date(2026, 11, 25), tmp_path)
    assert disagreements(out) == []
    monkeypatch.setattr(generator.site.listing, "collation_key", old_key)
    assert any("order in" in d for d in disagreements(out))
