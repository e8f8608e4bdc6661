"""Problems found in content: one Issue per problem, with a stable code and a Vietnamese message.

Every stage that reads content returns issues instead of raising; only the CLI and the MkDocs
adapter turn them into output and exit codes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.Enum):
    """How bad a problem is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in one place of one content file.

    Attributes:
        file: path of the file, relative to the project root when possible ('' for no file).
        line: 1-based line (0 when the problem concerns the whole file).
        column: 1-based column (0 when unknown).
        code: stable kebab-case identifier (tests and docs refer to it).
        field: dotted path of the field, e.g. ``channels[0].fees[1].amount`` ('' for the file).
        message: Vietnamese text that says what is wrong and how to fix it.
        severity: error or warning.
        dated: True when the finding depends on the build date (never made fatal by --strict).
    """

    file: str
    line: int
    column: int
    code: str
    field: str
    message: str
    severity: Severity = Severity.ERROR
    dated: bool = False

    def format(self) -> str:
        """Return the one-line form ``path:line:col  field  message [code]``."""
        where = self.file or "<nội dung>"
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        label = "lỗi" if self.severity is Severity.ERROR else "cảnh báo"
        field = f"  {self.field}" if self.field else ""
        return f"{where}{field}  {label}: {self.message} [{self.code}]"


def sort_issues(issues: list[Issue]) -> list[Issue]:
    """Sort issues by file, line, column and code, dropping exact duplicates."""
    return sorted(set(issues), key=lambda i: (i.file, i.line, i.column, i.code, i.field, i.message))


def has_errors(issues: list[Issue], *, strict: bool = False) -> bool:
    """Tell whether the issues should fail a check (warnings count under ``strict``, except dated)."""
    return any(i.severity is Severity.ERROR or (strict and not i.dated) for i in issues)


def display_path(path: Path, root: Path | None) -> str:
    """Return ``path`` relative to ``root`` when it lies inside it, in POSIX form."""
    if root is not None:
        for candidate, base in ((path, root), (path.resolve(), root.resolve())):
            try:
                return candidate.relative_to(base).as_posix()
            except ValueError:
                continue
    return path.as_posix()


CODES: dict[str, str] = {
    # Reading the file (generator.load)
    "file-missing": "a required content file does not exist",
    "file-unreadable": "the file could not be read (permissions, or it is a folder)",
    "file-too-large": "the file is larger than its limit (1 MiB for YAML; forms, logo, documents: see guide)",
    "file-empty": "the file is empty or holds only comments",
    "file-extension": "a content file ends in .yml instead of .yaml",
    "file-name-invalid": "the file name is not a kebab-case ASCII slug",
    "encoding-not-utf8": "the file is not valid UTF-8",
    "yaml-tab": "a tab character (YAML allows spaces only)",
    "yaml-syntax": "YAML syntax error (indentation, colon, quotes)",
    "yaml-control-char": "a non-printable control character",
    "yaml-multiple-documents": "more than one YAML document (a second ---)",
    "yaml-alias": "a YAML alias or merge key (refused: aliases can expand into a YAML bomb)",
    "yaml-tag": "an explicit YAML tag such as !!python/object",
    "yaml-too-deep": "nesting deeper than any content type needs",
    "yaml-bad-key": "a mapping key that is not a plain scalar",
    "yaml-duplicate-key": "the same key twice in one mapping",
    "yaml-flow-comma": "a comma in unquoted text inside [ ... ] split one item in two",
    "yaml-flow-case": "an unquoted item of a sentence-case [ ... ] list starts in lower case (split?)",
    "yaml-not-mapping": "the top level is not a mapping of key: value",
    "text-control-char": "a control, bidi-override or invisible formatting character in a text value",
    "file-outside": "a file (or symlink) that resolves outside the repository or outside its allowed folder",
    "file-not-regular": "a path that is a device, FIFO or other non-regular file (never opened)",
    "schema-version": "content/site.yaml states a content format this installed congkhai does not read",
    "file-type": "a referenced file whose content (magic bytes) is not an allowed type for its place",
    "file-name-case": "two content files whose names differ only in upper/lower case",
    # Validating one file against its model (generator.validate)
    "missing-key": "a required key is missing",
    "unknown-key": "a key the model does not know (typo?)",
    "wrong-type": "a value of the wrong type (text, number, true/false, list, mapping)",
    "invalid-choice": "a value outside the allowed list",
    "invalid-format": "a value in the wrong format (code, slug, URL, HH:MM)",
    "invalid-date": "a date not written YYYY-MM-DD or not a real date",
    "empty-value": "an empty text value",
    "empty-list": "an empty list where at least one item is required",
    "out-of-range": "a number outside its allowed range (also infinity, NaN and giant integers)",
    "url-invalid": "a web or e-mail address that is not plain (http(s) only, characters, base URL parts)",
    "invalid-value": "any other invalid value",
    # Cross-record rules (generator.checks)
    "duplicate-slug": "two records share a slug (page address)",
    "duplicate-code": "two procedures in force at the same time share a code",
    "unknown-field": "a procedure names a field missing from content/fields.yaml",
    "unknown-level": "a procedure names a level missing from content/site.yaml",
    "unknown-office": "a procedure or the site names an office missing from content/offices/",
    "level-historical": "a procedure in force at the abolished district level (huyen)",
    "decree63-part-missing": "a mandatory part of Decree 63/2010 Art. 8(2) is missing",
    "conditional-part-empty": "result or conditions left blank instead of declared not applicable",
    "not-applicable-conflict": "a part declared not applicable has content",
    "step-time-exceeds": "the steps' durations add up to more than a channel's processing time",
    "channel-duplicate": "the same channel kind twice",
    "time-cases-unstated": "the published time gives another length for a case that «cases» does not list",
    "time-value-missing": "a processing time without a length",
    "time-value-unexpected": "a within-the-day time that also has a value",
    "online-channel-missing": "an online level without an online channel",
    "online-level-mismatch": "an online channel with online level 'khong'",
    "fees-missing": "a channel that neither lists its fees nor says it has none (no_fee: true or fees: [])",
    "fee-no-fee-conflict": "a channel marked no_fee: true that lists fees",
    "fee-zero-unexplained": "a fee of 0 without an exemption flag or text",
    "fee-amount-missing": "a fee with no amount, percentage, text or exemption",
    "fee-amount-conflict": "a fee with both an amount and a percentage",
    "fee-unit-without-amount": "a per-unit fee without an amount",
    "date-order": "an end date before its start date",
    "fee-window-overlap": "two dated versions of one fee apply on the same day",
    "replaced-by-unknown": "replaced_by or see_also names no other procedure in the catalogue",
    "internal-note-public": "public text names a YAML key or reads like an editor's note (use internal_note)",
    "publication-missing": "an active procedure without its publication decision (published_by)",
    "form-file-missing": "a referenced form or logo file does not exist in the repository",
    "related-unknown": "a related procedure code is not in the catalogue",
    "code-missing": "a procedure without a national code",
    "source-missing": "a procedure without a source",
    "source-stale": "a source not re-checked within stale_after_days of the build date",
    "source-future": "a source checked_on date after the build date (a typo?)",
    "office-duplicate": "the same office listed twice in one procedure",
    "procedure-folder": "a procedure file that is not in procedures/<its field>/",
    # Free Markdown pages: content/pages/ (generator.load.pages, generator.core.routes)
    "page-raw-html": "raw HTML (a tag, comment or attribute list) in a Markdown page",
    "page-front-matter": "a Markdown page's front matter sets a key other than those allowed (title, …)",
    "page-link-scheme": "a link or image whose target is not http(s), mailto, tel or a relative path",
    "page-file-type": "a file in content/pages/ that is neither a Markdown page nor an allowed image/PDF",
    "page-route-reserved": "a page whose address is one the generator builds (it would be shadowed)",
    # Land-use plans: content/plans/<id>/plan.yaml (generator.plans.read, generator.plans.checks)
    "plan-file-outside": "a file a plan names lies outside its folder (absolute, .., or a symlink)",
    "plan-file-missing": "a document or GeoJSON file a plan names does not exist",
    "plan-hash-mismatch": "a plan document's SHA-256 does not match the file",
    "plan-code-unknown": "a land-use code missing from the plan's own code list (tt27-2018 or tt08-2024)",
    "plan-duplicate-id": "a project id, document id or indicator code used twice in one plan",
    "plan-project-no-feature": "a project without a map area of the same id in the GeoJSON",
    "plan-feature-no-project": "a project-layer map area whose id is not in the project list",
    "plan-document-unknown": "the approval or the report on comments names no document of the plan",
    "plan-former-commune-unknown": "a parcel location names a commune that is not in the plan's area",
    "plan-reference-unknown": "amends or status.adjusted_by names no plan in content/plans/",
    "plan-publication-late": "an approved plan was published after the legal deadline",
    "plan-publication-missing": "an approved plan past its publication deadline has no publication date",
    "plan-consultation-short": "the consultation window is shorter than the legal minimum",
    "plan-consultation-missing": "a draft plan without a consultation window",
    "plan-report-missing": "an approved plan whose consultation closed has no public report on comments",
    "plan-project-stale": "a project listed for the regime's limit of years without progress (review)",
    "plan-personal-data": "a citizen ID number (9 or 12 digits) in a plan's text",
    # Land-use plans: the GeoJSON file (generator.plans.geojson, generator.plans.checks_geo)
    "geo-json-invalid": "the GeoJSON is not valid JSON (syntax, or a key twice)",
    "geo-structure": "not a FeatureCollection of Polygon/MultiPolygon features with a known layer",
    "geo-crs-member": "a crs member: RFC 7946 GeoJSON is WGS84 only (VN-2000 data not converted?)",
    "geo-coordinate-invalid": "a position that is not [longitude, latitude] as finite numbers",
    "geo-ring-short": "a ring with fewer than four positions",
    "geo-ring-open": "a ring whose last position is not its first",
    "geo-self-intersection": "a ring that crosses itself",
    "geo-ring-orientation": "a ring against the RFC 7946 winding (exterior counter-clockwise)",
    "geo-outside-vietnam": "a position outside Vietnam (swapped axes, or metres not degrees)",
    "geo-outside-boundary": "an area beyond the commune boundary by more than the tolerance",
    "geo-boundary-missing": "a commune plan without a boundary (ranh_gioi) area",
    "geo-area-mismatch": "an area's drawn size differs from the listed area by more than the tolerance",
    "geo-personal-data": "a feature property that holds personal data (owner name, ID number)",
    "geo-property-unknown": "a feature property the generator does not read",
    "geo-feature-duplicate": "two map areas share an id",
    "needs-review": "a point an import marked for review (source.needs_review) is not cleared yet",
}
"""Every issue code with a one-line English summary; codes are stable (tests and docs use them)."""
