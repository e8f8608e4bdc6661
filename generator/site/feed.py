"""Stage 4 (site): the Atom feed of public changes (RFC 4287), ``thay-doi/atom.xml``.

The same changes as the «Thay đổi gần đây» page, with the same words (:mod:`generator.facts.history`).
Deterministic: ids are the procedure page's address plus the change's anchor (stable across builds
of the same history), every date is the commit's own time (RFC 3339), the feed's ``updated`` is the
newest change — never the time of the build.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from generator.catalogue import Catalogue
from generator.core import urls
from generator.core.build_context import BuildContext
from generator.facts.history import ChangeFacts, feed_updated
from generator.site.changes import CHANGES_TITLE, described, entries_by_path

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50
"""How many changes the feed carries (newest first); ``data/changes.json`` has them all."""


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def _entry(feed: ET.Element, facts: ChangeFacts, link: str, base: str) -> None:
    entry = _add(feed, "entry")
    _add(entry, "id", urls.absolute(base, urls.procedure_path(facts.slug)) + f"#{facts.anchor}")
    _add(entry, "title", f"{facts.label}: {facts.name}", type="text")
    _add(entry, "updated", facts.timestamp)
    _add(entry, "published", facts.timestamp)
    _add(entry, "link", rel="alternate", type="text/html", href=link)
    _add(entry, "summary", facts.text, type="text")


def atom_feed(catalogue: Catalogue, ctx: BuildContext) -> bytes:
    """The Atom document of the newest :data:`FEED_ENTRIES` changes, as UTF-8 bytes."""
    ET.register_namespace("", ATOM)
    site, base = catalogue.site.model, ctx.base_url
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "vi"})
    _add(feed, "id", urls.absolute(base, urls.CHANGES_FEED))
    _add(feed, "title", f"{CHANGES_TITLE} – {site.title}", type="text")
    if site.description:
        _add(feed, "subtitle", site.description, type="text")
    _add(feed, "updated", feed_updated(ctx.history, ctx.as_of))
    author = _add(feed, "author")
    _add(author, "name", site.publisher.name)
    _add(feed, "link", rel="self", type="application/atom+xml", href=urls.absolute(base, urls.CHANGES_FEED))
    _add(feed, "link", rel="alternate", type="text/html", href=urls.absolute(base, urls.CHANGES))
    _add(feed, "generator", "Công Khai")
    entries = entries_by_path(catalogue)
    for change in ctx.history.changes[:FEED_ENTRIES]:
        facts, entry = described(change, entries)
        page = urls.procedure_path(entry.slug) + f"#{facts.anchor}" if entry else urls.CHANGES
        _entry(feed, facts, urls.absolute(base, page), base)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def write_feed(catalogue: Catalogue, site_dir: Path, ctx: BuildContext) -> None:
    """Write the Atom feed into the built site."""
    target = site_dir / urls.CHANGES_FEED
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(atom_feed(catalogue, ctx))
