"""Loading, file references: a path that content names must stay inside the repository and its folder.

Content names files (a form, the logo, a plan's documents, the free pages) and the build publishes
them, so each reference is resolved once here, before anything is read: a relative path with no
``..``, no hidden part (``.git``) and no backslash, inside its allowed folder after every symbolic
link is followed, a regular file (never a device, FIFO or folder — checked with ``stat`` before the
file is opened), not larger than its limit, and of an allowed type judged by its first bytes.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

KINDS: dict[str, tuple[tuple[str, ...], tuple[bytes, ...], str]] = {
    "pdf": ((".pdf",), (b"%PDF-",), "PDF"),
    "png": ((".png",), (b"\x89PNG\r\n\x1a\n",), "ảnh PNG"),
    "jpeg": ((".jpg", ".jpeg"), (b"\xff\xd8\xff",), "ảnh JPEG"),
    "office": ((".docx", ".xlsx", ".odt", ".ods"), (b"PK\x03\x04",), "Word/Excel/OpenDocument"),
    "legacy": ((".doc", ".xls"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",), "Word/Excel 97–2003"),
}
"""File kinds content may publish: extensions, the magic bytes a real file of the kind starts with, label."""

MIB = 1_048_576


@dataclass(frozen=True)
class FileRule:
    """Where one kind of reference may point, which kinds it may be, and how large.

    Attributes:
        folder: the allowed folder, relative to the repository root (POSIX), e.g. ``content/forms``.
        kinds: keys of :data:`KINDS` allowed.
        max_bytes: the size limit.
        what: how editors call the file, in Vietnamese (``tệp mẫu``, ``biểu trưng``).
    """

    folder: str
    kinds: tuple[str, ...]
    max_bytes: int
    what: str


FORM_FILES = FileRule("content/forms", ("pdf", "office", "legacy"), 20 * MIB, "tệp mẫu")
LOGO_FILE = FileRule("content", ("png", "jpeg"), 2 * MIB, "biểu trưng")
PLAN_DOCUMENTS = FileRule("content/plans", ("pdf", "png", "jpeg", "office", "legacy"), 100 * MIB, "tài liệu")
PAGE_ASSETS = FileRule("content/pages", ("png", "jpeg", "pdf"), 10 * MIB, "tệp đính kèm trang")


@dataclass(frozen=True)
class FileProblem:
    """Why a reference was refused: a stable issue code and the Vietnamese fix."""

    code: str
    message: str


def _outside(name: str, rule: FileRule) -> FileProblem:
    return FileProblem(
        "file-outside",
        f"{rule.what.capitalize()} «{name}» phải nằm trong thư mục {rule.folder}/ của kho: ghi đường dẫn "
        f"tính từ thư mục gốc, ví dụ {rule.folder}/ten-tep.pdf; không dùng «..», đường dẫn tuyệt đối, "
        "thư mục ẩn (bắt đầu bằng «.») hay liên kết tượng trưng trỏ ra ngoài.",
    )


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every symbolic link followed, lies inside ``folder`` (also resolved)."""
    return Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(folder)))


def _lexically_inside(name: str, rule: FileRule) -> bool:
    pure = PurePosixPath(name)
    parts = pure.parts
    bad = pure.is_absolute() or "\\" in name or "\x00" in name or not parts
    bad = bad or any(part in ("..", ".") or part.startswith(".") for part in parts)
    folder = PurePosixPath(rule.folder).parts
    return not bad and parts[: len(folder)] == folder and len(parts) > len(folder)


def kind_of(path: Path, head: bytes) -> str | None:
    """The kind of a file from its extension and first bytes (None when they disagree or are unknown)."""
    suffix = path.suffix.lower()
    for kind, (extensions, magics, _label) in KINDS.items():
        if suffix in extensions:
            return kind if head.startswith(magics) else None
    return None


def _read_head(path: Path) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        return os.read(descriptor, 16)
    finally:
        os.close(descriptor)


def check_regular(path: Path, *, max_bytes: int, what: str) -> FileProblem | None:
    """Refuse a path that is not a regular file of at most ``max_bytes`` (without opening it)."""
    try:
        info = os.stat(path)
    except OSError:
        return FileProblem("form-file-missing", f"Không tìm thấy {what} «{path.name}» trong kho.")
    if not stat.S_ISREG(info.st_mode):
        return FileProblem(
            "file-not-regular",
            f"«{path.name}» không phải một tệp thường (là thư mục, thiết bị hay ống dẫn); "
            "hãy dùng một tệp thật.",
        )
    if info.st_size > max_bytes:
        return FileProblem(
            "file-too-large",
            f"{what.capitalize()} «{path.name}» quá lớn ({info.st_size:,} byte, tối đa {max_bytes:,}); "
            "hãy nén hoặc giảm độ phân giải.",
        )
    return None


def check_reference(root: Path, name: str, rule: FileRule) -> tuple[Path | None, FileProblem | None]:
    """Resolve the file ``name`` (relative to ``root``) under ``rule``; the path, or why it is refused."""
    if not _lexically_inside(name, rule):
        return None, _outside(name, rule)
    target = root / name
    if not inside(target, root / rule.folder) or not inside(root / rule.folder, root):
        return None, _outside(name, rule)
    real = Path(os.path.realpath(target))
    problem = check_regular(real, max_bytes=rule.max_bytes, what=rule.what)
    if problem is not None:
        return None, problem
    problem = check_kind(real, name, rule)
    return (None, problem) if problem is not None else (real, None)


def check_kind(path: Path, name: str, rule: FileRule) -> FileProblem | None:
    """Refuse a regular file whose first bytes are not one of the rule's kinds (or disagree with its name)."""
    try:
        head = _read_head(path)
    except OSError as exc:
        return FileProblem("file-unreadable", f"Không đọc được {rule.what} «{name}»: {exc.strerror}.")
    if kind_of(path, head) in rule.kinds:
        return None
    allowed = ", ".join(KINDS[kind][2] for kind in rule.kinds)
    return FileProblem(
        "file-type",
        f"{rule.what.capitalize()} «{name}» không phải loại tệp được phép, hoặc nội dung không khớp đuôi "
        f"tệp. Chỉ nhận: {allowed} (kiểm tra theo nội dung tệp, không theo tên).",
    )
