"""The JSON Schema of every content file type, generated from the models and committed.

Editors get completion and inline errors from it (a ``# yaml-language-server: $schema=…`` line
at the top of each content file); a test fails when the committed copy is stale.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.model import FieldList, Office, Procedure, Site
from generator.plans.model import Plan

SCHEMA_DIR = Path("generator/schema")

SCHEMAS: dict[str, type[BaseModel]] = {
    "procedure": Procedure,
    "office": Office,
    "fields": FieldList,
    "site": Site,
    "plan": Plan,
}


def schema_of(model: type[BaseModel]) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a content model."""
    schema = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render_schema(name: str) -> str:
    """Return the committed text of one schema file."""
    return json.dumps(schema_of(SCHEMAS[name]), ensure_ascii=False, indent=2) + "\n"


PUBLISHER_SCHEMA_DIR = Path("schema")
"""Where a publisher's repository (made by ``congkhai init``) keeps its copy of the schemas."""


def schema_path(root: Path, name: str) -> Path:
    """Where the schema for content type ``name`` is committed: ``generator/schema/`` in this
    repository (the package's source), ``schema/`` in a publisher's repository."""
    folder = SCHEMA_DIR if (root / SCHEMA_DIR).is_dir() else PUBLISHER_SCHEMA_DIR
    return root / folder / f"{name}.schema.json"


def write_schemas(root: Path) -> list[Path]:
    """Write every schema file; return the paths that changed."""
    changed = []
    for name in SCHEMAS:
        path = schema_path(root, name)
        text = render_schema(name)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def modeline(root: Path, file: Path, name: str) -> str:
    """The ``yaml-language-server`` line for a content file at ``file``."""
    rel = os.path.relpath(schema_path(root, name), file.parent)
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}"
