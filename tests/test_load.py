"""The strict YAML loader: YAML 1.1 traps, bombs, encodings, positions."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

from generator.load import load_yaml


def _load(tmp_path: Path, text: str | bytes):  # type: ignore[no-untyped-def]
    path = tmp_path / "t.yaml"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return load_yaml(path, "t.yaml")


def test_yaml_11_traps_stay_text(tmp_path: Path) -> None:
    loaded, issues = _load(tmp_path, "a: no\nb: yes\nc: on\nd: 15:00\ne: 2026-09-07\nf: 0o17\ng: true\n")
    assert issues == []
    assert loaded is not None
    assert loaded.data == {
        "a": "no",
        "b": "yes",
        "c": "on",
        "d": "15:00",
        "e": "2026-09-07",
        "f": 15,
        "g": True,
    }


def test_unquoted_code_is_remembered_as_written(tmp_path: Path) -> None:
    loaded, _ = _load(tmp_path, "code: 1.10\n")
    assert loaded is not None
    assert loaded.data["code"] == 1.1
    assert loaded.plain_numbers[("code",)] == "1.10"


def test_positions_of_values_and_keys(tmp_path: Path) -> None:
    loaded, _ = _load(tmp_path, "name: A\nsteps:\n  - title: B\n    text: C\n")
    assert loaded is not None
    assert loaded.positions[("steps", 0, "text")] == (4, 11)
    assert loaded.key_positions[("steps", 0, "text")] == (4, 5)
    assert loaded.locate(("steps", 0, "missing")) == (3, 5)


def test_text_is_nfc_normalised(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "name: Đăng ký khai sinh\n")
    loaded, _ = _load(tmp_path, decomposed)
    assert loaded is not None
    assert loaded.data["name"] == unicodedata.normalize("NFC", "Đăng ký khai sinh")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    loaded, issues = _load(tmp_path, b"\xef\xbb\xbfname: A\n")
    assert issues == [] and loaded is not None and loaded.data == {"name": "A"}


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    loaded, issues = _load(tmp_path, "\n".join(lines) + "\n")
    elapsed = time.perf_counter() - start
    assert loaded is None
    assert [(i.code, i.line) for i in issues] == [("yaml-alias", 2)]
    assert elapsed < 2.0  # generous: the refusal happens before any expansion


def test_merge_key_is_refused(tmp_path: Path) -> None:
    loaded, issues = _load(tmp_path, "base: &b {x: 1}\nother:\n  <<: *b\n")
    assert loaded is None and issues[0].code == "yaml-alias"


def test_deep_nesting_is_refused_without_recursion_error(tmp_path: Path) -> None:
    loaded, issues = _load(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert loaded is None and issues[0].code == "yaml-too-deep"


def test_only_comments_is_empty(tmp_path: Path) -> None:
    loaded, issues = _load(tmp_path, "# chỉ có chú thích\n\n")
    assert loaded is None and [i.code for i in issues] == ["file-empty"]


def test_tabs_are_reported_per_line(tmp_path: Path) -> None:
    loaded, issues = _load(tmp_path, 'a: 1\n\tb: 2\nc: "x\ty"\n')
    assert loaded is None
    assert [(i.code, i.line, i.column) for i in issues] == [("yaml-tab", 2, 1), ("yaml-tab", 3, 6)]


def test_huge_flow_nesting_neither_crashes_nor_hangs(tmp_path: Path) -> None:
    # libyaml's C composer would overflow the C stack here; the loader must take the safe path.
    loaded, issues = _load(tmp_path, "a: " + "[" * 200_000 + "]" * 200_000 + "\n")
    assert loaded is None and issues[0].code == "yaml-too-deep"


def test_fast_and_safe_paths_agree(tmp_path: Path) -> None:
    text = "name: A\nlist: [" + ", ".join(f'"[{i}]"' for i in range(1200)) + "]\n"
    fast, _ = _load(tmp_path, "name: A\nlist: [" + ", ".join(f'"{i}"' for i in range(1200)) + "]\n")
    safe, _ = _load(tmp_path, text)
    assert fast is not None and safe is not None
    assert len(fast.data["list"]) == len(safe.data["list"]) == 1200
    assert fast.positions[("list", 7)] == (2, 7 + 5 * 7 + 1)
