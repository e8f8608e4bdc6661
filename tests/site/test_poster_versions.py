"""Staff can check a wall sheet against the site (issue 12, item 10): the office page lists every PDF
posted there with its version id, date, page count and size, and the procedure page shows the version
posted at each office — the same figures as the published manifest and the files themselves."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.core.slots import fill_slots, slot, slot_key
from generator.posters.on_site import size_text

ROW = re.compile(
    r'<tr data-ck-sheet="([^"]+)"><th scope="row"><a href="([^"]+)"[^>]*>.*?</a></th><td[^>]*><code>([^<]+)'
    r'</code></td><td[^>]*><time datetime="([0-9-]+)">[^<]+</time></td>'
    r"<td[^>]*>(\d+)</td><td[^>]*>([^<]+)</td></tr>"
)
OFFICE_BOX = re.compile(r'<div class="ck-office" data-ck-office="([^"]+)">(.*?)</div>', re.S)
VERSION = re.compile(
    r'data-ck="poster-version">Phiên bản <code>([^<]+)</code>, cập nhật <time datetime="([0-9-]+)">'
)


def _manifest(site: Path) -> list[dict[str, object]]:
    sheets = json.loads((site / "posters" / "manifest.json").read_text(encoding="utf-8"))["sheets"]
    assert sheets, "the sample publishes posters"
    return list(sheets)


@pytest.mark.slow
def test_the_office_page_lists_every_sheet_with_its_version(sample_site: Path) -> None:
    sheets = _manifest(sample_site)
    offices = {str(s["office"]) for s in sheets}
    for office in offices:
        page = sample_site / "co-quan" / office / "index.html"
        rows = ROW.findall(page.read_text(encoding="utf-8"))
        expected = [s for s in sheets if s["office"] == office]
        assert [r[0] for r in rows] == [s["path"] for s in expected], office
        for (path, href, version, updated, pages, size), sheet in zip(rows, expected, strict=True):
            pdf = (page.parent / href).resolve()
            assert pdf == (sample_site / "posters" / path).resolve() and pdf.is_file()
            assert (version, updated, int(pages)) == (sheet["version"], sheet["updated"], sheet["pages"])
            assert size == size_text(pdf.stat().st_size)


@pytest.mark.slow
def test_each_procedure_page_shows_the_version_posted_at_each_office(sample_site: Path) -> None:
    sheets = [s for s in _manifest(sample_site) if s.get("procedure")]
    for procedure in {str(s["procedure"]) for s in sheets}:
        html = (sample_site / "thu-tuc" / procedure / "index.html").read_text(encoding="utf-8")
        shown = {office: VERSION.findall(box) for office, box in OFFICE_BOX.findall(html)}
        posted = {
            str(s["office"]): [(s["version"], s["updated"])] for s in sheets if s["procedure"] == procedure
        }
        assert {o: v for o, v in shown.items() if v} == posted, procedure


@pytest.mark.slow
def test_no_slot_is_left_unfilled_in_a_full_build(sample_site: Path) -> None:
    left = [p for p in sample_site.rglob("*.html") if "<!--ck-slot:" in p.read_text(encoding="utf-8")]
    assert left == []


def test_a_slot_key_is_a_slug_and_only_known_slots_are_filled(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        slot_key("posters", "--><script>")
    page = tmp_path / "index.html"
    page.write_text(f"<p>{slot('posters', 'a')}</p><p>{slot('posters', 'b')}</p>", encoding="utf-8")
    assert fill_slots(page, {"posters:a": "<b>A</b>"}) == 1
    assert page.read_text(encoding="utf-8") == "<p><b>A</b></p><p><!--ck-slot:posters:b--></p>"


def test_sizes_read_the_vietnamese_way() -> None:
    assert size_text(31_400) == "31 KB"
    assert size_text(1_240_000) == "1,2 MB"
    assert size_text(12) == "1 KB"
