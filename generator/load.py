"""Stage 1, load: read one YAML file into plain data plus the source position of every value.

The loader is deliberately stricter than YAML: it reads only UTF-8, refuses tabs, duplicate keys,
aliases (YAML bombs), custom tags and oversized files, and resolves scalars by the YAML 1.2 core
schema so that ``no`` stays the text "no" and ``15:00`` stays "15:00". Everything it refuses comes
back as an :class:`~generator.issues.Issue` with a line and column, never as an exception.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from generator.issues import Issue, Severity

MAX_FILE_BYTES = 1_048_576
"""Content files larger than this are refused (the longest real record is about 40 KB)."""

MAX_DEPTH = 40
"""Deeper nesting than this is refused; no content type needs more than about 6 levels."""

PathKey = tuple[str | int, ...]
"""A path into loaded data: mapping keys and list indexes, e.g. ``("channels", 0, "fees")``."""

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_KNOWN_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


_BOOLS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})
_NULLS = frozenset({"~", "null", "Null", "NULL", ""})
_INT_PLAIN = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT_PLAIN = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class _Core12Resolver(BaseResolver):
    """Resolve plain scalars by the YAML 1.2 core schema (no yes/no/on/off booleans, no dates).

    ``resolve`` is written out instead of PyYAML's table walk: it runs for every node of every
    file and was a fifth of the load time at 10,000 procedures.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if not implicit[0]:
                return _STR
            if value in _NULLS:
                return _NULL
            if value in _BOOLS:
                return _BOOL
            if value[0] in "-+.0123456789" or value.startswith("0"):
                if _INT_PLAIN.match(value):
                    return _INT
                if _FLOAT_PLAIN.match(value):
                    return _FLOAT
            return _STR
        return "tag:yaml.org,2002:seq" if kind is SequenceNode else "tag:yaml.org,2002:map"


class _AliasRefused(yaml.YAMLError):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("alias")
        self.problem_mark = mark


class _AliasSeen(Exception):
    """The same collection node appeared twice: the document used an alias."""


class _StrictLoader(Reader, Scanner, Parser, Composer, _Core12Resolver):
    """PyYAML's composer, with aliases refused before anything can expand."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Core12Resolver.__init__(self)

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(AliasEvent):
            raise _AliasRefused(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


@dataclass(frozen=True)
class LoadedFile:
    """One content file as plain data, with where each value and key came from.

    Attributes:
        path: the file on disk.
        display: the path shown to editors (relative to the project root).
        data: the top-level mapping, every string NFC-normalised.
        positions: (line, column) of each value, by path; ``()`` is the top-level mapping.
        key_positions: (line, column) of each mapping key, by the path of its value.
        plain_numbers: source text of unquoted numbers, by path (to explain ``1.10`` → 1.1).
    """

    path: Path
    display: str
    data: dict[str, Any]
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    plain_numbers: dict[PathKey, str] = field(default_factory=dict)

    @property
    def source(self) -> SourceFile:
        """The lightweight handle a validated record keeps."""
        return SourceFile(self.path, self.display)

    def locate(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Return the position of ``path``, or of its nearest existing parent."""
        table = self.key_positions if key else self.positions
        probe = path
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


