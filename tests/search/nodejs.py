"""Run the shipped search JavaScript in Node from tests (one process per call, JSON in and out)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ASSETS = Path(__file__).resolve().parents[2] / "site_theme" / "assets" / "search"

PRELUDE = f"""
const fs = require("fs");
const lunr = require({json.dumps(str(ASSETS / "vendor" / "lunr" / "lunr.min.js"))});
const F = require({json.dumps(str(ASSETS / "fold.js"))});
const S = require({json.dumps(str(ASSETS / "engine.js"))});
const input = JSON.parse(fs.readFileSync(0, "utf8"));
"""


def run_js(body: str, data: Any) -> Any:
    """Run ``body`` after a prelude that loads lunr, fold.js, engine.js and ``input`` (``data``).

    The body must print one JSON value with ``console.log(JSON.stringify(...))``.
    """
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    done = subprocess.run(
        ["node", "-e", PRELUDE + body], input=json.dumps(data), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
