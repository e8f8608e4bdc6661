"""The editor's guide cannot drift: generated sections are current and examples validate."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from generator.docs import GUIDE, refresh_guide
from generator.load import LoadedFile
from generator.model import Channel, Procedure
from generator.validate import validate_model
from tests.conftest import PROJECT_ROOT

TEXT = (PROJECT_ROOT / GUIDE).read_text(encoding="utf-8")
EXAMPLES = re.findall(r"<!-- kiểm tra: (\w+) -->\n```yaml\n(.*?)```", TEXT, re.DOTALL)
MODELS: dict[str, type[BaseModel]] = {"procedure": Procedure, "channel": Channel}


def test_generated_sections_are_current() -> None:
    assert refresh_guide(TEXT) == TEXT, "run: .venv/bin/python -m generator docs"


def test_guide_has_examples() -> None:
    assert {kind for kind, _ in EXAMPLES} == set(MODELS)


@pytest.mark.parametrize("kind,body", EXAMPLES)
def test_example_is_valid(kind: str, body: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from generator.load import load_yaml

    path = tmp_path / "example.yaml"
    path.write_text(body, encoding="utf-8")
    loaded, issues = load_yaml(path, "example.yaml")
    assert issues == [] and isinstance(loaded, LoadedFile)
    model, issues = validate_model(loaded, MODELS[kind])
    assert issues == [] and model is not None


def test_every_issue_code_is_documented() -> None:
    from generator.issues import CODES

    for code in CODES:
        assert f"| `{code}` |" in TEXT
