"""The browser editor's config (generator/site/admin/): generated from the models, complete, accepted.

- every field of every content model (walked through the pydantic models, nested records too) is
  a field of the generated config, with its Vietnamese label and hint;
- the config validates against Sveltia CMS's own JSON Schema (vendored with the test assets);
- an entry shaped as the CMS saves it (built from the config's widgets: required fields, defaults,
  one item per required list) passes the project's own loader and ``check``, in a repository made
  by ``congkhai init``;
- every sample file, cut down to what the config can express, keeps all its data (nothing an
  editor saves in the browser drops a key);
- the script's one CDN address (UI strings) is rewritten to the site's own copy.
"""

from __future__ import annotations

import json
import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from generator.core.jinja import THEME_DIR
from generator.errors import GeneratorError
from generator.facts.fees import NO_FEE_SHORT
from generator.facts.procedure import procedure_facts
from generator.issues import Severity
from generator.load import load_yaml
from generator.model.site import Editor
from generator.publisher import init_publisher
from generator.reading import read_catalogue
from generator.site.admin.config import COLLECTIONS, SETTINGS_FILES, cms_config
from generator.site.admin.write import SCRIPT, VENDORED, config_text, local_script
from tests.conftest import AS_OF, PROJECT_ROOT

SVELTIA_SCHEMA = PROJECT_ROOT / "tests" / "browser" / "vendor" / "sveltia-cms.schema.json"
FIELDS = [("ho-tich", "Hộ tịch"), ("chung-thuc", "Chứng thực")]
CONFIG = cms_config(Editor(backend="github", repo="ubnd-xa-an-hoa/noi-dung"), FIELDS)
Node = dict[str, Any]


def _collection(name: str) -> Node:
    for collection in CONFIG["collections"]:
        if collection["name"] == name:
            return collection
        for file in collection.get("files", ()):
            if file["name"] == name:
                return file
    raise KeyError(name)


