"""Search, step 6: the "Tra cứu thủ tục" finder page (``tra-cuu/``): typed context and page provider.

The page body holds the facet choices rendered on the server; ``site_theme/assets/search/search.js``
fills in results from the index. Without JavaScript the page says so and links to the full table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from generator.catalogue import Catalogue
from generator.core import urls
from generator.core.build_context import BuildContext
from generator.core.events.assign import event_members
from generator.core.events.taxonomy import shipped_events
from generator.core.pages import Body, GeneratedPage
from generator.facts.online import online_meanings
from generator.model.types import LEVEL_LABELS, ONLINE_LABELS
from generator.search.records import ONLINE_ORDER

PROCEDURE_INDEX = "search/procedures.json"
"""Site path of the procedure index (names, codes, aliases…), loaded by the header box and the finder."""

FULLTEXT_INDEX = "search/fulltext.json"
"""Site path of the full-text index (steps, documents, pages), loaded by the finder only."""

TITLE = "Tra cứu thủ tục"
DESCRIPTION = "Tìm thủ tục hành chính theo tên, mã số, lĩnh vực, cấp, nơi tiếp nhận, mức trực tuyến và phí."


@dataclass(frozen=True)
class Option:
    """One choice of a facet: the URL value and the label shown."""

    value: str
    label: str


@dataclass(frozen=True)
class FinderPage:
    """Context of ``fragments/pages/finder.html``.

    Attributes:
        title: page heading.
        intro: one sentence on what can be typed.
        root: relative link to the site root (result links are built from it).
        all_procedures: relative link to the sortable table of every procedure (the no-JS path).
        procedure_index: relative link to the procedure index file.
        fulltext_index: relative link to the full-text index file.
        fields: lĩnh vực choices. levels: cấp choices. offices: nơi tiếp nhận choices.
        online: online-level choices. events: life-event choices («Tôi cần làm gì khi…»), only
        those with active procedures. hotline: the site's support number for «nothing fits», or None.
        online_help: what «toàn trình / một phần» means, one line per level (generator.facts.online).
    """

    title: str
    intro: str
    root: str
    all_procedures: str
    procedure_index: str
    fulltext_index: str
    fields: tuple[Option, ...]
    levels: tuple[Option, ...]
    offices: tuple[Option, ...]
    online: tuple[Option, ...]
    events: tuple[Option, ...]
    hotline: str | None
    online_help: tuple[str, ...] = ()


def finder_page(catalogue: Catalogue) -> FinderPage:
    """Collect the finder page context (facet choices in the order the index ships them)."""
    here = urls.FINDER
    offices = sorted(catalogue.offices.items())
    return FinderPage(
        title=TITLE,
        intro=(
            "Gõ tên thủ tục, cách gọi thông thường, việc bạn cần làm hoặc mã số;"
            " có dấu hay không dấu đều được."
        ),
        root=urls.relative(here, urls.HOME),
        all_procedures=urls.relative(here, urls.ALL_PROCEDURES),
        procedure_index=urls.relative(here, PROCEDURE_INDEX),
        fulltext_index=urls.relative(here, FULLTEXT_INDEX),
        fields=tuple(Option(f.slug, f.name) for f in catalogue.fields.model.fields),
        levels=tuple(Option(slug, LEVEL_LABELS[slug]) for slug in catalogue.site.model.levels),
        offices=tuple(Option(slug, e.model.short_name or e.model.name) for slug, e in offices),
        online=tuple(Option(key, ONLINE_LABELS[key]) for key in ONLINE_ORDER),
        events=_event_options(catalogue),
        hotline=catalogue.site.model.hotline,
        online_help=online_meanings(),
    )


def _event_options(catalogue: Catalogue) -> tuple[Option, ...]:
    events = shipped_events()
    members = event_members(catalogue, events)
    return tuple(Option(e.id, e.title) for e in events.events if members[e.id])


def render_finder(catalogue: Catalogue, ctx: BuildContext) -> Body:
    """Render the finder page body."""
    page = finder_page(catalogue)
    return Body(ctx.env.get_template("pages/finder.html").render(page=page))


def iter_finder_pages(catalogue: Catalogue, ctx: BuildContext) -> Iterator[GeneratedPage]:
    """Page provider: the one finder page, listed in the site navigation."""
    yield GeneratedPage(
        path=urls.FINDER,
        title=TITLE,
        render=partial(render_finder, catalogue, ctx),
        description=DESCRIPTION,
        nav_title="Tra cứu",
        kind="finder",
        wide=True,
    )
