"""The preview's server: serves the preview site, watches the content, shows content errors on the page.

One worker thread takes saved paths from the file watcher (watchdog, as ``mkdocs serve`` uses),
waits a moment for an editor's burst of writes to end, and calls :class:`PreviewSite`: first the
saved procedure's page and posters, then — while nothing else is waiting — the other pages that
show it. Every HTML answer gets two things the built files do not hold: the list of content errors
of the last save, when there are any (file, line and column, field, the fix; every value escaped),
and a small script that reloads the page when the preview's version changes.

Addresses: the site as built; ``/__preview/status`` (JSON: version, errors); posters are
rendered when first asked for (``posters/<office>/<procedure>.pdf``, ``…/danh-muc.pdf``).
"""

from __future__ import annotations

import html
import json
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.adapters.preview import Outcome, PreviewSite
from generator.errors import GeneratorError
from generator.issues import Issue

log = logging.getLogger("congkhai.preview")

STATUS_PATH = "/__preview/status"
QUIET_SECONDS = 0.05
"""How long the worker waits after a save for more writes (editors often write a file twice)."""
SETTLE_BATCH = 8
"""Pages rendered between two looks at the queue while settling (a new save goes first)."""

RELOAD_SCRIPT = """<script>(function () {{
  var seen = {version};
  setInterval(function () {{
    fetch("{status}", {{cache: "no-store"}}).then(function (r) {{ return r.json(); }})
      .then(function (s) {{ if (s.version !== seen) {{ location.reload(); }} }}).catch(function () {{}});
  }}, 500);
}})();</script>"""


@dataclass
class State:
    """What the server shows besides the files: the version (raised on every change) and the errors."""

    version: int = 0
    errors: list[Issue] = field(default_factory=list)
    message: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def show(self, outcome: Outcome) -> None:
        """Record an update's outcome: its errors (none when it went through) and a new version."""
        self.errors, self.message = outcome.errors, outcome.message
        self.version += 1


def error_panel(errors: list[Issue], message: str) -> str:
    """The box listing content errors at the top of every preview page (every value escaped)."""
    if not errors and not message:
        return ""
    items = "".join(
        "<li><code>{place}</code> <code>{field}</code> {text} <small>[{code}]</small></li>".format(
            place=html.escape(f"{i.file}:{i.line}:{i.column}"),
            field=html.escape(i.field or "—"),
            text=html.escape(i.message),
            code=html.escape(i.code),
        )
        for i in errors
    )
    if message:
        items += f"<li><pre>{html.escape(message)}</pre></li>"
    return (
        '<div id="ck-preview-errors" role="alert" style="position:sticky;top:0;z-index:10;'
        "background:#fff4f4;color:#5a0000;border:3px solid #b00020;padding:.75rem 1rem;"
        'font:16px/1.5 system-ui,sans-serif;max-height:60vh;overflow:auto">'
        f"<strong>Nội dung có lỗi ({len(errors) or 1}): "
        "trang xem trước vẫn là bản trước lần lưu này.</strong>"
        f'<ol style="margin:.5rem 0 .25rem 1.25rem">{items}</ol>'
        '<p style="margin:0">Sửa tệp theo hướng dẫn trên rồi lưu lại: trang tự tải lại.</p></div>'
    )


def decorate(page: str, state: State) -> str:
    """``page`` with the error panel after ``<body…>`` and the reload script before ``</body>``."""
    panel = error_panel(state.errors, state.message)
    script = RELOAD_SCRIPT.format(version=state.version, status=STATUS_PATH)
    start = page.find("<body")
    start = page.find(">", start) + 1 if start >= 0 else 0
    end = page.rfind("</body>")
    end = end if end >= start else len(page)
    return page[:start] + panel + page[start:end] + script + page[end:]


