"""Open data = web: the CSV and JSON say each channel's time and fees exactly as the procedure page does.

The page side is read back from the rendered HTML (``data-ck`` markers), the data side from the
CSV text as a spreadsheet would read it, so a writer that re-words a fact fails here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from generator.build import generate_pages, read
from generator.core import urls
from generator.core.build_context import make_build_context
from generator.site.opendata.columns import LIST_SEPARATOR
from generator.site.opendata.write import procedure_records, procedures_csv
from tests.consistency.outputs import read_page, squash

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 25)


def _disagreements(tree: Path) -> list[str]:
    catalogue, _ = read(tree, AS_OF)
    ctx = make_build_context(catalogue)
    pages = {page.path: page for page in generate_pages(catalogue, ctx)}
    records = procedure_records(catalogue, ctx)
    rows = list(csv.DictReader(io.StringIO(procedures_csv(records).removeprefix("\ufeff"))))
    found = []
    for record in records:
        web = read_page(pages[urls.procedure_path(record["slug"])].render().html)
        for channel in record["channels"]:
            seen = web.channels[channel["kind"]]
            row = next(r for r in rows if r["slug"] == record["slug"] and r["channel"] == channel["kind"])
            where = f"{record['slug']} [{channel['kind']}]"
            if {squash(row["time"]), squash(channel["time"])} != set(seen.times):
                found.append(f"{where}: time CSV {row['time']!r} / JSON {channel['time']!r} / {seen.times}")
            csv_fees = [squash(fee) for fee in row["fees"].split(LIST_SEPARATOR)]
            json_fees = [squash(fee["text"]) for fee in channel["fees"]] or csv_fees
            if sorted(set(csv_fees)) != sorted(set(seen.fees)) or json_fees != csv_fees:
                found.append(f"{where}: fees CSV {csv_fees} / JSON {json_fees} / page {seen.fees}")
            notes = [squash(n) for fee in channel["fees"] for n in fee["notes"]]
            if notes != seen.fee_notes:
                found.append(f"{where}: fee notes JSON {notes} / page {seen.fee_notes}")
    return found


@pytest.mark.parametrize("tree", [ROOT, ROOT / "tests" / "fixtures" / "valid"], ids=["sample", "fixtures"])
def test_open_data_says_what_the_page_says(tree: Path) -> None:
    assert _disagreements(tree) == []
