"""The hostile-content corpus: content-only changes an attacker or a careless editor might send.

One case per class of issue 9's input side, each a tree built in code from the valid fixtures and
each asserting the located issue (file, line, field, code). The YAML-only cases live in the
bad-input corpus (``tests/fixtures/invalid/<code>--<case>.yaml``); these need files, folders,
symbolic links, FIFOs or Markdown pages. Nothing here may hang, read outside the tree or raise.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.core.routes import check_page_routes, reserved_roots
from generator.issues import Issue, Severity
from generator.reading import read_catalogue
from tests.conftest import AS_OF, FIXTURES, PROJECT_ROOT

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'
HTML = b"<!doctype html><script>alert(1)</script>"
ITEM = "      - {name: Tờ khai, originals: 1}"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    tree = tmp_path / "repo"
    shutil.copytree(FIXTURES / "valid", tree)
    (tree / "content" / "pages").mkdir()
    (tree / "content" / "pages" / "gioi-thieu.md").write_text(
        "# Giới thiệu\n\nTrang mẫu.\n", encoding="utf-8"
    )
    return tree


def issues_of(root: Path) -> list[Issue]:
    return read_catalogue(root, AS_OF)[1]


def located(root: Path, code: str) -> set[tuple[str, int, str]]:
    return {(i.file, i.line, i.field) for i in issues_of(root) if i.code == code}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_procedure(root: Path, name: str, *, item: str = ITEM, extra: str = "") -> str:
    text = (FIXTURES / "invalid" / "code-missing.yaml").read_text(encoding="utf-8")
    (root / "procedures" / name).write_text(extra + text.replace(ITEM, item), encoding="utf-8")
    return f"procedures/{name}"


def with_form(root: Path, file: str) -> str:
    return add_procedure(
        root, "mau.yaml", item=f"      - {{name: Tờ khai, originals: 1, form: {{file: {file}}}}}"
    )


FORM_FIELD = "documents[0].items[0].form.file"


def check_cli(root: Path) -> subprocess.CompletedProcess[str]:
    """Run ``check`` in a child process: a hang fails on the timeout, a traceback on stderr."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "check", "--as-of", AS_OF.isoformat()],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        cwd=PROJECT_ROOT,
    )


# --- URL fields in the settings ---------------------------------------------------------------


@pytest.mark.parametrize(
    "base_url",
    [
        'https://x.vn/"><script>alert(1)</script>',
        "https://x.vn/?utm=1",
        "https://x.vn/#top",
        "https://user:pass@x.vn/",
        "javascript:alert(1)//",
        "https://x.vn/a b/",
        "https://x.vn/ờ/",
    ],
)
def test_base_url_is_scheme_host_and_path_only(root: Path, base_url: str) -> None:
    quoted = base_url.replace('"', '\\"')
    edit(
        root / "content" / "site.yaml",
        "base_url: https://thu-nghiem.example.vn/cong-khai/",
        f'base_url: "{quoted}"',
    )
    assert located(root, "url-invalid") == {("content/site.yaml", 3, "base_url")}


@pytest.mark.parametrize(
    "template",
    ["https://x.vn/{code}/{code}", "javascript:alert('{code}')", 'https://x.vn/?q={code}"onmouseover="x'],
)
def test_portal_template_is_a_plain_address(root: Path, template: str) -> None:
    site = root / "content" / "site.yaml"
    quoted = template.replace('"', '\\"')
    site.write_text(site.read_text(encoding="utf-8") + f'portal_url_template: "{quoted}"\n', encoding="utf-8")
    assert {(f, fld) for f, _, fld in located(root, "url-invalid")} == {
        ("content/site.yaml", "portal_url_template")
    }


@pytest.mark.parametrize(
    "email", ["a@b.vn?cc=khac@x.vn", "a@b.vn,khac@x.vn", "<a@b.vn>", "a b@x.vn", "javascript:alert(1)//@x.vn"]
)
def test_email_is_one_plain_address(root: Path, email: str) -> None:
    office = root / "content" / "offices" / "mot-cua.yaml"
    text = office.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("email:")]
    office.write_text("\n".join([*lines, f'email: "{email}"']) + "\n", encoding="utf-8")
    assert located(root, "url-invalid") == {("content/offices/mot-cua.yaml", len(lines) + 1, "email")}


