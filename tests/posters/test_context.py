"""Template contract: every field of the poster contexts is used by the poster templates, and the
templates only use fields that exist (StrictUndefined makes a missing one fail the render)."""

from __future__ import annotations

import dataclasses
import re

from generator.facts import documents, offices, procedure
from generator.posters import office_index as ix
from generator.posters import sheets as ctx
from generator.posters.theme import THEME_DIR, poster_environment

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
    procedure.AuthorityFacts,
    ix.IndexRow,
    ix.IndexGroup,
    ix.IndexCell,
)
NOT_PRINTED = {
    ("OfficeFacts", "slug"),
    ("OfficeFacts", "short_name"),
    ("ProcedurePoster", "url"),
    ("IndexPoster", "url"),
    ("AuthorityFacts", "executing"),
    ("AuthorityFacts", "coordinating"),
}
"""The office slug identifies the box and the short name is for web tables; ``url`` is printed as the
QR code (render.qr_svg) and url_text; the executing and coordinating agencies print through
``AuthorityFacts.notes``."""


def templates_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in THEME_DIR.glob("*.j2"))


def test_every_context_field_is_printed() -> None:
    text = templates_text()
    unused = [
        f"{cls.__name__}.{field.name}"
        for cls in CONTEXTS
        for field in dataclasses.fields(cls)
        if (cls.__name__, field.name) not in NOT_PRINTED and not re.search(rf"\.{field.name}\b", text)
    ]
    assert not unused


def test_environment_is_strict_and_escapes() -> None:
    env = poster_environment(THEME_DIR)
    assert env.autoescape is not False
    template = env.from_string("{{ value }}|{{ value|css_string }}")
    assert (
        template.render(value='<b>"x"</b>')
        == "&lt;b&gt;&#34;x&#34;&lt;/b&gt;|\\3c b\\3e \\22 x\\22 \\3c /b\\3e "
    )
