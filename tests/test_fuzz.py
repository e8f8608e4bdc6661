"""Fuzzing the loader and validator: random and mutated YAML only ever yields reported issues."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.issues import Severity
from generator.load import load_yaml
from generator.reading import read_catalogue
from tests.conftest import AS_OF, FIXTURES

SEED = (FIXTURES / "valid" / "procedures" / "dang-ky-khai-sinh.yaml").read_bytes()
YAML_BITS = [
    b":",
    b"- ",
    b"  ",
    b"\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b"'",
    b"&a ",
    b"*a",
    b"!!",
    b"#",
    b"---\n",
    b"\t",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"1.10",
    b"no",
    b"~",
    b"? ",
    b"|",
    b">",
    b"%YAML 1.1\n",
]

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(SEED)
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        bit = draw(st.sampled_from(YAML_BITS))
        if action == "insert":
            data[pos:pos] = bit
        elif action == "delete":
            del data[pos : pos + draw(st.integers(1, 40))]
        else:
            data[pos : pos + len(bit)] = bit
    return bytes(data)


def _check_loader(tmp: Path, payload: bytes) -> None:
    path = tmp / "fuzz.yaml"
    path.write_bytes(payload)
    loaded, issues = load_yaml(path, "fuzz.yaml")
    errors = [i for i in issues if i.severity is Severity.ERROR]
    assert (loaded is None) == bool(errors)
    for issue in issues:
        assert issue.file == "fuzz.yaml" and issue.code and issue.message


@_SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _check_loader(Path(tmp), payload)


@_SETTINGS
@given(st.text(alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"\n ab1.ĐđắÂ\t")), max_size=200))
def test_yaml_like_text_never_crashes_the_loader(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _check_loader(Path(tmp), text.encode("utf-8"))


@_SETTINGS
@given(mutated())
def test_mutated_procedure_never_crashes_the_checker(payload: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(FIXTURES / "valid", root)
        (root / "procedures" / "dang-ky-khai-sinh.yaml").write_bytes(payload)
        catalogue, issues = read_catalogue(root, AS_OF)
        for issue in issues:
            assert issue.file and issue.code and issue.message
        if catalogue is None:
            assert issues
