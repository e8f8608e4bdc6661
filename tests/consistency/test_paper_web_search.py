"""Paper = web = search: the poster, the page and the search record of every procedure say the same.

Checked on the sample catalogue, the fixture tree and generated hostile-but-valid catalogues
(hypothesis). Each reading comes from the output itself (HTML markers, pdftotext, the search
record), so a stage that words a fact its own way fails here.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings

from tests.consistency.checking import build_outputs, disagreements
from tests.consistency.variants import catalogues, write_variant

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    "tree",
    [ROOT, ROOT / "tests" / "fixtures" / "valid"],
)
def test_sample_and_fixtures_agree(tree: Path, tmp_path: Path) -> None:
    out = build_outputs(tree, AS_OF, tmp_path)
    assert out.catalogue.in_state("active")
    assert disagreements(out) == []


@settings(
    max_examples=6,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a full build per example: no slow shrinking
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(variant=catalogues())
def test_generated_catalogues_agree(
    variant: dict[str, object], tmp_path_factory: pytest.TempPathFactory
) -> None:
    work = tmp_path_factory.mktemp("variant")
    root = write_variant(variant, ROOT / "tests" / "fixtures" / "valid", work / "tree")
    out = build_outputs(root, AS_OF, work)
    try:
        assert disagreements(out) == []
    finally:
        shutil.rmtree(work, ignore_errors=True)
