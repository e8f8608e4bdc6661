"""Settings and page metadata never become markup in the built site (issue 9, item 3).

Material's own templates print settings and page metadata raw (``{{ page.meta.description }}``,
the canonical link from ``site_url``); the plugin turns autoescape on for every theme template.
A change either fails ``check``/the build with a located error, or builds with the text escaped.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.hostile_output.conftest import Edits, content_repo, edit
from tests.site.building import MKDOCS, copy_catalogue

pytestmark = pytest.mark.slow

SCRIPT = "<script>window.ckXss=1</script>"
ATTRIBUTE_BREAK = '"><img src=x onerror=window.ckXss=2>'
CLOSE_SCRIPT = "</script><script>window.ckXss=3</script><!--"


def build(root: Path, edits: Edits, *, pages: dict[str, str] | None = None) -> tuple[int, str, Path]:
    """Copy the valid fixture to ``root``, edit it, build it (pages only); (exit code, log, site)."""
    repo = content_repo(root / "repo", commit=False)
    config = copy_catalogue(repo, root / "built")
    edit(root / "built", edits)
    for rel, text in (pages or {}).items():
        (root / "built" / "content" / "pages" / rel).write_text(text, encoding="utf-8")
    env = {**os.environ, "CONGKHAI_AS_OF": "2026-11-25", "CONGKHAI_SKIP_WRITERS": "write_site_posters"}
    done = subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(config), "-d", str(root / "site")],
        capture_output=True,
        text=True,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
        timeout=600,
    )
    return done.returncode, done.stdout + done.stderr, root / "site"


def pages(site: Path) -> dict[str, str]:
    """Every built HTML page, by path."""
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def assert_refused_or_escaped(code: int, log: str, site: Path) -> None:
    """Either the build refused the content with a located message, or no page carries live markup."""
    assert "Traceback" not in log, log
    if code != 0:
        assert re.search(r"\.(yaml|md):\d+", log), log
        return
    for path, text in pages(site).items():
        assert "window.ckXss" not in re.sub(r"&[#\w]+;", "", _markup(text)), path


def _markup(text: str) -> str:
    """The page minus text content and attribute values in quotes: what is left is live markup."""
    text = re.sub(r'"[^"]*"', '""', text)
    return re.sub(r">[^<]*<", "><", text)


def test_page_front_matter_is_escaped_in_materials_own_partials(tmp_path: Path) -> None:
    front = (
        "---\n"
        f"title: 'Giới thiệu {SCRIPT}'\n"
        f"description: '{ATTRIBUTE_BREAK}'\n"
        f"author: '{ATTRIBUTE_BREAK}'\n"
        "---\n\n# Giới thiệu\n\nNội dung.\n"
    )
    code, log, site = build(tmp_path, {}, pages={"gioi-thieu.md": front})
    assert_refused_or_escaped(code, log, site)
    if code == 0:
        page = (site / "gioi-thieu" / "index.html").read_text(encoding="utf-8")
        assert '<meta name="description" content="&#34;&gt;&lt;img' in page


def test_a_hostile_base_url_cannot_break_out_of_the_canonical_link(tmp_path: Path) -> None:
    url = f"https://thu-nghiem.example.vn/a{ATTRIBUTE_BREAK}/"
    edits = {
        "content/site.yaml": [("base_url: https://thu-nghiem.example.vn/cong-khai/", f"base_url: '{url}'")]
    }
    code, log, site = build(tmp_path, edits)
    assert_refused_or_escaped(code, log, site)


def test_site_title_and_description_are_escaped_everywhere(tmp_path: Path) -> None:
    edits = {
        "content/site.yaml": [
            (
                "title: Thủ tục hành chính xã Thử Nghiệm",
                f"title: 'Thủ tục {SCRIPT}'\ndescription: '{ATTRIBUTE_BREAK}'",
            )
        ]
    }
    code, log, site = build(tmp_path, edits)
    assert code == 0, log  # plain text in a setting is valid: it must be escaped, not refused
    assert_refused_or_escaped(code, log, site)


def test_json_ld_cannot_close_its_script_block(tmp_path: Path) -> None:
    edits = {
        "procedures/chung-thuc-ban-sao.yaml": [
            ("name: Chứng thực bản sao từ bản chính giấy tờ, văn bản", f"name: 'Chứng thực {CLOSE_SCRIPT}'")
        ]
    }
    code, log, site = build(tmp_path, edits)
    assert_refused_or_escaped(code, log, site)
    if code != 0:
        return
    page = (site / "thu-tuc" / "chung-thuc-ban-sao" / "index.html").read_text(encoding="utf-8")
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["name"] == f"Chứng thực {CLOSE_SCRIPT}"


def test_theme_scripts_never_write_html_from_strings() -> None:
    """The search UI and the other scripts build the DOM with textContent, never innerHTML & co."""
    theme = Path(__file__).resolve().parents[2] / "site_theme" / "assets"
    sinks = re.compile(r"\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(")
    ours = [p for p in theme.rglob("*.js") if "vendor" not in p.parts]
    assert ours
    found = [f"{p.name}: {m.group()}" for p in ours for m in sinks.finditer(p.read_text(encoding="utf-8"))]
    assert found == []


def test_the_theme_environment_escapes_what_materials_partials_print() -> None:
    """The environment MkDocs renders Material with, as the plugin leaves it, escapes every value."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from generator.adapters.mkdocs_plugin import CongKhaiPlugin

    config = load_config(str(Path(__file__).resolve().parents[2] / "mkdocs.yml"))
    env = CongKhaiPlugin().on_env(config.theme.get_env(), config=config, files=Files([]))
    url = f"https://x.example.vn/{ATTRIBUTE_BREAK}"
    canonical = env.from_string('<link rel="canonical" href="{{ page.canonical_url }}">')
    assert canonical.render(page={"canonical_url": url}) == (
        '<link rel="canonical" href="https://x.example.vn/&#34;&gt;&lt;img src=x onerror=window.ckXss=2&gt;">'
    )
    assert "<script>" not in env.get_template("partials/copyright.html").render(
        config={"copyright": SCRIPT, "extra": {}}, lang={"t": lambda key: key}
    )


@pytest.mark.parametrize(
    "front",
    [
        "template: redirect.html\nlocation: 'javascript:window.ckXss=4'",
        "template: ../../../../etc/passwd",
        "hide: [navigation, '<script>']",
        "title: [1, 2]",
    ],
)
def test_a_markdown_page_cannot_choose_its_template_or_theme_switches(tmp_path: Path, front: str) -> None:
    page = f"---\n{front}\n---\n\n# Giới thiệu\n\nNội dung.\n"
    code, log, site = build(tmp_path, {}, pages={"gioi-thieu.md": page})
    assert code != 0 and "Traceback" not in log
    assert re.search(r"content/pages/gioi-thieu\.md:\d+", log), log  # located (by check or by the plugin)
    assert not (site / "gioi-thieu").exists()
