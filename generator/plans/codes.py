"""Stage 2 (plans): the two official land-use code lists, shipped as data with names and colours.

``tt27-2018`` is the 2013-law list, ``tt08-2024`` the 2024-law list; a plan names the list it uses
(``code_list``) and every code it writes is checked against that list, never against the other.
Editors never write colours: the map looks them up here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

CODES_DIR = Path(__file__).parent / "codes"
CODE_LISTS = ("tt27-2018", "tt08-2024")


@dataclass(frozen=True)
class LandUseCode:
    """One land-use code: ``code`` (DGT), official ``name``, standard ``colour`` (#RRGGBB), ``group``."""

    code: str
    name: str
    colour: str
    group: str
    is_group: bool = False


@dataclass(frozen=True)
class CodeList:
    """One versioned code list: its id, the circular it comes from, and the codes by code."""

    id: str
    title: str
    codes: MappingProxyType[str, LandUseCode]

    def name(self, code: str) -> str:
        """The official name of ``code`` (the code itself when unknown)."""
        found = self.codes.get(code)
        return found.name if found else code

    def colour(self, code: str) -> str:
        """The standard fill colour of ``code`` (light grey when unknown)."""
        found = self.codes.get(code)
        return found.colour if found else "#EEEEEE"


def _entry(raw: dict[str, Any]) -> LandUseCode:
    return LandUseCode(
        code=str(raw["code"]),
        name=str(raw["name"]),
        colour=str(raw["colour"]).upper(),
        group=str(raw["group"]),
        is_group=bool(raw.get("is_group", False)),
    )


@functools.cache
def code_list(list_id: str) -> CodeList:
    """The code list ``list_id`` (one of :data:`CODE_LISTS`), read once from the shipped data."""
    if list_id not in CODE_LISTS:
        raise KeyError(list_id)
    raw = yaml.safe_load((CODES_DIR / f"{list_id}.yaml").read_text(encoding="utf-8"))
    codes = {entry.code: entry for entry in map(_entry, raw["codes"])}
    return CodeList(str(raw["id"]), str(raw["title"]), MappingProxyType(codes))
