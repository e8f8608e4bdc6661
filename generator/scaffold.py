"""The ``new`` command: a new procedure file from a template, with the schema modeline."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, StrictUndefined

from generator.reading import PROCEDURES_DIR
from generator.schema import modeline

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
    """Write ``procedures/<field>/<slug>.yaml`` and return its path; never overwrite a file."""
    path = root / PROCEDURES_DIR / field / f"{slug}.yaml"
    if path.exists():
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
    path.write_text(text, encoding="utf-8")
    return path
