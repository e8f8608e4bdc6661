"""The poster engine prints content as text and never fetches a resource (issue 9, item 3).

Content reaches Typst only as JSON data in ``sys.inputs`` (never spliced into markup), and the
compiler's root is the theme's poster folder: Typst code in a name prints literally, and a logo
SVG that links a file or a URL neither reads nor requests it.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.errors import PosterError
from generator.posters.plan import plan_sheets
from generator.posters.render import Renderer, Stamp
from generator.posters.sheets import ProcedurePoster
from generator.posters.theme import load_theme
from generator.posters.write import write_posters
from tests.hostile_output.conftest import content_repo, edit
from tests.posters.conftest import load, pdftotext
from tests.posters.walk import printed

pytestmark = pytest.mark.slow

AS_OF = dt.date(2026, 11, 25)
CANARY = "CANARY-7f3e9b1c-NOI-DUNG-NGOAI-KHO"


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    """A file outside the repository whose text must never appear in any output."""
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text(CANARY + "\n", encoding="utf-8")
    return path


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server recording every request: (base URL, requested paths)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<svg xmlns='http://www.w3.org/2000/svg'/>")

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def typst_payloads(canary: Path) -> list[str]:
    return [
        f'#read("{canary}")',
        '#read("/etc/passwd")',
        f'#image("{canary}")',
        '#include "/procedure.typ"',
        '#json("../../pyproject.toml")',
        '$x^2$ *đậm* _nghiêng_ <nhan> @nhan ] [ \\ #panic("x")',
    ]


def test_typst_code_in_content_prints_literally_and_reads_nothing(tmp_path: Path, canary: Path) -> None:
    repo = content_repo(tmp_path / "repo", commit=False)
    payloads = typst_payloads(canary)
    proc = "procedures/chung-thuc-ban-sao.yaml"
    name = " ".join(payloads[:3])
    edit(
        repo,
        {
            proc: [
                ("name: Chứng thực bản sao từ bản chính giấy tờ, văn bản", f"name: '{name}'"),
                (
                    'conditions: ["Bản chính không bị tẩy xóa, sửa chữa."]',
                    f"conditions: ['{payloads[3]}', '{payloads[4]}', '{payloads[5]}']",
                ),
            ]
        },
    )
    out = tmp_path / "posters"
    write_posters(load(repo, AS_OF), out, cache_dir=tmp_path / "cache", jobs=1)
    text = pdftotext(out / "mot-cua" / "chung-thuc-ban-sao.pdf")
    for payload in payloads:
        assert printed(payload, text), payload
    every = " ".join(pdftotext(p) for p in out.rglob("*.pdf"))
    assert CANARY not in every and "root:x:0:0" not in every


def _svg(hrefs: list[str]) -> bytes:
    images = "".join(f'<image xlink:href="{h}" href="{h}" width="10" height="10"/>' for h in hrefs)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        ' width="40" height="40">'
        f"{images}<circle cx='20' cy='20' r='10'/></svg>"
    ).encode()


def test_a_logo_svg_linking_files_and_urls_fetches_nothing(
    tmp_path: Path, canary: Path, listener: tuple[str, list[str]]
) -> None:
    base, hits = listener
    theme = load_theme()
    cat = load(content_repo(tmp_path / "repo", commit=False), AS_OF)
    sheet = next(s for s in plan_sheets(cat, theme, None) if isinstance(s.poster, ProcedurePoster))
    renderer = Renderer(theme)
    for href in (
        f"file://{canary}",
        str(canary),
        f"{base}/leak.svg",
        "../../../../" + str(canary),
        "fonts/OFL.txt",
    ):
        logo = "data:image/svg+xml;base64," + base64.b64encode(_svg([href])).decode()
        poster = dataclasses.replace(
            sheet.poster, masthead=dataclasses.replace(sheet.poster.masthead, logo=logo)
        )
        try:
            pdf = renderer.pdf(poster, Stamp("0a1b2c3d", AS_OF))
        except PosterError as exc:  # refused, with a message naming the poster: fine
            assert "bảng niêm yết" in str(exc)
            continue
        assert CANARY.encode() not in pdf
    assert hits == []


def test_a_word_too_long_for_a_line_wraps_inside_the_sheet(tmp_path: Path) -> None:
    """A pasted run with no space (here 156 letters) wraps instead of running off the paper."""
    import re
    import subprocess

    cat = load()
    word = "Giấychứngnhận" * 12
    entries = tuple(
        dataclasses.replace(
            e, model=e.model.model_copy(update={"name": f"Đăng ký {word}", "result": (word,)})
        )
        if e.slug == "dang-ky-khai-sinh"
        else e
        for e in cat.procedures
    )
    cat = dataclasses.replace(cat, procedures=entries)
    theme = load_theme()
    sheet = next(s for s in plan_sheets(cat, theme) if s.path == "mot-cua/dang-ky-khai-sinh.pdf")
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(Renderer(theme).pdf(sheet.poster, sheet.stamp))
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    width = float(re.findall(r'<page width="([\d.]+)"', boxes)[0])
    right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes))
    assert right < width - 20  # inside the 11 mm margin, not just inside the paper
    assert word in pdftotext(pdf).replace("\u200b", "").replace("\n", "")
