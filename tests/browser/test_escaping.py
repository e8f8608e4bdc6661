"""Every content string is escaped: markup typed into YAML shows as text in the browser, never runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.site.building import PROJECT_ROOT, copy_catalogue, run_mkdocs

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "valid"
PAYLOAD = '<script>window.ckXss=1</script><img src=x onerror=\\"window.ckXss=2\\">'
"""Written inside double-quoted YAML strings (hence the escaped quotes)."""
SHOWN = '<script>window.ckXss=1</script><img src=x onerror="window.ckXss=2">'

EDITS = {
    "procedures/dang-ky-khai-sinh.yaml": [
        ("name: Đăng ký khai sinh", f'name: "Đăng ký khai sinh {PAYLOAD}"'),
        ("aliases: [làm giấy khai sinh]", f'aliases: ["làm giấy {PAYLOAD}"]'),
        ("text: Nộp tại Bộ phận Một cửa hoặc trực tuyến.", f'text: "- Nộp {PAYLOAD}"'),
        ("exemption: Miễn lệ phí khi đăng ký khai sinh đúng hạn", f'exemption: "Miễn {PAYLOAD}"'),
        ("{name: Giấy chứng sinh, originals: 1}", f'{{name: "Giấy chứng sinh {PAYLOAD}", originals: 1}}'),
        ("result: [Giấy khai sinh (bản chính)]", f'result: ["Giấy khai sinh {PAYLOAD}"]'),
    ],
    "content/site.yaml": [
        ("title: Thủ tục hành chính xã Thử Nghiệm", f'title: "Thủ tục {PAYLOAD}"'),
    ],
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, serve_site: Callable[[Path], str]) -> str:
    root = tmp_path_factory.mktemp("hostile")
    config = copy_catalogue(FIXTURE, root / "repo")
    for rel, edits in EDITS.items():
        path = root / "repo" / rel
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, old
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    done = run_mkdocs(config, root / "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return serve_site(root / "site")


@pytest.mark.parametrize("path", ["", "thu-tuc/dang-ky-khai-sinh/", "linh-vuc/ho-tich/", "thu-tuc/"])
def test_markup_in_yaml_shows_as_text(hostile_site: str, page: Any, path: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_site + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.ckXss") is None
    assert page.locator("img[src='x']").count() == 0
    assert SHOWN in page.inner_text("body")
    assert dialogs == []
    assert not [u for u in page.failed_responses if u.endswith("/x")]
