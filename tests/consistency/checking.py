"""Build a catalogue's pages, posters and search records, then check that they say the same thing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.build import generate_pages, read
from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.core.build_context import make_build_context
from generator.core.pages import GeneratedPage
from generator.facts.offices import FeedbackFacts
from generator.facts.procedure import procedure_facts
from generator.model.types import CHANNEL_LABELS
from generator.posters.office_index import IndexPoster
from generator.posters.plan import Sheet, plan_sheets
from generator.posters.sheets import ChannelGroup, ProcedurePoster
from generator.posters.theme import load_theme
from generator.posters.write import write_posters
from generator.search.records import make_lookups, result_record
from tests.consistency.outputs import bare, pdf_text, read_feedback, read_page, read_rows, squash

NO_FEE_WORDS = "Không thu phí, lệ phí"


@dataclass(frozen=True)
class Outputs:
    """Everything one build produced for a catalogue."""

    catalogue: Catalogue
    pages: dict[str, GeneratedPage]
    sheets: list[Sheet]
    posters: Path
    records: dict[str, dict[str, object]]


def build_outputs(root: Path, as_of: dt.date, work: Path) -> Outputs:
    """Read ``root`` and produce its pages (in memory), its poster PDFs (in ``work``) and search records."""
    catalogue, _ = read(root, as_of)
    ctx = make_build_context(catalogue)
    pages = {page.path: page for page in generate_pages(catalogue, ctx)}
    sheets = plan_sheets(catalogue, load_theme())
    write_posters(catalogue, work / "posters", cache_dir=work / "cache", jobs=2)
    lookups = make_lookups(catalogue)
    records = {e.slug: result_record(catalogue, e, lookups) for e in catalogue.procedures}
    return Outputs(catalogue, pages, sheets, work / "posters", records)


SHORT_NAMES = {"truc_tiep": "Trực tiếp", "truc_tuyen": "trực tuyến", "buu_chinh": "bưu chính"}


def summary_cell(times: list[tuple[str, str]]) -> str:
    """What a one-cell summary must say for these (channel, time) pairs: every distinct time, and
    which channels it holds for when they differ («Trực tiếp, bưu chính: 8 ngày; Trực tuyến: 3 ngày»)."""
    groups: dict[str, list[str]] = {}
    for kind, time in times:
        groups.setdefault(time, []).append(SHORT_NAMES[kind].lower())
    if len(groups) <= 1:
        return next(iter(groups), "—")
    return "; ".join(f"{', '.join(names).capitalize()}: {time}" for time, names in groups.items())


def _summary_time(web: object) -> str:
    """The summary table's time of one channel in one cell: the headline, then its other cases."""
    from tests.consistency.outputs import ChannelReading

    assert isinstance(web, ChannelReading)
    cases = [case.rstrip(".") for case in web.time_cases]
    return "; ".join([web.times[0], *(case[0].lower() + case[1:] for case in cases)])


def _group_of(poster: ProcedurePoster, kind: str) -> ChannelGroup:
    label = CHANNEL_LABELS[kind].lower()
    return next(g for g in poster.facts if label in g.channels.lower())


def _fee_words(group: ChannelGroup) -> tuple[list[str], list[str]]:
    return [f.value for f in group.fees], [note for f in group.fees for note in f.notes]


def check_procedure(out: Outputs, entry: ProcedureEntry) -> Iterator[str]:
    """Every disagreement between the page, the posters and the search record of one procedure."""
    html = out.pages[urls.procedure_path(entry.slug)].render().html
    page = read_page(html)
    sheets = [s for s in out.sheets if s.procedure == entry.slug]
    yield from _expect(sorted(page.offices), sorted(s.office for s in sheets), "offices")
    record = out.records[entry.slug]
    kinds = [c.kind for c in entry.model.channels]
    summary = summary_cell([(kind, _summary_time(page.channels[kind])) for kind in kinds])
    yield from _expect(record["t"], summary, "search time vs the page's times")
    blocks = set(read_feedback(html))
    for sheet in sheets:
        poster = sheet.poster
        assert isinstance(poster, ProcedurePoster)
        text = pdf_text(out.posters / sheet.path)
        yield from _expect(page.ends[:1], [poster.ends] if poster.ends else [], f"{sheet.path}: end date")
        yield from _expect(record.get("end"), poster.ends, f"{sheet.path}: search end date")
        feedback = _block(poster.office.feedback)
        if feedback not in blocks:
            yield f"{sheet.path}: feedback {feedback} not on the page {sorted(blocks)}"
        yield from _in_text(
            text, [poster.office.name, poster.office.hotline, poster.office.feedback.phone], sheet
        )
        yield from _in_text(text, [v for v in feedback if v] + ([poster.ends] if poster.ends else []), sheet)
        for kind in kinds:
            yield from _check_channel(page.channels[kind], _group_of(poster, kind), text, sheet, kind)


