"""Stage 4 (site): post-build writer of the browser editor under ``admin/``.

Writes ``admin/index.html`` (the page that loads the CMS), ``admin/config.yml`` (generated from the
models, :mod:`.config`), and copies the vendored ``sveltia-cms.js`` and its licence from the theme
(``site_theme/admin/``, pinned in ``site_theme/assets/vendor.json``). Nothing is loaded from a CDN:
the only outside host the editor talks to is the forge's API named in ``content/site.yaml``
(docs/editing.md). Without an ``editor`` section nothing is written.
"""

from __future__ import annotations

import json
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
from generator.site.admin.config import cms_config, field_choices

ADMIN = "admin"
SCRIPT = "sveltia-cms.js"
SVELTIA_VERSION = "0.221.1"
"""The vendored version (site_theme/assets/vendor.json); ``admin/package.json`` tells the update check."""
VENDORED = (
    "LICENSE.txt",
    "locales/vi.json",
    "fonts/source-sans-3-latin-wght-normal.woff2",
    "fonts/noto-mono-latin-400-normal.woff2",
    "fonts/material-symbols-outlined-latin-wght-normal.woff2",
    "fonts/source-sans-3-LICENSE.txt",
    "fonts/noto-mono-LICENSE.txt",
    "fonts/material-symbols-outlined-LICENSE.txt",
)
"""The files of ``site_theme/admin/`` copied as they are (the script is copied with :data:`CDN_PATCHES`)."""
FONT_CDN = r"https://cdn\.jsdelivr\.net/fontsource/fonts/"
CDN_PATCHES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"=`\$\{\w+\}@\$\{\w+\}/locales`"), "=`./locales`"),  # UI strings (non-English browsers)
    (re.compile(r"=`\$\{\w+\}/package\.json`"), "=`./package.json`"),  # the «new version available» check
    (re.compile(FONT_CDN + r"source-sans-3:vf@[\d.]+/latin-wght-normal\.woff2"),
     "./fonts/source-sans-3-latin-wght-normal.woff2"),
    (re.compile(FONT_CDN + r"noto-mono@[\d.]+/latin-400-normal\.woff2"),
     "./fonts/noto-mono-latin-400-normal.woff2"),
    (re.compile(FONT_CDN + r"material-symbols-outlined:vf@[\d.]+/latin-wght-normal\.woff2"),
     "./fonts/material-symbols-outlined-latin-wght-normal.woff2"),
)  # fmt: skip
"""What the script would fetch from unpkg.com or cdn.jsdelivr.net on every visit, pointed at ``admin/``.
Each address must be found exactly once, so a new Sveltia version is checked, not trusted."""

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
    (folder / "config.yml").write_text(
        config_text(cms_config(site.editor, field_choices(catalogue))), encoding="utf-8"
    )
    (folder / SCRIPT).write_text(local_script((THEME_DIR / ADMIN / SCRIPT).read_text("utf-8")), "utf-8")
    (folder / "package.json").write_text(json.dumps({"version": SVELTIA_VERSION}) + "\n", "utf-8")
    for name in VENDORED:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(THEME_DIR / ADMIN / name, folder / name)


def local_script(script: str) -> str:
    """The vendored script with every address of :data:`CDN_PATCHES` pointed at the site's ``admin/``.

    Refuses a script where one is not found exactly once: a new Sveltia version must be checked
    (docs/editing.md § Updating Sveltia CMS) rather than silently fetch from outside again."""
    for pattern, local in CDN_PATCHES:
        script, count = pattern.subn(local, script)
        if count != 1:
            raise GeneratorError(
                f"site_theme/admin/{SCRIPT}: địa chỉ «{pattern.pattern}» xuất hiện {count} lần (cần đúng 1); "
                "xem docs/editing.md trước khi cập nhật Sveltia CMS."
            )
    return script
