"""Stage review: the change report rendered — Markdown for the forge comment, JSON for machines.

Both come from the same :class:`~generator.review.data.ChangeReport` and carry the same lines,
flags and sheets (a test renders the Markdown as a forge does and finds every JSON value in it).
Every content value in the Markdown goes through :func:`markdown_text` or :func:`markdown_name`.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from jinja2 import Environment, StrictUndefined

from generator.core.mdtext import markdown_name, markdown_text
from generator.plans.changes import render_plan_changes
from generator.review.data import ChangeReport
from generator.review.posters import PosterActions

SECTIONS = (
    ("Thủ tục mới", "added"),
    ("Thủ tục thay đổi", "changed"),
    ("Thủ tục bãi bỏ", "repealed"),
    ("Thủ tục bị xoá", "removed"),
)
COUNT_WORDS = {"added": "mới", "changed": "thay đổi", "repealed": "bãi bỏ", "removed": "bị xoá"}
NOTHING = "Không có thay đổi nội dung thủ tục."
JSON_VERSION = 1


def summary(report: ChangeReport) -> str:
    """One line for the pull-request title: counts of procedures, settings, flags and sheets."""
    counts = [f"{len(report.of_kind(k))} {COUNT_WORDS[k]}" for k, _ in ((k, 0) for _, k in SECTIONS)]
    parts = (
        [f"Thủ tục: {', '.join(c for c in counts if not c.startswith('0 '))}"] if report.procedures else []
    )
    if report.settings:
        parts.append(f"{len(report.settings)} thay đổi nơi tiếp nhận, thiết lập")
    if report.plans:
        parts.append(f"{len(report.plans)} quy hoạch, kế hoạch")
    if report.flags:
        parts.append(f"{len(report.flags)} cảnh báo")
    if report.posters and (report.posters.reprint or report.posters.take_down):
        sheets = (("in", report.posters.reprint), ("gỡ", report.posters.take_down))
        parts.append(", ".join(f"{verb} {len(items)} tờ" for verb, items in sheets if items))
    return "; ".join(parts) if parts else NOTHING


_REPORT = """\
**{{ summary | md }}**

## Thay đổi đối với người dân (so với {{ base | md }})
{% if not report.procedures and not report.settings %}
{{ nothing }}
{% endif %}
{%- if report.flags %}
### Cảnh báo cần xem kỹ ({{ report.flags | length }})
{% for flag in report.flags %}
- ⚠️ **{{ flag.label | md }}**: {{ flag.name | md }} ({{ flag.slug | md_name }}): {{ flag.reason | md }}
{%- endfor %}
{% endif %}
{%- for title, kind in sections %}{% set items = report.of_kind(kind) %}
{%- if items %}
### {{ title }} ({{ items | length }})
{% for change in items %}
- **{{ change.name | md }}** ({{ change.slug | md_name }})
{%- for line in change.lines %}
  - {{ line.text | md }}
{%- endfor %}
{%- endfor %}
{% endif %}
{%- endfor %}
{%- if report.settings %}
### Nơi tiếp nhận, lĩnh vực và thiết lập chung ({{ report.settings | length }})
{% for change in report.settings %}
- **{{ change.name | md }}**
{%- for line in change.lines %}
  - {{ line | md }}
{%- endfor %}
{%- endfor %}
{% endif %}
{%- set every = report.settings | selectattr("reprint") | list %}
{%- set posters = report.posters %}
{%- if every or (posters and posters.reprint) %}
### Bảng niêm yết cần in lại{% if posters %} ({{ posters.reprint | length }} tờ){% endif %}
{% for change in every %}
- {{ change.sheets | md }} tại {{ change.reprint | map("md") | join(", ") }} (do sửa {{ change.name | md }})
{%- endfor %}
{{- sheets(posters, "reprint") if posters else "" }}
{%- endif %}
{%- if posters and posters.take_down %}
### Bảng niêm yết cần gỡ ({{ posters.take_down | length }} tờ)
{{ sheets(posters, "take_down") }}
{%- endif %}
{%- if posters and posters.note %}
{{ posters.note | md }}
{% endif %}
"""

_SHEETS = """
{%- for office, actions in posters.by_office(which).items() %}
#### {{ office | md }}

{% for a in actions -%}
- {{ a.path | md_name }}: {{ a.title | md }} ({{ a.reason | md }})
{% endfor %}
{%- endfor %}"""


def render_markdown(report: ChangeReport) -> str:
    """The Markdown report, ready to post as a pull-request comment (every value escaped)."""
    env = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    # the forge renders Markdown and HTML both: every content value goes through one of these
    env.filters.update(md=markdown_text, md_name=markdown_name)
    block = env.from_string(_SHEETS)

    def sheets(posters: PosterActions, which: str) -> str:
        return block.render(posters=posters, which=which)

    text = env.from_string(_REPORT).render(
        report=report,
        base=report.base,
        sections=SECTIONS,
        summary=summary(report),
        nothing=NOTHING,
        sheets=sheets,
    )
    plans = render_plan_changes(report.plans)
    return text + (f"\n{plans}" if plans else "")


def _sheets(posters: PosterActions, which: str) -> list[dict[str, Any]]:
    grouped: dict[str, dict[str, Any]] = {}
    for action in getattr(posters, which):
        office = grouped.setdefault(
            action.office, {"office": action.office, "name": action.office_name, "sheets": []}
        )
        office["sheets"].append({"path": action.path, "title": action.title, "reason": action.reason})
    return list(grouped.values())


def report_data(report: ChangeReport) -> dict[str, Any]:
    """The report as plain JSON data (see docs/editor-guide.md, «Xem xét thay đổi», for the fields)."""
    posters = report.posters
    return {
        "version": JSON_VERSION,
        "base": report.base,
        "as_of": report.as_of.isoformat(),
        "summary": summary(report),
        "flags": [{"label": f.label, **dataclasses.asdict(f)} for f in report.flags],
        "procedures": [
            {
                "slug": c.slug,
                "name": c.name,
                "kind": c.kind,
                "ends": c.ends,
                "changes": [dataclasses.asdict(line) for line in c.lines],
            }
            for c in report.procedures
        ],
        "settings": [dataclasses.asdict(s) for s in report.settings],
        "plans": [dataclasses.asdict(p) for p in report.plans],
        "posters": None
        if posters is None
        else {
            "reprint": _sheets(posters, "reprint"),
            "take_down": _sheets(posters, "take_down"),
            "note": posters.note,
        },
    }


def render_json(report: ChangeReport) -> str:
    """The report as JSON text (UTF-8, NFC as the content, keys in a fixed order)."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
