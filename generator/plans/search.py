"""Search (plans): plan pages and their projects as pages of the finder's full-text index.

Each plan is one entry (name, area, summary, every project name) and each project another
(name, land-use code and name, villages, former commune, sheet and parcel numbers), linking to its
row in the plan's table — so «cum cong nghiep», a village name or «to 14 thua 3» finds it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.catalogue import Catalogue
from generator.core.pages import TextPage
from generator.plans.codes import code_list
from generator.plans.listing import plan_path


def iter_plan_text_pages(catalogue: Catalogue) -> Iterator[TextPage]:
    """One text page per plan and one per project (address with the project's table anchor)."""
    for entry in catalogue.plans:
        plan, path = entry.model, plan_path(entry.slug)
        codes = code_list(plan.code_list)
        communes = {c.code: c.name for c in plan.area.former_communes}
        names = " ".join(p.name for p in plan.projects)
        area = " ".join(x for x in (plan.area.commune, plan.area.province) if x)
        yield TextPage(path, plan.name, f"{area} {plan.summary or ''} {names}")
        for project in plan.projects:
            places = " ".join(
                f"{communes.get(loc.former_commune, '')} tờ {loc.sheet} thửa {' '.join(loc.parcels)}"
                for loc in project.locations
            )
            text = f"{project.code} {codes.name(project.code)} {' '.join(project.villages)} {places}"
            yield TextPage(f"{path}#ct-{project.id}", f"{project.name} – {plan.name}", text)
