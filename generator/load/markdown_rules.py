"""Loading, Markdown pages: raw HTML and unsafe link targets found in the source, with their place.

The free pages in ``content/pages/`` are content, not code: the site publishes what Python-Markdown
makes of them, and Python-Markdown passes raw HTML through and writes any link target it is given.
So the source is scanned here, outside inline code spans (which are escaped), for
every HTML tag, comment or declaration, every ``attr_list`` attribute with a value (``{ onclick=… }``),
and every link or image target whose scheme is not http, https, mailto or tel (relative paths and
``#anchors`` are fine). Entities and spaces are decoded before a scheme is judged, as a browser would.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>|<([^\s<>@]+@[^\s<>@]+)>")
_HTML = re.compile(r"<(?:/?[A-Za-z]|!|\?)")
_ATTR_LIST = re.compile(r"\{:?\s*(?:[.#]?[\w-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s}]*))?\s*)+\}")
_INLINE_LINK = re.compile(r"\]\(")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_SQUEEZE = re.compile(r"[\x00-\x20\x7f]+")

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


@dataclass(frozen=True)
class Finding:
    """One problem in a Markdown page: 1-based line and column, issue code, Vietnamese message."""

    line: int
    column: int
    code: str
    message: str


HTML_MESSAGE = (
    "Trang Markdown không được chứa HTML («{found}»): thẻ, chú thích <!-- --> hay mã nhúng đều bị từ chối "
    "vì có thể chạy mã trên trang. Hãy viết bằng Markdown (tiêu đề #, danh sách -, liên kết [chữ](địa chỉ)); "
    "nếu muốn hiện dấu «<» đứng trước chữ, hãy viết «&lt;»."
)
ATTR_MESSAGE = (
    "Danh sách thuộc tính «{found}» có giá trị (dạng khóa=giá trị) không được dùng vì có thể gắn mã chạy "
    "vào trang; chỉ được ghi lớp .ten hoặc mã #ten, hoặc xoá phần này."
)
LINK_MESSAGE = (
    "Liên kết «{found}» dùng giao thức «{scheme}» không được phép; chỉ dùng https://, http://, mailto:, "
    "tel: hoặc đường dẫn tương đối tới trang khác của trang web."
)


def scheme_of(target: str) -> str | None:
    """The scheme a browser would see in a link target (entities decoded, spaces dropped), or None."""
    plain = _SQUEEZE.sub("", html.unescape(target)).lstrip("<>")
    if plain.startswith(("//", "\\\\", "/\\", "\\/")):
        return "//"
    found = _SCHEME.match(plain)
    return found.group(1).lower() if found else None


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _code_free_lines(text: str) -> Iterator[tuple[int, str]]:
    """Every line, with inline code spans blanked out (columns kept).

    Fenced blocks (```) are *not* skipped: the site's Markdown (mkdocs.yml) has no ``fenced_code``
    extension, so a fence is plain text there and HTML inside it would be published as HTML.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, _CODE_SPAN.sub(_blank, line)


def _position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _link_findings(text: str) -> Iterator[Finding]:
    """Unsafe link targets; each judged with what follows it (up to 200 characters, across lines)."""
    spans = [m.end() for m in _INLINE_LINK.finditer(text)] + [m.end() for m in _REFERENCE.finditer(text)]
    spans += [m.start() for m in _AUTOLINK.finditer(text) if m.group(1)]
    for start in spans:
        target = text[start : start + 200]
        scheme = scheme_of(target)
        if scheme is not None and scheme not in ALLOWED_SCHEMES:
            shown = target.strip().split(")", 1)[0].split("\n", 1)[0]
            shown = shown if len(shown) <= 60 else shown[:57] + "…"
            message = LINK_MESSAGE.format(found=shown, scheme="//" if scheme == "//" else scheme + ":")
            line, column = _position(text, start + len(target) - len(target.lstrip()))
            yield Finding(line, column, "page-link-scheme", message)


def markdown_findings(text: str) -> list[Finding]:
    """Every raw-HTML and unsafe-link problem in a Markdown page, in source order."""
    lines = list(_code_free_lines(text))
    findings = list(_link_findings("\n".join(line for _, line in lines)))
    for number, line in lines:
        without_links = _AUTOLINK.sub(_blank, line)
        found = _HTML.search(without_links)  # the first tag of a line is enough to point at it
        if found is not None:
            shown = without_links[found.start() : found.start() + 20].strip()
            findings.append(
                Finding(number, found.start() + 1, "page-raw-html", HTML_MESSAGE.format(found=shown))
            )
        for attrs in _ATTR_LIST.finditer(without_links):
            if "=" in attrs.group(0):
                message = ATTR_MESSAGE.format(found=attrs.group(0)[:40])
                findings.append(Finding(number, attrs.start() + 1, "page-raw-html", message))
    unique = {(f.line, f.column, f.code): f for f in findings}
    return sorted(unique.values(), key=lambda f: (f.line, f.column))


FRONT_MATTER: dict[str, type] = {"title": str, "description": str, "hide": list, "ck_feedback": bool}
"""The front matter an editor's Markdown page may set (``ck_feedback: true`` adds the site's feedback
block from content/site.yaml to the page). Any other key is refused: ``template``
would pick another theme template (Material's ``redirect.html`` sends readers to
``location`` — any URL, ``javascript:`` included), and the rest are theme switches."""
HIDE = frozenset({"navigation", "toc", "footer", "path", "tags", "feedback"})
_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
"""MkDocs' own front-matter pattern (``mkdocs.utils.meta``)."""


def front_matter_problem(meta: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first refused front-matter key of a page and why, or None (the build and ``check`` agree)."""
    for key, value in meta.items():
        kind = FRONT_MATTER.get(str(key))
        if kind is None:
            allowed = ", ".join(FRONT_MATTER)
            return str(key), f"Khóa «{key}» ở phần đầu trang không được dùng; chỉ dùng {allowed}."
        hidden = {str(item) for item in value} if isinstance(value, list) else set()
        if not isinstance(value, kind) or (key == "hide" and not hidden <= HIDE):
            hide = ", ".join(sorted(HIDE))
            return str(
                key
            ), f"Giá trị của «{key}» ở phần đầu trang không hợp lệ (hide: một danh sách trong {hide})."
    return None


def front_matter_findings(text: str) -> list[Finding]:
    """A located problem when the page's front matter sets a key outside :data:`FRONT_MATTER`."""
    found = _FRONT.match(text)
    if found is None:
        return []
    try:
        meta = yaml.safe_load(found.group(1))
    except yaml.YAMLError:
        return []  # MkDocs treats it as no front matter at all
    problem = front_matter_problem(meta) if isinstance(meta, dict) else None
    if problem is None:
        return []
    key, message = problem
    lines = found.group(1).split("\n")
    line = next((n for n, text in enumerate(lines, start=2) if text.lstrip().startswith(f"{key}:")), 1)
    return [Finding(line, 1, "page-front-matter", message)]
