"""The procedure and full-text indexes: what is indexed, the compact format, the files written."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from lunr.builder import Builder

from generator.catalogue import Catalogue
from generator.core.build_context import make_build_context
from generator.errors import ContentError
from generator.reading import read_catalogue
from generator.search import index as search_index
from generator.search.fulltext import build_fulltext_payload, page_path
from generator.search.index import FIELD_BOOSTS, PIPELINE_NAME, build_procedure_payload, make_builder
from generator.search.records import code_words, index_fields
from generator.search.synonyms import SYNONYMS_FILE, SynonymFile, folded_groups, read_synonyms
from generator.search.write import dump, write_search_index
from tests.search.nodejs import run_js

AS_OF = dt.date(2026, 11, 25)


def catalogue_of(root: Path) -> Catalogue:
    """Read a content tree that must be valid."""
    catalogue, issues = read_catalogue(root, AS_OF)
    assert catalogue is not None, [i.format() for i in issues]
    return catalogue


def entry(catalogue: Catalogue, slug: str) -> Any:
    """The procedure entry with ``slug``."""
    return next(e for e in catalogue.procedures if e.slug == slug)


def test_code_words_cover_the_code_its_six_digits_and_the_local_code() -> None:
    assert code_words("1.001193", None) == ["1.001193", "001193"]
    assert code_words("1.001193", "1.001193.000.00.00.H31") == [
        "1.001193",
        "001193",
        "1.001193.000.00.00",
        "h31",
    ]
    assert code_words(None, None) == []


def test_index_fields_are_folded_and_synonyms_expanded(content_root: Path) -> None:
    (content_root / SYNONYMS_FILE).write_text("groups:\n  - terms: [giấy khai sinh, khai sinh cho con]\n")
    catalogue = catalogue_of(content_root)
    synonyms, _ = read_synonyms(content_root)
    fields = index_fields(catalogue, entry(catalogue, "dang-ky-khai-sinh"), folded_groups(synonyms))
    assert list(fields) == [name for name, _ in FIELD_BOOSTS]
    assert fields["name"] == ["dang", "ki", "khai", "sinh"]
    assert fields["aliases"] == ["lam", "giay", "khai", "sinh"]
    assert fields["synonyms"] == ["khai", "sinh", "cho", "con"]
    assert fields["code"] == ["1.001193", "001193"]
    assert "ho" in fields["other"] and "tich" in fields["other"]


def test_the_payload_lists_every_procedure_with_its_state(valid_root: Path) -> None:
    payload = build_procedure_payload(catalogue_of(valid_root), SynonymFile())
    states = {doc["u"]: doc.get("s", "active") for doc in payload["docs"]}
    assert states == {
        "thu-tuc/chung-thuc-ban-sao/": "active",
        "thu-tuc/cong-nhan-ho-ngheo/": "active",
        "thu-tuc/dang-ky-dat-dai-lan-dau/": "active",
        "thu-tuc/dang-ky-khai-sinh-cu/": "repealed",
        "thu-tuc/dang-ky-khai-sinh/": "active",
        "thu-tuc/dang-ky-khai-tu-cu/": "repealed",
        "thu-tuc/nhan-con-nuoi/": "upcoming",
    }
    assert payload["index"]["pipeline"] == [PIPELINE_NAME]
    assert {"n", "c", "u", "f", "l", "o", "w", "t", "p", "free"} <= set(payload["docs"][0])


def test_the_payload_is_byte_for_byte_reproducible(valid_root: Path) -> None:
    catalogue = catalogue_of(valid_root)
    assert dump(build_procedure_payload(catalogue, SynonymFile())) == dump(
        build_procedure_payload(catalogue, SynonymFile())
    )


def _raw_lunr_index(documents: list[dict[str, Any]]) -> dict[str, Any]:
    builder: Builder = make_builder(FIELD_BOOSTS)
    for doc in documents:
        builder.add(doc)
    serialised: dict[str, Any] = builder.build().serialize()
    return serialised


SAME_RESULTS_JS = """
S.createEngine({v: S.FORMAT_VERSION, index: input.compact, docs: input.docs}, lunr, F);  // registers fold-vi
const compact = lunr.Index.load(JSON.parse(JSON.stringify(input.expanded)));
const raw = lunr.Index.load(input.raw);
const run = (idx, q) => idx.search(q).map((r) => [r.ref, Math.round(r.score * 10) / 10]);
console.log(JSON.stringify(input.queries.map((q) => [run(raw, q), run(compact, q)])));
"""


def test_the_compact_index_answers_like_the_lunr_py_index(valid_root: Path) -> None:
    catalogue = catalogue_of(valid_root)
    payload = build_procedure_payload(catalogue, SynonymFile())
    documents = [{"id": str(i), **index_fields(catalogue, e, [])} for i, e in enumerate(catalogue.procedures)]
    expanded = run_js(
        "const e = S.createEngine({v: S.FORMAT_VERSION, index: input, docs: []}, lunr, F);"
        "console.log(JSON.stringify(e.index.toJSON()));",
        payload["index"],
    )
    queries = ["Đăng ký khai sinh", "khai", "chứng thực bản sao", "1.001193", "con nuôi"]
    pairs = run_js(
        SAME_RESULTS_JS,
        {
            "compact": payload["index"],
            "expanded": expanded,
            "raw": _raw_lunr_index(documents),
            "docs": payload["docs"],
            "queries": queries,
        },
    )
    for raw, compact in pairs:
        assert raw == compact
    assert pairs[0][0], "the lunr parser folds through the registered fold-vi pipeline"


def test_compact_drops_lunrs_repetition() -> None:
    documents = [{"id": "0", "a": ["x", "y"]}, {"id": "1", "a": ["x"]}, {"id": "2", "a": ["y"]}]
    wire = search_index.build_lunr(documents, [("a", 1)])
    assert wire["words"] == ["x", "y"]
    assert wire["postings"] == [[[0, 1], [0, 2]]]
    assert len(wire["weights"][0][0]) == 2


def test_fulltext_covers_steps_documents_and_pages(valid_root: Path) -> None:
    from generator.core.pages import TextPage

    catalogue = catalogue_of(valid_root)
    payload = build_fulltext_payload(
        catalogue, [TextPage("gioi-thieu/", "Giới thiệu", "Trang này công khai thủ tục.")]
    )
    assert payload["docs"][-1] == {"n": "Giới thiệu", "u": "gioi-thieu/"}
    assert payload["labels"]["steps"] == "trình tự thực hiện"
    assert "cong" in payload["index"]["words"] and "khai" in payload["index"]["words"]


@pytest.mark.parametrize(
    ("markdown", "path"),
    [("gioi-thieu.md", "gioi-thieu/"), ("index.md", ""), ("a/index.md", "a/"), ("a/b.md", "a/b/")],
)
def test_page_paths_follow_directory_urls(markdown: str, path: str) -> None:
    assert page_path(Path(markdown)) == path


def test_the_writer_puts_both_indexes_into_the_site(valid_root: Path, tmp_path: Path) -> None:
    catalogue = catalogue_of(valid_root)
    write_search_index(catalogue, tmp_path, make_build_context(catalogue))
    procedures = json.loads((tmp_path / "search" / "procedures.json").read_text(encoding="utf-8"))
    fulltext = json.loads((tmp_path / "search" / "fulltext.json").read_text(encoding="utf-8"))
    assert len(procedures["docs"]) == len(catalogue.procedures) == len(fulltext["docs"])


def test_the_writer_stops_on_synonym_errors(content_root: Path, tmp_path: Path) -> None:
    (content_root / SYNONYMS_FILE).write_text("groups:\n  - terms: [chỉ một]\n", encoding="utf-8")
    catalogue = catalogue_of(content_root)
    with pytest.raises(ContentError) as caught:
        write_search_index(catalogue, tmp_path, make_build_context(catalogue))
    assert [(i.file, i.line, i.code) for i in caught.value.issues] == [
        ("content/synonyms.yaml", 2, "empty-list")
    ]


def test_golden_search_records(valid_root: Path) -> None:
    """The search records of the fixture tree (what a result card says), compared with a golden file.

    ``make golden`` (CK_UPDATE_GOLDEN=1) rewrites it; the lunr index itself is not golden (the
    records and the query tables are what a citizen reads).
    """
    payload = build_procedure_payload(catalogue_of(valid_root), SynonymFile())
    text = json.dumps({"docs": payload["docs"]}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path = Path(__file__).resolve().parent / "golden" / "records.json"
    if os.environ.get("CK_UPDATE_GOLDEN") == "1" or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), "search records changed; review, then `make golden`"
