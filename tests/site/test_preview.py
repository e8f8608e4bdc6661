"""The preview (``python -m generator preview``, issue 14 item 1): a real server on a fixture copy.

The server is started as a subprocess, a procedure file is edited on disk, and the served page is
polled: the change shows, a broken file shows its located error on the page (escaped), a fixed file
clears it; the poster of the procedure is a real PDF with the new name. Timings are in
``bench/preview_bench.py``, not here.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.adapters.preview_server import State, decorate, error_panel
from generator.build import read
from generator.issues import Issue, Severity
from generator.reading import reread_procedure
from tests.conftest import AS_OF, FIXTURES
from tests.site.building import copy_catalogue

SLUG = "dang-ky-khai-sinh"
FILE = f"procedures/{SLUG}.yaml"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, b""


def _until(check: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return
        time.sleep(0.1)
    pytest.fail(f"the preview never showed {what}")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A preview server on a copy of the valid fixture tree: (root, base URL)."""
    copy_catalogue(FIXTURES / "valid", tmp_path)
    port = _port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "generator", "preview", "--root", str(tmp_path), "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--as-of", AS_OF.isoformat()],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _until(lambda: _get(base + f"thu-tuc/{SLUG}/")[0] == 200, "the first build", timeout=180)
        yield tmp_path, base
    finally:
        server.terminate()
        server.wait(timeout=30)
        assert server.stdout is not None
        server.stdout.close()


def _page(base: str) -> str:
    return _get(base + f"thu-tuc/{SLUG}/")[1].decode("utf-8")


def _poster_text(base: str) -> str:
    status, data = _get(base + f"posters/mot-cua/{SLUG}.pdf")
    if status != 200 or not data.startswith(b"%PDF"):
        return ""
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if line.startswith(start))


@pytest.mark.slow
def test_a_save_shows_on_the_page_an_error_shows_located_a_fix_clears_it(preview: tuple[Path, str]) -> None:
    root, base = preview
    path = root / FILE
    original = path.read_text(encoding="utf-8")
    assert "Đăng ký khai sinh" in _page(base) and 'id="ck-preview-errors"' not in _page(base)

    path.write_text(original.replace("name: Đăng ký khai sinh", "name: Đăng ký khai sinh xem trước"), "utf-8")
    _until(lambda: "Đăng ký khai sinh xem trước" in _page(base), "the new name")
    _until(lambda: "Đăng ký khai sinh xem trước" in _poster_text(base), "the new name on the poster")

    broken = original.replace("online: toan_trinh", "online: <script>alert(1)</script>")
    path.write_text(broken, "utf-8")
    _until(lambda: 'id="ck-preview-errors"' in _page(base), "the error panel")
    page = _page(base)
    panel = page[
        page.index('id="ck-preview-errors"') : page.index("</div>", page.index('id="ck-preview-errors"'))
    ]
    assert f"{FILE}:{_line_of(broken, 'online:')}:" in panel  # file and line of the mistake
    assert "[invalid-choice]" in panel and "toan_trinh" in panel  # the code, and the values to choose from
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in panel
    assert "Đăng ký khai sinh xem trước" in page  # the last good page stays under the panel

    path.write_text(original.replace("name: Đăng ký khai sinh", "name: Đăng ký khai sinh đã sửa"), "utf-8")
    _until(lambda: "Đăng ký khai sinh đã sửa" in _page(base), "the fixed page")
    assert 'id="ck-preview-errors"' not in _page(base)


@pytest.mark.slow
def test_a_new_procedure_gets_a_page_and_a_deleted_one_loses_it(preview: tuple[Path, str]) -> None:
    root, base = preview
    source = (root / FILE).read_text(encoding="utf-8")
    new = source.replace('code: "1.001193"', 'code: "1.999999"').replace(
        "name: Đăng ký khai sinh", "name: Thủ tục mới"
    )
    (root / "procedures" / "thu-tuc-moi.yaml").write_text(new, encoding="utf-8")
    _until(lambda: "Thủ tục mới" in _get(base + "thu-tuc/thu-tuc-moi/")[1].decode(), "the new page")
    _until(lambda: "thu-tuc-moi/" in _get(base + "thu-tuc/")[1].decode(), "the new row in the list")
    (root / "procedures" / "thu-tuc-moi.yaml").unlink()
    _until(lambda: _get(base + "thu-tuc/thu-tuc-moi/")[0] == 404, "the page gone")


def test_rereading_one_file_finds_what_a_full_read_finds(tmp_path: Path) -> None:
    copy_catalogue(FIXTURES / "valid", tmp_path)
    catalogue, _ = read(tmp_path, AS_OF)
    path = tmp_path / FILE
    other = (tmp_path / "procedures" / "nhan-con-nuoi.yaml").read_text(encoding="utf-8")
    code = next(line for line in other.splitlines() if line.startswith("code:"))
    path.write_text(path.read_text(encoding="utf-8").replace('code: "1.001193"', code), encoding="utf-8")
    again, issues = reread_procedure(catalogue, path)
    assert again is None  # an error: no catalogue, as read_catalogue
    duplicate = [i for i in issues if i.code == "duplicate-code"]
    assert duplicate and all(i.severity is Severity.ERROR for i in duplicate)
    assert {i.file for i in duplicate} >= {FILE}
    path.write_text(path.read_text(encoding="utf-8").replace(code, 'code: "1.001193"'), encoding="utf-8")
    fixed, issues = reread_procedure(catalogue, path)
    assert fixed is not None and not [i for i in issues if i.severity is Severity.ERROR]
    assert [e.slug for e in fixed.procedures] == [e.slug for e in catalogue.procedures]


def test_the_error_panel_escapes_every_value() -> None:
    issue = Issue('p/"x".yaml', 3, 5, "<code>", "a<b", "<img src=x onerror=alert(1)>", Severity.ERROR)
    panel = error_panel([issue], "<pre>raw</pre>")
    assert "<img" not in panel and "&lt;img src=x onerror=alert(1)&gt;" in panel
    assert "&lt;code&gt;" in panel and "a&lt;b" in panel and "&lt;pre&gt;raw" in panel
    assert "p/&quot;x&quot;.yaml:3:5" in panel
    state = State(version=7, errors=[issue])
    page = decorate('<html><body class="x"><p>hi</p></body></html>', state)
    assert page.index('id="ck-preview-errors"') > page.index('<body class="x">') and "var seen = 7;" in page
    assert page.index("</script>") < page.index("</body>")