@dataclass(frozen=True)
class SourceFile:
    """Where a validated record came from: enough to place an issue, nothing more.

    Validated records keep this instead of their :class:`LoadedFile`: positions are only needed
    to locate the rare cross-record issue, and keeping every file's positions in memory dominated
    the build's peak at 10,000 procedures. ``locate`` re-reads the file when it is asked.
    """

    path: Path
    display: str

    def locate(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Return the (line, column) of ``path`` in the file, as :meth:`LoadedFile.locate`."""
        try:
            stamp = self.path.stat().st_mtime_ns
        except OSError:
            return (1, 1)
        loaded = _reload(self.path, self.display, stamp)
        return loaded.locate(path, key=key) if loaded is not None else (1, 1)


@functools.lru_cache(maxsize=32)
def _reload(path: Path, display: str, stamp: int) -> LoadedFile | None:
    """Re-read a file to locate issues; ``stamp`` (its mtime) keeps the cache honest under serve."""
    return load_yaml(path, display)[0]


class _Builder:
    """Turn a composed node tree into plain data, recording positions and refusing surprises."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.issues: list[Issue] = []
        self.warnings: list[Issue] = []
        self.positions: dict[PathKey, tuple[int, int]] = {}
        self.key_positions: dict[PathKey, tuple[int, int]] = {}
        self.plain_numbers: dict[PathKey, str] = {}
        self.seen: set[int] = set()

    def issue(
        self, node: Node, code: str, field_path: PathKey, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        found = Issue(self.display, line, column, code, format_path(field_path), message, severity)
        (self.issues if severity is Severity.ERROR else self.warnings).append(found)

    def build(self, node: Node, path: PathKey, depth: int = 0) -> Any:
        if not isinstance(node, ScalarNode):
            if id(node) in self.seen:
                raise _AliasSeen
            self.seen.add(id(node))
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if depth > MAX_DEPTH:
            self.issue(node, "yaml-too-deep", path[:1], "Dữ liệu lồng nhau quá sâu; hãy kiểm tra thụt lề.")
            return None
        if node.tag not in _KNOWN_TAGS:
            self.issue(
                node,
                "yaml-tag",
                path,
                f"Thẻ YAML «{node.tag}» không được phép; hãy xoá nó và ghi giá trị bình thường.",
            )
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            items = [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
            if node.flow_style:
                self._check_flow_split(node, path)
            return items
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

    def _check_flow_split(self, node: SequenceNode, path: PathKey) -> None:
        """Catch a comma inside unquoted text of ``[a, b]`` that silently split one item in two.

        A cut parenthesis is certain (an error); a sentence-case list with an item starting in
        lower case is likely (a warning: quote the item, or capitalise it if it really is separate).
        """
        plain = [(i, item) for i, item in enumerate(node.value) if isinstance(item, ScalarNode)]
        open_items = False
        for i, item in plain:
            text = str(item.value)
            balance = text.count("(") - text.count(")")
            if not item.style and open_items and balance < 0:
                self.issue(
                    item,
                    "yaml-flow-comma",
                    (*path, i),
                    "Dấu phẩy trong danh sách [ … ] đã tách một mục làm hai (dấu ngoặc đơn bị cắt). "
                    'Hãy đặt cả mục trong dấu ngoặc kép, ví dụ ["Giấy tờ (bản chính, bản sao)"].',
                )
            open_items = not item.style and balance > 0
        first = str(plain[0][1].value) if plain else ""
        if not first[:1].isupper():
            return
        for i, item in plain[1:]:
            text = str(item.value)
            if not item.style and text[:1].islower():
                self.issue(
                    item,
                    "yaml-flow-case",
                    (*path, i),
                    f"Mục «{text}» bắt đầu bằng chữ thường: có thể dấu phẩy đã tách một câu. Nếu là một "
                    "mục, đặt cả mục trong dấu ngoặc kép; nếu là mục riêng, viết hoa chữ đầu.",
                    Severity.WARNING,
                )

    def _mapping(self, node: MappingNode, path: PathKey, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.issue(key_node, "yaml-bad-key", path, "Tên khóa phải là một từ đơn giản, ví dụ «name:».")
                continue
            key = unicodedata.normalize("NFC", str(key_node.value))
            child = (*path, key)
            if key in result:
                first = self.key_positions[child]
                self.issue(
                    key_node,
                    "yaml-duplicate-key",
                    child,
                    f"Khóa «{key}» xuất hiện hai lần (lần đầu ở dòng {first[0]}); hãy xoá một lần "
                    "hoặc gộp nội dung lại.",
                )
                continue
            self.key_positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child, depth + 1)
        return result

    def _scalar(self, node: ScalarNode, path: PathKey) -> Any:
        text = unicodedata.normalize("NFC", node.value)
        if node.tag == _NULL:
            return None
        if node.tag == _BOOL:
            return text.lower() == "true"
        if node.tag in (_INT, _FLOAT):
            if not node.style:  # None (Python composer) or "" (libyaml) for plain scalars
                self.plain_numbers[path] = text
            return _number(text, node.tag)
        return text


def _number(text: str, tag: str) -> int | float:
    """Convert a scalar the resolver already matched as a YAML 1.2 number (cannot fail)."""
    if tag == _INT:
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text)
    return float(text.replace("inf", "Infinity").replace("Inf", "Infinity").replace("INF", "Infinity"))


def format_path(path: PathKey) -> str:
    """Format a data path the way editors read it: ``channels[0].fees[1].amount``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


def _decode(raw: bytes, display: str) -> tuple[str | None, list[Issue]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = _line_col(prefix, len(prefix))
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


def _tab_issues(text: str, display: str) -> list[Issue]:
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


def _syntax_issue(exc: yaml.YAMLError, text: str, display: str) -> Issue:
    if isinstance(exc, _AliasRefused):
        mark = exc.problem_mark
        return Issue(
            display,
            mark.line + 1,
            mark.column + 1,
            "yaml-alias",
            "",
            "Không dùng bí danh YAML (*tên) hay khóa gộp (<<); hãy viết đầy đủ giá trị tại chỗ.",
        )
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = _line_col(text, exc.position)
        return Issue(
            display,
            line,
            column,
            "yaml-control-char",
            "",
            f"Có ký tự điều khiển không in được (mã {exc.character!r}); hãy xoá nó.",
        )
    found = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (found.line + 1, found.column + 1) if found is not None else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    if "expected a single document" in str(exc):
        return Issue(
            display,
            line,
            column,
            "yaml-multiple-documents",
            "",
            "Mỗi tệp chỉ chứa một thủ tục; hãy xoá dòng «---» thứ hai hoặc tách thành tệp riêng.",
        )
    return Issue(
        display,
        line,
        column,
        "yaml-syntax",
        "",
        f"Lỗi cú pháp YAML ({problem}). Kiểm tra thụt lề, dấu «:» sau tên khóa và dấu ngoặc kép "
        "quanh văn bản có dấu «:» hoặc «#».",
    )


class _FastLoader(CParser, _Core12Resolver):
    """libyaml's parser and composer (about 10 times faster); aliases are caught while building."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        _Core12Resolver.__init__(self)


_FAST_BRACKET_LIMIT = 2000
"""libyaml composes flow collections recursively in C; past this many brackets use the Python path."""


def _compose(text: str, *, fast: bool) -> Node | None:
    """Compose the single document of ``text`` into a node tree (no values constructed yet)."""
    use_fast = fast and text.count("[") + text.count("{") <= _FAST_BRACKET_LIMIT
    loader = _FastLoader(text) if use_fast else _StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _compose_issues(text: str, display: str) -> list[Issue]:
    """Compose with the pure-Python loader, which locates syntax errors and aliases precisely."""
    try:
        _compose(text, fast=False)
    except yaml.YAMLError as exc:
        return [_syntax_issue(exc, text, display)]
    except RecursionError:
        return [Issue(display, 1, 1, "yaml-too-deep", "", "Dữ liệu lồng nhau quá sâu; hãy kiểm tra thụt lề.")]
    return [Issue(display, 1, 1, "yaml-syntax", "", "Lỗi cú pháp YAML; hãy kiểm tra thụt lề và dấu ngoặc.")]


def load_yaml(path: Path, display: str) -> tuple[LoadedFile | None, list[Issue]]:
    """Load one YAML content file.

    Returns the loaded file (None when it cannot be used at all) and the problems found.
    Never raises for anything wrong inside the file.
    """
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Issue(
                    display,
                    1,
                    1,
                    "file-too-large",
                    "",
                    f"Tệp quá lớn ({size:,} byte, tối đa {MAX_FILE_BYTES:,}); hãy tách nội dung.",
                )
            ]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Issue(display, 1, 1, "file-unreadable", "", f"Không đọc được tệp: {exc.strerror}.")]
    text, issues = _decode(raw, display)
    if text is None:
        return None, issues
    tabs = _tab_issues(text, display)
    if tabs:
        return None, tabs
    try:
        node = _compose(text, fast=True)
        builder = _Builder(display)
        data = None if node is None else builder.build(node, ())
    except (_AliasSeen, yaml.YAMLError, RecursionError):
        # libyaml shares aliased nodes without saying where the alias was, and words some
        # errors differently: the Python composer gives the precise, located issue.
        return None, _compose_issues(text, display)
    if node is None:
        return None, [Issue(display, 1, 1, "file-empty", "", "Tệp trống; hãy điền nội dung hoặc xoá tệp.")]
    if builder.issues:
        return None, builder.issues
    if not isinstance(data, dict):
        line, column = builder.positions[()]
        return None, [
            Issue(
                display,
                line,
                column,
                "yaml-not-mapping",
                "",
                "Nội dung tệp phải là các cặp «khóa: giá trị» (ví dụ «name: Đăng ký khai sinh»).",
            )
        ]
    return (
        LoadedFile(path, display, data, builder.positions, builder.key_positions, builder.plain_numbers),
        builder.warnings,
    )
