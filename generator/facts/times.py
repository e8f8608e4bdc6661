"""Facts layer: processing times — the headline, its start point, cut-off, stages and published text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.facts.numbers import number
from generator.model import ProcessingTime, Stage, StepDuration, TimeCase
from generator.model.types import UNIT_LABELS

WITHIN_DAY = "Trong ngày"
BY_REGULATION = "Theo quy định"
CALENDAR_DAYS = "ngày (kể cả ngày nghỉ)"
"""Calendar days said so: «15 ngày» next to «15 ngày làm việc» would read as the same length."""


def duration(value: float | None, unit: str) -> str | None:
    """A length of time («3 ngày làm việc», «Trong ngày»); None when there is no value to say."""
    if unit == "within_day":
        return WITHIN_DAY
    if value is None:
        return None
    label = CALENDAR_DAYS if unit == "calendar_day" else UNIT_LABELS[unit]
    return f"{number(value)} {label}"


DAYS_PER_UNIT: dict[str, float] = {
    "hour": 7 / 5 / 8,
    "within_day": 7 / 5 - 0.01,
    "working_day": 7 / 5,
    "calendar_day": 1.0,
    "month": 30.0,
}
"""About how many calendar days a unit lasts, only to put lengths in different units in order: an
hour is a working hour (eight to a working day, as the time checks count them), and «trong ngày»
comes just before one working day."""


@dataclass(frozen=True)
class Length:
    """A length of time as the source gives it (``value`` is None for «trong ngày»)."""

    value: float | None
    unit: str

    @property
    def days(self) -> float:
        """About how many calendar days it lasts (for ordering only; «trong ngày» has no value)."""
        return DAYS_PER_UNIT[self.unit] * (1 if self.value is None else self.value)

    @property
    def phrase(self) -> str:
        """«3 ngày làm việc», «Trong ngày»."""
        return duration(self.value, self.unit) or BY_REGULATION

    @property
    def order(self) -> tuple[float, str, float]:
        """The sort key: the length, then the unit and value, so equal lengths keep one order."""
        return (self.days, self.unit, self.value or 0)


def length_of(value: float | None, unit: str) -> Length | None:
    """The length, or None when there is none to say (a case given only in words). «Trong ngày»
    has no value, whatever the source wrote beside it (it prints none)."""
    if unit == "within_day":
        return Length(None, unit)
    return Length(value, unit) if value is not None else None


def step_duration(item: StepDuration | None) -> str | None:
    """The duration of one step, or None."""
    return None if item is None else duration(item.value, item.unit)


def clock(value: str) -> str:
    """A HH:MM cut-off: «15:00» → «15 giờ», «16:30» → «16 giờ 30»."""
    hours, minutes = value.split(":")
    return f"{int(hours)} giờ" if minutes == "00" else f"{int(hours)} giờ {minutes}"


def cutoff_sentence(cutoff: str) -> str:
    """What a cut-off hour means for the citizen (the one wording of it)."""
    return f"Hồ sơ nhận sau {clock(cutoff)} được trả kết quả trong ngày làm việc tiếp theo"


def stage_phrase(stage: Stage) -> str:
    """One stage of a multi-stage time, with its note: «Xác minh: 5 ngày làm việc (…)»."""
    length = duration(stage.value, stage.unit)
    text = f"{stage.name}: {length}" if length else stage.name
    return f"{text} ({stage.note})" if stage.note else text


def case_phrase(case: TimeCase) -> str:
    """A case with another time limit: «Trường hợp phải xác minh: 23 ngày (kể cả ngày nghỉ)»."""
    length = duration(case.value, case.unit)
    return f"{case.when}: {length}" if length else case.when


def in_sentence(phrase: str) -> str:
    """A phrase continuing a sentence: its first letter lower-cased unless it starts an acronym."""
    if len(phrase) > 1 and phrase[1].isupper():
        return phrase
    return phrase[:1].lower() + phrase[1:]


def stages_length(time: ProcessingTime) -> Length | None:
    """The total of a multi-stage time when every stage has a value in one unit, else None."""
    units = {stage.unit for stage in time.stages}
    if not time.stages or len(units) != 1 or any(stage.value is None for stage in time.stages):
        return None
    return length_of(sum(stage.value or 0 for stage in time.stages), units.pop())


def stages_total(time: ProcessingTime) -> str | None:
    """The total of a multi-stage time in words, else None (:func:`stages_length`)."""
    total = stages_length(time)
    return total.phrase if total else None


@dataclass(frozen=True)
class TimeFacts:
    """One processing time as every output says it.

    Attributes:
        headline: «15 ngày làm việc», «Trong ngày», the total of its stages, or the published text.
        start: when the clock starts («kể từ ngày nhận đủ hồ sơ hợp lệ»), or None.
        cutoff: the cut-off sentence, or None.
        stages: one phrase per stage, notes included.
        original: the published wording when it says more than the headline, or None.
    """

    headline: str
    start: str | None
    cutoff: str | None
    stages: tuple[str, ...]
    original: str | None
    cutoff_hour: str | None = None
    """The cut-off as «15 giờ», or None."""
    cases: tuple[str, ...] = ()
    """One phrase per case with another time limit («Trường hợp phải xác minh: 23 ngày …»)."""
    lengths: tuple[Length, ...] = ()
    """The headline's length and every case's, when each of them has one; else empty (the time is
    given partly in words, so no span can stand for it)."""

    @property
    def short(self) -> str:
        """The time in one summary cell: the headline and every other case, never the headline alone
        when the source gives several («1,5 ngày làm việc; trường hợp phải xác minh: 23 ngày …»)."""
        return "; ".join((self.headline, *(in_sentence(case) for case in self.cases)))

    @property
    def notes(self) -> tuple[str, ...]:
        """The fine print under the headline, in the order every output prints it."""
        notes = [note for note in (self.start, self.cutoff) if note and not self._restated(note)]
        notes.extend(self.stages)
        notes.extend(self.cases)
        if self.original:
            notes.append(f"Theo văn bản công bố: {self.original}")
        return tuple(notes)

    def _restated(self, note: str) -> bool:
        """True for the cut-off sentence when the published wording already states the cut-off hour."""
        if note != self.cutoff or self.original is None or self.cutoff_hour is None:
            return False
        hour = self.cutoff_hour.split(" ")[0]
        return re.search(rf"(?<!\d){hour}\s*(giờ|h\b|:)", self.original) is not None

    @property
    def line(self) -> str:
        """The time in one line (change report): headline, start point and cut-off."""
        parts = [self.headline]
        if self.start:
            parts.append(self.start)
        if self.cutoff:
            parts.append(in_sentence(self.cutoff))
        parts.extend(in_sentence(case) for case in self.cases)
        return ", ".join(parts)


def lengths_of(time: ProcessingTime) -> tuple[Length, ...]:
    """The headline's length and each case's, or () when any of them is given only in words."""
    found = [
        length_of(time.value, time.unit) or stages_length(time),
        *(length_of(case.value, case.unit) for case in time.cases),
    ]
    return tuple(item for item in found if item is not None) if None not in found else ()


def span(times: Sequence[TimeFacts]) -> str | None:
    """Every length of these times in a few words, from the shortest to the longest.

    «3 ngày làm việc» when all agree; «Từ 4 đến 5 ngày làm việc» in one unit; «Từ trong ngày đến 5
    ngày làm việc» or «Từ 1,5 ngày làm việc đến 23 ngày (kể cả ngày nghỉ)» across units. Never the
    shortest alone when the source gives several; None when a time or a case is given only in words
    (the caller then prints the times in full).
    """
    if not times or any(not time.lengths for time in times):
        return None
    found = sorted({item for time in times for item in time.lengths}, key=lambda item: item.order)
    low, high = found[0], found[-1]
    if len(found) == 1:
        return low.phrase
    if low.unit == high.unit and low.unit != "within_day" and low.value is not None:
        return f"Từ {number(low.value)} đến {in_sentence(high.phrase)}"
    return f"Từ {in_sentence(low.phrase)} đến {in_sentence(high.phrase)}"


def time_facts(time: ProcessingTime) -> TimeFacts:
    """The facts of one processing time."""
    headline = duration(time.value, time.unit) or stages_total(time) or time.text or BY_REGULATION
    return TimeFacts(
        headline=headline,
        start=time.start,
        cutoff=cutoff_sentence(time.cutoff) if time.cutoff else None,
        cutoff_hour=clock(time.cutoff) if time.cutoff else None,
        stages=tuple(stage_phrase(stage) for stage in time.stages),
        cases=tuple(case_phrase(case) for case in time.cases),
        original=time.text if time.text and time.text != headline else None,
        lengths=lengths_of(time),
    )
