"""Property: any hostile-but-valid content builds a site and posters where nothing runs or leaks.

Hypothesis fills names, notes and values across a procedure, an office and the site settings with
markup, quotes, Markdown, Jinja, Typst code and ``</script>``; the site (with its posters) is built
with ``mkdocs build --strict`` and opened in Chromium (tests/browser_support.py): no injected
script runs (the global it would set stays undefined, no dialog opens), no request leaves the
page, the build prints no traceback, and a canary file outside the repository, which the payloads
name, appears in no output file. Few examples: each is a whole build (issue 9, item 7).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile_output.conftest import content_repo, edit
from tests.posters.conftest import pdftotext
from tests.site.building import MKDOCS, copy_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CANARY = "CANARY-2b8d41e0-KHONG-DUOC-DOC"
EVIL = "http://evil.example.invalid"


def fragments(canary: Path) -> list[str]:
    """Pieces of hostile text; each would run script, load something or read the canary if live."""
    return [
        "<script>window.ckPwn=1</script>",
        '<img src=x onerror="window.ckPwn=2;alert(2)">',
        '"><svg onload=window.ckPwn=3>',
        "'><iframe src=javascript:window.parent.ckPwn=4></iframe>",
        "</script><script>window.ckPwn=5</script><!--",
        "<!--",
        "-->",
        f"<img src='{EVIL}/a.png'>",
        f"<link rel=stylesheet href={EVIL}/x.css>",
        f"<style>@import '{EVIL}/y.css';</style>",
        f"[bấm](javascript:window.ckPwn=6) ![ảnh]({EVIL}/b.png)",
        f'#read("{canary}") #image("{canary}") #include "{canary}"',
        f"<img src='file://{canary}'>",
        "{{ config }} {% raw %} {#",
        "$x^2$ *đậm* _nghiêng_ `mã` | a | b | ~~gạch~~ \\",
        "&amp; &lt;b&gt; &#x3C;script&#x3E;",
        "Đăng ký «trích dẫn» 'nháy đơn' \"nháy kép\"",
    ]


FIELDS = {
    "procedures/dang-ky-khai-sinh.yaml": [
        ("name: Đăng ký khai sinh", "name: 'Đăng ký khai sinh {}'"),
        ("aliases: [làm giấy khai sinh]", "aliases: ['{}']"),
        ("text: Nộp tại Bộ phận Một cửa hoặc trực tuyến.", "text: '{}'"),
        ("exemption: Miễn lệ phí khi đăng ký khai sinh đúng hạn", "exemption: '{}'"),
        ("{name: Giấy chứng sinh, originals: 1}", "{{name: '{}', originals: 1}}"),
        ("result: [Giấy khai sinh (bản chính)]", "result: ['{}']"),
    ],
    "content/offices/mot-cua.yaml": [
        ("name: Bộ phận Một cửa xã Thử Nghiệm", "name: 'Bộ phận Một cửa {}'"),
        ("address: Số 1 đường Làng, xã Thử Nghiệm", "address: '{}'"),
    ],
    "content/site.yaml": [
        ("title: Thủ tục hành chính xã Thử Nghiệm", "title: 'Thủ tục {}'"),
        ("  agency: Văn phòng UBND xã Thử Nghiệm", "  agency: 'Văn phòng {}'"),
    ],
}
SLOTS = sum(len(edits) for edits in FIELDS.values())


def hostile_text(canary: Path) -> st.SearchStrategy[str]:
    pieces = st.sampled_from(fragments(canary))
    return st.lists(pieces, min_size=1, max_size=3).map(" ".join)


def _yaml_single(text: str) -> str:
    return text.replace("'", "''")


def build(root: Path, texts: list[str]) -> tuple[int, str, Path]:
    config = copy_catalogue(content_repo(root / "repo", commit=False), root / "built")
    values = iter(texts)
    edit(
        root / "built",
        {
            rel: [(old, new.format(_yaml_single(next(values)))) for old, new in pairs]
            for rel, pairs in FIELDS.items()
        },
    )
    env = {**os.environ, "CONGKHAI_AS_OF": "2026-11-25", "NO_MKDOCS_2_WARNING": "1"}
    site = root / "site"
    done = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=600,
    )
    return done.returncode, done.stdout + done.stderr, site


def output_text(site: Path) -> str:
    """Every output file as text (PDFs through pdftotext)."""
    parts = []
    for path in site.rglob("*"):
        if path.is_file():
            parts.append(pdftotext(path) if path.suffix == ".pdf" else path.read_bytes().decode("latin-1"))
    return "\n".join(parts)


def visit(browser: Any, url: str, *, search: str | None = None) -> dict[str, Any]:
    """Open ``url`` (optionally typing a header search); what ran, opened and was requested."""
    context = browser.new_context(service_workers="block")
    tab = context.new_page()
    outside: list[str] = []
    dialogs: list[str] = []

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname == "127.0.0.1" or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    tab.route("**/*", route)
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    if search:
        tab.fill("#ck-site-search-input", search)
        tab.wait_for_selector("#ck-site-search-results li", timeout=5000)
        tab.wait_for_load_state("networkidle")
    pwned = tab.evaluate("typeof window.ckPwn === 'undefined' ? null : window.ckPwn")
    frames = len(tab.frames)
    context.close()
    return {"pwned": pwned, "dialogs": dialogs, "outside": outside, "frames": frames}


@settings(
    max_examples=3,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_but_valid_content_builds_a_site_where_nothing_runs_or_leaks(
    data: st.DataObject,
    tmp_path_factory: pytest.TempPathFactory,
    browser: Any,
    serve_site: Callable[[Path], str],
) -> None:
    root = tmp_path_factory.mktemp("hostile-property")
    canary = root / "outside-the-repository.txt"
    canary.write_text(CANARY + "\n", encoding="utf-8")
    texts = data.draw(st.lists(hostile_text(canary), min_size=SLOTS, max_size=SLOTS), label="texts")
    code, log, site = build(root, texts)
    assert "Traceback" not in log, log
    if code != 0:  # refused by the input boundary: only with located errors
        assert "Nội dung có lỗi" in log and ".yaml:" in log, log
        return
    assert CANARY not in output_text(site)
    base = serve_site(site)
    for path, search in [
        ("", "dang ky khai sinh"),
        ("thu-tuc/dang-ky-khai-sinh/", None),
        ("thu-tuc/", None),
        ("co-quan/mot-cua/", None),
        ("tra-cuu/?q=khai+sinh", None),
    ]:
        seen = visit(browser, base + path, search=search)
        assert seen == {"pwned": None, "dialogs": [], "outside": [], "frames": 1}, (path, texts)
