"""Query understanding (understand.js, rank.js, engine.js in Node, real lunr): meaning, events, no match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.search_eval import build_index
from tests.conftest import AS_OF, PROJECT_ROOT
from tests.search.nodejs import run_js

SEARCH_JS = """
const engine = S.createEngine(JSON.parse(fs.readFileSync(input.index, "utf8")), lunr, F);
console.log(JSON.stringify(input.queries.map((q) => {
  const r = engine.search(q.text, q.options || {});
  return { words: r.words, unmatched: r.unmatched, suggest: r.suggest, events: r.events,
           urls: r.hits.slice(0, 5).map((h) => h.doc.u.replace(/^thu-tuc\\/|\\/$/g, "")),
           eventIds: engine.events.map((e) => e[0]) };
})));
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample catalogue's procedure index, as the site ships it."""
    return build_index(PROJECT_ROOT, AS_OF, tmp_path_factory.mktemp("u") / "procedures.json")


def ask(index: Path, *texts: str, **options: Any) -> list[dict[str, Any]]:
    """Run queries through the shipped JavaScript."""
    queries = [{"text": t, "options": options} for t in texts]
    result: list[dict[str, Any]] = run_js(SEARCH_JS, {"index": str(index), "queries": queries})
    return result


def test_words_without_meaning_do_not_drown_the_ones_that_do(index: Path) -> None:
    plain, wordy = ask(index, "kết hôn", "cho em hỏi muốn làm thủ tục kết hôn thì cần giấy tờ gì ở đâu ạ")
    assert wordy["words"] == ["ket", "hon"]
    assert wordy["urls"][0] == plain["urls"][0] == "dang-ky-ket-hon"


def test_phone_shorthand_is_written_out(index: Path) -> None:
    (result,) = ask(index, "dk ket hon ko mat phi")
    assert result["words"][:4] == ["dang", "ki", "ket", "hon"] and result["urls"][0] == "dang-ky-ket-hon"


def test_situations_reach_the_base_procedure_before_its_variants(index: Path) -> None:
    born, died = ask(index, "con mới sinh cần đăng ký", "bố mất cần làm giấy tờ gì")
    assert born["urls"][0] == "dang-ky-khai-sinh"
    assert born["urls"].index("dang-ky-khai-sinh") < born["urls"].index("dang-ky-khai-sinh-luu-dong")
    assert died["urls"][0] == "dang-ky-khai-tu"
    assert died["events"] and born["events"]


def test_a_variant_asked_for_comes_first(index: Path) -> None:
    mobile, foreign = ask(index, "khai sinh tại nhà cho người ốm nặng", "khai sinh cho con lai")
    assert mobile["urls"][0] == "dang-ky-khai-sinh-luu-dong"
    assert foreign["urls"][0] == "dang-ky-khai-sinh-co-yeu-to-nuoc-ngoai"


def test_lost_is_not_died(index: Path) -> None:
    lost, died = ask(index, "mất sổ đỏ", "bà ngoại mất")
    assert lost["urls"][0] == "cap-lai-giay-chung-nhan-do-bi-mat"
    assert died["urls"][0] == "dang-ky-khai-tu"


def test_an_age_is_read_as_an_age_band(index: Path) -> None:
    (old,) = ask(index, "bà ngoại 80 tuổi không có lương hưu")
    assert old["urls"][0] == "tro-cap-huu-tri-xa-hoi"


@pytest.mark.parametrize("text", ["đăng ký xe ô tô", "xin giấy phép lái xe", "đổi bằng lái xe máy"])
def test_nothing_fits_is_said_and_nothing_wrong_is_shown(index: Path, text: str) -> None:
    (result,) = ask(index, text)
    assert result["unmatched"] is True and result["urls"] == []
    assert set(result["suggest"]) == {"events", "fields"}


def test_no_match_suggests_the_closest_events_and_fields(index: Path) -> None:
    (result,) = ask(index, "đổi bằng lái xe máy")
    assert result["unmatched"] is True
    (other,) = ask(index, "thẻ bảo hiểm y tế cho người cao tuổi")
    if other["unmatched"]:
        ids = [other["eventIds"][i] for i in other["suggest"]["events"]]
        assert "tuoi-gia" in ids


def test_an_event_chosen_lists_its_procedures_in_order(index: Path) -> None:
    (probe,) = ask(index, "")
    event = probe["eventIds"].index("nguoi-mat")
    (result,) = ask(index, "", facets={"event": event})
    assert result["urls"][0] == "dang-ky-khai-tu"
    assert result["urls"].index("dang-ky-khai-tu") < result["urls"].index("dang-ky-khai-tu-luu-dong")
