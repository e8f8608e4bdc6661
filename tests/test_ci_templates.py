"""The CI templates for publishers (generator/templates/ci/): jobs, steps, caches, and real CLI commands.

Both files are parsed as YAML; every ``congkhai …`` command they run is parsed by the real argument
parser (a made-up command or option fails); the GitLab note script runs against a local stand-in
for the GitLab API and must create one note, then update it.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from generator.cli import _load_extensions, build_parser
from generator.posters.write import CACHE_DIR

TEMPLATES = Path(__file__).resolve().parents[1] / "generator" / "templates" / "ci"
GITHUB = TEMPLATES / "github-actions.yml"
GITLAB = TEMPLATES / "gitlab-ci.yml"
COMMAND = re.compile(r"(?:\.venv/bin/)?\bcongkhai\s+([^\n|>&;]+)")


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _shell_lines(path: Path) -> Iterator[str]:
    """Every shell command text of a template (GitHub ``run:``, GitLab ``script:``/``before_script:``)."""
    data = _load(path)
    if path == GITHUB:
        for job in data["jobs"].values():
            yield from (step["run"] for step in job.get("steps", []) if "run" in step)
    else:
        for job in data.values():
            if isinstance(job, dict):
                for key in ("script", "before_script"):
                    yield from job.get(key, [])


def cli_errors(commands: list[str]) -> list[str]:
    """The ``congkhai`` commands the real argument parser refuses."""
    _load_extensions()
    parser, bad = build_parser(), []
    for text in commands:
        try:
            parser.parse_args(shlex.split(text))
        except SystemExit:
            bad.append(text)
    return bad


def _commands(path: Path) -> list[str]:
    return [m.group(1).strip() for line in _shell_lines(path) for m in COMMAND.finditer(line)]


@pytest.mark.parametrize("path", [GITHUB, GITLAB], ids=["github", "gitlab"])
def test_every_command_is_one_the_cli_has(path: Path) -> None:
    commands = _commands(path)
    assert {c.split()[0] for c in commands} >= {"check", "changes", "build"}
    assert cli_errors(commands) == []


@pytest.mark.parametrize("path", [GITHUB, GITLAB], ids=["github", "gitlab"])
def test_the_posted_report_is_the_markdown_format_and_the_json_is_kept(path: Path) -> None:
    reports = {}
    for line in _shell_lines(path):
        for command in line.splitlines():
            if "congkhai changes" in command:
                target = command.rsplit(">", 1)[1].strip()
                fmt = shlex.split(command.split("congkhai", 1)[1].split(">", 1)[0])
                reports[target] = fmt[fmt.index("--format") + 1]
    assert reports == {"change-report.md": "markdown", "change-report.json": "json"}
    raw = path.read_text(encoding="utf-8")  # the comment or note posts the Markdown file
    assert 'readFileSync("change-report.md"' in raw or 'open("change-report.md"' in raw


@pytest.mark.parametrize("made_up", ["publish --site site", "build --strict-mode", "changes --against main"])
def test_the_command_check_refuses_what_the_cli_lacks(made_up: str) -> None:
    assert cli_errors([made_up]) == [made_up]


@pytest.mark.parametrize("path", [GITHUB, GITLAB], ids=["github", "gitlab"])
def test_publisher_ci_runs_content_checks_not_this_projects_tests(path: Path) -> None:
    text = "\n".join(_shell_lines(path))
    assert "pytest" not in text and "make test" not in text and ".ci/run" not in text


def _steps(job: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {step.get("name") or step["uses"]: step for step in job["steps"]}


def test_github_actions_template() -> None:
    data = _load(GITHUB)
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare «on» as true
    assert {"pull_request", "push", "schedule"} <= set(triggers)
    assert triggers["push"]["branches"] == ["main"] and triggers["schedule"][0]["cron"]
    assert data["env"]["TZ"] == "Asia/Ho_Chi_Minh"
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    steps = list(build["steps"])
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    caches = {s["with"]["path"]: s["with"] for s in steps if s.get("uses", "").startswith("actions/cache@")}
    assert "hashFiles('requirements.txt')" in caches[".venv"]["key"]
    posters = caches[str(CACHE_DIR)]
    assert "procedures/**" in posters["key"] and "content/**" in posters["key"]
    assert posters[
        "restore-keys"
    ].strip()  # a content change restores the last cache: only its posters re-render
    comment = next(s for s in steps if s.get("uses", "").startswith("actions/github-script@"))
    assert comment["if"] == "github.event_name == 'pull_request'"
    assert (
        "congkhai-change-report" in comment["with"]["script"] and "updateComment" in comment["with"]["script"]
    )
    artifact = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert artifact["with"]["path"].split() == ["site", "change-report.md", "change-report.json"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in steps)
    assert build["permissions"]["pull-requests"] == "write"
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "pull_request" in deploy["if"] and deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_gitlab_ci_template() -> None:
    data = _load(GITLAB)
    assert data["variables"]["GIT_DEPTH"] == "0" and data["variables"]["TZ"] == "Asia/Ho_Chi_Minh"
    sources = " ".join(rule["if"] for rule in data["workflow"]["rules"])
    assert "merge_request_event" in sources and "schedule" in sources and "CI_DEFAULT_BRANCH" in sources
    caches = {tuple(c["paths"]): c for c in data[".congkhai"]["cache"]}
    assert caches[(".venv", ".cache/pip")]["key"]["files"] == ["requirements.txt"]
    assert caches[(str(CACHE_DIR),)]["fallback_keys"]
    check, pages = data["check"], data["pages"]
    assert check["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert "site/" in check["artifacts"]["paths"] and check["artifacts"]["expose_as"]
    assert {"change-report.md", "change-report.json"} <= set(check["artifacts"]["paths"])
    assert pages["artifacts"]["paths"] == ["public"]
    assert any("build --site public" in line for line in pages["script"])


class _FakeGitLab(BaseHTTPRequestHandler):
    """Just enough of the GitLab notes API: list, create, update; records every call."""

    notes: ClassVar[list[dict[str, Any]]] = []
    calls: ClassVar[list[tuple[str, str]]] = []

    def _answer(self, value: object) -> None:
        body = json.dumps(value).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.calls.append(("GET", self.path))
        self._answer([{"id": 1, "body": "a reviewer's note"}, *self.notes])

    def do_POST(self) -> None:
        self.calls.append(("POST", self.path))
        note = {"id": 7, "body": self._body()}
        self.notes.append(note)
        self._answer(note)

    def do_PUT(self) -> None:
        self.calls.append(("PUT", self.path))
        self.notes[0]["body"] = self._body()
        self._answer(self.notes[0])

    def _body(self) -> str:
        data = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert self.headers["PRIVATE-TOKEN"] == "secret"
        return str(data["body"])

    def log_message(self, *args: object) -> None:
        return


def test_the_gitlab_change_report_is_one_note_updated_on_every_push(tmp_path: Path) -> None:
    script = next(line for line in _load(GITLAB)["check"]["script"] if "CONGKHAI_REPORT_TOKEN" in line)
    script = script.replace(".venv/bin/python", shlex.quote(sys.executable))
    server = HTTPServer(("127.0.0.1", 0), _FakeGitLab)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = {
        **os.environ,
        "CONGKHAI_REPORT_TOKEN": "secret",
        "CI_API_V4_URL": f"http://127.0.0.1:{server.server_port}/api/v4",
        "CI_PROJECT_ID": "42",
        "CI_MERGE_REQUEST_IID": "5",
    }
    try:
        for report in ("Phí 50.000 đồng → 100.000 đồng", "Phí 50.000 đồng → 80.000 đồng"):
            (tmp_path / "change-report.md").write_text(report + "\n", encoding="utf-8")
            done = subprocess.run(
                ["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
            )
            assert done.returncode == 0 and "not posted" not in done.stdout, done.stdout + done.stderr
    finally:
        server.shutdown()
        server.server_close()
    assert [method for method, _ in _FakeGitLab.calls] == ["GET", "POST", "GET", "PUT"]
    assert _FakeGitLab.calls[3][1] == "/api/v4/projects/42/merge_requests/5/notes/7"
    assert len(_FakeGitLab.notes) == 1 and _FakeGitLab.notes[0]["body"].endswith("80.000 đồng\n")


NODE_HARNESS = """
const fs = require("fs");
const comments = [{ id: 1, body: "a reviewer's note" }];
const calls = [];
const rest = { issues: {
  listComments: "list",
  createComment: async (a) => { calls.push("create"); comments.push({ id: 9, body: a.body }); },
  updateComment: async (a) => {
    calls.push("update " + a.comment_id);
    comments.find((c) => c.id === a.comment_id).body = a.body;
  },
} };
const github = { rest, paginate: async () => comments.map((c) => ({ ...c })) };
const context = { repo: { owner: "o", repo: "r" }, issue: { number: 3 } };
(async () => {
  for (const report of ["Phí 50.000 đồng → 100.000 đồng", "Phí 50.000 đồng → 80.000 đồng"]) {
    fs.writeFileSync("change-report.md", report + "\\n");
    await (async () => { SCRIPT })();
  }
  console.log(JSON.stringify({ calls, comments }));
})();
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js (Debian nodejs)")
def test_the_github_change_report_is_one_comment_updated_on_every_push(tmp_path: Path) -> None:
    steps = _load(GITHUB)["jobs"]["build"]["steps"]
    script = next(s for s in steps if s.get("uses", "").startswith("actions/github-script@"))["with"][
        "script"
    ]
    (tmp_path / "harness.js").write_text(NODE_HARNESS.replace("SCRIPT", script), encoding="utf-8")
    done = subprocess.run(["node", "harness.js"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["calls"] == ["create", "update 9"]
    assert len(result["comments"]) == 2 and result["comments"][1]["body"].endswith("80.000 đồng\n")