# --- file references: logo and forms ---------------------------------------------------------


def set_logo(root: Path, logo: str) -> None:
    edit(
        root / "content" / "site.yaml",
        "parent: Ủy ban nhân dân tỉnh Mẫu}",
        f'parent: Ủy ban nhân dân tỉnh Mẫu, logo: "{logo}"}}',
    )


@pytest.mark.parametrize(
    "logo", ["/proc/self/environ", "../../etc/passwd", "content/../../x.png", ".git/config"]
)
def test_logo_outside_the_content_is_refused(root: Path, logo: str) -> None:
    set_logo(root, logo)
    assert located(root, "file-outside") == {("content/site.yaml", 2, "publisher.logo")}


def test_logo_symlink_leaving_the_repository_is_refused(root: Path) -> None:
    (root / "content" / "logo.png").symlink_to("/etc/hostname")
    set_logo(root, "content/logo.png")
    assert located(root, "file-outside") == {("content/site.yaml", 2, "publisher.logo")}


def test_synonyms_symlink_leaving_the_content_is_refused(root: Path, tmp_path: Path) -> None:
    from generator.search.synonyms import read_synonyms

    outside = tmp_path / "bi-mat.yaml"
    outside.write_text("groups:\n  - terms: [bí mật, nội bộ]\n", encoding="utf-8")
    (root / "content" / "synonyms.yaml").symlink_to(outside)
    synonyms, issues = read_synonyms(root)
    assert [(i.file, i.code) for i in issues] == [("content/synonyms.yaml", "file-outside")]
    assert synonyms.groups == ()


def test_svg_logo_is_refused_and_png_accepted(root: Path) -> None:
    (root / "content" / "logo.svg").write_bytes(SVG)
    set_logo(root, "content/logo.svg")
    assert located(root, "file-type") == {("content/site.yaml", 2, "publisher.logo")}
    (root / "content" / "logo.png").write_bytes(PNG)
    edit(root / "content" / "site.yaml", "content/logo.svg", "content/logo.png")
    assert not [i for i in issues_of(root) if i.field == "publisher.logo"]


def test_html_given_as_a_form_is_refused(root: Path) -> None:
    forms = root / "content" / "forms"
    forms.mkdir()
    (forms / "to-khai.pdf").write_bytes(HTML)  # an HTML page renamed .pdf
    (forms / "to-khai.html").write_bytes(HTML)
    target = with_form(root, "content/forms/to-khai.pdf")
    assert located(root, "file-type") == {(target, 18, FORM_FIELD)}
    edit(root / target, "to-khai.pdf", "to-khai.html")
    assert located(root, "file-type") == {(target, 18, FORM_FIELD)}


def test_real_pdf_and_docx_forms_are_accepted(root: Path) -> None:
    forms = root / "content" / "forms"
    forms.mkdir()
    (forms / "to-khai.pdf").write_bytes(PDF)
    with_form(root, "content/forms/to-khai.pdf")
    assert not [i for i in issues_of(root) if i.field == FORM_FIELD]


def test_oversized_form_is_refused_without_reading_it(root: Path) -> None:
    forms = root / "content" / "forms"
    forms.mkdir()
    with (forms / "lon.pdf").open("wb") as handle:
        handle.write(PDF)
        handle.truncate(21 * 1_048_576)  # sparse: nothing is written to disk
    target = with_form(root, "content/forms/lon.pdf")
    assert located(root, "file-too-large") == {(target, 18, FORM_FIELD)}


def test_form_symlink_to_a_device_is_refused_without_hanging(root: Path) -> None:
    forms = root / "content" / "forms"
    forms.mkdir()
    (forms / "zero.pdf").symlink_to("/dev/zero")
    target = with_form(root, "content/forms/zero.pdf")
    assert located(root, "file-outside") == {(target, 18, FORM_FIELD)}


