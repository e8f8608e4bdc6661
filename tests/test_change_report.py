"""The finished change report (issue 14, item 2): a real git branch, read in Markdown and in JSON.

A temporary repository holds the valid fixture on ``main``; a branch ``edit`` raises a fee without a
change note, adds a procedure, repeals another (an end date already past) and gives a third an end
date still to come. ``changes --base main`` must print the exact before → after lines, the flags,
and the sheets to reprint and to take down per office — in Markdown and in JSON — and the
Markdown, rendered as a forge renders it, must say exactly what the JSON says.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html as html_module
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.review.report import build_report
from tests.hostile_output.conftest import content_repo, edit, git
from tests.hostile_output.test_report import forge_html, seen

AS_OF = "2026-11-25"
NEW_PROCEDURE = """\
code: "1.009999"
name: Cấp bản sao trích lục hộ tịch
field: ho-tich
level: xa
offices: [mot-cua]
online: toan_trinh
change_note: Đăng tải thủ tục mới.
applicants: [Công dân Việt Nam]
authority: {deciding: Ủy ban nhân dân cấp xã}
steps:
  - {title: Nộp tờ khai}
channels:
  - kind: truc_tiep
    time: {value: 2, unit: working_day}
    fees:
      - {type: phi, name: Phí cấp bản sao trích lục, amount: 8000, unit: bản}
documents:
  - items:
      - {name: Tờ khai cấp bản sao trích lục, originals: 1}
result: [Bản sao trích lục hộ tịch]
not_applicable: [conditions]
source: {url: "https://dichvucong.gov.vn/", checked_on: 2026-11-20}
"""
CERT = "procedures/chung-thuc-ban-sao.yaml"
BIRTH = "procedures/dang-ky-khai-sinh.yaml"
POOR = "procedures/cong-nhan-ho-ngheo.yaml"
FEE_NOTE = "Từ trang thứ ba trở lên thu 1.000 đồng/trang, tối đa 200.000 đồng/bản"


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository on branch ``edit``, one commit ahead of ``main``."""
    root = content_repo(tmp_path_factory.mktemp("change-report") / "repo")
    git(root, "checkout", "-qb", "edit")
    edit(
        root,
        {
            CERT: [("amount: 2000, unit: trang, text:", "amount: 5000, unit: trang, text:")],
            BIRTH: [
                (
                    "status: {effective_from: 2025-07-01}",
                    "status: {effective_from: 2025-07-01, effective_to: 2026-11-20}",
                )
            ],
            POOR: [
                (
                    "status: {effective_from: 2025-07-01}",
                    "status: {effective_from: 2025-07-01, effective_to: 2026-12-31}",
                )
            ],
        },
    )
    (root / "procedures" / "cap-ban-sao-trich-luc.yaml").write_text(NEW_PROCEDURE, encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "edit")
    return root


