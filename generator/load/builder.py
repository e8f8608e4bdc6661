"""Loading, building: a composed node tree → plain data with positions, refusing surprises."""

from __future__ import annotations

import unicodedata
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.issues import Issue, Severity
from generator.load.flow_split import flow_split_issues
from generator.load.positions import PathKey, format_path
from generator.load.text_rules import MAX_INT_DIGITS, first_refused_char, number_problem, refused_char_message
from generator.load.yaml_rules import BOOL, FLOAT, INT, KNOWN_TAGS, NULL, AliasSeen, number

MAX_DEPTH = 40
"""Deeper nesting than this is refused; no content type needs more than about 6 levels."""


class Builder:
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
                raise AliasSeen
            self.seen.add(id(node))
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if depth > MAX_DEPTH:
            self.issue(node, "yaml-too-deep", path[:1], "Dữ liệu lồng nhau quá sâu; hãy kiểm tra thụt lề.")
            return None
        if node.tag not in KNOWN_TAGS:
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
                for item, code, where, message, severity in flow_split_issues(node, path):
                    self.issue(item, code, where, message, severity)
            return items
        assert isinstance(node, ScalarNode)
        return self._scalar(node, path)

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
        if node.tag == NULL:
            return None
        if node.tag == BOOL:
            return text.lower() == "true"
        if node.tag in (INT, FLOAT):
            if not node.style:  # None (Python composer) or "" (libyaml) for plain scalars
                self.plain_numbers[path] = text
            if node.tag == INT and len(text) > MAX_INT_DIGITS + 4:  # before int(): huge ones are slow
                value: int | float = 10 ** (MAX_INT_DIGITS + 1)
            else:
                value = number(text, node.tag)
            problem = number_problem(value, text)
            if problem is not None:
                self.issue(node, "out-of-range", path, problem)
                return None
            return value
        refused = first_refused_char(text)
        if refused is not None:
            self.issue(node, "text-control-char", path, refused_char_message(refused[1]))
            return None
        return text