def _check_channel(web: object, group: ChannelGroup, text: str, sheet: Sheet, kind: str) -> Iterator[str]:
    from tests.consistency.outputs import ChannelReading

    assert isinstance(web, ChannelReading)
    where = f"{sheet.path} [{kind}]"
    yield from _expect(sorted(set(web.times)), [group.time.value], f"{where}: time")
    yield from _expect(web.time_notes, list(group.time.notes), f"{where}: time notes")
    yield from _in_list(web.time_cases, web.time_notes, f"{where}: summary cases")
    fees, notes = _fee_words(group)
    web_fees = sorted(set(web.fees))
    yield from _expect(web_fees, sorted(set(fees)), f"{where}: fees")
    yield from _expect(web.fee_notes, notes, f"{where}: fee notes")
    yield from _in_text(text, [group.time.value, *group.time.notes, *fees, *notes], sheet)


def check_listings(out: Outputs) -> Iterator[str]:
    """Table rows (time, fee) agree with the search records; office pages and index posters agree."""
    cat = out.catalogue
    for path, generated in out.pages.items():
        if generated.kind == "procedure" or not path:
            continue
        for slug, time, fee in read_rows(generated.render().html):
            record = out.records[slug]
            yield from _expect((time, fee), (record["t"], record["p"]), f"{path}: row {slug}")
    for sheet in out.sheets:
        if isinstance(sheet.poster, IndexPoster):
            yield from _check_office(out, cat, sheet)


def _check_office(out: Outputs, cat: Catalogue, sheet: Sheet) -> Iterator[str]:
    poster = sheet.poster
    assert isinstance(poster, IndexPoster)
    html = out.pages[urls.office_path(sheet.office)].render().html
    feedback = _block(poster.office.feedback)
    yield from _expect(read_feedback(html), [feedback], f"{sheet.path}: office page feedback")
    yield from _in_text(pdf_text(out.posters / sheet.path), [v for v in feedback if v], sheet)
    names = {e.slug: procedure_facts(cat, e).listed_name for e in cat.procedures}
    fields = {e.slug: e.model.field for e in cat.procedures}
    web_order = [slug for slug, _, _ in read_rows(html)]
    field_names = {f.slug: f.name for f in cat.fields.model.fields}
    for group in poster.groups:
        slug_field = next(k for k, v in field_names.items() if v == group.field)
        web = [
            names[s] for s in web_order if fields[s] == slug_field and cat.state(_entry(cat, s)) == "active"
        ]
        yield from _expect(web, [row.name for row in group.rows], f"{sheet.path}: order in {group.field}")


def _block(feedback: FeedbackFacts) -> tuple[str | None, ...]:
    fields = (
        feedback.agency,
        feedback.address,
        feedback.phone,
        feedback.email,
        feedback.website,
        feedback.note,
    )
    return tuple(squash(v) if v else None for v in fields)


def _entry(cat: Catalogue, slug: str) -> ProcedureEntry:
    return next(e for e in cat.procedures if e.slug == slug)


def _in_list(values: list[str], notes: list[str], what: str) -> Iterator[str]:
    for value in values:
        if value.rstrip(".") not in notes:
            yield f"{what}: {value!r} is in the summary but not among the time notes {notes!r}"


def _expect(found: object, expected: object, what: str) -> Iterator[str]:
    if found != expected:
        yield f"{what}: web/search {found!r} ≠ poster {expected!r}"


def printed(text: str, value: str) -> bool:
    """Whether ``value`` is printed in the bare PDF text: whole, or word by word in order.

    A table row that continues on the next sheet interleaves its two columns in the extracted
    text, so a long note may be cut by the other column's words; its own words stay in order.
    """
    if bare(value) in text:
        return True
    position = 0
    for word in value.split():
        found = text.find(bare(word), position)
        if found < 0:
            return False
        position = found + len(bare(word))
    return True


def _in_text(text: str, values: list[str], sheet: Sheet) -> Iterator[str]:
    for value in values:
        if not printed(text, value):
            yield f"{sheet.path}: «{value}» is not printed"


def disagreements(out: Outputs) -> list[str]:
    """Every disagreement in a build, for every active procedure, listing and office."""
    found = [d for e in out.catalogue.in_state("active") for d in check_procedure(out, e)]
    return found + list(check_listings(out))