def run(root: Path, fmt: str) -> str:
    """``changes --base main --format fmt`` as the command line prints it."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--root", str(root), "changes", "--base", "main", "--as-of", AS_OF, "--format", fmt])
    assert code == 0
    return out.getvalue()


@pytest.fixture(scope="module")
def outputs(branch: Path) -> dict[str, str]:
    """The three formats, computed once for the module."""
    return {fmt: run(branch, fmt) for fmt in ("markdown", "json", "title")}


CERT_NAME = "Chứng thực bản sao từ bản chính giấy tờ, văn bản"
FEE_LINE = f"Phí chứng thực bản sao (Trực tiếp): 2.000 đồng/trang; {FEE_NOTE} → 5.000 đồng/trang; {FEE_NOTE}"
LINES = {
    "cap-ban-sao-trich-luc": [
        "Nơi tiếp nhận: thêm «Bộ phận Một cửa xã Thử Nghiệm»",
        "Thêm cách nộp trực tiếp: 2 ngày làm việc",
        "Phí cấp bản sao trích lục (Trực tiếp): thêm, 8.000 đồng/bản",
    ],
    "chung-thuc-ban-sao": [FEE_LINE],
    "cong-nhan-ho-ngheo": ["Hiệu lực đến: không ghi → 31/12/2026"],
    "dang-ky-khai-sinh": ["Hiệu lực đến: không ghi → 20/11/2026", "Trạng thái: Đang áp dụng → Đã bãi bỏ"],
}
KINDS = {
    "cap-ban-sao-trich-luc": "added",
    "chung-thuc-ban-sao": "changed",
    "cong-nhan-ho-ngheo": "changed",
    "dang-ky-khai-sinh": "repealed",
}
FLAGS = [
    ("fee_rise", "chung-thuc-ban-sao", f"{FEE_LINE} (+150%)"),
    ("no_reason", "chung-thuc-ban-sao", "Sửa phí, lệ phí; chưa có change_note mới hay căn cứ pháp lý mới"),
    ("past_date", "dang-ky-khai-sinh", "Hiệu lực đến: 20/11/2026 (trước ngày 25/11/2026)"),
]
REPRINT = {
    "mot-cua": {
        "mot-cua/cap-ban-sao-trich-luc.pdf": "tờ mới",
        "mot-cua/danh-muc.pdf": "nội dung trên tờ thay đổi",
        "mot-cua/chung-thuc-ban-sao.pdf": "nội dung trên tờ thay đổi",
    },
    "diem-phu": {
        "diem-phu/danh-muc.pdf": "nội dung trên tờ thay đổi",
        "diem-phu/cong-nhan-ho-ngheo.pdf": "nội dung trên tờ thay đổi",
    },
}
TAKE_DOWN = {
    "diem-phu": {
        "diem-phu/dang-ky-khai-sinh.pdf": "thủ tục đã bãi bỏ",
        "diem-phu/cong-nhan-ho-ngheo.pdf": "gỡ khi hết hạn: Áp dụng đến hết ngày 31/12/2026",
    },
    "mot-cua": {"mot-cua/dang-ky-khai-sinh.pdf": "thủ tục đã bãi bỏ"},
}
SUMMARY = "Thủ tục: 1 mới, 2 thay đổi, 1 bãi bỏ; 3 cảnh báo; in 5 tờ, gỡ 3 tờ"


def _sheets(offices: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    return {o["office"]: {s["path"]: s["reason"] for s in o["sheets"]} for o in offices}


def test_json_has_the_exact_lines_flags_and_sheets(outputs: dict[str, str]) -> None:
    data = json.loads(outputs["json"])
    assert data["summary"] == SUMMARY and data["base"] == "main" and data["as_of"] == AS_OF
    assert {p["slug"]: [c["text"] for c in p["changes"]] for p in data["procedures"]} == LINES
    assert {p["slug"]: p["kind"] for p in data["procedures"]} == KINDS
    fee = next(p for p in data["procedures"] if p["slug"] == "chung-thuc-ban-sao")["changes"][0]
    assert fee["field"] == "fees"
    assert (fee["before"], fee["after"]) == (f"2.000 đồng/trang; {FEE_NOTE}", f"5.000 đồng/trang; {FEE_NOTE}")
    assert [(f["kind"], f["slug"], f["reason"]) for f in data["flags"]] == FLAGS
    assert _sheets(data["posters"]["reprint"]) == REPRINT
    assert _sheets(data["posters"]["take_down"]) == TAKE_DOWN


def test_markdown_has_the_exact_lines_flags_and_sheets(outputs: dict[str, str]) -> None:
    md = outputs["markdown"]
    assert md.startswith(f"**{SUMMARY}**\n")
    assert f"  - {FEE_LINE}\n" in md
    assert "### Thủ tục mới (1)" in md and "### Thủ tục thay đổi (2)" in md and "### Thủ tục bãi bỏ (1)" in md
    assert "- **Đăng ký khai sinh** (`dang-ky-khai-sinh`)\n  - Hiệu lực đến: không ghi → 20/11/2026\n" in md
    assert (
        "- ⚠️ **Phí, lệ phí tăng hơn 50%**: " + CERT_NAME + f" (`chung-thuc-ban-sao`): {FEE_LINE} (+150%)"
        in md
    )
    assert "### Bảng niêm yết cần in lại (5 tờ)" in md and "### Bảng niêm yết cần gỡ (3 tờ)" in md
    down = md[md.index("### Bảng niêm yết cần gỡ") :]
    assert (
        "#### Bộ phận Một cửa xã Thử Nghiệm\n\n"
        "- `mot-cua/dang-ky-khai-sinh.pdf`: Đăng ký khai sinh (thủ tục đã bãi bỏ)" in down
    )
    assert outputs["title"] == SUMMARY + "\n"


def _items(html: str, heading: str) -> list[str]:
    """The text of every list item of the top level under an ``<h3>`` whose text starts with ``heading``."""
    part = re.split(r"<h3>", html)
    block = next(p for p in part if p.startswith(heading))
    texts = re.findall(r"<li>(.*?)(?=<li>|</ul>)", block, flags=re.S)
    return [re.sub(r"\s+", " ", seen_text(t)).strip() for t in texts]


def seen_text(fragment: str) -> str:
    """The text of an HTML fragment as a reader sees it."""
    return html_module.unescape(re.sub(r"<[^>]*>", "", fragment))


def test_the_rendered_markdown_says_what_the_json_says(outputs: dict[str, str]) -> None:
    data, html = json.loads(outputs["json"]), forge_html(outputs["markdown"])
    text = seen(outputs["markdown"])
    assert data["summary"] in text
    flags = _items(html, "Cảnh báo")
    assert flags == [f"⚠️ {f['label']}: {f['name']} ({f['slug']}): {f['reason']}" for f in data["flags"]]
    for title, kind in (
        ("Thủ tục mới", "added"),
        ("Thủ tục thay đổi", "changed"),
        ("Thủ tục bãi bỏ", "repealed"),
    ):
        shown = _items(html, title)
        wanted = []
        for proc in (p for p in data["procedures"] if p["kind"] == kind):
            wanted.append(f"{proc['name']} ({proc['slug']})")
            wanted += [c["text"] for c in proc["changes"]]
        assert shown == wanted, title
    for heading, key in (("Bảng niêm yết cần in lại", "reprint"), ("Bảng niêm yết cần gỡ", "take_down")):
        block = html[html.index(f"<h3>{heading}") :].split("<h3>")[1]
        offices = re.findall(r"<h4>(.*?)</h4>", block)
        assert [seen_text(o) for o in offices] == [o["name"] for o in data["posters"][key]]
        shown = [seen_text(t).strip() for t in re.findall(r"<li>(.*?)</li>", block, flags=re.S)]
        wanted = [
            f"{s['path']}: {s['title']} ({s['reason']})" for o in data["posters"][key] for s in o["sheets"]
        ]
        assert shown == wanted, heading


def _flags(root: Path) -> list[tuple[str, str]]:
    report = build_report(root, "HEAD", dt.date.fromisoformat(AS_OF))
    return [(f.kind, f.slug) for f in report.flags]


def test_removing_an_active_procedure_is_flagged_an_upcoming_one_is_not(tmp_path: Path) -> None:
    root = content_repo(tmp_path / "repo")
    (root / "procedures" / "cong-nhan-ho-ngheo.yaml").unlink()  # active on the build date
    (root / "procedures" / "nhan-con-nuoi.yaml").unlink()  # upcoming (from 2027-01-01)
    assert _flags(root) == [("removed_active", "cong-nhan-ho-ngheo")]


def test_a_change_note_or_a_new_legal_basis_explains_a_fee_change(tmp_path: Path) -> None:
    root = content_repo(tmp_path / "repo")
    cheaper = [("amount: 2000, unit: trang, text:", "amount: 2500, unit: trang, text:")]
    edit(root, {CERT: cheaper})
    assert _flags(root) == [("no_reason", "chung-thuc-ban-sao")]  # +25 %: no rise flag
    edit(
        root, {CERT: [("field: chung-thuc\n", "field: chung-thuc\nchange_note: Phí mới theo nghị quyết.\n")]}
    )
    assert _flags(root) == []
    git(root, "commit", "-qam", "noted")
    edit(root, {CERT: [("amount: 2500, unit: trang, text:", "amount: 2600, unit: trang, text:")]})
    assert _flags(root) == [("no_reason", "chung-thuc-ban-sao")]  # the old note explains nothing new
    basis = "legal_basis:\n  - {number: 01/2026/NQ-HĐND, title: Nghị quyết về phí}\n"
    edit(root, {CERT: [("result:", basis + "result:")]})
    assert _flags(root) == []


def test_a_past_fee_date_is_flagged_an_old_start_of_a_new_procedure_is_not(tmp_path: Path) -> None:
    root = content_repo(tmp_path / "repo")
    edit(
        root,
        {
            CERT: [
                ("valid_from: 2026-12-16", "valid_from: 2026-11-01"),
                ("valid_to: 2026-12-15", "valid_to: 2026-10-31"),
            ]
        },
    )
    new = NEW_PROCEDURE.replace(
        "online: toan_trinh\n", "online: toan_trinh\nstatus: {effective_from: 2025-01-01}\n"
    )
    (root / "procedures" / "cap-ban-sao-trich-luc.yaml").write_text(new, encoding="utf-8")
    flags = build_report(root, "HEAD", dt.date.fromisoformat(AS_OF)).flags
    past = [f.reason for f in flags if f.kind == "past_date"]
    assert past == [
        "Phí chứng thực bản sao (Trực tuyến, khoản thứ 1), áp dụng đến: 31/10/2026 (trước ngày 25/11/2026)",
        "Phí chứng thực bản sao (Trực tuyến, khoản thứ 2), áp dụng từ: 01/11/2026 (trước ngày 25/11/2026)",
    ]
