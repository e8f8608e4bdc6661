"""The change report: what a pull request changes for citizens, in plain Vietnamese.

Compares the catalogue at a base git revision with the working tree, procedure by procedure and
field by field (fees, times, documents, effective dates…; :mod:`.procedures`), then the offices,
fields and site settings with the sheets they reach (:mod:`.settings`), and renders Markdown ready
to post as a pull-request comment. Every name and value is escaped (:func:`markdown_text`), so
content can neither hide nor fake a line of the report. ``python -m generator changes --base origin/main``.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core.gitrefs import extract, resolve
from generator.core.mdtext import markdown_name, markdown_text
from generator.errors import ContentError
from generator.model.dates import LIFECYCLE_LABELS
from generator.plans.changes import diff_plans, render_plan_changes
from generator.reading import read_catalogue
from generator.review.procedures import procedure_lines
from generator.review.settings import SettingChange, diff_settings

CONTENT_PATHS = ("content", "procedures")


@dataclass(frozen=True)
class ProcedureChange:
    """What changed in one procedure.

    Attributes:
        slug: the stable page slug.
        name: the current name (the old one for a removed procedure).
        kind: ``added``, ``removed`` or ``changed``.
        lines: one plain-Vietnamese line per change, e.g. «Lệ phí …: 50.000 đồng → 100.000 đồng».
        reprint: offices whose posted sheet for this procedure must be reprinted.
    """

    slug: str
    name: str
    kind: str
    lines: tuple[str, ...]
    reprint: tuple[str, ...]


def snapshot(root: Path, ref: str, dest: Path) -> Path:
    """Extract the content folders of git revision ``ref`` (or the last commit of a date) into ``dest``."""
    commit, _ = resolve(root, ref)
    if commit is not None:
        extract(root, commit, CONTENT_PATHS, dest)
    return dest


def _posted(cat: Catalogue, entry: ProcedureEntry) -> tuple[str, ...]:
    """Names of the offices where this procedure's sheet is on the board (active procedures only)."""
    if cat.state(entry) != "active":
        return ()
    offices = (cat.offices[slug].model for slug in entry.model.offices if slug in cat.offices)
    return tuple(office.short_name or office.name for office in offices)


def diff_catalogues(old: Catalogue | None, new: Catalogue) -> list[ProcedureChange]:
    """Compare two catalogues procedure by procedure (matched by their stable slug)."""
    before = {e.slug: e for e in old.procedures} if old else {}
    changes = []
    for entry in new.procedures:
        was = before.pop(entry.slug, None)
        if was is None:
            changes.append(ProcedureChange(entry.slug, entry.model.name, "added", (), _posted(new, entry)))
            continue
        lines = procedure_lines(was.model, entry.model)
        if old is not None and old.state(was) != new.state(entry):
            lines.append(
                f"Trạng thái: {LIFECYCLE_LABELS[old.state(was)]} → {LIFECYCLE_LABELS[new.state(entry)]}"
            )
        if lines:
            changes.append(
                ProcedureChange(entry.slug, entry.model.name, "changed", tuple(lines), _posted(new, entry))
            )
    for slug, entry in before.items():
        changes.append(ProcedureChange(slug, entry.model.name, "removed", (), ()))
    return changes


_REPORT = """\
## Thay đổi đối với người dân (so với {{ base | md }})
{% if not changes and not settings %}
Không có thay đổi nội dung thủ tục.
{% endif %}
{%- for title, kind in sections %}{% set items = changes | selectattr("kind", "equalto", kind) | list %}
{%- if items %}
### {{ title }} ({{ items | length }})
{% for change in items %}
- **{{ change.name | md }}** ({{ change.slug | md_name }})
{%- for line in change.lines %}
  - {{ line | md }}
{%- endfor %}
{%- endfor %}
{% endif %}
{%- endfor %}
{%- if settings %}
### Nơi tiếp nhận, lĩnh vực và thiết lập chung ({{ settings | length }})
{% for change in settings %}
- **{{ change.name | md }}**
{%- for line in change.lines %}
  - {{ line | md }}
{%- endfor %}
{%- endfor %}
{% endif %}
{%- set reprint = changes | selectattr("reprint") | list %}
{%- set every = settings | selectattr("reprint") | list %}
{%- if reprint or every %}
### Bảng niêm yết cần in lại
{% for change in every %}
- {{ change.sheets | md }} tại {{ change.reprint | map("md") | join(", ") }} (do sửa {{ change.name | md }})
{%- endfor %}
{%- for change in reprint %}
- {{ change.name | md }}: {{ change.reprint | map("md") | join(", ") }}
{%- endfor %}
{% endif %}
"""


def render_report(
    changes: Sequence[ProcedureChange], base: str, settings: Sequence[SettingChange] = ()
) -> str:
    """The Markdown report, ready to post as a pull-request comment (every value escaped)."""
    env = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    # the forge renders Markdown and HTML both: every content value goes through one of these
    env.filters.update(md=markdown_text, md_name=markdown_name)
    sections = [("Thủ tục mới", "added"), ("Thủ tục thay đổi", "changed"), ("Thủ tục bị xoá", "removed")]
    return env.from_string(_REPORT).render(changes=changes, base=base, sections=sections, settings=settings)


def change_report(root: Path, base: str, as_of: dt.date) -> tuple[str, list[ProcedureChange]]:
    """Read the catalogue at ``base`` and in the working tree, and report the differences."""
    new, issues = read_catalogue(root, as_of)
    if new is None:
        raise ContentError(issues)
    with tempfile.TemporaryDirectory() as tmp:
        old, _ = read_catalogue(snapshot(root, base, Path(tmp)), as_of)
    changes = diff_catalogues(old, new)
    plans = render_plan_changes(diff_plans(old, new))
    report = render_report(changes, base, diff_settings(old, new))
    return report + (f"\n{plans}" if plans else ""), changes