def _model_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field of a model and of the records inside it, as dotted paths (aliases as in the files)."""
    for name, info in model.model_fields.items():
        key = info.alias or name
        yield prefix + key
        for inner in _records(info.annotation):
            yield from _model_paths(inner, prefix + key + ".")


def _records(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _records(typing.get_args(annotation)[0])
    elif origin in (tuple, list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _records(arg)


def _config_paths(fields: list[Node], prefix: str = "") -> Iterator[str]:
    for field in fields:
        yield prefix + field["name"]
        yield from _config_paths(field.get("fields", []), prefix + field["name"] + ".")


MODELS = [(name, model) for name, _, model in COLLECTIONS] + [(n, m) for n, _, _, m in SETTINGS_FILES]


@pytest.mark.parametrize(("name", "model"), MODELS, ids=[n for n, _ in MODELS])
def test_every_model_field_is_in_the_config(name: str, model: type[BaseModel]) -> None:
    fields = _collection(name)["fields"]
    assert set(_model_paths(model)) == set(_config_paths(fields))
    assert len(set(_model_paths(model))) >= 5


def test_labels_and_hints_are_the_schema_titles_and_descriptions() -> None:
    fields = {f["name"]: f for f in _collection("procedures")["fields"]}
    assert fields["name"]["label"] == "Tên thủ tục" and fields["name"]["required"] is True
    assert fields["online"]["widget"] == "select"
    assert {o["label"] for o in fields["online"]["options"]} >= {"Trực tuyến toàn trình"}
    channels = {f["name"]: f for f in fields["channels"]["fields"]}
    assert fields["channels"]["widget"] == "list" and channels["kind"]["label"] == "Cách nộp"
    fees = {f["name"]: f for f in channels["fees"]["fields"]}
    assert fees["amount"]["widget"] == "number" and fees["amount"]["value_type"] == "int"
    assert "đồng" in fees["amount"]["hint"]
    steps = {f["name"]: f for f in fields["steps"]["fields"]}
    assert fields["steps"]["summary"] == "{{fields.title}}" and steps["text"]["widget"] == "text"
    items = {f["name"]: f for f in {f["name"]: f for f in fields["documents"]["fields"]}["items"]["fields"]}
    assert items["copies"]["widget"] == "number" and items["present_only"]["widget"] == "boolean"
    assert _collection("procedures")["slug"]["editable"] == ["create"], "a saved page address never moves"
    assert fields["offices"]["widget"] == "relation" and fields["offices"]["multiple"] is True
    assert fields["field"]["options"] == [
        {"label": "Hộ tịch", "value": "ho-tich"},
        {"label": "Chứng thực", "value": "chung-thuc"},
    ]
    assert fields["steps"]["required"] is True and fields["steps"]["min"] == 1, "Decree 63 parts are required"
    review = {
        f["name"]: f for f in {f["name"]: f for f in fields["source"]["fields"]}["needs_review"]["fields"]
    }
    assert review["field"]["widget"] == "string", "only a record's own top-level keys are references"


def test_the_config_is_valid_for_sveltia() -> None:
    schema = json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8"))
    data = yaml.safe_load(config_text(CONFIG))
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(data)
    ]
    assert errors == []
    assert "&id" not in config_text(CONFIG), "no YAML anchors in the config"


def test_the_backend_follows_the_settings() -> None:
    gitea = cms_config(Editor(backend="gitea", repo="so/noi-dung", api_root="https://git.tinh.vn/api/v1",
                              app_id="abc"), FIELDS)  # fmt: skip
    assert gitea["backend"] == {
        **{"name": "gitea", "repo": "so/noi-dung", "branch": "main"},
        **{"api_root": "https://git.tinh.vn/api/v1", "app_id": "abc", "auth_type": "pkce"},
    }
    assert gitea["publish_mode"] == "simple", "Sveltia has no editorial workflow on Gitea/Forgejo"
    assert CONFIG["publish_mode"] == "editorial_workflow"
    direct = cms_config(Editor(backend="gitlab", repo="a/b", review=False), FIELDS)
    assert direct["publish_mode"] == "simple"


# --- An entry as the CMS saves it ------------------------------------------------------------------

CANDIDATES = ("xa", "15:00", "1.000001", "https://example.vn/", "a", "ubnd-xa")


def _sample(field: Node, relations: dict[str, Any]) -> Any:
    widget = field["widget"]
    if "default" in field:
        return field["default"]
    if widget == "relation":
        value = relations[field["name"]]
        return [value] if field.get("multiple") else value
    if widget == "object":
        return _entry(field["fields"], relations)
    if widget == "list":
        count = max(field.get("min", 1), 1)
        if "fields" in field:
            return [_entry(field["fields"], relations) for _ in range(count)]
        return [_sample(field["field"], relations) for _ in range(count)]
    return _scalar(field)


def _scalar(field: Node) -> Any:
    widget = field["widget"]
    if widget == "select":
        return field["options"][0]["value"]
    if widget == "number":
        low = field.get("min", 1)
        return max(int(low) + 1, 1) if field["value_type"] == "int" else float(max(low, 0) + 1)
    if widget == "boolean":
        return False
    if widget == "datetime":
        return "2026-01-15"
    if "pattern" in field:
        return next(c for c in CANDIDATES if re.fullmatch(field["pattern"][0], c))
    return "Nội dung mẫu của trình biên tập."


def _entry(fields: list[Node], relations: dict[str, Any]) -> Node:
    """The fields the CMS writes for a new entry: required ones filled, defaults, empty optional omitted."""
    return {f["name"]: _sample(f, relations) for f in fields if f["required"] or "default" in f}


@pytest.fixture(scope="module")
def publisher(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cms") / "pub"  # one repository; each test adds its own file
    init_publisher(root)
    return root


def _saved_procedure(publisher: Path, slug: str, fill: Any) -> list[Any]:
    """Save a new procedure as the CMS would (``fill`` edits the channels first); its issues."""
    collection = _collection("procedures")
    entry = _entry(collection["fields"], {"offices": "trung-tam-phuc-vu-hanh-chinh-cong"})
    # Rules across fields, which the hints state: a time limit «value, stages or text»; the form
    # cannot require one of several fields.
    for channel in entry["channels"]:
        channel["time"]["value"] = 3
    fill(entry["channels"])
    path = publisher / collection["folder"] / f"{entry['field']}/{slug}.yaml"
    path.write_text(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalogue, issues = read_catalogue(publisher, AS_OF)
    path.unlink()  # the module's repository is shared by the tests
    return [catalogue, [i for i in issues if slug in i.file], [i.format() for i in issues]]


def _fees_field() -> Node:
    channels = {f["name"]: f for f in _collection("procedures")["fields"]}["channels"]
    return {f["name"]: f for f in channels["fields"]}["fees"]


def test_a_new_procedure_saved_by_the_cms_passes_check(publisher: Path) -> None:
    def add_fee(channels: list[Node]) -> None:  # the editor adds one fee item and types an amount
        for channel in channels:
            channel["fees"] = [_entry(_fees_field()["fields"], {}) | {"amount": 50000}]

    catalogue, mine, everything = _saved_procedure(publisher, "thu-tuc-tu-trinh-bien-tap", add_fee)
    assert catalogue is not None and [i for i in mine if i.severity is Severity.ERROR] == [], everything
    assert "thu-tuc-tu-trinh-bien-tap" in {p.slug for p in catalogue.procedures}


def test_a_channel_without_fees_is_saved_by_ticking_no_fee(publisher: Path) -> None:
    """The form leaves an empty list out (omit_empty_optional_fields), so «no fee» is a tick box."""
    fees = _fees_field()
    assert fees["required"] is False and fees.get("min", 0) == 0, "an empty fee list can be saved"
    channels = {f["name"]: f for f in _collection("procedures")["fields"]}["channels"]
    no_fee = {f["name"]: f for f in channels["fields"]}["no_fee"]
    assert no_fee["widget"] == "boolean" and no_fee["label"] == "Không thu phí, lệ phí"

    def tick(channels: list[Node]) -> None:
        for channel in channels:
            assert "fees" not in channel, "what the CMS writes for an empty optional list: nothing"
            channel["no_fee"] = True

    catalogue, mine, everything = _saved_procedure(publisher, "khong-thu-phi-tu-bien-tap", tick)
    assert catalogue is not None and [i for i in mine if i.severity is Severity.ERROR] == [], everything
    (saved,) = [p for p in catalogue.procedures if p.slug == "khong-thu-phi-tu-bien-tap"]
    assert all(c.fees == () and c.no_fee for c in saved.model.channels)
    facts = procedure_facts(catalogue, saved)
    assert facts.channels and all(c.fee_short == NO_FEE_SHORT and c.free for c in facts.channels)


def test_a_channel_left_without_fees_or_the_tick_is_an_error(publisher: Path) -> None:
    """Forgetting the fees in the form must not publish «không thu phí»: a located error instead."""
    catalogue, mine, _ = _saved_procedure(publisher, "quen-ghi-phi", lambda channels: None)
    missing = [i for i in mine if i.code == "fees-missing"]
    assert catalogue is None and missing and all(i.severity is Severity.ERROR for i in missing)
    assert missing[0].field == "channels[0]" and missing[0].line > 1
    assert "no_fee: true" in missing[0].message


def test_a_new_office_saved_by_the_cms_passes_check(publisher: Path) -> None:
    collection = _collection("offices")
    entry = _entry(collection["fields"], {})
    path = publisher / collection["folder"] / "diem-moi.yaml"
    path.write_text(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalogue, issues = read_catalogue(publisher, AS_OF)
    errors = [i.format() for i in issues if i.severity is Severity.ERROR]
    assert [i for i in issues if "diem-moi" in i.file and i.severity is Severity.ERROR] == [], errors
    assert catalogue is not None and "diem-moi" in catalogue.offices


def _cut(data: Any, field: Node | None, fields: list[Node] | None) -> Any:
    """What a form with ``fields`` can hold of ``data`` (keys it has no field for are dropped)."""
    if fields is not None and isinstance(data, dict):
        known = {f["name"]: f for f in fields}
        return {k: _cut(v, known[k], known[k].get("fields")) for k, v in data.items() if k in known}
    if field is not None and isinstance(data, list) and field["widget"] == "list":
        return [_cut(item, field.get("field"), field.get("fields")) for item in data]
    return data


@pytest.mark.parametrize(
    ("collection", "pattern"),
    [("procedures", "procedures/**/*.yaml"), ("offices", "content/offices/*.yaml"),
     ("plans", "content/plans/*/plan.yaml"), ("site", "content/site.yaml"),
     ("fields", "content/fields.yaml")],
)  # fmt: skip
def test_the_form_holds_every_key_of_the_sample_files(collection: str, pattern: str) -> None:
    fields = _collection(collection)["fields"]
    files = sorted(PROJECT_ROOT.glob(pattern))
    assert files
    for path in files:
        loaded, issues = load_yaml(path, path.name)
        assert loaded is not None and not issues
        assert _cut(loaded.data, None, fields) == loaded.data, path


def test_the_script_fetches_nothing_from_a_cdn() -> None:
    script = (THEME_DIR / "admin" / SCRIPT).read_text(encoding="utf-8")
    fixed = local_script(script)
    assert "cdn.jsdelivr.net" in script and "cdn.jsdelivr.net" not in fixed
    assert "=`./locales`" in fixed and "=`./package.json`" in fixed
    assert fixed.count("url(./fonts/") == 3
    for name in VENDORED:
        assert (THEME_DIR / "admin" / name).is_file(), name
    with pytest.raises(GeneratorError, match="Sveltia"):
        local_script(fixed)
