"""Stage 3 (site): every public address in one place; procedure URLs never change once on a QR code."""

from __future__ import annotations

HOME = ""
ALL_PROCEDURES = "thu-tuc/"
FIELDS = "linh-vuc/"
OFFICES = "co-quan/"
ONLINE = "truc-tuyen/"
FINDER = "tra-cuu/"
"""The live procedure finder (built by the search stage); the home page search form leads here."""
CHANGES = "thay-doi/"
"""«Thay đổi gần đây»: recent public changes, from git history and change notes."""
CHANGES_FEED = "thay-doi/atom.xml"
"""The Atom feed of the same changes."""
OPEN_DATA = "du-lieu-mo/"
"""The page that explains the open-data files and their licence."""
DATA_DIR = "data/"
"""Where the open-data files are published (catalogue JSON and CSV, schemas, changes)."""

ONLINE_SLUGS: dict[str, str] = {"toan_trinh": "toan-trinh", "mot_phan": "mot-phan", "khong": "khong"}
"""URL segment of each online level: ``truc-tuyen/<segment>/``."""


def procedure_path(slug: str) -> str:
    """Address of a procedure page, from its stable slug (file name or explicit ``slug:``)."""
    return f"thu-tuc/{slug}/"


def field_path(slug: str) -> str:
    """Address of a field (lĩnh vực) page."""
    return f"linh-vuc/{slug}/"


def office_path(slug: str) -> str:
    """Address of an office page."""
    return f"co-quan/{slug}/"


def online_path(level: str) -> str:
    """Address of the page listing the procedures of one online level."""
    return f"truc-tuyen/{ONLINE_SLUGS[level]}/"


def poster_path(office: str, slug: str) -> str:
    """The poster PDF of one active procedure at one office (written by the poster stage)."""
    return f"posters/{office}/{slug}.pdf"


PLAN_POSTER_SHEETS: dict[str, tuple[str, ...]] = {
    "approved": ("thong-bao", "ban-do"),
    "consultation": ("lay-y-kien",),
}
"""The sheets of a plan by notice kind (see generator.plans.lifecycle.notice_kind): file name endings."""


def plan_poster_path(office: str, plan: str, sheet: str) -> str:
    """A plan's notice-board sheet PDF at the office that posts it (written by the poster stage)."""
    return f"posters/{office}/quy-hoach/{plan}-{sheet}.pdf"


def office_poster_index(office: str) -> str:
    """The office's index poster (danh mục) PDF."""
    return f"posters/{office}/danh-muc.pdf"


def office_poster_all(office: str) -> str:
    """The office's combined print file with every poster."""
    return f"posters/{office}/tat-ca.pdf"


def data_file(name: str) -> str:
    """Address of one open-data file, e.g. ``data/procedures.csv``."""
    return DATA_DIR + name


def form_path(file: str) -> str:
    """Where a form file of the repository is published: ``content/`` is dropped from its path."""
    return file.removeprefix("content/")


def src_uri(path: str) -> str:
    """The virtual Markdown source MkDocs sees for an address (``thu-tuc/x/`` → ``thu-tuc/x/index.md``)."""
    return f"{path}index.md"


def relative(from_path: str, to_path: str) -> str:
    """A link from the page at ``from_path`` to ``to_path``, relative so the site works under a sub-path.

    Both are site-relative directory addresses (``""`` is the home page).
    """
    link = "../" * from_path.count("/") + to_path
    return link or "./"


def absolute(base_url: str, path: str) -> str:
    """The public address of ``path`` under the one base URL of content/site.yaml."""
    return base_url.rstrip("/") + "/" + path
