"""Import, merge: a freshly mapped record combined with the file an editor may have changed since.

A three-way merge per official key, using the fingerprint of what the previous import wrote
(kept in ``content/imports/dvcqg.json``):

* the portal did not change a key since the last import → the file's value stays (an editor's
  correction, and the review notes an editor cleared, survive);
* the portal changed it → the new official value is written (so it shows in the change report);
  when an editor had also changed it, a review note says so;
* keys an import never writes (aliases, offices, status, change notes…) always stay as they are,
  and fees an editor added to a channel are carried over to the new channel of the same kind.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.importer.mapping import OFFICIAL_KEYS, Mapped

PROCEDURE_ORDER = (
    "code",
    "local_code",
    "slug",
    "name",
    "aliases",
    "field",
    "level",
    "offices",
    "online",
    "status",
    "applicants",
    "authority",
    "steps",
    "channels",
    "documents",
    "result",
    "conditions",
    "legal_basis",
    "published_by",
    "related",
    "source",
    "change_note",
    "not_applicable",
)
"""Top-level key order of a written file: the model's order, as in the sample files."""

SOURCE_ORDER = ("url", "checked_on", "record", "needs_review", "note")


def fingerprint(value: Any) -> str:
    """A short, stable hash of a value in its loaded form."""
    canonical = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Previous:
    """What the previous import of one procedure wrote: one fingerprint per key, and per fee."""

    keys: Mapping[str, str]
    fees: frozenset[str]


def _fee_prints(channels: Any) -> list[str]:
    if not isinstance(channels, list):
        return []
    return [fingerprint(fee) for c in channels if isinstance(c, dict) for fee in c.get("fees") or []]


OTHER = "_other"
"""Pseudo key of the review notes about keys an import does not write (e.g. ``status``)."""


def previous_of(mapped: Mapped) -> Previous:
    """The fingerprints to keep for what an import is about to write."""
    keys = {key: fingerprint(mapped.values.get(key)) for key in OFFICIAL_KEYS}
    keys[OTHER] = fingerprint(_notes_for(OTHER, mapped.notes))
    return Previous(keys, frozenset(_fee_prints(mapped.values.get("channels"))))


def _owner(note: Any) -> str:
    path = str(note.get("field", "")) if isinstance(note, dict) else ""
    owner = path.split(".")[0].split("[")[0]
    return owner if owner in OFFICIAL_KEYS else OTHER


def _notes_for(key: str, notes: list[Any]) -> list[Any]:
    return [note for note in notes if _owner(note) == key]


def _local_fees(old: Any, previous: Previous | None) -> dict[str, list[Any]]:
    """Fees an editor added (not written by the previous import), by channel kind."""
    if previous is None or not isinstance(old, list):
        return {}
    kept: dict[str, list[Any]] = {}
    for channel in old:
        if not isinstance(channel, dict):
            continue
        for fee in channel.get("fees") or []:
            if fingerprint(fee) not in previous.fees:
                kept.setdefault(str(channel.get("kind")), []).append(fee)
    return kept


def _with_local_fees(channels: list[Any], local: dict[str, list[Any]], notes: list[Any]) -> list[Any]:
    out = []
    for i, channel in enumerate(channels):
        extra = [fee for fee in local.pop(channel["kind"], []) if fee not in channel["fees"]]
        out.append({**channel, "fees": [*channel["fees"], *extra]} if extra else channel)
        if extra:
            notes.append({"field": f"channels[{i}].fees", "reason": _LOCAL_FEES})
    for kind in local:
        notes.append(
            {
                "field": "channels",
                "reason": f"Khoản thu địa phương của cách nộp «{kind}» không còn cách nộp đó trên Cổng; "
                "hãy xem lại (bản cũ trong lịch sử git).",
            }
        )
    return out


_LOCAL_FEES = (
    "Giữ các khoản thu do biên tập viên thêm; Cổng đã đổi phí của cách nộp này, hãy kiểm tra trùng lặp."
)
_EDITED = (
    "Cổng đã thay đổi phần này, bản sửa trước của biên tập viên đã được thay bằng dữ liệu mới "
    "(bản cũ còn trong lịch sử git); hãy xem lại."
)
_FIRST = (
    "Lần nhập đầu: giá trị cũ trong tệp đã được thay bằng dữ liệu Cổng (bản cũ còn trong lịch sử git); "
    "hãy xem lại."
)


def _old_notes(old: Mapping[str, Any]) -> list[Any]:
    source = old.get("source")
    notes = source.get("needs_review") if isinstance(source, dict) else None
    return list(notes) if isinstance(notes, list) else []


def _merge_key(
    key: str, mapped: Mapped, old: Mapping[str, Any], previous: Previous | None, notes: list[Any]
) -> Any:
    new = mapped.values.get(key)
    if previous is not None and fingerprint(new) == previous.keys.get(key):
        notes.extend(_notes_for(key, _old_notes(old)))
        return old.get(key)
    notes.extend(_notes_for(key, mapped.notes))
    before = old.get(key)
    if key in old and before != new:
        edited = previous is None or fingerprint(before) != previous.keys.get(key)
        if edited:
            notes.append({"field": key, "reason": _FIRST if previous is None else _EDITED})
    if key == "channels" and isinstance(new, list):
        return _with_local_fees(new, _local_fees(before, previous), notes)
    return new


def _ordered(data: Mapping[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    out = {key: data[key] for key in order if data.get(key) is not None}
    out.update({key: value for key, value in data.items() if key not in out and value is not None})
    return out


def merge(
    mapped: Mapped,
    old: Mapping[str, Any] | None,
    previous: Previous | None,
    source: Mapping[str, Any],
    offices: list[str],
) -> dict[str, Any]:
    """The data to write: official keys merged, editor keys kept, ``source`` refreshed.

    Args:
        mapped: the record as mapped now.
        old: the current file's data (None for a new procedure).
        previous: what the last import wrote (None when this file was never imported).
        source: the new ``url``, ``checked_on`` and ``record`` of ``source``.
        offices: the offices of a new procedure.
    """
    old = old or {}
    previous = previous if old else None
    notes: list[Any] = []
    data: dict[str, Any] = dict(old)
    for key in OFFICIAL_KEYS:
        data[key] = _merge_key(key, mapped, old, previous, notes)
    other = _notes_for(OTHER, mapped.notes)
    same = previous is not None and fingerprint(other) == previous.keys.get(OTHER)
    notes.extend(_notes_for(OTHER, _old_notes(old)) if same else other)
    data.setdefault("offices", offices)
    old_source: dict[str, Any] = old["source"] if isinstance(old.get("source"), dict) else {}
    data["source"] = _ordered({**old_source, **source, "needs_review": notes or None}, SOURCE_ORDER)
    return _ordered(data, PROCEDURE_ORDER)