def test_form_fifo_is_refused_without_opening_it(root: Path) -> None:
    forms = root / "content" / "forms"
    forms.mkdir()
    os.mkfifo(forms / "ong.pdf")
    target = with_form(root, "content/forms/ong.pdf")
    done = check_cli(root)
    assert "Traceback" not in done.stderr
    assert f"{target}:18:" in done.stderr and "[file-not-regular]" in done.stderr


# --- symlinked and special content files -------------------------------------------------------


@pytest.mark.parametrize("folder", ["procedures", "content/offices"])
def test_yaml_symlink_leaving_the_repository_is_refused(root: Path, folder: str) -> None:
    (root / folder / "ngoai.yaml").symlink_to("/etc/passwd")
    assert located(root, "file-outside") == {(f"{folder}/ngoai.yaml", 1, "")}
    assert not any(i.file == f"{folder}/ngoai.yaml" and i.code != "file-outside" for i in issues_of(root))


def test_yaml_symlink_to_dev_zero_does_not_hang(root: Path) -> None:
    (root / "procedures" / "zero.yaml").symlink_to("/dev/zero")
    done = check_cli(root)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "procedures/zero.yaml:1:1" in done.stderr and "[file-outside]" in done.stderr


def test_yaml_fifo_is_refused_without_opening_it(root: Path) -> None:
    os.mkfifo(root / "procedures" / "ong.yaml")
    done = check_cli(root)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "procedures/ong.yaml:1:1" in done.stderr and "[file-not-regular]" in done.stderr


def test_site_settings_symlink_is_refused(root: Path) -> None:
    site = root / "content" / "site.yaml"
    shutil.move(site, root / "site-that.yaml")
    site.symlink_to("/etc/passwd")
    assert located(root, "file-outside") == {("content/site.yaml", 1, "")}


# --- Markdown pages ---------------------------------------------------------------------------


def page(root: Path, name: str, text: str) -> str:
    path = root / "content" / "pages" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return f"content/pages/{name}"


@pytest.mark.parametrize(
    ("front", "line"),
    [
        ("template: redirect.html\nlocation: 'javascript:alert(1)'", 2),
        ("title: Giới thiệu\nextra_css: [x.css]", 3),
        ("hide: [navigation, '<script>']", 2),
        ("title: [1, 2]", 2),
    ],
)
def test_front_matter_beyond_title_description_hide_is_refused_by_check(
    root: Path, front: str, line: int
) -> None:
    target = page(root, "trang.md", f"---\n{front}\n---\n\n# Trang\n")
    found = {(i.file, i.line) for i in issues_of(root) if i.code == "page-front-matter"}
    assert found == {(target, line)}


def test_allowed_front_matter_passes(root: Path) -> None:
    page(
        root,
        "trang.md",
        "---\ntitle: Giới thiệu\ndescription: Trang giới thiệu\nhide: [toc]\n---\n\n# Trang\n",
    )
    assert not [i for i in issues_of(root) if i.code == "page-front-matter"]


@pytest.mark.parametrize(
    ("markdown", "column"),
    [
        ("Xin chào <script>alert(1)</script>", 10),
        ('<iframe src="https://x.vn"></iframe>', 1),
        ('Ảnh <img src="a.png" onerror="alert(1)">', 5),
        ("Chú thích <!-- ẩn --> ở đây", 11),
        ('[Liên hệ](lien-he.md){: onclick="alert(1)" }', 22),
    ],
)
def test_raw_html_in_a_page_is_refused(root: Path, markdown: str, column: int) -> None:
    target = page(root, "trang.md", f"# Trang\n\n{markdown}\n")
    found = {(i.file, i.line, i.column) for i in issues_of(root) if i.code == "page-raw-html"}
    assert found == {(target, 3, column)}


