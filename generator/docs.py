"""The generated parts of the editor's guide: key reference tables and the issue-code table.

Both are produced from the models and ``CODES`` so that the guide cannot drift from the checker;
``python -m generator docs`` rewrites the marked sections of ``docs/editor-guide.md``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.issues import CODES
from generator.schema import SCHEMAS, schema_of

GUIDE = Path("docs/editor-guide.md")
_SECTION = re.compile(r"(<!-- BEGIN GENERATED: (\w+) -->\n)(.*?)(<!-- END GENERATED -->)", re.DOTALL)

_FILES = {
    "procedure": "procedures/<lĩnh vực>/<tên-tệp>.yaml",
    "office": "content/offices/<mã>.yaml",
    "fields": "content/fields.yaml",
    "site": "content/site.yaml",
    "plan": "content/plans/<mã-kế-hoạch>/plan.yaml",
}


def _type_of(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return f"nhóm [{prop['$ref'].rsplit('/', 1)[1]}](#{prop['$ref'].rsplit('/', 1)[1].lower()})"
    if "anyOf" in prop:
        kinds = [_type_of(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " hoặc ".join(kinds)
    if "enum" in prop:
        return "một trong: " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type")
    if kind == "array":
        return f"danh sách ({_type_of(prop.get('items', {}))})"
    if prop.get("format") == "date":
        return "ngày NĂM-THÁNG-NGÀY"
    names = {"string": "văn bản", "integer": "số nguyên", "number": "số", "boolean": "true/false"}
    return names.get(str(kind), "giá trị")


def _table(title: str, schema: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    lines = [f"#### {title}", "", schema.get("description", "").strip(), ""]
    lines += ["| khóa | bắt buộc | kiểu | ý nghĩa |", "|---|---|---|---|"]
    for key, prop in schema.get("properties", {}).items():
        label = prop.get("title", "")
        text = prop.get("description", "").replace("|", "\\|")
        mark = "có" if key in required else ""
        lines.append(f"| `{key}` | {mark} | {_type_of(prop)} | **{label}.** {text} |")
    return [*lines, ""]


def render_reference() -> str:
    """Markdown tables of every key of every content file type."""
    out: list[str] = []
    for name, model in SCHEMAS.items():
        schema = schema_of(model)
        out += [f"### Tệp {_FILES[name]}", ""]
        out += _table(model.__name__, schema)
        for def_name, sub in sorted(schema.get("$defs", {}).items()):
            out += _table(def_name, sub)
    return "\n".join(out).rstrip() + "\n"


def render_codes() -> str:
    """The table of issue codes."""
    lines = ["| mã | khi nào |", "|---|---|"]
    lines += [f"| `{code}` | {summary} |" for code, summary in CODES.items()]
    return "\n".join(lines) + "\n"


_RENDERERS = {"reference": render_reference, "codes": render_codes}


def refresh_guide(text: str) -> str:
    """Return the guide with every generated section re-rendered."""

    def replace(match: re.Match[str]) -> str:
        return match.group(1) + _RENDERERS[match.group(2)]() + match.group(4)

    return _SECTION.sub(replace, text)


def write_guide(root: Path) -> bool:
    """Rewrite the generated sections of the guide; return True when the file changed."""
    path = root / GUIDE
    text = path.read_text(encoding="utf-8")
    fresh = refresh_guide(text)
    if fresh != text:
        path.write_text(fresh, encoding="utf-8")
    return fresh != text
