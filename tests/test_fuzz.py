"""Fuzzing the loader and validator: random and mutated YAML only ever yields reported issues."""

from __future__ import annotations

import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.issues import Severity
from generator.load import load_yaml
from generator.reading import read_catalogue
from tests.conftest import AS_OF, FIXTURES

SEED = (FIXTURES / "valid" / "procedures" / "dang-ky-khai-sinh.yaml").read_bytes()
YAML_BITS = [
    b":",
    b"- ",
    b"  ",
    b"\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b"'",
    b"&a ",
    b"*a",
    b"!!",
    b"#",
    b"---\n",
    b"\t",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"1.10",
    b"no",
    b"~",
    b"? ",
    b"|",
    b">",
    b"%YAML 1.1\n",
    # hostile values (issue 9): numbers the checker must bound, invisible characters, other digits
    b".inf",
    b".nan",
    b"1e999",
    b"9" * 400,
    b"9999-12-31",
    "\u202e".encode(),
    b'"\\u202e"',
    b'"\\x07"',
    "\u2066".encode(),
    "１".encode(),
    b"javascript:",
    b'"><script>',
]

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(SEED)
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        bit = draw(st.sampled_from(YAML_BITS))
        if action == "insert":
            data[pos:pos] = bit
        elif action == "delete":
            del data[pos : pos + draw(st.integers(1, 40))]
        else:
            data[pos : pos + len(bit)] = bit
    return bytes(data)


def _check_loader(tmp: Path, payload: bytes) -> None:
    path = tmp / "fuzz.yaml"
    path.write_bytes(payload)
    loaded, issues = load_yaml(path, "fuzz.yaml")
    errors = [i for i in issues if i.severity is Severity.ERROR]
    assert (loaded is None) == bool(errors)
    for issue in issues:
        assert issue.file == "fuzz.yaml" and issue.code and issue.message


@_SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _check_loader(Path(tmp), payload)


@_SETTINGS
@given(st.text(alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"\n ab1.ĐđắÂ\t")), max_size=200))
def test_yaml_like_text_never_crashes_the_loader(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _check_loader(Path(tmp), text.encode("utf-8"))


@_SETTINGS
@given(mutated())
def test_mutated_procedure_never_crashes_the_checker(payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(FIXTURES / "valid", root)
        (root / "procedures" / "dang-ky-khai-sinh.yaml").write_bytes(payload)
        catalogue, issues = read_catalogue(root, AS_OF)
        for issue in issues:
            assert issue.file and issue.code and issue.message
        if catalogue is None:
            assert issues


MARKDOWN_BITS = [
    "<",
    ">",
    "</",
    "<!--",
    "-->",
    "[a](",
    ")",
    "](",
    "javascript:",
    "&#106;",
    "`",
    "```\n",
    "{: ",
    "=",
    '"',
    "\\",
    "\n",
    " ",
    "https://",
    "<https://x>",
    "\u202e",
    "ờ",
    "#",
]


@_SETTINGS
@given(st.lists(st.sampled_from(MARKDOWN_BITS), max_size=60).map("".join))
def test_any_markdown_page_gives_located_issues_only(text: str) -> None:
    from generator.load.pages import check_pages

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "content" / "pages").mkdir(parents=True)
        (root / "content" / "pages" / "trang.md").write_text(text, encoding="utf-8")
        for issue in check_pages(root):
            assert issue.file == "content/pages/trang.md" and issue.line >= 1 and issue.code and issue.message


class _Markup(HTMLParser):
    """Collects every tag and attribute of rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


MARKDOWN_TAGS = {"p", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "code", "pre", "em"}
MARKDOWN_TAGS |= {"strong", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "div"}
HOSTILE_BITS = [
    *MARKDOWN_BITS,
    "<script>",
    "<img src=x onerror=y>",
    "onclick",
    "{: onclick=x }",
    "data:",
    "JaVaScRiPt:",
    "![i](",
    "[r]: ",
    "vbscript:",
    "<iframe>",
    "\\n    ",
    "* ",
    "| a |\\n|---|\\n",
]


@_SETTINGS
@given(st.lists(st.sampled_from(HOSTILE_BITS), max_size=40).map("".join))
def test_a_page_the_checker_accepts_renders_to_markdown_only(text: str) -> None:
    """Checked against the real renderer: no raw tag, no event attribute, no unsafe link survives."""
    import markdown

    from generator.load.markdown_rules import ALLOWED_SCHEMES, markdown_findings, scheme_of

    if markdown_findings(text):
        return
    html = markdown.markdown(text, extensions=["attr_list", "tables", "admonition", "toc"])
    parser = _Markup()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in MARKDOWN_TAGS, (tag, html)
        for name, value in attrs:
            assert name in {"href", "src", "alt", "title", "id", "class", "style"}, (name, html)
            if name in ("href", "src") and value is not None:
                assert scheme_of(value) in ALLOWED_SCHEMES | {None}, (value, html)
