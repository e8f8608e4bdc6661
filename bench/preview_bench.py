"""Benchmark of the preview (issue 14 item 1): from saving a procedure file to the served page and poster.

For each server — ``mkdocs serve`` (what ``make serve`` ran before: every save rebuilds the whole
site and runs every post-build writer) and ``python -m generator preview`` (now) — on a synthetic
catalogue of N procedures (``bench/synth.py``): start the server, wait for the home page (start-up
time), then for each edit append a marker to one active procedure's ``name:`` and poll, every
20 ms, its page until the marker shows (page seconds) and its poster PDF until ``pdftotext`` finds
the marker on it (poster seconds). Times are wall seconds from the moment the file is written.

The poster cache of an earlier run is kept (an editor's cache is warm after the first build); the
first run's ``mkdocs serve`` start-up renders every sheet.

Run: ``.venv/bin/python bench/preview_bench.py --count 2000 --edits 5 --serve-edits 2``; results go to
``bench/_out/preview-bench.json`` and one JSON line per server on standard output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import make_catalogue

OUT = Path(__file__).resolve().parent / "_out"
BIN = Path(sys.executable).parent
AS_OF = "2026-11-25"
NAME = re.compile(r"^name: (.*)$", re.MULTILINE)


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> bytes | None:
    """The body at ``url``, or None when the server does not answer it (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body: bytes = response.read()
            return body
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(check: Any, timeout: float, every: float = 0.02) -> float | None:
    """Seconds until ``check()`` is true (polled every ``every`` s), or None after ``timeout``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if check():
            return time.perf_counter() - start
        time.sleep(every)
    return None


def pdf_text(data: bytes | None) -> str:
    """The text of a PDF (pdftotext), white space collapsed; "" when there is none."""
    if not data or not data.startswith(b"%PDF"):
        return ""
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=False)
    return " ".join(done.stdout.decode("utf-8", "replace").split())


def pick(root: Path) -> tuple[Path, str, str]:
    """An active procedure with an office: its file, slug and first office."""
    from generator.build import read

    catalogue, _ = read(root, dt.date.fromisoformat(AS_OF))
    for entry in catalogue.procedures:
        if catalogue.state(entry) == "active" and entry.model.offices and len(entry.model.name) < 60:
            return entry.file.path, entry.slug, entry.model.offices[0]
    raise SystemExit("no active procedure with an office")


def start(kind: str, root: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """Start one server in ``root`` (its output to ``log``)."""
    env = {**os.environ, "CONGKHAI_AS_OF": AS_OF, "NO_MKDOCS_2_WARNING": "1"}
    if kind == "mkdocs-serve":
        command = [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"]
    else:
        command = [str(BIN / "python"), "-m", "generator", "preview", "--port", str(port)]
    return subprocess.Popen(command, cwd=root, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def run(kind: str, root: Path, edits: int, timeout: float) -> dict[str, Any]:
    """Start the server, time the start-up, then ``edits`` saves; stop the server."""
    path, slug, office = pick(root)
    original = path.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = start(kind, root, port, OUT / f"preview-{kind}.log")
    row: dict[str, Any] = {"server": kind, "procedures": len(list((root / "procedures").rglob("*.yaml")))}
    try:
        began = time.perf_counter()
        up = wait_for(lambda: fetch(base + f"thu-tuc/{slug}/") is not None, timeout * 4, every=0.5)
        row["startup_s"] = round(time.perf_counter() - began, 1) if up is not None else None
        pages, posters = [], []
        for k in range(1, edits + 1):
            marker = f"ZQ{k}X{os.getpid() % 1000}"
            text = NAME.sub(lambda m, mark=marker: f"name: {m.group(1)} {mark}", original, count=1)
            path.write_text(text, encoding="utf-8")
            written = time.perf_counter()
            page_url, poster_url = base + f"thu-tuc/{slug}/", base + f"posters/{office}/{slug}.pdf"
            seen = wait_for(lambda u=page_url, m=marker: m.encode() in (fetch(u) or b""), timeout)
            pages.append(round(seen, 2) if seen is not None else None)
            printed = wait_for(lambda u=poster_url, m=marker: m in pdf_text(fetch(u)), timeout, every=0.05)
            posters.append(round(time.perf_counter() - written, 2) if printed is not None else None)
            time.sleep(1.0 if kind == "preview" else 5.0)  # let the other pages settle between saves
        row["page_s"], row["poster_s"] = pages, posters
        found = [p for p in pages if p is not None]
        row["page_median_s"] = round(statistics.median(found), 2) if found else None
    finally:
        path.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    row["load_average"] = os.getloadavg()
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return row


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=5, help="saves timed with the preview")
    parser.add_argument("--serve-edits", type=int, default=2, help="saves timed with mkdocs serve (0: skip)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for one save")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"preview-synth-{args.count}"
    kept = OUT / f"preview-cache-{args.count}"  # the poster cache survives a re-made catalogue (warm)
    if (target / ".cache").is_dir():
        shutil.rmtree(kept, ignore_errors=True)
        (target / ".cache").rename(kept)
    root = make_catalogue(target, args.count)
    if kept.is_dir():
        kept.rename(root / ".cache")
    rows = []
    if args.serve_edits:
        rows.append(run("mkdocs-serve", root, args.serve_edits, args.timeout))
    rows.append(run("preview", root, args.edits, args.timeout))
    (OUT / "preview-bench.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
