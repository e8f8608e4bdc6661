"""engine.js (the query side), run in Node with the real lunr.js: ranking rules, facets, highlighting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from generator.facts.collation import boilerplate_length, listed_name
from generator.reading import read_catalogue
from generator.search.index import build_procedure_payload
from generator.search.records import index_fields, make_lookups, result_record
from generator.search.synonyms import SynonymFile
from tests.search.nodejs import run_js

SEARCH_JS = """
const engine = S.createEngine(input.payload, lunr, F);
console.log(JSON.stringify(input.queries.map((q) => {
  const r = engine.search(q.text, q.options || {});
  return { words: r.words, open: r.open, urls: r.hits.map((h) => h.doc.u) };
})));
"""


@pytest.fixture(scope="module")
def payload(valid_root: Path) -> dict[str, Any]:
    """The procedure index of the tiny fixture catalogue."""
    catalogue, issues = read_catalogue(valid_root, dt.date(2026, 11, 25))
    assert catalogue is not None, issues
    return build_procedure_payload(catalogue, SynonymFile())


def search(payload: dict[str, Any], text: str, **options: Any) -> dict[str, Any]:
    """Run one query through engine.js; return words, open flag and result addresses."""
    result: dict[str, Any] = run_js(
        SEARCH_JS, {"payload": payload, "queries": [{"text": text, "options": options}]}
    )[0]
    return result


def test_unaccented_and_variant_queries_find_the_procedure(payload: dict[str, Any]) -> None:
    for text in ("dang ky khai sinh", "ĐĂNG KÍ KHAI SINH", "dang ki khai sinh"):
        assert search(payload, text)["urls"][0] == "thu-tuc/dang-ky-khai-sinh/"


def test_a_repealed_procedure_comes_after_the_one_in_force(payload: dict[str, Any]) -> None:
    urls = search(payload, "đăng ký khai sinh")["urls"]
    assert urls.index("thu-tuc/dang-ky-khai-sinh/") < urls.index("thu-tuc/dang-ky-khai-sinh-cu/")


def test_codes_match_whole_by_six_digits_by_prefix_and_by_local_code(payload: dict[str, Any]) -> None:
    for text in ("1.001193", "001193", "1.0011", "Mã thủ tục: 1.001193", "1.001193.000.00.00.H31"):
        assert search(payload, text)["urls"][0] == "thu-tuc/dang-ky-khai-sinh/", text


def test_only_the_last_word_is_a_prefix_while_typing(payload: dict[str, Any]) -> None:
    typing = search(payload, "chứng th")
    assert typing["open"] and typing["urls"][0] == "thu-tuc/chung-thuc-ban-sao/"
    finished = search(payload, "chứng th ")
    assert not finished["open"]


def test_a_typo_in_an_unknown_word_still_finds_the_procedure(payload: dict[str, Any]) -> None:
    assert search(payload, "chung thuc ban soa")["urls"][0] == "thu-tuc/chung-thuc-ban-sao/"


def test_facets_filter_results(payload: dict[str, Any]) -> None:
    everything = search(payload, "")["urls"]
    assert len(everything) == len(payload["docs"])
    hotich = next(i for i, f in enumerate(payload["fields"]) if f[0] == "ho-tich")
    only = search(payload, "", facets={"field": hotich})["urls"]
    assert only and "thu-tuc/chung-thuc-ban-sao/" not in only


def test_highlight_marks_accented_words_that_answer_the_query() -> None:
    pieces = run_js(
        """const p = S.parseQuery("dang ki khai", F, null);
        console.log(JSON.stringify(S.highlight("Đăng ký khai sinh (cấp xã)", p, F)));""",
        None,
    )
    marked = [p["text"] for p in pieces if p["mark"]]
    assert marked == ["Đăng", "ký", "khai"]
    assert "".join(p["text"] for p in pieces) == "Đăng ký khai sinh (cấp xã)"


def test_highlight_skips_the_thu_tuc_prefix_the_record_names() -> None:
    name = "Thủ tục đăng ký khai sinh lưu động"
    script = f"""const p = S.parseQuery("khai tu", F, null);
        console.log(JSON.stringify([S.highlight("{name}", p, F, 8), S.highlight("{name}", p, F)]));"""
    skipped, plain = run_js(script, None)
    assert [p["text"] for p in skipped if p["mark"]] == ["khai"]
    assert "tục" in [p["text"] for p in plain if p["mark"]]  # what the prefix length prevents
    assert "".join(p["text"] for p in skipped) == name


def test_search_records_rank_names_without_the_prefix() -> None:
    catalogue, _ = read_catalogue(Path(__file__).resolve().parents[2], dt.date(2026, 11, 25))
    assert catalogue is not None
    lookups, prefixed = make_lookups(catalogue), 0
    for entry in catalogue.procedures:
        skip = boilerplate_length(entry.model.name)
        prefixed += skip > 0
        assert index_fields(catalogue, entry, [])["name"][:2] != ["thu", "tuc"]
        record = result_record(catalogue, entry, lookups)
        assert "k" not in record  # nothing to skip: results print the name as lists do
        assert record["n"] == listed_name(entry.model.name)
        assert not record["n"].casefold().startswith("thủ tục ")
    assert prefixed >= 5


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("hon", "hno", True),
        ("sinh", "sihn", True),
        ("tang", "tanng", True),
        ("dang", "dung", True),
        ("dang", "dong", True),
        ("khai", "kahi", True),
        ("khai", "sinh", False),
        ("ab", "abcd", False),
    ],
)
def test_within_one_edit(a: str, b: str, near: bool) -> None:
    assert run_js(f"console.log(JSON.stringify(S.withinOneEdit({a!r}, {b!r})));", None) is near


def test_an_index_of_another_format_is_refused(payload: dict[str, Any]) -> None:
    message = run_js(
        "try { S.createEngine({...input, v: 99}, lunr, F); console.log('null'); }"
        " catch (e) { console.log(JSON.stringify(e.message)); }",
        payload,
    )
    assert "format" in message


def test_result_records_keep_the_end_notice_and_the_events_apart() -> None:
    """«e» is a procedure's life events, «end» its «Áp dụng đến …» line: neither overwrites the other.

    (They once shared «e», so results printed «2,0» under the name and lost the end date.)
    """
    from generator.facts.procedure import procedure_facts

    catalogue, _ = read_catalogue(Path(__file__).resolve().parents[2], dt.date(2026, 11, 25))
    assert catalogue is not None
    docs = build_procedure_payload(catalogue, SynonymFile())["docs"]
    by_url = {doc["u"]: doc for doc in docs}
    both = 0
    for entry in catalogue.procedures:
        doc = by_url.get(f"thu-tuc/{entry.slug}/")
        if doc is None:
            continue
        notice = procedure_facts(catalogue, entry).dates.ends_notice
        assert doc.get("end") == (notice if procedure_facts(catalogue, entry).dates.ends else None)
        assert all(isinstance(m, list) and len(m) == 2 for m in doc.get("e", []))
        both += "end" in doc and "e" in doc
    assert both >= 1  # the sample has a procedure that both ends and belongs to a life event