@pytest.mark.parametrize(
    "link",
    [
        "[bấm](javascript:alert(1))",
        "[bấm](JaVaScRiPt:alert(1))",
        "[bấm](java&#115;cript:alert(1))",
        "![ảnh](data:image/svg+xml;base64,PHN2Zz4=)",
        "[bấm](vbscript:msgbox)",
        "[tệp](file:///etc/passwd)",
        "<javascript:alert(1)>",
    ],
)
def test_unsafe_link_targets_are_refused(root: Path, link: str) -> None:
    target = page(root, "trang.md", f"# Trang\n\nĐọc {link} nhé.\n")
    assert {(f, ln) for f, ln, _ in located(root, "page-link-scheme")} == {(target, 3)}


def test_safe_markdown_passes(root: Path) -> None:
    page(
        root,
        "trang.md",
        "# Trang\n\n[Cổng](https://dichvucong.gov.vn/) [thư](mailto:a@b.vn) [gọi](tel:0225) "
        "[khác](gioi-thieu.md) [mục](#muc) a < b\n\n"
        "`<script>` trong mã {: .ghi-chu }\n",
    )
    assert not [i for i in issues_of(root) if i.file.startswith("content/pages/")]


@pytest.mark.parametrize("name", ["bieu-mau.html", "ma.js", "kieu.css", "anh.svg"])
def test_non_page_files_in_pages_are_refused(root: Path, name: str) -> None:
    page(root, name, "<script>alert(1)</script>")
    assert located(root, "page-file-type") == {(f"content/pages/{name}", 1, "")}


def test_page_symlink_leaving_the_folder_is_refused(root: Path) -> None:
    (root / "content" / "pages" / "bi-mat.md").symlink_to(root / ".." / ".." / ".." / "etc" / "passwd")
    (root / "content" / "pages" / "cau-hinh.md").symlink_to(root / "content" / "site.yaml")
    assert located(root, "file-outside") == {
        ("content/pages/bi-mat.md", 1, ""),
        ("content/pages/cau-hinh.md", 1, ""),
    }


def test_bidi_override_in_a_page_is_refused(root: Path) -> None:
    target = page(root, "trang.md", "# Trang\n\nPhí: \u202e000.005 đồng\n")
    assert {(i.file, i.line, i.column) for i in issues_of(root) if i.code == "text-control-char"} == {
        (target, 3, 6)
    }


# --- names and places -------------------------------------------------------------------------


def test_file_names_differing_only_in_case(root: Path) -> None:
    page(root, "huong-dan.md", "# A\n")
    page(root, "Huong-dan.md", "# B\n")
    assert located(root, "file-name-case") == {("content/pages/huong-dan.md", 1, "")}
    assert ("content/pages/Huong-dan.md", 1, "") in located(root, "file-name-invalid")


def test_slug_key_does_not_skip_the_file_name_rule(root: Path) -> None:
    target = add_procedure(root, "Đăng Ký Mới.yaml", extra="slug: dang-ky-moi\n")
    assert located(root, "file-name-invalid") == {(target, 1, "")}


