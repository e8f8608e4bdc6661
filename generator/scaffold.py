"""The ``new`` command: a new procedure file from a template, with the schema modeline.

The arguments are untrusted text typed on a command line or pasted from elsewhere: slugs must be
slugs (so the file lands in ``procedures/<field>/`` and nowhere else, not through a symlink
either), the level one of the known levels, and the name one line of plain text, written into
the YAML as a JSON string (which YAML reads back as exactly that string, never as YAML).
"""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from generator.errors import GeneratorError
from generator.model.types import LevelSlug
from generator.reading import PROCEDURES_DIR
from generator.schema import modeline

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_NOT_TEXT = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
LEVELS: tuple[str, ...] = typing.get_args(LevelSlug)


class ScaffoldError(GeneratorError):
    """An argument of ``new`` that cannot make a procedure file (the message says which and why)."""


_TEMPLATE = """\
{{ modeline }}
# Thủ tục mới — điền các phần còn trống rồi chạy: make check
# Hướng dẫn đầy đủ: docs/editor-guide.md
code: null  # Mã trên CSDL quốc gia, trong ngoặc kép, ví dụ "1.001193". Không tự đặt mã.
name: {{ name }}
aliases: []  # Cách người dân hay gọi, ví dụ [làm giấy khai sinh]
field: {{ field }}
level: {{ level }}
offices: [{{ office }}]
online: khong  # toan_trinh | mot_phan | khong
status:
  effective_from: null  # NĂM-THÁNG-NGÀY, ví dụ 2026-09-07
applicants: []  # Ví dụ [Công dân Việt Nam]
authority: null
#  deciding: Chủ tịch Ủy ban nhân dân cấp xã
steps: []
#  - title: Nộp hồ sơ
#    text: "Người yêu cầu nộp hồ sơ tại …"
channels: []
#  - kind: truc_tiep  # truc_tiep | truc_tuyen | buu_chinh
#    time: {value: 3, unit: working_day, from: kể từ ngày nhận đủ hồ sơ hợp lệ}
#    fees:
#      - {type: le_phi, name: Lệ phí …, amount: 50000}
documents: []
#  - case: Giấy tờ phải nộp
#    items:
#      - {name: Tờ khai …, originals: 1, copies: 0}
result: []
conditions: []
legal_basis: []
#  - {number: 60/2014/QH13, title: Luật Hộ tịch, date: 2014-11-20, issuer: Quốc hội}
source:
  url: https://dichvucong.gov.vn/
  checked_on: {{ today }}
"""


def scaffold_procedure(
    root: Path, slug: str, *, name: str, field: str, level: str, office: str, today: str
) -> Path:
    """Write ``procedures/<field>/<slug>.yaml`` and return its path; never overwrite a file.

    Raises:
        ScaffoldError: an argument is not a slug, a level or one line of text, or the target
            would lie outside ``procedures/``.
        FileExistsError: the file exists already.
    """
    check_arguments(slug, name=name, field=field, level=level, office=office)
    path = target_path(root, field, slug)
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    env = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    text = env.from_string(_TEMPLATE).render(
        modeline=modeline(root, path, "procedure"),
        name=json.dumps(name, ensure_ascii=False),
        field=field,
        level=level,
        office=office,
        today=today,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never through a file that appeared meanwhile
        handle.write(text)
    return path


def check_arguments(slug: str, *, name: str, field: str, level: str, office: str) -> None:
    """Refuse arguments that are not slugs, a known level, or one line of plain text."""
    for label, value in (("tên tệp", slug), ("--field", field), ("--office", office)):
        if not _SLUG.fullmatch(value) or len(value) > 80:
            raise ScaffoldError(
                f"{label} «{value}» không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch nối, "
                "ví dụ dang-ky-khai-sinh."
            )
    if level not in LEVELS:
        raise ScaffoldError(f"--level «{level}» không hợp lệ: chọn một trong {', '.join(LEVELS)}.")
    if not name.strip() or _NOT_TEXT.search(name) or len(name) > 500:
        raise ScaffoldError(
            "--name phải là một dòng chữ (tối đa 500 ký tự), không có ký tự điều khiển hay xuống dòng."
        )


def target_path(root: Path, field: str, slug: str) -> Path:
    """``<root>/procedures/<field>/<slug>.yaml``, refused when it resolves outside ``procedures/``."""
    folder = (root / PROCEDURES_DIR).resolve()
    path = root / PROCEDURES_DIR / field / f"{slug}.yaml"
    inside = folder.is_relative_to(root.resolve()) and path.resolve().is_relative_to(folder)
    if not inside or (root / PROCEDURES_DIR / field).is_symlink():
        raise ScaffoldError(f"{PROCEDURES_DIR}/{field}/ trỏ ra ngoài thư mục {PROCEDURES_DIR}/: không ghi.")
    return path
