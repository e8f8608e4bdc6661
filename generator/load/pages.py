"""Loading, free pages: every file under ``content/pages/`` checked before MkDocs publishes it.

MkDocs publishes the whole ``docs_dir`` as it finds it, so each entry is judged here: Markdown
pages (UTF-8, no control or bidi characters, no raw HTML, safe link targets — see
:mod:`generator.load.markdown_rules`) and PNG/JPEG/PDF attachments checked by content; anything
else, any symbolic link that leaves the folder, any device or FIFO, a name that is not a kebab-case
ASCII slug and two names that differ only in case are located errors. Hidden files (``.gitkeep``)
are skipped, as MkDocs skips them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from generator.issues import Issue, display_path
from generator.load.files import PAGE_ASSETS, check_kind, check_regular, inside
from generator.load.markdown_rules import front_matter_findings, markdown_findings
from generator.load.messages import decode
from generator.load.text_rules import first_refused_char, refused_char_message

PAGES_DIR = Path("content/pages")
"""The free Markdown pages (``docs_dir`` in mkdocs.yml)."""
MAX_PAGE_BYTES = 1_048_576
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:md|png|jpe?g|pdf)$")
_FOLDER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def iter_page_files(root: Path) -> Iterator[Path]:
    """Every entry MkDocs would publish from content/pages/ (hidden ones skipped; links not followed)."""
    folder = root / PAGES_DIR
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(current)
        for name in sorted(files) + [d for d in dirs if (base / d).is_symlink()]:
            if not name.startswith("."):
                yield base / name


def _issue(root: Path, path: Path, code: str, message: str, line: int = 1, column: int = 1) -> Issue:
    return Issue(display_path(path, root), line, column, code, "", message)


def _markdown_issues(root: Path, path: Path) -> list[Issue]:
    text, problems = decode(path.read_bytes(), display_path(path, root))
    if text is None:
        return problems
    issues = []
    for number, line in enumerate(text.split("\n"), start=1):
        refused = first_refused_char(line.rstrip("\r"))
        if refused is not None:
            message = refused_char_message(refused[1])
            issues.append(_issue(root, path, "text-control-char", message, number, refused[0] + 1))
    for f in front_matter_findings(text) + markdown_findings(text):
        issues.append(_issue(root, path, f.code, f.message, f.line, f.column))
    return issues


def _name_issue(root: Path, path: Path) -> Issue | None:
    parts = path.relative_to(root / PAGES_DIR).parts
    if _NAME.match(parts[-1]) and all(_FOLDER.match(part) for part in parts[:-1]):
        return None
    return _issue(
        root,
        path,
        "file-name-invalid",
        f"Tên «{'/'.join(parts)}» phải viết thường, không dấu, nối bằng gạch ngang, với đuôi .md "
        "(trang) hoặc .png, .jpg, .pdf (tệp đính kèm), ví dụ huong-dan-nop-ho-so.md.",
    )


def _file_issues(root: Path, path: Path) -> list[Issue]:
    folder = root / PAGES_DIR
    if not inside(path, folder) or (path.is_symlink() and Path(os.path.realpath(path)).is_dir()):
        message = (
            "Đây là liên kết tượng trưng trỏ ra ngoài content/pages/ (hoặc tới một thư mục); "
            "hãy đặt chính tệp vào đây."
        )
        return [_issue(root, path, "file-outside", message)]
    limit = MAX_PAGE_BYTES if path.suffix == ".md" else PAGE_ASSETS.max_bytes
    problem = check_regular(path, max_bytes=limit, what="tệp")
    if problem is not None:
        return [_issue(root, path, problem.code, problem.message)]
    suffix = path.suffix.lower()
    if suffix == ".md":
        return _markdown_issues(root, path)
    if suffix in (".png", ".jpg", ".jpeg", ".pdf"):
        problem = check_kind(path, path.name, PAGE_ASSETS)
        return [] if problem is None else [_issue(root, path, problem.code, problem.message)]
    message = (
        f"Tệp «{path.name}» không được đặt trong content/pages/: chỉ nhận trang Markdown (.md) và ảnh PNG, "
        "JPEG hoặc tệp PDF. HTML, JavaScript, CSS hay SVG sẽ bị đăng nguyên văn và có thể chạy mã."
    )
    return [_issue(root, path, "page-file-type", message)]


def check_pages(root: Path) -> list[Issue]:
    """Every problem in content/pages/: files, names, text, raw HTML and link targets."""
    folder = root / PAGES_DIR
    if not folder.is_dir():
        return []
    if not inside(folder, root) or folder.is_symlink():
        return [_issue(root, folder, "file-outside", "content/pages/ phải là một thư mục thật trong kho.")]
    issues: list[Issue] = []
    paths = list(iter_page_files(root))
    for path in paths:
        name = _name_issue(root, path)
        issues += [name] if name is not None else []
        issues += _file_issues(root, path)
    return issues + case_clashes(root, paths)


def case_clashes(root: Path, paths: list[Path]) -> list[Issue]:
    """A located error for every file whose path differs from an earlier one only in letter case."""
    seen: dict[str, Path] = {}
    issues = []
    for path in sorted(paths):
        key = display_path(path, root).casefold()
        first = seen.setdefault(key, path)
        if first != path:
            issues.append(
                _issue(
                    root,
                    path,
                    "file-name-case",
                    f"Tên tệp chỉ khác «{display_path(first, root)}» ở chữ hoa, chữ thường; trên Windows, "
                    "macOS và nhiều máy chủ web hai tệp này là một. Hãy đổi tên hoặc xoá một tệp.",
                )
            )
    return issues
