"""Stage 4 (site): post-build writers owned by the site stage (downloadable form files)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.catalogue import Catalogue
from generator.core import urls
from generator.core.build_context import BuildContext


def write_forms(catalogue: Catalogue, site_dir: Path, ctx: BuildContext) -> None:
    """Copy every form file a procedure links to into the site (``content/`` dropped from the path)."""
    for entry in catalogue.procedures:
        for case in entry.model.documents:
            for doc in case.items:
                if doc.form is None or not doc.form.file:
                    continue
                source = (ctx.root / doc.form.file).resolve()
                target = (site_dir / urls.form_path(doc.form.file)).resolve()
                inside = source.is_relative_to(ctx.root.resolve()) and target.is_relative_to(
                    site_dir.resolve()
                )
                if inside and source.is_file() and not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)
