"""Dated parameters: each benefit keeps its values in a YAML file, each value with its legal source.

The month of an estimate picks the values in force that month. A social worker can review the
files; the yearly revaluation is a one-line data change. Every benefit (and the shared values in
``common/``) loads its own file into a typed, frozen dataclass through :class:`ParameterTable`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from .period import Month

CONFIDENCES = ("official", "openfisca", "to_check")


class UnknownPeriodError(ValueError):
    """The month is earlier than the first value we hold: we refuse to guess."""

    def __init__(self, month: dt.date, first_month: dt.date) -> None:
        super().__init__(f"no parameters before {first_month:%Y-%m} (asked {month:%Y-%m})")
        self.month = month
        self.first_month = first_month


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value comes from, shown to auditors and on the content pages."""

    text: str
    url: str
    since: dt.date
    confidence: str


@dataclass(frozen=True, slots=True)
class Revaluation:
    """A parameter that is revalued every year on the same day (``month``/``day``): after its
    latest known value, the next revaluation date is when our figures may become outdated."""

    parameter: str
    month: int
    day: int = 1


T = TypeVar("T")


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def next_revaluation_after(day: dt.date, month: int = 4, day_of_month: int = 1) -> dt.date:
    """The first ``month``/``day_of_month`` strictly after ``day`` (default: the next 1 April)."""
    candidate = dt.date(day.year, month, day_of_month)
    return candidate if candidate > day else dt.date(day.year + 1, month, day_of_month)


class ParameterTable(Generic[T]):
    """Dated values of one file, with a month → ``values_class`` lookup (cached per month).

    ``derive(values, sources)`` may add computed fields (e.g. amounts from rates), so that rules
    never recompute them per household.
    """

    def __init__(
        self,
        raw: Mapping[str, Any],
        values_class: type[T],
        *,
        name: str,
        revaluations: tuple[Revaluation, ...] = (),
        derive: Callable[[dict[str, Any], Mapping[str, Source]], dict[str, Any]] | None = None,
        first_day: dt.date | None = None,
    ) -> None:
        self.name = name
        self.raw = raw
        self.values_class = values_class
        self._derive = derive
        derived = {field.name for field in dataclasses.fields(values_class) if field.metadata.get("derived")}
        self.names = tuple(
            field.name for field in dataclasses.fields(values_class) if field.name not in derived
        )
        missing = [key for key in self.names if key not in raw]
        if missing:
            raise ValueError(f"{name}: parameters file lacks {', '.join(missing)}")
        self._starts: dict[str, list[dt.date]] = {}
        self._values: dict[str, list[Any]] = {}
        self._sources: dict[str, list[Source]] = {}
        for key in self.names:
            entries = sorted(raw[key]["values"], key=lambda entry: _as_date(entry["from"]))
            self._starts[key] = [_as_date(entry["from"]) for entry in entries]
            self._values[key] = [entry["value"] for entry in entries]
            self._sources[key] = [
                Source(
                    text=str(entry.get("source", "")),
                    url=str(entry.get("url", "")),
                    since=_as_date(entry["from"]),
                    confidence=str(entry.get("confidence", "")),
                )
                for entry in entries
            ]
        #: First day an estimate can be made for: every parameter has a value (or the day given, when
        #: older values are kept for the months other benefits read before the estimate month).
        self.first_day: dt.date = first_day or max(starts[0] for starts in self._starts.values())
        self.revaluations = revaluations
        self._options = {"name": name, "revaluations": revaluations, "derive": derive, "first_day": first_day}
        #: After this day a newer value has probably been published that we do not hold yet.
        self.valid_until: dt.date = min(
            (self.valid_until_of(item.parameter) for item in revaluations), default=dt.date.max
        )
        self._cache: dict[Month, T] = {}
        self._interned: dict[tuple, T] = {}

    @classmethod
    def from_file(cls, path: Path, values_class: type[T], **options: Any) -> ParameterTable[T]:
        with path.open(encoding="utf-8") as handle:
            return cls(yaml.safe_load(handle), values_class, **options)

    def reading(self, path: Path) -> ParameterTable[T]:
        """The same table read from another file: a revaluation tried before it is published (tests,
        a reviewer checking what a new decree changes)."""
        return type(self).from_file(path, self.values_class, **self._options)

    def valid_until_of(self, key: str) -> dt.date:
        """After this day a newer value of ``key`` has probably been published (its yearly
        revaluation after the latest value we hold); ``date.max`` for a value not revalued on a date."""
        return min(
            (
                next_revaluation_after(self._starts[key][-1], item.month, item.day)
                for item in self.revaluations
                if item.parameter == key
            ),
            default=dt.date.max,
        )

    def label(self, key: str) -> str:
        return str(self.raw[key].get("label", key))

    def unit(self, key: str) -> str:
        return str(self.raw[key].get("unit", ""))

    def history(self, key: str) -> list[tuple[dt.date, Any, Source]]:
        return list(zip(self._starts[key], self._values[key], self._sources[key], strict=True))

    def value(self, key: str, day: dt.date) -> Any:
        """The value of one parameter on ``day`` (for values read at another date than the month's,
        such as the income of year N-2)."""
        index = bisect_right(self._starts[key], day) - 1
        if index < 0:
            raise UnknownPeriodError(day, self._starts[key][0])
        return self._values[key][index]

    def source(self, key: str, month: Month) -> Source:
        """The source of the value of ``key`` in force during ``month``."""
        index = bisect_right(self._starts[key], month.first_day) - 1
        return self._sources[key][max(index, 0)]

    def for_month(self, year: int, month: int) -> T:
        """Values in force on the 1st of the month (cached: rules call this per household). Raises
        UnknownPeriodError when a parameter has no value yet that month."""
        key = Month(year, month)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        day = key.first_day
        values: dict[str, Any] = {}
        sources: dict[str, Source] = {}
        for name in self.names:
            index = bisect_right(self._starts[name], day) - 1
            if index < 0:
                raise UnknownPeriodError(day, self._starts[name][0])
            values[name] = self._values[name][index]
            sources[name] = self._sources[name][index]
        if self._derive is not None:
            values.update(self._derive(values, sources))
        # Months with the same values share one object: rules may compare them by identity.
        signature = tuple(values.values())
        result = self._interned.get(signature)
        if result is None:
            result = self.values_class(**values)
            self._interned[signature] = result
        self._cache[key] = result
        return result

    def at(self, month: Month) -> T:
        cached = self._cache.get(month)
        if cached is not None:
            return cached
        return self.for_month(month.year, month.month)


#: Metadata of a dataclass field computed by the table's ``derive`` function, not read from the file:
#: ``name: type = dataclasses.field(metadata=DERIVED)``.
DERIVED = {"derived": True}


def default_table():
    """The RSA's parameters (version 1's table: ``valid_until`` is the next 1 April)."""
    from .benefits.rsa.parameters import rsa_table

    return rsa_table()


__all__ = [
    "CONFIDENCES",
    "DERIVED",
    "ParameterTable",
    "Revaluation",
    "Source",
    "UnknownPeriodError",
    "default_table",
    "next_revaluation_after",
]
