"""Template contract: every field of the poster contexts is used by the Typst templates, and the
templates only read fields that exist (Typst fails the compile on a missing dictionary key)."""

from __future__ import annotations

import dataclasses
import re

from generator.facts import documents, offices
from generator.plans import svgmap, wording
from generator.posters import office_index as ix
from generator.posters import plan_posters as pp
from generator.posters import sheets as ctx
from generator.posters.theme import THEME_DIR

CONTEXTS = (
    ctx.ProcedurePoster,
    ix.IndexPoster,
    ctx.Masthead,
    ctx.StepItem,
    ctx.Paragraph,
    ctx.Fact,
    ctx.ChannelGroup,
    offices.OfficeFacts,
    offices.FeedbackFacts,
    documents.DossierFacts,
    documents.DocumentFacts,
    ix.IndexRow,
    ix.IndexGroup,
    pp.PlanHead,
    pp.PlanNoticePoster,
    pp.PlanMapPoster,
    pp.ConsultationPoster,
    wording.ConsultationView,
    svgmap.LegendItem,
)
NOT_PRINTED = {
    ("OfficeFacts", "slug"),
    ("OfficeFacts", "short_name"),
    ("ProcedurePoster", "url"),
    ("IndexPoster", "url"),
    ("Masthead", "logo"),
    ("PlanHead", "url"),
    ("PlanMapPoster", "map_svg"),
    ("ConsultationView", "is_open"),
    ("ConsultationView", "days_left"),
    ("ConsultationView", "days"),
    ("ConsultationView", "end"),
}
"""The office slug identifies the box and the short name is for web tables; ``url`` is printed as the
QR code (render.qr_svg) and url_text; the logo's data: URI is passed decoded, as ``data.logo``
(posters.data.image_data). A map sheet's SVG is passed as ``data.map``; the consultation window's
numbers are printed through its phrases (``window``, ``left_text``)."""


def templates_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in THEME_DIR.glob("*.typ"))


def test_every_context_field_is_printed() -> None:
    text = templates_text()
    unused = [
        f"{cls.__name__}.{field.name}"
        for cls in CONTEXTS
        for field in dataclasses.fields(cls)
        if (cls.__name__, field.name) not in NOT_PRINTED and not re.search(rf"\.{field.name}\b", text)
    ]
    assert not unused


def test_templates_never_evaluate_data() -> None:
    """Content reaches Typst as JSON data only: no eval, no file reads, no markup made from strings."""
    text = templates_text()
    assert "json(bytes(sys.inputs.data))" in text
    for forbidden in ("eval(", "read(", "include ", "plugin(", "toml(", "yaml(", "csv(", "xml("):
        assert forbidden not in text, forbidden
