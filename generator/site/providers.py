"""Stage 3 (site): page providers — catalogue → GeneratedPage objects (rendered lazily, one at a time)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.core.build_context import BuildContext
from generator.core.links import Link, office_view
from generator.core.pages import Body, GeneratedPage
from generator.facts.offices import office_facts
from generator.facts.online import online_meaning
from generator.facts.procedure import site_feedback
from generator.model.types import ONLINE_LABELS
from generator.site.jsonld import government_service
from generator.site.listing import (
    CountLink,
    field_links,
    footer_view,
    group_page,
    home_page,
    listing_page,
    office_links,
    online_links,
)
from generator.site.procedure import procedure_page

Select = Callable[[ProcedureEntry], bool]
Links = Callable[[Catalogue, str], tuple[CountLink, ...]]


def render(ctx: BuildContext, template: str, page: object) -> str:
    """Render one page fragment with its typed context, available to the template as ``page``."""
    return ctx.env.get_template(template).render(page=page)


def render_procedure(catalogue: Catalogue, entry: ProcedureEntry, ctx: BuildContext) -> Body:
    """The body and JSON-LD of one procedure page."""
    page = procedure_page(catalogue, entry, ctx)
    html = render(ctx, "pages/procedure.html", page)
    toc = tuple(page.sections.items())  # declared by the context, never scraped from the HTML
    online = page.apply_online.href if page.apply_online else None
    return Body(html, government_service(catalogue, entry, ctx.base_url, online_url=online), toc)


def render_footer(catalogue: Catalogue, ctx: BuildContext) -> str:
    """The footer HTML shared by every page (MkDocs pages included)."""
    return render(ctx, "footer.html", footer_view(catalogue))


def render_chrome(catalogue: Catalogue, ctx: BuildContext) -> dict[str, str]:
    """HTML rendered once per build for the theme: the footer and the site's feedback block.

    The feedback block is what a Markdown page asking for it (``ck_feedback: true`` in its front
    matter, e.g. «Phản ánh, kiến nghị») shows in its own body: phone, address, email from the facts.
    """
    feedback = ctx.env.get_template("components/feedback.html").module.feedback_block  # type: ignore[attr-defined]
    return {"footer": render_footer(catalogue, ctx), "feedback": str(feedback(site_feedback(catalogue)))}


def iter_procedure_pages(catalogue: Catalogue, ctx: BuildContext) -> Iterator[GeneratedPage]:
    """One page per procedure, whatever its lifecycle (printed QR codes must keep working)."""
    for entry in catalogue.procedures:
        proc = entry.model
        yield GeneratedPage(
            path=urls.procedure_path(entry.slug),
            title=proc.name,
            render=partial(render_procedure, catalogue, entry, ctx),
            description=f"{proc.name}: thời hạn, phí, lệ phí, hồ sơ và nơi nộp.",
            kind="procedure",
            wide=False,
            parent=urls.field_path(proc.field),
            last_changed=ctx.last_changed.get(entry.file.display),
        )


def _page(
    ctx: BuildContext, path: str, title: str, template: str, build: Callable[[], object], **kw: Any
) -> GeneratedPage:
    return GeneratedPage(path=path, title=title, render=lambda: Body(render(ctx, template, build())), **kw)


def latest_change(catalogue: Catalogue, ctx: BuildContext, select: Select) -> dt.date | None:
    """The last day any procedure ``select`` picks changed (a listing's sitemap lastmod), or None."""
    days = [ctx.last_changed.get(e.file.display) for e in catalogue.procedures if select(e)]
    return max((day for day in days if day is not None), default=None)


def _in_field(slug: str) -> Select:
    return lambda entry: entry.model.field == slug


def _at_office(slug: str) -> Select:
    return lambda entry: slug in entry.model.offices


def _online(level: str) -> Select:
    return lambda entry: entry.model.online == level


def _everything(entry: ProcedureEntry) -> bool:
    return True


def iter_index_pages(catalogue: Catalogue, ctx: BuildContext) -> Iterator[GeneratedPage]:
    """Home, the full table, and one page per field, office and online level, plus their indexes."""
    site = catalogue.site.model
    home = partial(home_page, catalogue, urls.FINDER)
    latest = latest_change(catalogue, ctx, _everything)
    yield _page(
        ctx, urls.HOME, site.title, "pages/home.html", home, description=site.description, last_changed=latest
    )
    everything = partial(
        listing_page,
        catalogue,
        urls.ALL_PROCEDURES,
        ALL_TITLE,
        _everything,
        intro=ALL_INTRO,
        sortable=True,
        with_repealed=True,
    )
    yield _page(
        ctx,
        urls.ALL_PROCEDURES,
        ALL_TITLE,
        "pages/listing.html",
        everything,
        description=f"{ALL_TITLE}: tên, lĩnh vực, thời hạn, phí, lệ phí của mọi thủ tục hành chính.",
        last_changed=latest,
    )
    yield from _field_pages(catalogue, ctx)
    yield from _office_pages(catalogue, ctx)
    yield from _online_pages(catalogue, ctx)


ALL_TITLE = "Tất cả thủ tục"
ALL_INTRO = "Bảng đầy đủ các thủ tục hành chính."
"""No «click a column heading»: phones show no headings; the theme adds that hint where it applies."""


def _groups(
    catalogue: Catalogue, ctx: BuildContext, here: str, title: str, intro: str, links: Links
) -> GeneratedPage:
    build = lambda: group_page(catalogue, here, title, intro, links(catalogue, here))  # noqa: E731
    return _page(ctx, here, title, "pages/groups.html", build, description=f"{title}: {intro}")


def _field_pages(catalogue: Catalogue, ctx: BuildContext) -> Iterator[GeneratedPage]:
    yield _groups(catalogue, ctx, urls.FIELDS, "Lĩnh vực", "Thủ tục hành chính theo lĩnh vực.", field_links)
    for field in catalogue.fields.model.fields:
        here = urls.field_path(field.slug)
        build = partial(
            listing_page,
            catalogue,
            here,
            field.name,
            _in_field(field.slug),
            intro=field.description,
            show_field=False,
        )
        description = (
            field.description or f"Thủ tục hành chính lĩnh vực {field.name}: thời hạn, phí, nơi nộp."
        )
        changed = latest_change(catalogue, ctx, _in_field(field.slug))
        yield _page(
            ctx, here, field.name, "pages/listing.html", build, description=description, last_changed=changed
        )


def _office_pages(catalogue: Catalogue, ctx: BuildContext) -> Iterator[GeneratedPage]:
    intro = "Các cơ quan, điểm tiếp nhận hồ sơ và thủ tục tại mỗi nơi."
    yield _groups(catalogue, ctx, urls.OFFICES, "Nơi tiếp nhận hồ sơ", intro, office_links)
    for slug, office in catalogue.offices.items():
        here = urls.office_path(slug)
        posters = (
            Link("Danh mục thủ tục niêm yết (PDF)", urls.relative(here, urls.office_poster_index(slug))),
            Link("Tất cả bảng niêm yết, để in (PDF)", urls.relative(here, urls.office_poster_all(slug))),
        )
        name = office.model.name
        view = office_view(office_facts(slug, office.model, catalogue.site.model), here)
        build = partial(listing_page, catalogue, here, name, _at_office(slug), office=view, posters=posters)
        description = f"Thủ tục tiếp nhận tại {name}, {office.model.address}."
        changed = latest_change(catalogue, ctx, _at_office(slug))
        yield _page(
            ctx, here, name, "pages/listing.html", build, description=description, last_changed=changed
        )


def _online_pages(catalogue: Catalogue, ctx: BuildContext) -> Iterator[GeneratedPage]:
    intro = "Thủ tục theo mức độ nộp hồ sơ trực tuyến."
    yield _groups(catalogue, ctx, urls.ONLINE, "Dịch vụ công trực tuyến", intro, online_links)
    for key, label in ONLINE_LABELS.items():
        here = urls.online_path(key)
        yield _page(
            ctx,
            here,
            label,
            "pages/listing.html",
            partial(listing_page, catalogue, here, label, _online(key)),
            description=f"Thủ tục {label.lower()}: {online_meaning(key)}.",
            last_changed=latest_change(catalogue, ctx, _online(key)),
        )
