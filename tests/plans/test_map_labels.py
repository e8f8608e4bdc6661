"""Map labels never overlap: measured on the SVG as drawn (text and number circles), on the sample
plans and on generated dense plans, and the page map and the A3 poster draw the same labels."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest

from bench.plans.bench_map import write_plan
from generator.core.jinja import page_environment
from generator.plans.read import PlanEntry, read_plans
from generator.plans.svgmap import plan_map
from tests.conftest import AS_OF, PROJECT_ROOT

Box = tuple[float, float, float, float]
GLYPH = 0.6
"""Average advance of a capital or digit in em: the drawn text is at least this wide."""


def drawn_svg(entry: PlanEntry) -> str:
    return page_environment().get_template("plans/map-file.svg").render(page=plan_map(entry))


def label_boxes(svg: str) -> list[tuple[str, Box]]:
    """Every label box drawn: the texts and number circles of the labels, north arrow and scale bar."""
    start = svg.index('class="ck-plan-map__labels"')
    boxes: list[tuple[str, Box]] = []
    text_re = r'<text x="([\d.-]+)" y="([\d.-]+)" font-size="(\d+)"[^>]*>([^<]+)</text>'
    for m in re.finditer(text_re, svg[start:]):
        x, y, size, text = float(m[1]), float(m[2]), float(m[3]), m[4]
        half = len(text) * GLYPH * size / 2
        boxes.append((text, (x - half, y - 0.75 * size, x + half, y + 0.2 * size)))
    for m in re.finditer(r'<circle cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)"', svg[start:]):
        x, y, r = float(m[1]), float(m[2]), float(m[3])
        if r >= 5:  # not the dot at the foot of a leader line
            boxes.append(("○", (x - r, y - r, x + r, y + r)))
    north = re.search(r'ck-plan-map__north" transform="translate\(([\d.]+) ([\d.]+)\)', svg)
    assert north is not None
    nx, ny = float(north[1]), float(north[2])
    boxes.append(("north", (nx - 9, ny - 18, nx + 9, ny + 12)))
    return boxes


def overlapping(boxes: list[tuple[str, Box]]) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes overlap, except a number's own text inside its circle."""
    found = []
    for (a, ba), (b, bb) in itertools.combinations(boxes, 2):
        if ba[0] < bb[2] and bb[0] < ba[2] and ba[1] < bb[3] and bb[1] < ba[3]:
            inside = a == "○" or b == "○"
            small = bb if a == "○" else ba
            big = ba if a == "○" else bb
            within = big[0] <= small[0] and small[2] <= big[2] and big[1] <= small[1] and small[3] <= big[3]
            if inside and within:
                continue  # the number written in its own circle
            found.append((a, b))
    return found


def test_sample_plan_labels_do_not_overlap() -> None:
    entries, _, _ = read_plans(PROJECT_ROOT, AS_OF)
    assert len(entries) == 2
    for entry in entries:
        boxes = label_boxes(drawn_svg(entry))
        codes = {text for text, _ in boxes if text.isalpha() and text.isupper()}
        assert len(boxes) > len(entry.model.projects) and codes
        assert overlapping(boxes) == []


def dense(tmp_path: Path, count: int) -> PlanEntry:
    write_plan(tmp_path / "content" / "plans" / "day-dac", count)
    entries, issues, _ = read_plans(tmp_path, dt.date(2026, 11, 25))
    assert entries, [i.format() for i in issues[:3]]
    return entries[0]


@pytest.mark.parametrize("count", [60, 400])
def test_dense_plan_labels_do_not_overlap_and_every_number_is_accounted_for(
    tmp_path: Path, count: int
) -> None:
    entry = dense(tmp_path, count)
    view = plan_map(entry)
    svg = drawn_svg(entry)
    assert overlapping(label_boxes(svg)) == []
    shown = {int(t) for t, _ in label_boxes(svg) if t.isdigit()}
    hidden = [a.number for a in view.projects if not a.labels]
    assert shown | set(hidden) == set(range(1, count + 1)) and not shown & set(hidden)
    assert len(shown) >= count // 4  # placement leaves out only what cannot fit
    assert (view.hidden_note is None) == (hidden == [])
    if hidden:  # the map says how many numbers it left out, and which
        assert view.hidden_note is not None and view.hidden_note.startswith(f"{len(hidden)} công trình")
        assert f"số {hidden[0]}" in view.hidden_note


def test_a_moved_number_has_a_leader_line_back_to_its_area(tmp_path: Path) -> None:
    view = plan_map(dense(tmp_path, 400))
    moved = [label for area in view.projects for label in area.labels if label.leader]
    assert moved
    svg = page_environment().get_template("plans/map-file.svg").render(page=view)
    first = moved[0]
    assert first.leader is not None
    assert f'x1="{first.leader[0]}" y1="{first.leader[1]}" x2="{first.x}" y2="{first.y}"' in svg
