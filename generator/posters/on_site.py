"""Posters on the site: staff can check a wall sheet against the web (issue 12, item 10).

After the sheets are published, the office page lists each PDF of the office with its version id,
date, page count and size, and each procedure page shows, beside every office's poster link, the
version now posted there. Both are read from the published ``manifest.json`` (the same figures a
script would read) and put into the slots the site stage left (:mod:`generator.core.slots`); every
value is escaped here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from markupsafe import escape

from generator.core import urls
from generator.core.slots import fill_slots, slot_key
from generator.facts.numbers import number
from generator.model.dates import format_date

Row = Mapping[str, object]


def size_text(size: int) -> str:
    """A file size for people: «31 KB», «1,2 MB»."""
    if size < 1_000_000:
        return f"{number(max(1, round(size / 1000)))} KB"
    return f"{number(round(size / 1_000_000, 1))} MB"


def _date(row: Row) -> str:
    day = dt.date.fromisoformat(str(row["updated"]))
    return f'<time datetime="{day.isoformat()}">{format_date(day)}</time>'


def version_note(row: Row) -> str:
    """What a procedure page says beside an office's poster link."""
    return (
        f' <span class="ck-small ck-poster-version" data-ck="poster-version">Phiên bản '
        f"<code>{escape(row['version'])}</code>, cập nhật {_date(row)}, {escape(row['pages'])} trang</span>"
    )


def office_table(office: str, rows: Iterable[Row]) -> str:
    """The office page's list of every sheet posted there, one row per PDF."""
    here = urls.office_path(office)
    body = []
    for row in rows:
        href = urls.relative(here, f"posters/{row['path']}")
        body.append(
            f'<tr data-ck-sheet="{escape(row["path"])}"><th scope="row"><a href="{escape(href)}" '
            f'type="application/pdf">{escape(row["title"])}</a></th><td data-label="Phiên bản"><code>'
            f'{escape(row["version"])}</code></td><td data-label="Cập nhật">{_date(row)}</td>'
            f'<td data-label="Số trang">{escape(row["pages"])}</td>'
            f'<td data-label="Dung lượng">{size_text(int(str(row["bytes"])))}</td></tr>'
        )
    return (
        '<div class="ck-table-wrap"><table class="ck-poster-list">'
        "<caption>Các tờ đang niêm yết tại đây: đối chiếu phiên bản in ở chân mỗi tờ</caption>"
        '<thead><tr><th scope="col">Tờ niêm yết (PDF)</th><th scope="col">Phiên bản</th>'
        '<th scope="col">Cập nhật</th><th scope="col">Số trang</th><th scope="col">Dung lượng</th>'
        f"</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def fill_site(site_dir: Path, manifest: Mapping[str, object]) -> int:
    """Fill the poster slots of the office and procedure pages in ``site_dir``; the slots filled."""
    sheets = manifest.get("sheets")
    rows = [row for row in sheets if isinstance(row, Mapping)] if isinstance(sheets, list) else []
    by_office: dict[str, list[Row]] = {}
    by_page: dict[str, dict[str, str]] = {}
    for row in rows:
        office = str(row["office"])
        by_office.setdefault(office, []).append(row)
        if row.get("procedure"):
            page = urls.procedure_path(str(row["procedure"]))
            by_page.setdefault(page, {})[slot_key("poster", office, str(row["procedure"]))] = version_note(
                row
            )
    for office, posted in by_office.items():
        by_page.setdefault(urls.office_path(office), {})[slot_key("posters", office)] = office_table(
            office, posted
        )
    filled = 0
    for page, fills in by_page.items():
        path = site_dir / page / "index.html"
        if path.is_file():
            filled += fill_slots(path, fills)
    return filled
