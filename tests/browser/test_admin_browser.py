"""The browser editor at /admin/ in real Chromium: the vendored Sveltia CMS loads, reads the generated
config, shows its sign-in screen in Vietnamese, and asks no host but the site for anything.

A Vietnamese browser (locale vi-VN) is the case that matters: Sveltia fetches its UI strings for
any language but English and Japanese, from unpkg.com unless the writer pointed it at the site's
own ``admin/locales/``; its fonts come from cdn.jsdelivr.net unless pointed at ``admin/fonts/``.
The one outside host allowed is GitHub's status service, which the GitHub backend asks whether
GitHub is up (part of the forge, like its API). Signing in is not exercised: it needs an account.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

FORGE_HOSTS = {"www.githubstatus.com", "api.github.com"}
"""The GitHub backend's own hosts (docs/editing.md): the only ones the editor may ask."""


@pytest.fixture
def vi_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        locale="vi-VN", viewport={"width": 1280, "height": 900}, service_workers="block"
    )
    tab = context.new_page()
    tab.outside, tab.loaded, tab.errors = [], [], []

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            tab.outside.append(url)
            request_route.abort()

    tab.route("**/*", route)
    tab.on("response", lambda r: tab.loaded.append((urlsplit(r.url).path, r.status)))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    context.close()


def test_admin_loads_the_vendored_cms_without_outside_requests(site_url: str, vi_page: Any) -> None:
    vi_page.goto(site_url + "admin/")
    sign_in = vi_page.get_by_role("button", name=re.compile("Đăng nhập bằng"))  # from the site's vi.json
    sign_in.first.wait_for(timeout=30_000)
    vi_page.wait_for_load_state("networkidle")
    loaded = dict(vi_page.loaded)
    fonts = "fonts/source-sans-3-latin-wght-normal.woff2"
    for name in ("sveltia-cms.js", "config.yml", "locales/vi.json", "package.json", fonts):
        assert loaded.get(f"/congkhai/admin/{name}") == 200, (name, vi_page.loaded)
    assert {urlsplit(url).hostname for url in vi_page.outside} <= FORGE_HOSTS, vi_page.outside
    assert vi_page.errors == []
    body = re.sub("[\u2068\u2069]", "", vi_page.inner_text("body"))  # drop Sveltia's bidi isolates
    assert "Đăng nhập bằng GitHub" in body, body[:800]
    assert "lỗi trong cấu hình" not in body, body[:800]  # Sveltia accepted the generated config.yml
    assert "congkhai-noi-dung" in body, body[:800]  # the repository named in content/site.yaml
