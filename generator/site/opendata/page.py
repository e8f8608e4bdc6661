"""Stage 3 (site): the «Dữ liệu mở» page — what each file under ``data/`` holds, its columns, its licence."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.catalogue import Catalogue
from generator.core import urls
from generator.core.build_context import BuildContext
from generator.core.pages import Body, GeneratedPage
from generator.facts.offices import FeedbackFacts
from generator.facts.procedure import site_feedback
from generator.schema import SCHEMAS
from generator.site.opendata.columns import COLUMNS, LIST_SEPARATOR, Column
from generator.site.opendata.write import (
    CATALOGUE_JSON,
    CHANGES_JSON,
    PROCEDURES_CSV,
    SCHEMA_FOLDER,
    attribution,
)

OPEN_DATA_TITLE = "Dữ liệu mở"


@dataclass(frozen=True)
class DataFile:
    """One published file: its name, a relative link, its format and what it holds."""

    name: str
    href: str
    format: str
    description: str


@dataclass(frozen=True)
class OpenDataPage:
    """The open-data page.

    Attributes:
        title: heading. intro: one paragraph. files: the published files.
        columns: the CSV columns (key, Vietnamese, English), in file order. separator: how a cell
        holds several values. licence, licence_url, attribution: the terms of re-use.
        changes: link to the changes page. home: link to the home page. feedback: feedback block.
    """

    title: str
    intro: str
    files: tuple[DataFile, ...]
    columns: tuple[Column, ...]
    separator: str
    licence: str
    licence_url: str
    attribution: str
    changes: str
    home: str
    feedback: FeedbackFacts


def _files(here: str) -> tuple[DataFile, ...]:
    def link(name: str) -> str:
        return urls.relative(here, urls.data_file(name))

    files = [
        DataFile(
            CATALOGUE_JSON,
            link(CATALOGUE_JSON),
            "JSON",
            "Toàn bộ danh mục: thủ tục (với cách nộp, thời hạn, phí, lệ phí, hồ sơ, căn cứ pháp lý), "
            "nơi tiếp nhận, lĩnh vực, quy hoạch sử dụng đất.",
        ),
        DataFile(
            PROCEDURES_CSV,
            link(PROCEDURES_CSV),
            "CSV (UTF-8)",
            "Mỗi dòng một thủ tục theo một cách nộp; mở được bằng Excel, LibreOffice. Các cột ở bảng dưới.",
        ),
        DataFile(
            CHANGES_JSON,
            link(CHANGES_JSON),
            "JSON",
            "Lịch sử thay đổi công khai: mỗi lần đăng tải, thay đổi (kèm ghi chú) hoặc gỡ bỏ thủ tục.",
        ),
        DataFile(
            "thay-doi/atom.xml",
            urls.relative(here, urls.CHANGES_FEED),
            "Atom",
            "Nguồn tin các thay đổi mới nhất, để theo dõi bằng trình đọc tin.",
        ),
    ]
    return (*files, *(_schema_file(name, link) for name in SCHEMAS))


def _schema_file(name: str, link: Callable[[str], str]) -> DataFile:
    file = f"{SCHEMA_FOLDER}{name}.schema.json"
    return DataFile(
        file, link(file), "JSON Schema", f"Cấu trúc tệp nội dung «{name}» (tệp YAML trong kho nội dung)."
    )


def open_data_page(catalogue: Catalogue, ctx: BuildContext) -> OpenDataPage:
    """Collect the open-data page."""
    here, data = urls.OPEN_DATA, catalogue.site.model.open_data
    return OpenDataPage(
        title=OPEN_DATA_TITLE,
        intro=(
            "Toàn bộ thông tin trên trang này được công bố dưới dạng dữ liệu mở, sinh ra cùng lúc với trang "
            "web và bảng niêm yết từ cùng một nguồn: thời hạn, phí, lệ phí trong tệp dữ liệu giống hệt "
            "trên trang thủ tục."
        ),
        files=_files(here),
        columns=COLUMNS,
        separator=LIST_SEPARATOR,
        licence=data.licence,
        licence_url=data.licence_url,
        attribution=attribution(catalogue),
        changes=urls.relative(here, urls.CHANGES),
        home=urls.relative(here, urls.HOME),
        feedback=site_feedback(catalogue),
    )


def iter_open_data_pages(catalogue: Catalogue, ctx: BuildContext) -> Iterator[GeneratedPage]:
    """The «Dữ liệu mở» page (the files themselves are written after the build)."""

    def render() -> Body:
        page = open_data_page(catalogue, ctx)
        return Body(ctx.env.get_template("pages/open-data.html").render(page=page))

    yield GeneratedPage(
        path=urls.OPEN_DATA,
        title=OPEN_DATA_TITLE,
        render=render,
        description="Danh mục thủ tục hành chính dưới dạng dữ liệu mở (JSON, CSV), giấy phép sử dụng lại.",
        kind="open-data",
    )
