"""Lifecycle is derived from dates on one build date; the calendar never creates errors."""

from __future__ import annotations

import datetime as dt

from generator.issues import Severity
from generator.model.dates import fees_on
from generator.reading import read_catalogue
from tests.conftest import FIXTURES


def _states(as_of: dt.date) -> dict[str, str]:
    catalogue, issues = read_catalogue(FIXTURES / "valid", as_of)
    assert catalogue is not None, issues
    return {entry.slug: catalogue.state(entry) for entry in catalogue.procedures}


def test_same_content_two_dates() -> None:
    assert _states(dt.date(2026, 11, 25)) == {
        "chung-thuc-ban-sao": "active",
        "cong-nhan-ho-ngheo": "active",
        "dang-ky-dat-dai-lan-dau": "active",
        "dang-ky-khai-sinh": "active",
        "dang-ky-khai-sinh-cu": "repealed",
        "dang-ky-khai-tu-cu": "repealed",
        "nhan-con-nuoi": "upcoming",
    }
    assert _states(dt.date(2027, 1, 1))["nhan-con-nuoi"] == "active"
    assert _states(dt.date(2025, 6, 30))["dang-ky-khai-sinh-cu"] == "active"
    assert _states(dt.date(2025, 6, 30))["dang-ky-khai-sinh"] == "upcoming"


def test_later_date_only_adds_dated_warnings() -> None:
    _, now = read_catalogue(FIXTURES / "valid", dt.date(2026, 11, 25))
    _, later = read_catalogue(FIXTURES / "valid", dt.date(2030, 1, 1))
    assert not any(i.severity is Severity.ERROR for i in now + later)
    new = set(later) - set(now)
    assert new and all(i.dated and i.code in {"source-stale", "publication-missing"} for i in new)


def test_fee_in_force_follows_the_date() -> None:
    catalogue, _ = read_catalogue(FIXTURES / "valid", dt.date(2026, 11, 25))
    assert catalogue is not None
    entry = next(p for p in catalogue.procedures if p.slug == "chung-thuc-ban-sao")
    online = entry.model.channels[1]
    assert [f.amount for f in fees_on(online, dt.date(2026, 12, 15))] == [0]
    assert [f.amount for f in fees_on(online, dt.date(2026, 12, 16))] == [2000]
