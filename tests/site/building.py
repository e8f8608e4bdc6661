"""Helpers to run a real ``mkdocs build`` in a subprocess (the whole-site and browser tests share them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).with_name("mkdocs")


def run_mkdocs(
    config: Path, dest: Path, *, as_of: str = "2026-11-25", strict: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` for ``config`` into ``dest`` with a pinned build date; never raises."""
    env = {**os.environ, "CONGKHAI_AS_OF": as_of, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [str(MKDOCS), "build", "-f", str(config), "-d", str(dest)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=600)


def copy_catalogue(source: Path, target: Path, procedures: list[str] | None = None) -> Path:
    """Copy a content tree (content/, procedures/) plus an mkdocs.yml pointing at the real theme.

    Args:
        source: a catalogue root (the project root or a fixture tree).
        target: an empty folder to create the copy in.
        procedures: relative paths of the procedure files to keep (default: all).

    Returns:
        the path of the copied mkdocs.yml.
    """
    shutil.copytree(source / "content", target / "content")
    if procedures is None:
        shutil.copytree(source / "procedures", target / "procedures")
    else:
        for rel in procedures:
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / rel, target / rel)
    pages = target / "content" / "pages"
    if not pages.exists():
        shutil.copytree(PROJECT_ROOT / "content" / "pages", pages)
    text = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: site_theme", f"custom_dir: {PROJECT_ROOT / 'site_theme'}")
    text = text.replace("site_dir: site", f"site_dir: {target / 'site'}")
    config = target / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config
