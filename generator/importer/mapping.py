"""Import, mapping: one national-portal (dvcqg) record into the fields of a procedure file.

The result holds only what the record states (official fields); points where the record is
ambiguous come back as review notes ``{field, reason}``. Editor-owned fields (aliases, offices,
change notes…) are never produced here: the merge step keeps them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.importer.channels import PORTAL, map_channels
from generator.importer.records import Node
from generator.importer.structure import map_documents, map_steps
from generator.importer.text import fold

CODE = re.compile(r"^\d\.\d{6}$")
LOCAL_CODE = re.compile(r"^(\d\.\d{6})\.[0-9A-Za-z.]+$")
"""A local instance code such as 1.001612.000.00.00.H48: the national code plus a local suffix."""
_LEGAL_NUMBER = re.compile(r"\d+(?:\.\d+)?/(?:\d{4}/)?[0-9A-Za-zĐđƯư.\-]+(?:-[0-9A-Za-zĐđ]+)*")
_DECISION_NUMBER = re.compile(r"^\d+[A-Za-z]?/(?:\d{4}/)?QĐ-\S+$")
_VIETNAM = dt.timezone(dt.timedelta(hours=7))
LEVEL_FLAGS = (("isWard", "xa"), ("isProvince", "tinh"), ("isMinistry", "trung_uong"))
_LEVEL_BODIES = {"xa": "Ủy ban nhân dân cấp xã", "tinh": "Ủy ban nhân dân cấp tỉnh"}
_ENDED = {"INACTIVE", "DELETED", "EXPIRED", "ABOLISHED"}

OFFICIAL_KEYS = (
    "code",
    "local_code",
    "name",
    "field",
    "level",
    "online",
    "applicants",
    "authority",
    "steps",
    "channels",
    "documents",
    "result",
    "conditions",
    "legal_basis",
    "published_by",
)
"""The procedure keys an import owns; every other key belongs to the editors."""


@dataclass
class Mapped:
    """One record mapped: its official fields, review notes and where it came from."""

    code: str
    record_id: str
    values: dict[str, Any]
    notes: list[dict[str, str]] = field(default_factory=list)

    def review(self, path: str, reason: str) -> None:
        """Add one point for an editor to review."""
        self.notes.append({"field": path, "reason": reason})


@dataclass(frozen=True)
class Settings:
    """What the mapping needs to know about the publishing site."""

    levels: Sequence[str]
    fields: Mapping[str, str]
    """Folded category code or name → field slug."""


def _level(record: Node, settings: Settings, out: Mapped) -> str:
    flagged = [slug for key, slug in LEVEL_FLAGS if record.flag(key)]
    usable = [slug for slug in settings.levels if slug in flagged]
    if not usable:
        shown = ", ".join(flagged) or "không có cờ isWard/isProvince/isMinistry"
        raise record.get("isWard").fail(f"cấp thực hiện ({shown}) không có trong content/site.yaml (levels)")
    if len(usable) > 1:
        out.review("level", f"{PORTAL} đánh dấu nhiều cấp ({', '.join(usable)}); đã chọn «{usable[0]}».")
    return usable[0]


def _field(record: Node, settings: Settings, out: Mapped) -> str:
    categories = [c for c in record.items("categoriesDetails")]
    single = record.obj("category")
    if not categories and single is not None:
        categories = [single]
    found = []
    for category in categories:
        code, name = category.text("code"), category.text("name")
        slug = settings.fields.get(fold(code)) or settings.fields.get(fold(name))
        if slug is None:
            raise category.fail(
                f"lĩnh vực «{name}» ({code or 'không mã'}) không có trong content/fields.yaml; hãy thêm "
                "lĩnh vực đó hoặc ghép nó bằng --field-map"
            )
        if slug not in found:
            found.append(slug)
    if not found:
        raise record.get("categoriesDetails").fail("bản ghi không có lĩnh vực")
    if len(found) > 1:
        out.review(
            "field", f"{PORTAL} xếp thủ tục vào nhiều lĩnh vực ({', '.join(found)}); đã chọn «{found[0]}»."
        )
    return found[0]


def _online(record: Node, out: Mapped) -> str:
    methods = {m.text("submissionMethod") for m in record.items("executionMethods")}
    online = bool(methods & {"ONLINE", "DIRECT_AND_ONLINE"})
    if record.flag("isFullProcess"):
        return "toan_trinh"
    if online:
        out.review(
            "online", f"{PORTAL} có cách nộp trực tuyến nhưng không ghi «toàn trình»; đã ghi «mot_phan»."
        )
        return "mot_phan"
    return "khong"


def _agencies(record: Node, key: str, text_key: str) -> list[str]:
    names = [*record.names(f"unitGroups{key}"), *record.names(f"departments{key}")]
    text = record.text(text_key)
    if text and not names:
        names.append(text)
    return names


def _authority(record: Node, level: str, out: Mapped) -> dict[str, Any]:
    deciding = _agencies(record, "Authority", "authorizedAgencies")
    executing = _agencies(record, "Executing", "executingAgencies")
    coordinating = _agencies(record, "Coordinating", "coordinatingAgencies")
    authority: dict[str, Any] = {}
    if deciding:
        authority["deciding"] = "; ".join(deciding)
    elif executing:
        authority["deciding"] = executing[0]
        out.review(
            "authority.deciding", f"{PORTAL} không ghi cơ quan có thẩm quyền; đã lấy cơ quan thực hiện."
        )
    else:
        body = _LEVEL_BODIES.get(level) or record.text("departmentPromulgateName") or "Chưa rõ"
        authority["deciding"] = body
        out.review(
            "authority.deciding", f"{PORTAL} không ghi cơ quan nào; đã ghi «{body}» theo cấp thực hiện."
        )
    if executing:
        authority["executing"] = "; ".join(executing)
    if coordinating:
        authority["coordinating"] = coordinating
    return authority


def _legal_basis(record: Node) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in record.items("legalBasisesDetails"):
        code, name = item.text("code"), item.text("name")
        match = _LEGAL_NUMBER.search(code) or _LEGAL_NUMBER.search(name)
        number = match.group(0) if match else code
        if not number and not name:
            continue
        if not number:
            raise item.get("code").fail("căn cứ pháp lý không có số, ký hiệu")
        if all(existing["number"] != number for existing in out):
            out.append({"number": number, "title": name or number})
    return out


def _date(value: float | None) -> dt.date | None:
    if value is None or not 0 < value < 10**14:
        return None
    return dt.datetime.fromtimestamp(value / 1000, _VIETNAM).date()


def _decision(record: Node, out: Mapped) -> dict[str, Any] | None:
    proposal = record.obj("procedureProposal")
    if proposal is None:
        return None
    number = proposal.text("proposalNumber") or proposal.text("decisionNumber") or record.text("decisionNo")
    agency = proposal.obj("issuingAgency")
    issuer = agency.text("name") if agency else ""
    signed = _date(proposal.number("decisionDate"))
    if not (number and issuer and signed):
        out.review(
            "published_by", f"{PORTAL} thiếu số, ngày hoặc cơ quan của quyết định công bố; hãy bổ sung."
        )
        return None
    if not _DECISION_NUMBER.match(number):
        out.review("published_by.number", f"Số quyết định «{number}» không có dạng số/QĐ-…; hãy đối chiếu.")
    return {"number": number, "date": signed.isoformat(), "issuer": issuer}


def _lines(text: str) -> list[str]:
    return [line for line in (part.strip() for part in text.split("\n")) if line]


def map_record(record: Node, settings: Settings) -> Mapped:
    """Map one record; raises RecordProblem (naming the record and key) when it cannot be used."""
    code = record.text("code") or record.text("codeNotation")
    local = LOCAL_CODE.match(code)
    values: dict[str, Any] = {"code": local.group(1), "local_code": code} if local else {"code": code}
    if not CODE.match(values["code"]):
        raise record.get("code").fail(f"mã thủ tục «{code or 'trống'}» không có dạng 1.001193")
    out = Mapped(values["code"], record.text("id"), {})
    level = _level(record, settings, out)
    values["name"] = record.text("name", required=True)
    values["field"] = _field(record, settings, out)
    values["level"] = level
    values["online"] = _online(record, out)
    values["applicants"] = record.names("subjectTypesDetails")
    values["authority"] = _authority(record, level, out)
    values["steps"] = map_steps(record)
    values["channels"] = map_channels(record, out.review)
    values["documents"] = map_documents(record, out.review)
    values["result"] = record.names("resultsDetails")
    values["conditions"] = _lines(record.text("requirementsAndConditions", multiline=True))
    values["legal_basis"] = _legal_basis(record)
    values["published_by"] = _decision(record, out)
    out.values = {key: value for key, value in values.items() if value not in (None, [], {})}
    state = record.text("state")
    if state.upper() in _ENDED:
        out.review(
            "status",
            f"{PORTAL} ghi trạng thái «{state}»; nếu thủ tục đã bãi bỏ, hãy ghi «status.effective_to».",
        )
    return out


def field_lookup(fields: Sequence[tuple[str, str]], extra: Mapping[str, str]) -> dict[str, str]:
    """Folded category name (from content/fields.yaml) or code/name (from the field map) → slug."""
    lookup = {fold(name): slug for slug, name in fields}
    lookup.update({fold(key): slug for key, slug in extra.items()})
    return lookup
