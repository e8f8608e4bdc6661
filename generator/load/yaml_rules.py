"""Loading, parser settings: YAML 1.2 core scalars, aliases refused, libyaml with a Python fallback."""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
KNOWN_TAGS = {STR, INT, FLOAT, BOOL, NULL, "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


_BOOLS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})
_NULLS = frozenset({"~", "null", "Null", "NULL", ""})
_INT_PLAIN = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT_PLAIN = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class Core12Resolver(BaseResolver):
    """Resolve plain scalars by the YAML 1.2 core schema (no yes/no/on/off booleans, no dates).

    ``resolve`` is written out instead of PyYAML's table walk: it runs for every node of every
    file and was a fifth of the load time at 10,000 procedures.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if not implicit[0]:
                return STR
            if value in _NULLS:
                return NULL
            if value in _BOOLS:
                return BOOL
            if value[0] in "-+.0123456789" or value.startswith("0"):
                if _INT_PLAIN.match(value):
                    return INT
                if _FLOAT_PLAIN.match(value):
                    return FLOAT
            return STR
        return "tag:yaml.org,2002:seq" if kind is SequenceNode else "tag:yaml.org,2002:map"


class AliasRefused(yaml.YAMLError):
    """An alias (``*name``) or merge key met while composing: refused before anything expands."""

    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("alias")
        self.problem_mark = mark


class AliasSeen(Exception):
    """The same collection node appeared twice: the document used an alias."""


class StrictLoader(Reader, Scanner, Parser, Composer, Core12Resolver):
    """PyYAML's composer, with aliases refused before anything can expand."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        Core12Resolver.__init__(self)

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(AliasEvent):
            raise AliasRefused(self.peek_event().start_mark)  # type: ignore[no-untyped-call]
        return super().compose_node(parent, index)


class FastLoader(CParser, Core12Resolver):
    """libyaml's parser and composer (about 10 times faster); aliases are caught while building."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        Core12Resolver.__init__(self)


_FAST_BRACKET_LIMIT = 2000
"""libyaml composes flow collections recursively in C; past this many brackets use the Python path."""


def compose(text: str, *, fast: bool) -> Node | None:
    """Compose the single document of ``text`` into a node tree (no values constructed yet)."""
    use_fast = fast and text.count("[") + text.count("{") <= _FAST_BRACKET_LIMIT
    loader = FastLoader(text) if use_fast else StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def number(text: str, tag: str) -> int | float:
    """Convert a scalar the resolver already matched as a YAML 1.2 number (cannot fail)."""
    if tag == INT:
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text)
    special = text.lstrip("+-").lower()
    if special == ".inf":
        return -math.inf if text.startswith("-") else math.inf
    if special == ".nan":
        return math.nan
    return float(text)
