"""Generated hostile-but-valid catalogues: awkward names, stages-only times, stage notes, per-unit
fees, dated waivers, fees ending soon, and an office with its own feedback block."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂDĐEÊOÔƠUƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợ"
WORD = st.text(alphabet=LETTERS, min_size=1, max_size=8)
HOSTILE = st.sampled_from(["<b>", "&amp;", "*x*", "#set", "$1", "[a](b)", "«»", "'\"", "{{ x }}"])
UNITS = st.sampled_from(["working_day", "calendar_day", "hour"])


@st.composite
def phrase(draw: st.DrawFn, words: int = 4) -> str:
    parts = draw(st.lists(st.one_of(WORD, WORD, WORD, HOSTILE), min_size=1, max_size=words))
    return " ".join(parts)


@st.composite
def processing_time(draw: st.DrawFn) -> dict[str, Any]:
    shape = draw(st.sampled_from(["value", "within_day", "stages", "stages-unknown", "text"]))
    if shape == "value":
        return {"value": draw(st.integers(1, 60)), "unit": draw(UNITS), "from": "kể từ ngày nhận đủ hồ sơ"}
    if shape == "within_day":
        return {"unit": "within_day", "cutoff": draw(st.sampled_from(["11:00", "15:00", "16:30"]))}
    if shape == "text":
        return {"unit": "working_day", "text": draw(phrase())}
    unit = draw(UNITS)
    known = shape == "stages"
    stages = [
        {"name": draw(phrase(2)), "unit": unit, **({"value": draw(st.integers(1, 10))} if known else {})}
        | ({"note": draw(phrase())} if draw(st.booleans()) else {})
        for _ in range(draw(st.integers(1, 3)))
    ]
    return {"unit": unit, "stages": stages, **({} if known else {"text": draw(phrase())})}


@st.composite
def fee(draw: st.DrawFn, number: int) -> dict[str, Any]:
    base = {"type": draw(st.sampled_from(["phi", "le_phi"])), "name": f"Khoản thu {number} {draw(WORD)}"}
    shape = draw(st.sampled_from(["flat", "unit", "percent", "exempt", "waived-until", "ending", "text"]))
    extra: dict[str, Any] = {
        "flat": {"amount": draw(st.integers(1, 5_000_000))},
        "unit": {"amount": draw(st.integers(1, 99)) * 1000, "unit": draw(st.sampled_from(["bản", "trang"]))},
        "percent": {"percent": draw(st.sampled_from([0.5, 1, 2.5])), "base": "giá trị tài sản"},
        "exempt": {"amount": 0, "exempt": True, "exemption": draw(phrase())},
        "waived-until": {"amount": 0, "exempt": True, "valid_to": "2027-06-30"},
        "ending": {"amount": draw(st.integers(1, 99)) * 1000, "valid_to": "2026-12-31"},
        "text": {"text": draw(phrase())},
    }[shape]
    return base | extra


@st.composite
def procedure(draw: st.DrawFn, number: int) -> dict[str, Any]:
    kinds = draw(st.lists(st.sampled_from(["truc_tiep", "truc_tuyen", "buu_chinh"]), min_size=1, unique=True))
    channels = [
        {
            "kind": kind,
            "time": draw(processing_time()),
            "fees": [draw(fee(i)) for i in range(draw(st.integers(0, 3)))],
        }
        for kind in kinds
    ]
    name = draw(st.sampled_from(["Đăng ký", "Dịch vụ", "Ăn", "An", "Đổi", "Di"])) + " " + draw(phrase())
    status = {"effective_from": "2025-07-01"}
    if draw(st.booleans()):
        status["effective_to"] = "2026-12-15"
    return {
        "slug": f"bien-the-{number}",
        "name": name,
        "offices": draw(st.sampled_from([["mot-cua"], ["diem-phu"], ["mot-cua", "diem-phu"]])),
        "channels": channels,
        "status": status,
        "online": "toan_trinh" if "truc_tuyen" in kinds else "khong",
    }


@st.composite
def catalogues(draw: st.DrawFn) -> dict[str, Any]:
    """A few generated procedures and, maybe, a feedback block of the second office's own."""
    procedures = [draw(procedure(i)) for i in range(draw(st.integers(2, 4)))]
    feedback = None
    if draw(st.booleans()):
        feedback = {"agency": draw(phrase()), "address": draw(phrase()), "phone": "0225 3 888 999"}
    return {"procedures": procedures, "feedback": feedback}


def write_variant(variant: dict[str, Any], base: Path, target: Path) -> Path:
    """Copy the fixture tree ``base`` to ``target`` and add the generated procedures to it."""
    shutil.copytree(base, target)
    template = yaml.safe_load((base / "procedures" / "dang-ky-khai-sinh.yaml").read_text(encoding="utf-8"))
    template.pop("code")
    template["steps"] = [{"title": "Nộp hồ sơ"}, {"title": "Giải quyết"}]
    for proc in variant["procedures"]:
        data = template | proc
        path = target / "procedures" / f"{proc['slug']}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if variant["feedback"]:
        office = target / "content" / "offices" / "diem-phu.yaml"
        data = yaml.safe_load(office.read_text(encoding="utf-8")) | {"feedback": variant["feedback"]}
        office.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target
