"""The WeasyPrint poster renderer before the switch to Typst (kept only for bench/poster_engines.py).

``render_html`` is pure and cheap; ``Renderer`` holds what is expensive to set up (one font
configuration and one parsed stylesheet per process, as measured in research/posters.md) and
turns HTML into PDF bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import segno
from jinja2 import Environment
from markupsafe import Markup

from bench.weasyprint_legacy.theme import STYLESHEET, Theme, poster_environment
from generator.errors import PosterError
from generator.posters.office_index import IndexPoster
from generator.posters.sheets import ProcedurePoster

if TYPE_CHECKING:
    import datetime as dt

    from weasyprint.document import Document  # type: ignore[import-untyped]

TEMPLATES: dict[type, str] = {ProcedurePoster: "procedure.html.j2", IndexPoster: "index.html.j2"}


@dataclass(frozen=True)
class Stamp:
    """What identifies one printed sheet: its version id and the date its facts last changed."""

    version: str
    updated: dt.date


@dataclass(frozen=True)
class Rendered:
    """A rendered PDF and its page count."""

    pdf: bytes
    pages: int


@lru_cache(maxsize=256)
def qr_svg(url: str) -> Markup:
    """The QR code of ``url`` as inline SVG, sized by the stylesheet (error correction M)."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None)
    return Markup(svg)


def render_html(env: Environment, poster: ProcedurePoster | IndexPoster, stamp: Stamp) -> str:
    """The print HTML of one sheet."""
    template = env.get_template(TEMPLATES[type(poster)])
    return template.render(poster=poster, stamp=stamp, qr=qr_svg(poster.url))


class Renderer:
    """Turns sheets into PDF bytes; create one per process and reuse it."""

    def __init__(self, theme: Theme) -> None:
        from weasyprint import CSS  # type: ignore[import-untyped]
        from weasyprint.text.fonts import FontConfiguration  # type: ignore[import-untyped]

        self.theme = theme
        self.env = poster_environment(theme.folder)
        self.fonts = FontConfiguration()
        self.css = CSS(filename=str(theme.folder / STYLESHEET), font_config=self.fonts)
        self._images: dict[str, Any] = {}

    def layout(self, poster: ProcedurePoster | IndexPoster, stamp: Stamp) -> Document:
        """Lay out one sheet (HTML → pages), not yet written."""
        from weasyprint import HTML

        html = render_html(self.env, poster, stamp)
        return HTML(string=html, base_url=str(self.theme.folder)).render(
            stylesheets=[self.css],
            font_config=self.fonts,
            optimize_images=True,
            dpi=300,
            cache=self._images,
        )

    def render(self, poster: ProcedurePoster | IndexPoster, stamp: Stamp) -> Rendered:
        """Render one sheet to PDF."""
        try:
            document = self.layout(poster, stamp)
            buffer = io.BytesIO()
            document.write_pdf(buffer)
        except Exception as exc:  # WeasyPrint raises many kinds; the CLI needs one.
            raise PosterError(f"không tạo được bảng niêm yết «{poster.url}»: {exc}") from exc
        return Rendered(buffer.getvalue(), len(document.pages))
