"""Stage 3 (site): schema.org GovernmentService structured data for a procedure page."""

from __future__ import annotations

from typing import Any

from generator.catalogue import Catalogue, ProcedureEntry
from generator.core import urls
from generator.facts.offers import FeeOffer, area_served, fee_offers
from generator.facts.procedure import procedure_facts
from generator.model.types import CHANNEL_LABELS


def government_service(
    catalogue: Catalogue, entry: ProcedureEntry, base_url: str, *, online_url: str | None = None
) -> dict[str, Any]:
    """The JSON-LD object of one procedure (the template serialises it with ``tojson``).

    ``online_url`` is the page's «Nộp trực tuyến» link, given as the online channel's serviceUrl.
    """
    proc = entry.model
    site = catalogue.site.model
    page = urls.absolute(base_url, urls.procedure_path(entry.slug))
    field = catalogue.field_by_slug.get(proc.field)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": proc.name,
        "url": page,
        "description": service_description(catalogue, entry),
        "serviceType": field.name if field else proc.field,
        "provider": {"@type": "GovernmentOrganization", "name": site.publisher.name},
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": area_served(site.publisher.name, site.publisher.parent),
        },
        "availableChannel": [
            _channel(catalogue, entry, channel.kind, online_url) for channel in proc.channels
        ],
    }
    offers = [_offer(offer) for offer in fee_offers(proc, catalogue.as_of)]
    if offers:
        data["offers"] = offers
    if proc.code:
        data["identifier"] = proc.code
    if proc.applicants:
        data["audience"] = {"@type": "Audience", "audienceType": ", ".join(proc.applicants)}
    if proc.aliases:
        data["alternateName"] = list(proc.aliases)
    return data


def service_description(catalogue: Catalogue, entry: ProcedureEntry) -> str:
    """One sentence from the facts: the time and fee of the first channel, where to apply."""
    facts = procedure_facts(catalogue, entry)
    sentences = [f"{facts.name} ({facts.level})"]
    if facts.channels:
        first = facts.channels[0]
        sentences.append(f"Thời hạn giải quyết: {first.time.headline}; phí, lệ phí: {first.fee_short}")
    if facts.offices:
        sentences.append("Nơi nộp: " + "; ".join(office.name for office in facts.offices))
    return ". ".join(sentences) + "."


def _channel(
    catalogue: Catalogue, entry: ProcedureEntry, kind: str, online_url: str | None
) -> dict[str, Any]:
    channel: dict[str, Any] = {"@type": "ServiceChannel", "name": CHANNEL_LABELS[kind]}
    if kind == "truc_tiep":
        channel["serviceLocation"] = _places(catalogue, entry)
    if kind == "truc_tuyen" and online_url:
        channel["serviceUrl"] = online_url
    return channel


def _offer(offer: FeeOffer) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Offer",
        "name": offer.name,
        "description": offer.description,
        "category": offer.channel,
    }
    if offer.price is not None:
        data["price"] = offer.price
        data["priceCurrency"] = "VND"
        if offer.unit:
            data["priceSpecification"] = {
                "@type": "UnitPriceSpecification",
                "price": offer.price,
                "priceCurrency": "VND",
                "unitText": offer.unit,
            }
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
