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
    "file-too-large": "the file is larger than the 1 MiB limit",
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
    # Validating one file against its model (generator.validate)
    "missing-key": "a required key is missing",
    "unknown-key": "a key the model does not know (typo?)",
    "wrong-type": "a value of the wrong type (text, number, true/false, list, mapping)",
    "invalid-choice": "a value outside the allowed list",
    "invalid-format": "a value in the wrong format (code, slug, URL, HH:MM)",
    "invalid-date": "a date not written YYYY-MM-DD or not a real date",
    "empty-value": "an empty text value",
    "empty-list": "an empty list where at least one item is required",
    "out-of-range": "a number outside its allowed range",
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
    "time-value-missing": "a processing time without a length",
    "time-value-unexpected": "a within-the-day time that also has a value",
    "online-channel-missing": "an online level without an online channel",
    "online-level-mismatch": "an online channel with online level 'khong'",
    "fee-zero-unexplained": "a fee of 0 without an exemption flag or text",
    "fee-amount-missing": "a fee with no amount, percentage, text or exemption",
    "fee-amount-conflict": "a fee with both an amount and a percentage",
    "fee-unit-without-amount": "a per-unit fee without an amount",
    "date-order": "an end date before its start date",
    "fee-window-overlap": "two dated versions of one fee apply on the same day",
    "replaced-by-unknown": "replaced_by names no other procedure in the catalogue",
    "form-file-missing": "a referenced form or logo file does not exist in the repository",
    "related-unknown": "a related procedure code is not in the catalogue",
    "code-missing": "a procedure without a national code",
    "source-missing": "a procedure without a source",
    "source-stale": "a source not re-checked within stale_after_days of the build date",
    "needs-review": "a point an import marked for review (source.needs_review) is not cleared yet",
}
"""Every issue code with a one-line English summary; codes are stable (tests and docs use them)."""