class Handler(SimpleHTTPRequestHandler):
    """Serves the current preview folder, decorated HTML, the status, and posters on demand."""

    preview: PreviewSite
    state: State

    def log_message(self, format: str, *args: Any) -> None:
        log.debug(format, *args)

    def translate_path(self, path: str) -> str:
        site = self.preview.site_dir
        base = str(site) if site is not None else "/nonexistent"
        relative = unquote(urlsplit(path).path).lstrip("/")
        target = (Path(base) / relative).resolve()
        return str(target) if target.is_relative_to(Path(base).resolve()) else base + "/\x00"

    def do_GET(self) -> None:
        """Answer one request (HEAD is not decorated)."""
        path = urlsplit(self.path).path
        if path == STATUS_PATH:
            with self.state.lock:
                body = {"version": self.state.version, "errors": [i.format() for i in self.state.errors]}
            return self._send(HTTPStatus.OK, "application/json", json.dumps(body, ensure_ascii=False))
        if self.preview.site_dir is None:
            with self.state.lock:
                page = decorate("<!doctype html><html lang=vi><body></body></html>", self.state)
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/html; charset=utf-8", page)
        target = Path(self.translate_path(self.path))
        if path.startswith("/posters/") and target.suffix == ".pdf" and not target.is_file():
            try:
                with self.state.lock:
                    self.preview.poster_at(path.removeprefix("/posters/"))
            except GeneratorError as exc:  # a sheet Typst cannot make: say so on the page
                return self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8", str(exc))
        if target.is_dir() and path.endswith("/"):
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            try:
                return self._html(HTTPStatus.OK, target)
            except FileNotFoundError:  # a full build swapped folders meanwhile: the next poll reloads
                pass
        if not target.exists() and (self.preview.site_dir / "404.html").is_file():
            return self._html(HTTPStatus.NOT_FOUND, self.preview.site_dir / "404.html")
        return super().do_GET()

    def _html(self, status: HTTPStatus, target: Path) -> None:
        with self.state.lock:
            page = decorate(target.read_text(encoding="utf-8"), self.state)
        self._send(status, "text/html; charset=utf-8", page)

    def _send(self, status: HTTPStatus, kind: str, text: str) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


class Watcher(FileSystemEventHandler):
    """Puts every saved, created, moved or deleted content file on the queue."""

    def __init__(self, saved: queue.Queue[Path]) -> None:
        self.saved = saved

    def on_any_event(self, event: FileSystemEvent) -> None:
        """One event: its path (and a move's destination), unless it is a folder or an editor's temp file."""
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = Path(raw if isinstance(raw, str) else raw.decode()) if raw else None
            if path is not None and not _scratch(path):
                self.saved.put(path)


def _scratch(path: Path) -> bool:
    """Editors' swap, backup and lock files (never content)."""
    name = path.name
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp"))


class Worker(threading.Thread):
    """Applies saves to the preview, one batch at a time, and settles the other pages when idle."""

    def __init__(
        self, preview: PreviewSite, state: State, saved: queue.Queue[Path], report: Reporter
    ) -> None:
        super().__init__(daemon=True, name="congkhai-preview")
        self.preview, self.state, self.saved, self.report = preview, state, saved, report

    def run(self) -> None:
        """Wait for saves; apply each batch; settle between batches."""
        while True:
            try:
                first = self.saved.get(timeout=0.2 if self.preview.stale else None)
            except queue.Empty:
                with self.state.lock:
                    if self.preview.settle(SETTLE_BATCH) and not self.preview.stale:
                        self.state.version += 1  # once, when every page shows the save
                continue
            self.apply(self._batch(first))

    def _batch(self, first: Path) -> set[Path]:
        paths = {first}
        time.sleep(QUIET_SECONDS)
        while not self.saved.empty():
            paths.add(self.saved.get_nowait())
        return paths

    def apply(self, paths: set[Path]) -> None:
        """One batch of saves: the page first (shown at once), then the posters."""
        started = time.perf_counter()
        with self.state.lock:
            try:
                outcome = self.preview.update(paths)
            except Exception as exc:  # the preview must outlive a bug: show it, keep serving
                log.exception("preview update failed")
                outcome = Outcome(message=f"{type(exc).__name__}: {exc}")
            self.state.show(outcome)
        if outcome.slugs and not outcome.errors and not outcome.message:
            with self.state.lock:
                self.preview.posters(outcome.slugs)
                self.state.version += 1
        self.report(outcome, time.perf_counter() - started)


Reporter = Callable[[Outcome, float], None]


def serve(preview: PreviewSite, *, host: str, port: int, report: Reporter) -> None:
    """Build, then serve until interrupted (Ctrl+C)."""
    state = State()
    saved: queue.Queue[Path] = queue.Queue()
    observer = Observer()
    for folder in watched(preview):
        observer.schedule(Watcher(saved), str(folder), recursive=True)
    observer.start()  # before the first build: a save made meanwhile is applied after it
    started = time.perf_counter()
    state.show(preview.build_all())
    report(state_outcome(state), time.perf_counter() - started)
    Worker(preview, state, saved, report).start()
    Handler.preview, Handler.state = preview, state
    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    try:
        server.serve_forever()
    finally:
        observer.stop()
        server.server_close()


def state_outcome(state: State) -> Outcome:
    """The outcome the state shows (for the first report)."""
    return Outcome(errors=state.errors, message=state.message, full=True)


def watched(preview: PreviewSite) -> list[Path]:
    """The folders to watch: procedures, content, and the theme (mkdocs.yml's folder holds them)."""
    folders = [preview.root / name for name in ("procedures", "content", "site_theme")]
    return [folder for folder in folders if folder.is_dir()]
