"""Stage 3 (site): schema.org GovernmentService structured data for a procedure page."""

from __future__ import annotations

from typing import Any

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.model.types import CHANNEL_LABELS


def government_service(catalogue: Catalogue, entry: ProcedureEntry, base_url: str) -> dict[str, Any]:
    """The JSON-LD object of one procedure (the template serialises it with ``tojson``)."""
    proc = entry.model
    site = catalogue.site.model
    page = urls.absolute(base_url, urls.procedure_path(entry.slug))
    field = catalogue.field_by_slug.get(proc.field)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": proc.name,
        "url": page,
        "serviceType": field.name if field else proc.field,
        "provider": {"@type": "GovernmentOrganization", "name": site.publisher.name},
        "availableChannel": [
            {
                "@type": "ServiceChannel",
                "name": CHANNEL_LABELS[channel.kind],
                **({"serviceLocation": _places(catalogue, entry)} if channel.kind == "truc_tiep" else {}),
            }
            for channel in proc.channels
        ],
    }
    if proc.code:
        data["identifier"] = proc.code
    if proc.applicants:
        data["audience"] = {"@type": "Audience", "audienceType": ", ".join(proc.applicants)}
    if proc.aliases:
        data["alternateName"] = list(proc.aliases)
    return data


def _places(catalogue: Catalogue, entry: ProcedureEntry) -> list[dict[str, Any]]:
    places = []
    for slug in entry.model.offices:
        office = catalogue.offices.get(slug)
        if office is not None:
            places.append(
                {
                    "@type": "GovernmentOffice",
                    "name": office.model.name,
                    "address": office.model.address,
                    "telephone": office.model.hotline,
                }
            )
    return places
