"""The committed JSON Schema is current, and it accepts exactly what the models accept."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.load import load_yaml
from generator.schema import SCHEMAS, render_schema, schema_path
from tests.conftest import FIXTURES, PROJECT_ROOT


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_fresh(name: str) -> None:
    committed = schema_path(PROJECT_ROOT, name).read_text(encoding="utf-8")
    assert committed == render_schema(name), "run: .venv/bin/python -m generator schema"


def _content_files(root: Path) -> list[tuple[str, Path]]:
    files = [("site", root / "content" / "site.yaml"), ("fields", root / "content" / "fields.yaml")]
    files += [("office", p) for p in sorted((root / "content" / "offices").glob("*.yaml"))]
    files += [("procedure", p) for p in sorted((root / "procedures").rglob("*.yaml"))]
    files += [("plan", p) for p in sorted((root / "content" / "plans").glob("*/plan.yaml"))]
    return files


@pytest.mark.parametrize("root", [PROJECT_ROOT, FIXTURES / "valid"], ids=["sample", "fixture"])
def test_content_validates_against_the_schema(root: Path) -> None:
    for kind, path in _content_files(root):
        loaded, issues = load_yaml(path, path.name)
        assert loaded is not None, issues
        schema = json.loads(schema_path(PROJECT_ROOT, kind).read_text(encoding="utf-8"))
        jsonschema.validate(loaded.data, schema)


def test_schema_rejects_unknown_keys_and_unquoted_codes() -> None:
    schema = json.loads(schema_path(PROJECT_ROOT, "procedure").read_text(encoding="utf-8"))
    base = {"name": "A", "field": "ho-tich", "level": "xa", "offices": ["x"], "online": "khong"}
    jsonschema.validate(base, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**base, "nmae": "B"}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**base, "code": 1.001193}, schema)


def test_schema_wants_fees_or_no_fee_on_every_channel() -> None:
    """VS Code flags a channel that says nothing about fees, as ``check`` does (fees-missing)."""
    schema = json.loads(schema_path(PROJECT_ROOT, "procedure").read_text(encoding="utf-8"))
    base = {"name": "A", "field": "ho-tich", "level": "xa", "offices": ["x"], "online": "khong"}
    channel = {"kind": "truc_tiep", "time": {"value": 3, "unit": "working_day"}}
    for stated in ({"fees": []}, {"no_fee": True}, {"fees": [{"type": "le_phi", "name": "L", "amount": 1}]}):
        jsonschema.validate({**base, "channels": [channel | stated]}, schema)
    for silent in ({}, {"no_fee": False}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**base, "channels": [channel | silent]}, schema)


@pytest.mark.parametrize("kind,path", _content_files(PROJECT_ROOT), ids=lambda v: str(v))
def test_every_content_file_names_its_schema(kind: str, path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    target = first.removeprefix("# yaml-language-server: $schema=")
    assert target != first, f"{path} must start with the yaml-language-server modeline"
    assert (path.parent / target).resolve() == schema_path(PROJECT_ROOT, kind).resolve()
