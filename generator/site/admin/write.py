"""Stage 4 (site): post-build writer of the browser editor under ``admin/``.

Writes ``admin/index.html`` (the page that loads the CMS), ``admin/config.yml`` (generated from the
models, :mod:`.config`), and copies the vendored ``sveltia-cms.js`` and its licence from the theme
(``site_theme/admin/``, pinned in ``site_theme/assets/vendor.json``). Nothing is loaded from a CDN:
the only outside host the editor talks to is the forge's API named in ``content/site.yaml``
(docs/editing.md). Without an ``editor`` section nothing is written.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from generator.catalogue import Catalogue
from generator.core.build_context import BuildContext
from generator.core.jinja import THEME_DIR
from generator.errors import GeneratorError
from generator.site.admin.config import cms_config

ADMIN = "admin"
SCRIPT = "sveltia-cms.js"
VENDORED = ("LICENSE.txt", "locales/vi.json")
"""The files of ``site_theme/admin/`` copied as they are (the script is copied with one change)."""
LOCALES_FROM_CDN = re.compile(r"=`\$\{(\w+)\}@\$\{(\w+)\}/locales`")
"""Where Sveltia fetches its UI strings for a non-English browser: ``https://unpkg.com/@sveltia/cms@<v>/locales``."""

PAGE = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Biên tập nội dung · {title}</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
</head>
<body>
<noscript>Trình biên tập cần JavaScript. Có thể sửa tệp YAML bằng git (xem hướng dẫn biên tập).</noscript>
<script src="sveltia-cms.js"></script>
</body>
</html>
"""


class _NoAliases(yaml.SafeDumper):
    """Write every repeated value out in full: the CMS config must not use YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def config_text(config: dict[str, Any]) -> str:
    """``config.yml`` as text (a header line, then the generated configuration)."""
    body = yaml.dump(config, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1000)
    return "# Sinh tự động từ các mô hình nội dung (generator/site/admin/config.py): đừng sửa tay.\n" + body


def write_admin(catalogue: Catalogue, site_dir: Path, ctx: BuildContext) -> None:
    """Write ``admin/`` when the site settings name the repository the editor saves to."""
    site = catalogue.site.model
    if site.editor is None:
        return
    folder = site_dir / ADMIN
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(PAGE.format(title=escape(site.title)), encoding="utf-8")
    (folder / "config.yml").write_text(config_text(cms_config(site.editor)), encoding="utf-8")
    (folder / SCRIPT).write_text(local_script((THEME_DIR / ADMIN / SCRIPT).read_text("utf-8")), "utf-8")
    for name in VENDORED:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(THEME_DIR / ADMIN / name, folder / name)


def local_script(script: str) -> str:
    """The vendored script with its UI strings read from ``admin/locales/`` instead of a CDN.

    Refuses a script where the address is not found exactly once: a new Sveltia version must be
    checked (docs/editing.md § Updating Sveltia) rather than silently fetch from outside again."""
    fixed, count = LOCALES_FROM_CDN.subn("=`./locales`", script)
    if count != 1:
        raise GeneratorError(
            f"site_theme/admin/{SCRIPT}: không tìm thấy đúng một địa chỉ tải chuỗi giao diện ({count}); "
            "xem docs/editing.md trước khi cập nhật Sveltia CMS."
        )
    return fixed
