"""The reviewer's change report cannot be fooled or blinded by content (issue 9, items 3 and 6).

The report is rendered as Markdown on the forge: it is checked here by rendering it with a
CommonMark parser (markdown-it-py, HTML on, GFM tables and strikethrough) and reading the text a
reviewer would see.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from generator.cli.changes import full_report
from generator.core.mdtext import markdown_text
from generator.errors import ContentError
from generator.review.render import render_markdown
from generator.review.report import change_report
from generator.review.settings import QR_NOTE
from tests.hostile_output.conftest import content_repo, edit, git

AS_OF = dt.date(2026, 11, 25)
PROC = "procedures/chung-thuc-ban-sao.yaml"


def forge_html(markdown: str) -> str:
    """The report as a forge renders it (raw HTML allowed, as GitHub and GitLab allow a safe subset)."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown)


def seen(markdown: str) -> str:
    """The text a reviewer reads on the forge (tags dropped, entities decoded; comments vanish)."""
    rendered = forge_html(markdown)
    return html.unescape(re.sub(r"<!--.*?(-->|$)|<[^>]*>", "", rendered, flags=re.S))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return content_repo(tmp_path / "repo")


HOSTILE_TEXTS = [
    "Phí <!-- ẩn mọi dòng sau",
    "Phí | bảng | giả",
    "Phí **đậm** _nghiêng_ ~~gạch~~ $x$",
    "Phí [bấm vào](javascript:alert(1)) ![ảnh](http://x.test/a.png)",
    "Phí <script>alert(1)</script> <img src=x onerror=alert(1)>",
    "# Phí giả tiêu đề",
    "1. Phí giả danh sách",
    "Phí `mã` \\ gạch chéo &amp; thực thể",
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_markdown_text_renders_as_exactly_its_characters(text: str) -> None:
    rendered = forge_html(f"- **{markdown_text(text)}**\n  - {markdown_text(text)}\n")
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    assert "<!--" not in rendered and "<table" not in rendered and "<del>" not in rendered
    assert "<em>" not in rendered and "<h1>" not in rendered and "<ol>" not in rendered
    assert seen(f"- **{markdown_text(text)}**\n").strip() == text


@pytest.mark.parametrize("name", ["Chứng thực bản sao <!--", "Chứng thực bản sao\\n<!--"])
def test_a_name_ending_in_a_comment_opener_cannot_hide_a_later_fee_change(repo: Path, name: str) -> None:
    edit(
        repo,
        {
            PROC: [
                ("name: Chứng thực bản sao từ bản chính giấy tờ, văn bản", f'name: "{name}"'),
                ("amount: 2000, unit: trang, text:", "amount: 9000, unit: trang, text:"),
            ]
        },
    )
    report = report_or_refusal(repo)
    if report is None:
        return  # the input boundary refused the name with a located error: nothing to hide
    text = seen(report)
    assert "Chứng thực bản sao <!--" in text
    assert "2.000 đồng/trang" in text and "9.000 đồng/trang" in text
    assert "Bảng niêm yết cần in lại" in text


def report_or_refusal(repo: Path) -> str | None:
    """The report, or None when ``check`` refuses the change with errors located in the procedure file."""
    try:
        return render_markdown(full_report(repo, "HEAD", AS_OF))
    except ContentError as exc:
        assert exc.issues and all(issue.file.endswith(".yaml") and issue.line for issue in exc.issues)
        return None


def test_a_link_or_table_in_a_value_is_shown_not_rendered(repo: Path) -> None:
    fake = "Tên | x |\\n|---|---|\\n| [an toàn](javascript:alert(1)) |"
    edit(repo, {PROC: [("name: Chứng thực bản sao từ bản chính giấy tờ, văn bản", f'name: "{fake}"')]})
    report = report_or_refusal(repo)
    if report is None:
        return
    rendered = forge_html(report)
    assert "<table" not in rendered and "javascript:" not in re.sub(r">[^<]*<", "><", rendered)
    assert "| [an toàn](javascript:alert(1)) |" in seen(report)


def test_two_fees_with_the_same_name_keep_their_change(repo: Path) -> None:
    # the online channel has two fees both named «Phí chứng thực bản sao»; change the second
    edit(
        repo,
        {
            PROC: [
                (
                    "amount: 2000, unit: trang, valid_from: 2026-12-16",
                    "amount: 9000, unit: trang, valid_from: 2026-12-16",
                )
            ]
        },
    )
    report, changes = change_report(repo, "HEAD", AS_OF)
    assert changes, report
    assert "2.000 đồng/trang" in report and "9.000 đồng/trang" in report


def test_same_name_same_key_fees_are_paired_by_position(repo: Path) -> None:
    two = "      - {type: phi, name: Phí A, amount: 10000}\n      - {type: phi, name: Phí A, amount: 50000}\n"
    edit(
        repo,
        {
            PROC: [
                (
                    "    fees:\n      - {type: phi, name: Phí chứng thực bản sao, amount: 2000, unit: trang,",
                    "    fees:\n"
                    + two
                    + "      - {type: phi, name: Phí chứng thực bản sao, amount: 2000, unit: trang,",
                )
            ]
        },
    )
    git(repo, "commit", "-qam", "two fees")
    edit(repo, {PROC: [("name: Phí A, amount: 10000}", "name: Phí A, amount: 90000}")]})
    report, _ = change_report(repo, "HEAD", AS_OF)
    assert "Phí A (khoản thứ 1) (Trực tiếp): 10.000 đồng → 90.000 đồng" in report, report
    assert "50.000" not in report


def test_documents_and_steps_with_the_same_name_are_told_apart(repo: Path) -> None:
    edit(
        repo,
        {
            PROC: [
                ("{name: Bản sao cần chứng thực, copies: 1}", "{name: Bản sao cần chứng thực, copies: 3}"),
                (
                    "  - {title: Nộp bản chính và bản sao cần chứng thực}",
                    "  - {title: Nộp bản chính và bản sao cần chứng thực, text: Nộp tại quầy số 2.}",
                ),
            ]
        },
    )
    report, _ = change_report(repo, "HEAD", AS_OF)
    assert "«Bản sao cần chứng thực»: 01 bản sao → 03 bản sao" in report
    assert "bước 1 «Nộp bản chính và bản sao cần chứng thực»: sửa nội dung" in report


def test_office_feedback_and_site_changes_are_reported_with_the_sheets_to_reprint(repo: Path) -> None:
    edit(
        repo,
        {
            "content/offices/mot-cua.yaml": [("hotline: 0123 456 789", "hotline: 0999 999 999")],
            "content/site.yaml": [("  phone: 0123 456 789", "  phone: 0888 888 888")],
        },
    )
    report, changes = change_report(repo, "HEAD", AS_OF)
    assert not changes  # no procedure changed
    text = seen(report)
    assert "Không có thay đổi" not in text
    assert "Đường dây nóng: «0123 456 789» → «0999 999 999»" in text
    assert "Phản ánh, kiến nghị — Điện thoại: «0123 456 789» → «0888 888 888»" in text
    assert "Mọi bảng niêm yết tại Bộ phận Một cửa xã Thử Nghiệm" in text
    assert "Mọi bảng niêm yết tại mọi nơi tiếp nhận" in text


def test_a_field_without_its_own_wording_is_still_named(repo: Path) -> None:
    edit(
        repo,
        {
            PROC: [
                (
                    "authority: {deciding: Ủy ban nhân dân cấp xã}",
                    "authority: {deciding: Chủ tịch Ủy ban nhân dân cấp xã}",
                )
            ]
        },
    )
    report, changes = change_report(repo, "HEAD", AS_OF)
    assert changes and "Sửa: Cơ quan giải quyết" in report


def test_a_new_base_url_and_a_renamed_field_are_reported_with_their_sheets(repo: Path) -> None:
    edit(
        repo,
        {
            "content/site.yaml": [
                ("base_url: https://thu-nghiem.example.vn/cong-khai/", "base_url: https://khac.example.vn/")
            ],
            "content/fields.yaml": [("name: Hộ tịch", "name: Hộ tịch (mới)")],
        },
    )
    text = seen(change_report(repo, "HEAD", AS_OF)[0])
    assert "«https://thu-nghiem.example.vn/cong-khai/» → «https://khac.example.vn/»" in text
    assert QR_NOTE in text
    assert "Các bảng niêm yết thủ tục lĩnh vực «Hộ tịch (mới)» tại Bộ phận Một cửa xã Thử Nghiệm" in text