def test_procedure_outside_its_field_folder(root: Path) -> None:
    procedures = root / "procedures"
    for path in procedures.glob("*.yaml"):
        field = yaml.safe_load(path.read_text(encoding="utf-8"))["field"]
        (procedures / field).mkdir(exist_ok=True)
        shutil.move(path, procedures / field / path.name)
    assert located(root, "procedure-folder") == set()
    add_procedure(root, "o-ngoai.yaml")  # directly in procedures/
    (procedures / "chung-thuc" / "sai-cho.yaml").write_text(
        (procedures / "o-ngoai.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )  # field ho-tich in the chung-thuc folder
    found = {(i.file, i.severity) for i in issues_of(root) if i.code == "procedure-folder"}
    assert found == {
        ("procedures/o-ngoai.yaml", Severity.WARNING),
        ("procedures/chung-thuc/sai-cho.yaml", Severity.WARNING),
    }


@pytest.mark.parametrize(
    "name",
    ["thu-tuc.md", "tra-cuu.md", "co-quan/index.md", "index.md", "search/x.md", "assets/a.png", "posters.md"],
)
def test_page_shadowed_by_a_generated_page(root: Path, name: str) -> None:
    page(root, name, "# Trang\n")
    found = {(i.file, i.code) for i in check_page_routes(root)}
    assert found == {(f"content/pages/{name}", "page-route-reserved")}
    done = check_cli(root)
    assert done.returncode == 1 and f"content/pages/{name}:1:1" in done.stderr


def test_reserved_names_come_from_the_real_build(tmp_path: Path) -> None:
    """Every page the build generates and every top-level name it writes is in the reserved set."""
    from generator.build import BuildSettings, build_without_mkdocs

    site = tmp_path / "site"
    site.mkdir()
    rendering = build_without_mkdocs(
        FIXTURES / "valid", site, BuildSettings(AS_OF, frozenset({"write_site_posters"})), lambda pages: None
    )
    reserved = reserved_roots()
    assert {page.path.split("/", 1)[0] for page in rendering.pages if page.path} <= reserved
    assert {entry.name for entry in site.iterdir()} <= reserved


# --- land-use plan folders and documents ------------------------------------------------------


def with_plan(root: Path) -> Path:
    folder = root / "content" / "plans" / "mau-nho"
    shutil.copytree(FIXTURES / "plans" / "base" / "mau-nho", folder)
    return folder


def test_plan_document_that_is_not_a_pdf_is_refused(root: Path) -> None:
    import hashlib

    folder = with_plan(root)
    (folder / "tai-lieu" / "qd.pdf").write_bytes(HTML)  # an HTML page under a .pdf name, hash updated
    edit(
        folder / "plan.yaml",
        "13ab190748e13dca29af52e89456d47bd37238bc757e092dba9667a5bda18b90",
        hashlib.sha256(HTML).hexdigest(),
    )
    assert located(root, "file-type") == {("content/plans/mau-nho/plan.yaml", 31, "documents[0].file")}


def test_plan_folder_symlink_is_refused(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "ngoai"
    shutil.copytree(FIXTURES / "plans" / "base" / "mau-nho", outside)
    (root / "content" / "plans").mkdir()
    (root / "content" / "plans" / "mau-nho").symlink_to(outside)
    assert located(root, "plan-file-outside") == {("content/plans/mau-nho/plan.yaml", 0, "")}


def test_plan_document_fifo_is_refused_without_opening_it(root: Path) -> None:
    folder = with_plan(root)
    (folder / "tai-lieu" / "qd.pdf").unlink()
    os.mkfifo(folder / "tai-lieu" / "qd.pdf")
    done = check_cli(root)
    assert "Traceback" not in done.stderr
    assert "content/plans/mau-nho/plan.yaml:31:" in done.stderr and "[file-not-regular]" in done.stderr


# --- the build refuses what check refuses -----------------------------------------------------


def test_the_build_stops_on_a_hostile_page(root: Path, tmp_path: Path) -> None:
    from generator.build import BuildSettings, build_without_mkdocs
    from generator.errors import ContentError

    page(root, "trang.md", "# Trang\n\n<script>alert(1)</script>\n")
    with pytest.raises(ContentError) as caught:
        build_without_mkdocs(root, tmp_path / "site", BuildSettings(AS_OF), lambda pages: None)
    assert {(i.file, i.line, i.code) for i in caught.value.issues} == {
        ("content/pages/trang.md", 3, "page-raw-html")
    }


def test_the_build_stops_on_a_shadowed_page(root: Path, tmp_path: Path) -> None:
    from generator.build import BuildSettings, build_without_mkdocs
    from generator.errors import ContentError

    page(root, "linh-vuc.md", "# Lĩnh vực của tôi\n")
    with pytest.raises(ContentError) as caught:
        build_without_mkdocs(root, tmp_path / "site", BuildSettings(AS_OF), lambda pages: None)
    assert {(i.file, i.code) for i in caught.value.issues} == {
        ("content/pages/linh-vuc.md", "page-route-reserved")
    }
