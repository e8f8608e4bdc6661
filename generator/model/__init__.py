"""The domain model: frozen, strict pydantic models for every kind of content file.

Models hold data only; stages take and return them. The JSON Schema editors see is generated
from these classes (``python -m generator schema``).
"""

from generator.model.office import Feedback, Field, FieldList, MapPoint, Office
from generator.model.procedure import (
    Authority,
    Channel,
    Decision,
    Document,
    DossierCase,
    Fee,
    Form,
    LegalDocument,
    Procedure,
    ProcessingTime,
    ReviewNote,
    Source,
    Stage,
    Status,
    Step,
    StepDuration,
    TimeCase,
)
from generator.model.site import PosterSettings, Publisher, Site

__all__ = [
    "Authority",
    "Channel",
    "Decision",
    "Document",
    "DossierCase",
    "Fee",
    "Feedback",
    "Field",
    "FieldList",
    "Form",
    "LegalDocument",
    "MapPoint",
    "Office",
    "PosterSettings",
    "Procedure",
    "ProcessingTime",
    "Publisher",
    "ReviewNote",
    "Site",
    "Source",
    "Stage",
    "Status",
    "Step",
    "StepDuration",
    "TimeCase",
]
