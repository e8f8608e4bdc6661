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
    return any(
        i.severity is Severity.ERROR or (strict and not i.dated) for i in issues
    )


def display_path(path: Path, root: Path | None) -> str:
    """Return ``path`` relative to ``root`` when it lies inside it, in POSIX form."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
