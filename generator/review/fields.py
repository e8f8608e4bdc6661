"""Stage review: which fields of two records differ, named by their Vietnamese labels.

The fallback under every worded comparison: whatever the report does not phrase in its own words
is still listed by label («Sửa: Cơ quan giải quyết»), so no edit is ever reported as «no change».
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel


def changed_fields(old: BaseModel, new: BaseModel, *, skip: Iterable[str] = ()) -> list[str]:
    """The labels of the fields whose values differ between ``old`` and ``new`` (same model type)."""
    left = set(skip)
    labels = []
    for name, info in type(new).model_fields.items():
        if name not in left and getattr(old, name, None) != getattr(new, name):
            labels.append(info.title or name)
    return labels


def other_changes(old: BaseModel, new: BaseModel, *, worded: Iterable[str]) -> list[str]:
    """One «Sửa: …» line naming the changed fields that have no worded line of their own (or none)."""
    labels = changed_fields(old, new, skip=worded)
    return [f"Sửa: {', '.join(labels)}"] if labels else []
