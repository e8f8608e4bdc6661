"""The browser editor's ``config.yml``, generated from the content models (never written by hand).

Every field of a collection comes from the model's JSON Schema (:func:`generator.schema.schema_of`):
its Vietnamese title is the label, its description the hint, ``enum`` a select, lists of records
a list with sub-fields, ``pattern`` the form's check. So the form cannot drift from the models, and
``tests/site/test_admin.py`` walks the models to prove every field is in it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.catalogue import Catalogue
from generator.checks.parts import MANDATORY_PARTS
from generator.model import FieldList, Office, Procedure
from generator.model.site import Editor, Site
from generator.model.types import CHANNEL_LABELS, LEVEL_LABELS, ONLINE_LABELS, UNIT_LABELS
from generator.plans.model import Plan
from generator.schema import schema_of

Node = dict[str, Any]

OPTION_LABELS: dict[str, str] = {
    **CHANNEL_LABELS,
    **ONLINE_LABELS,
    **LEVEL_LABELS,
    **UNIT_LABELS,
    "phi": "Phí",
    "le_phi": "Lệ phí",
}
"""Vietnamese labels of the codes a select offers; a code without one shows as itself."""

OFFICES_RELATION: Node = {"collection": "offices", "value_field": "{{slug}}", "display_fields": ["name"]}
RELATIONS: dict[tuple[str, str], Node] = {
    ("procedures", "offices"): OFFICES_RELATION,
    ("plans", "office"): OFFICES_RELATION,
    ("site", "default_office"): OFFICES_RELATION,
}
"""References the form offers as a choice among existing records instead of free text (top-level
fields only). A procedure's ``field`` is a select of the fields in content/fields.yaml at build time:
Sveltia cannot point a relation into a list inside one file."""

PATTERN_MESSAGE = "Chưa đúng dạng: xem hướng dẫn dưới ô."
DATE_WIDGET: Node = {"widget": "datetime", "type": "date", "format": "YYYY-MM-DD"}
LONG_TEXT = frozenset({"text", "note", "description", "exemption", "summary", "body", "change_note"})
"""Text fields edited in a multi-line box (the rest are one line)."""


def _resolve(node: Node, defs: dict[str, Node]) -> tuple[Node, bool]:
    """The node behind ``$ref`` / ``anyOf [X, null]``, and whether null is allowed."""
    nullable = False
    merged = {k: v for k, v in node.items() if k not in ("anyOf", "$ref")}
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        nullable = len(options) < len(node["anyOf"])
        (inner,) = options  # the models have no union of two kinds (a test keeps it so)
        inner, _ = _resolve(inner, defs)
        return {**inner, **merged}, nullable
    if "$ref" in node:
        target = defs[node["$ref"].rsplit("/", 1)[1]]
        inner, _ = _resolve(target, defs)
        return {**inner, **merged}, nullable
    return merged, nullable


def object_fields(schema: Node, defs: dict[str, Node], collection: str, *, top: bool = False) -> list[Node]:
    """The CMS fields of one object schema, in model order (``top``: the record itself, not a part)."""
    required = set(schema.get("required", ()))
    return [
        field_of(name, node, defs, collection=collection if top else "", required=name in required)
        for name, node in schema.get("properties", {}).items()
    ]


def field_of(name: str, raw: Node, defs: dict[str, Node], *, collection: str, required: bool) -> Node:
    """One CMS field (widget and options) for the JSON Schema ``raw`` of field ``name``."""
    node, _ = _resolve(raw, defs)
    field: Node = {"name": name, "label": node.get("title") or name}
    if node.get("description"):
        field["hint"] = node["description"]
    field["required"] = required
    if "default" in node and node["default"] not in (None, []) and not isinstance(node["default"], dict):
        field["default"] = node["default"]
    if (collection, name) in RELATIONS:
        return {**field, **_relation(collection, name, node)}
    return {**field, **_widget(name, node, defs, collection)}


def _relation(collection: str, name: str, node: Node) -> Node:
    widget: Node = {"widget": "relation", **RELATIONS[collection, name]}
    if node.get("type") == "array":
        widget["multiple"] = True
        if "minItems" in node:
            widget["min"] = node["minItems"]
    return widget


def _widget(name: str, node: Node, defs: dict[str, Node], collection: str) -> Node:
    kind = node.get("type")
    if "enum" in node:
        options = [{"label": OPTION_LABELS.get(str(v), str(v)), "value": v} for v in node["enum"]]
        return {"widget": "select", "options": options}
    if kind == "object":
        return {"widget": "object", "fields": object_fields(node, defs, collection)}
    if kind == "array":
        return _list_widget(name, node, defs, collection)
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind in ("integer", "number"):
        return _number_widget(node)
    if node.get("format") == "date":
        return dict(DATE_WIDGET)
    widget: Node = {"widget": "text" if name in LONG_TEXT else "string"}
    if node.get("pattern"):
        widget["pattern"] = [node["pattern"], PATTERN_MESSAGE]
    return widget


def _list_widget(name: str, node: Node, defs: dict[str, Node], collection: str) -> Node:
    items, _ = _resolve(node.get("items", {}), defs)
    widget: Node = {"widget": "list"}
    if "minItems" in node:
        widget["min"] = node["minItems"]
    if "maxItems" in node:
        widget["max"] = node["maxItems"]
    if items.get("type") == "object":
        fields = object_fields(items, defs, collection)
        first = next((f["name"] for f in fields if f["widget"] in ("string", "text", "select")), None)
        widget |= {"fields": fields, "collapsed": "auto"}
        if first:
            widget["summary"] = "{{fields." + first + "}}"
        return widget
    widget["field"] = field_of(name, items, defs, collection=collection, required=True) | {
        "label": node.get("title") or name
    }
    widget["field"].pop("hint", None)
    return widget


def _number_widget(node: Node) -> Node:
    widget: Node = {"widget": "number", "value_type": "int" if node.get("type") == "integer" else "float"}
    for bound, key in (("minimum", "min"), ("exclusiveMinimum", "min"), ("maximum", "max")):
        if bound in node:
            widget[key] = node[bound]
    if widget["value_type"] == "float":
        widget["step"] = 0.5
    return widget


def model_fields(model: type[BaseModel], collection: str) -> list[Node]:
    """The CMS fields of a whole content model."""
    schema = schema_of(model)
    return object_fields(schema, schema.get("$defs", {}), collection, top=True)


COLLECTIONS: tuple[tuple[str, str, type[BaseModel]], ...] = (
    ("procedures", "Thủ tục hành chính", Procedure),
    ("offices", "Cơ quan, nơi tiếp nhận", Office),
    ("plans", "Quy hoạch, kế hoạch sử dụng đất", Plan),
)
"""The folder collections: one YAML file per record."""

FOLDERS: dict[str, tuple[str, str, str]] = {
    "procedures": ("procedures", "{{field}}/{{slug}}", "name"),
    "offices": ("content/offices", "{{slug}}", "name"),
    "plans": ("content/plans", "{{slug}}/plan", "name"),
}
"""Collection → (folder, file path inside it without the extension, the field that names an entry)."""
SETTINGS_FILES: tuple[tuple[str, str, str, type[BaseModel]], ...] = (
    ("site", "Thiết lập chung", "content/site.yaml", Site),
    ("fields", "Lĩnh vực", "content/fields.yaml", FieldList),
)


def _backend(editor: Editor) -> Node:
    backend: Node = {"name": editor.backend, "repo": editor.repo, "branch": editor.branch}
    if editor.auth_url:
        backend["base_url"] = editor.auth_url.rstrip("/")
    if editor.api_root:
        backend["api_root"] = editor.api_root.rstrip("/")
    if editor.app_id:
        backend |= {"app_id": editor.app_id, "auth_type": "pkce"}
    if editor.review and editor.backend in ("github", "gitlab"):
        backend["squash_merges"] = True
    return backend


def _folder_collection(name: str, label: str, model: type[BaseModel], choices: list[tuple[str, str]]) -> Node:
    folder, path, identifier = FOLDERS[name]
    fields = model_fields(model, name)
    if model is Procedure:
        fields = _with_field_choices(_mandatory(fields), choices)
    return {
        "name": name,
        "label": label,
        "folder": folder,
        "path": path,
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "identifier_field": identifier,
        "slug": {"template": "{{slug}}", "editable": ["create"], "hint": SLUG_HINT, "pattern": SLUG_PATTERN},
        "summary": "{{" + identifier + "}}",
        "fields": fields,
    }


MANDATORY_HINT = " Bắt buộc theo Nghị định 63/2010, Điều 8(2)."


def _mandatory(fields: list[Node]) -> list[Node]:
    """The Decree 63 parts ``check`` requires are required in the form too (at least one item).

    (A part that truly does not apply goes in ``not_applicable``, edited in the file: docs/editing.md.)"""
    return [
        {**f, "required": True, "hint": f.get("hint", "") + MANDATORY_HINT}
        | ({"min": max(f.get("min", 1), 1)} if f["widget"] == "list" else {})
        if f["name"] in MANDATORY_PARTS and f["widget"] in ("list", "object")
        else f
        for f in fields
    ]


SLUG_PATTERN = [
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    "Chỉ chữ thường không dấu, số và dấu «-», ví dụ dang-ky-khai-sinh.",
]
"""The file name is the page address (and the QR code's target): set once, when the entry is created."""
SLUG_HINT = (
    "Tên tệp, cũng là địa chỉ trang: chữ thường không dấu, nối bằng «-». Đừng đổi sau khi đã in mã QR."
)


def field_choices(catalogue: Catalogue) -> list[tuple[str, str]]:
    """The fields (lĩnh vực) a procedure may name: slug and name, from content/fields.yaml."""
    return [(f.slug, f.name) for f in catalogue.fields.model.fields]


def _with_field_choices(fields: list[Node], choices: list[tuple[str, str]]) -> list[Node]:
    options = [{"label": name, "value": slug} for slug, name in choices]
    return [{**f, "widget": "select", "options": options} if f["name"] == "field" else f for f in fields]


def cms_config(editor: Editor, fields: list[tuple[str, str]]) -> Node:
    """The whole ``config.yml`` of the CMS for a site whose ``editor`` settings are ``editor`` and
    whose fields (lĩnh vực) are ``fields`` (slug, name)."""
    files = [
        {"name": name, "label": label, "file": path, "fields": model_fields(model, name)}
        for name, label, path, model in SETTINGS_FILES
    ]
    return {
        "backend": _backend(editor),
        "publish_mode": "editorial_workflow" if editor.review and editor.backend != "gitea" else "simple",
        "media_folder": "content/forms",
        "public_folder": "/content/forms",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "output": {"omit_empty_optional_fields": True},
        "collections": [
            *(_folder_collection(name, label, model, fields) for name, label, model in COLLECTIONS),
            {"name": "settings", "label": "Thiết lập", "format": "yaml", "files": files},
        ],
    }
