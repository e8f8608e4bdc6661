"""Loading, messages: what an editor is told when a file cannot be read as YAML (located, in Vietnamese)."""

from __future__ import annotations

import unicodedata

import yaml

from generator.issues import Issue
from generator.load.positions import line_col
from generator.load.yaml_rules import AliasRefused, compose


def decode(raw: bytes, display: str) -> tuple[str | None, list[Issue]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = line_col(prefix, len(prefix))
        return None, [
            Issue(
                display,
                line,
                column,
                "encoding-not-utf8",
                "",
                "Tệp không được lưu bằng mã UTF-8 (có byte không hợp lệ ở đây). Hãy mở tệp trong "
                "trình soạn thảo và lưu lại với mã hoá UTF-8.",
            )
        ]
    return unicodedata.normalize("NFC", text), []


def tab_issues(text: str, display: str) -> list[Issue]:
    issues = []
    for number, line in enumerate(text.split("\n"), start=1):
        column = line.find("\t")
        if column >= 0:
            issues.append(
                Issue(
                    display,
                    number,
                    column + 1,
                    "yaml-tab",
                    "",
                    "Có ký tự Tab; YAML chỉ cho phép dấu cách. Hãy thay Tab bằng dấu cách.",
                )
            )
    return issues[:20]


ALIAS = "Không dùng bí danh YAML (*tên) hay khóa gộp (<<); hãy viết đầy đủ giá trị tại chỗ."
MULTIPLE_DOCUMENTS = "Mỗi tệp chỉ chứa một thủ tục; hãy xoá dòng «---» thứ hai hoặc tách thành tệp riêng."
SYNTAX = (
    "Lỗi cú pháp YAML ({problem}). Kiểm tra thụt lề, dấu «:» sau tên khóa và dấu ngoặc kép "
    "quanh văn bản có dấu «:» hoặc «#»."
)


def syntax_issue(exc: yaml.YAMLError, text: str, display: str) -> Issue:
    """The located issue of a YAML error: an alias, a control character, a second document, or syntax."""
    if isinstance(exc, AliasRefused):
        mark = exc.problem_mark
        return Issue(display, mark.line + 1, mark.column + 1, "yaml-alias", "", ALIAS)
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = line_col(text, exc.position)
        message = f"Có ký tự điều khiển không in được (mã {exc.character!r}); hãy xoá nó."
        return Issue(display, line, column, "yaml-control-char", "", message)
    found = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (found.line + 1, found.column + 1) if found is not None else (1, 1)
    if "expected a single document" in str(exc):
        return Issue(display, line, column, "yaml-multiple-documents", "", MULTIPLE_DOCUMENTS)
    problem = getattr(exc, "problem", None) or str(exc)
    return Issue(display, line, column, "yaml-syntax", "", SYNTAX.format(problem=problem))


def compose_issues(text: str, display: str) -> list[Issue]:
    """Compose with the pure-Python loader, which locates syntax errors and aliases precisely."""
    try:
        compose(text, fast=False)
    except yaml.YAMLError as exc:
        return [syntax_issue(exc, text, display)]
    except RecursionError:
        return [Issue(display, 1, 1, "yaml-too-deep", "", "Dữ liệu lồng nhau quá sâu; hãy kiểm tra thụt lề.")]
    return [Issue(display, 1, 1, "yaml-syntax", "", "Lỗi cú pháp YAML; hãy kiểm tra thụt lề và dấu ngoặc.")]
