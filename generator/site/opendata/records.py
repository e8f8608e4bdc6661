"""Stage 4 (site): the open-data records — one JSON object per procedure, one CSV row per channel.

Every phrase (time, fee, state, office) is the fact the page prints (:mod:`generator.facts`); the
few machine values beside them (ISO dates, amounts in đồng) come from the same validated model.
"""

from __future__ import annotations

from typing import Any

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.core.build_context import BuildContext
from generator.facts.channels import ChannelFacts
from generator.facts.fees import NO_FEE, FeeFacts
from generator.facts.procedure import ProcedureFacts, procedure_facts
from generator.model import Channel, Procedure
from generator.model.dates import fees_on
from generator.site.opendata.columns import COLUMNS, LIST_SEPARATOR

Json = dict[str, Any]


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def _fee(fee: FeeFacts, amount: int | None) -> Json:
    return {
        "type": fee.kind,
        "name": fee.name,
        "text": fee.headline,
        "notes": list(fee.notes),
        "amount": amount,
        "free": fee.free,
        "legal_basis": fee.legal_basis,
    }


def _amounts(channel: Channel, catalogue: Catalogue) -> list[int | None]:
    """The amount (đồng) of each fee in force, in the order the facts list them; None if not flat."""
    return [
        fee.amount if fee.amount is not None and not fee.unit else None
        for fee in fees_on(channel, catalogue.as_of)
    ]


def _channel(facts: ChannelFacts, channel: Channel, catalogue: Catalogue) -> Json:
    return {
        "kind": facts.kind,
        "label": facts.label,
        "time": facts.time.headline,
        "time_notes": list(facts.time.notes),
        "fees": [_fee(f, a) for f, a in zip(facts.fees, _amounts(channel, catalogue), strict=True)],
        "upcoming_fees": [_fee(f, None) for f in facts.upcoming],
        "free": facts.free,
        "note": facts.note,
    }


def _identity(facts: ProcedureFacts, proc: Procedure, ctx: BuildContext) -> Json:
    return {
        "slug": facts.slug,
        "url": urls.absolute(ctx.base_url, urls.procedure_path(facts.slug)),
        "code": facts.code,
        "local_code": facts.local_code,
        "name": facts.name,
        "aliases": list(proc.aliases),
        "field": {"slug": proc.field, "name": facts.field},
        "level": {"slug": proc.level, "name": facts.level},
        "state": {"key": facts.dates.state, "label": facts.dates.label},
        "effective_from": _iso(proc.status.effective_from),
        "effective_to": _iso(proc.status.effective_to),
        "online": {"key": facts.online_key, "label": facts.online},
    }


def procedure_record(catalogue: Catalogue, entry: ProcedureEntry, ctx: BuildContext) -> Json:
    """The JSON record of one procedure (see docs/open-data.md for the mapping to other standards)."""
    facts, proc = procedure_facts(catalogue, entry), entry.model
    changed = ctx.last_changed.get(entry.file.display)
    return {
        **_identity(facts, proc, ctx),
        "deciding_agency": facts.authority.deciding if facts.authority else None,
        "applicants": list(facts.applicants),
        "offices": [{"slug": o.slug, "name": o.name, "address": o.address} for o in facts.offices],
        "channels": [_channel(f, c, catalogue) for f, c in zip(facts.channels, proc.channels, strict=True)],
        "documents": [
            {
                "case": g.case,
                "note": g.note,
                "items": [{"name": d.name, "quantity": d.quantity} for d in g.items],
            }
            for g in facts.dossier
        ],
        "result": list(proc.result),
        "conditions": list(proc.conditions),
        "legal_basis": list(facts.legal),
        "decision": facts.decision,
        "last_changed": _iso(changed),
        "change_note": proc.change_note,
        "source": {"url": proc.source.url, "checked_on": _iso(proc.source.checked_on)}
        if proc.source
        else None,
    }


def csv_rows(record: Json) -> list[list[object]]:
    """The CSV rows of one procedure record: one per channel (one with empty channel cells if none)."""
    common: Json = {
        **{key: record[key] for key in ("slug", "url", "code", "local_code", "name", "effective_from")},
        "field": record["field"]["slug"],
        "field_name": record["field"]["name"],
        "level": record["level"]["name"],
        "state": record["state"]["key"],
        "state_label": record["state"]["label"],
        "effective_to": record["effective_to"],
        "online": record["online"]["key"],
        "online_label": record["online"]["label"],
        "deciding_agency": record["deciding_agency"],
        "offices": LIST_SEPARATOR.join(o["slug"] for o in record["offices"]),
        "office_names": LIST_SEPARATOR.join(o["name"] for o in record["offices"]),
        "last_changed": record["last_changed"],
        "change_note": record["change_note"],
        "source_checked_on": record["source"]["checked_on"] if record["source"] else None,
    }
    rows = [{**common, **_channel_cells(channel)} for channel in record["channels"]] or [common]
    return [[row.get(column.key) for column in COLUMNS] for row in rows]


def _channel_cells(channel: Json) -> Json:
    fees = channel["fees"]
    return {
        "channel": channel["kind"],
        "channel_label": channel["label"],
        "time": channel["time"],
        "time_notes": LIST_SEPARATOR.join(channel["time_notes"]),
        "fee_names": LIST_SEPARATOR.join(f["name"] for f in fees),
        "fees": LIST_SEPARATOR.join(f["text"] for f in fees) or NO_FEE,
        "fee_amounts": LIST_SEPARATOR.join("" if f["amount"] is None else str(f["amount"]) for f in fees),
        "free": "true" if channel["free"] else "false",
    }
