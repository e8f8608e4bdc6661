"""Browser fixtures, shared by every test folder through tests/conftest.py: Debian Chromium driven by
Playwright, and a built site served under a sub-path.

Reuse them from any browser test::

    @pytest.mark.browser
    def test_something(site_url: str, page: Page) -> None:
        page.goto(site_url + "thu-tuc/")

``site_url`` serves the sample site (``sample_site`` in tests/conftest.py) at
``http://127.0.0.1:<random port>/congkhai/``; ``serve_site(path)`` serves any other built site.
``page`` records every request to a host other than 127.0.0.1 in ``page.outside_requests`` and
blocks it, and records failed same-site responses (status ≥ 400) in ``page.failed_responses``.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SUB_PATH = "/congkhai/"
AXE = Path(__file__).resolve().parent / "browser" / "vendor" / "axe.min.js"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serve ``directory`` only under SUB_PATH, like a site deployed in a sub-folder."""

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(SUB_PATH):
            return str(Path(self.directory) / "__outside_sub_path__")
        return super().translate_path("/" + clean[len(SUB_PATH) :])

    def log_message(self, format: str, *args: Any) -> None:
        return None


class SiteServer:
    """A static server on 127.0.0.1 (random port) for one built site, stopped with ``close()``."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_SubPathHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        """The site's base address, ending with the sub-path."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{SUB_PATH}"

    def close(self) -> None:
        """Stop serving."""
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium per worker (skipped when Debian chromium is not installed)."""
    if shutil.which(CHROMIUM) is None:
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def serve_site() -> Iterator[Callable[[Path], str]]:
    """Serve a built site folder under the sub-path; returns its base URL. Servers stop at the end."""
    servers: list[SiteServer] = []

    def serve(root: Path) -> str:
        server = SiteServer(root)
        servers.append(server)
        return server.url

    yield serve
    for server in servers:
        server.close()


@pytest.fixture(scope="session")
def site_url(sample_site: Path, serve_site: Callable[[Path], str]) -> str:
    """The sample site, built once per worker, served at http://127.0.0.1:<port>/congkhai/."""
    return serve_site(sample_site)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page (1280×900) that blocks and records outside requests and failed responses."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    tab = context.new_page()
    tab.outside_requests = []
    tab.failed_responses = []

    def route(request_route: Any) -> None:
        host = urlsplit(request_route.request.url).hostname
        if request_route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            request_route.continue_()
        else:
            tab.outside_requests.append(request_route.request.url)
            request_route.abort()

    tab.route("**/*", route)
    tab.on(
        "response", lambda r: tab.failed_responses.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    yield tab
    context.close()


def run_axe(tab: Any) -> list[dict[str, Any]]:
    """Run the vendored axe-core (WCAG 2.x A/AA rules) on the loaded page; return its violations."""
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
            resultTypes: ['violations']})"""
    )
    return list(result["violations"])
