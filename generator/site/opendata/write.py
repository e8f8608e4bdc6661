"""Stage 4 (site): post-build writer of the open-data files under ``data/``.

``catalogue.json`` (every procedure, office, field and land-use plan), ``procedures.csv`` (one row
per procedure and channel, spreadsheet-safe), ``changes.json`` (the whole public history, the
same changes as the feed), and ``schema/*.schema.json`` (the content schemas). Output depends only
on the content, its git history and the build date, so two builds of one commit are identical.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.catalogue import Catalogue
from generator.core import urls
from generator.core.build_context import BuildContext
from generator.core.spreadsheet import csv_text
from generator.schema import SCHEMAS, render_schema
from generator.site.changes import described, entries_by_path
from generator.site.opendata.columns import COLUMNS
from generator.site.opendata.records import csv_rows, procedure_record

FORMAT_VERSION = 1
"""Bumped when a key of catalogue.json or changes.json changes meaning or disappears (docs/open-data.md)."""

CATALOGUE_JSON = "catalogue.json"
PROCEDURES_CSV = "procedures.csv"
CHANGES_JSON = "changes.json"
SCHEMA_FOLDER = "schema/"


def _about(catalogue: Catalogue, ctx: BuildContext) -> dict[str, Any]:
    site = catalogue.site.model
    data = site.open_data
    return {
        "format_version": FORMAT_VERSION,
        "publisher": site.publisher.name,
        "site": ctx.base_url,
        "as_of": ctx.as_of.isoformat(),
        "licence": {"name": data.licence, "url": data.licence_url},
        "attribution": attribution(catalogue),
        "history": ctx.history.state,
    }


def attribution(catalogue: Catalogue) -> str:
    """How re-users credit the data: the setting, else «<publisher>, <base URL>»."""
    site = catalogue.site.model
    return site.open_data.attribution or f"{site.publisher.name}, {site.base_url}"


def catalogue_data(
    catalogue: Catalogue, ctx: BuildContext, records: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The whole catalogue as one JSON document (``records``: the procedure records, if made already)."""
    offices = [
        {
            "slug": slug,
            "name": o.model.name,
            "address": o.model.address,
            "url": urls.absolute(ctx.base_url, urls.office_path(slug)),
        }
        for slug, o in catalogue.offices.items()
    ]
    return {
        **_about(catalogue, ctx),
        "fields": [{"slug": f.slug, "name": f.name} for f in catalogue.fields.model.fields],
        "offices": offices,
        "procedures": records if records is not None else procedure_records(catalogue, ctx),
        "plans": [{"id": plan.slug, **plan.model.model_dump(mode="json")} for plan in catalogue.plans],
    }


def changes_data(catalogue: Catalogue, ctx: BuildContext) -> dict[str, Any]:
    """Every public change, newest first, in the words of the changes page and the feed."""
    entries, changes = entries_by_path(catalogue), []
    for change in ctx.history.changes:
        facts, entry = described(change, entries)
        changes.append(
            {
                "slug": facts.slug,
                "name": facts.name,
                "kind": facts.kind,
                "label": facts.label,
                "date": facts.date,
                "time": facts.timestamp,
                "note": facts.note,
                "text": facts.text,
                "commit": facts.commit,
                "file": facts.path,
                "url": urls.absolute(ctx.base_url, urls.procedure_path(entry.slug)) if entry else None,
            }
        )
    return {**_about(catalogue, ctx), "changes": changes}


def procedure_records(catalogue: Catalogue, ctx: BuildContext) -> list[dict[str, Any]]:
    """The JSON record of every procedure, in catalogue order."""
    return [procedure_record(catalogue, entry, ctx) for entry in catalogue.procedures]


def procedures_csv(records: list[dict[str, Any]]) -> str:
    """``procedures.csv``: the header row of column keys, then one row per procedure and channel."""
    rows = (row for record in records for row in csv_rows(record))
    return csv_text([column.key for column in COLUMNS], rows)


def _json_lines(value: dict[str, Any]) -> Iterator[str]:
    """JSON with one top-level key per line and one item of a list per line, as pieces to write.

    As readable in a diff as an indented file (a changed procedure is one changed line), and made by
    the C encoder: ``indent=`` switches ``json`` to its pure-Python encoder, 15× slower on 12 MB.
    Written piece by piece, so the 12 MB text is never held whole.
    """
    yield "{\n"
    for n, (key, item) in enumerate(value.items()):
        yield ",\n" if n else ""
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(item, list) and item:
            yield f" {name}: [\n"
            for i, row in enumerate(item):
                yield ("  " if not i else ",\n  ") + json.dumps(row, ensure_ascii=False)
            yield "\n ]"
        else:
            yield f" {name}: {json.dumps(item, ensure_ascii=False)}"
    yield "\n}\n"


def _write_json(path: Path, value: dict[str, Any]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.writelines(_json_lines(value))


def write_open_data(catalogue: Catalogue, site_dir: Path, ctx: BuildContext) -> None:
    """Write every open-data file into ``site_dir/data/``."""
    folder = site_dir / urls.DATA_DIR
    (folder / SCHEMA_FOLDER).mkdir(parents=True, exist_ok=True)
    records = procedure_records(catalogue, ctx)
    _write_json(folder / CATALOGUE_JSON, catalogue_data(catalogue, ctx, records))
    _write_json(folder / CHANGES_JSON, changes_data(catalogue, ctx))
    (folder / PROCEDURES_CSV).write_text(procedures_csv(records), encoding="utf-8", newline="")
    for name in SCHEMAS:
        (folder / SCHEMA_FOLDER / f"{name}.schema.json").write_text(render_schema(name), encoding="utf-8")
