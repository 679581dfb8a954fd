"""The one translation table: every message and label OpenBranch prints, looked up by key.

The words are data, one module per language: ``zh.py`` (Chinese, the
default) and ``en.py`` (English), each with the same keys.  ``MESSAGES``
are what the command prints (errors, warnings, progress), ``LABELS`` every
word the pages, feeds and data files show, ``FORMS`` the record forms of
``openbranch new``, ``FIELDS`` every schema field's title and description
(``field_words``); messages and labels are ``str.format`` templates.  The
words of enumeration values and record types, which a record may also be
written in, are not here: they are defined with their enumerations in
``generator.vocabulary`` (``Labels.enum`` and ``Messages.type_name`` show
them).  tests/test_i18n.py checks that both languages
have every key the code and the templates use, and no key nothing uses.
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Any, Optional

from .. import vocabulary
from . import en, zh

LANGUAGES = vocabulary.LANGUAGES
TABLES: dict[str, ModuleType] = {"zh": zh, "en": en}


def _language(language: str) -> str:
    return language if language in LANGUAGES else "zh"


class Messages:
    """Translates message keys for one language: ``messages("missing")``."""

    def __init__(self, language: str = "zh"):
        self.language = _language(language)
        self._table: dict[str, str] = TABLES[self.language].MESSAGES

    def __call__(self, key: str, /, **values: Any) -> str:
        entry = self._table.get(key)
        if entry is None:
            raise KeyError(f"no message {key!r}")
        return entry.format(**values)

    def type_name(self, record_type: str) -> str:
        return vocabulary.type_name(record_type, self.language)

    def join(self, words: list[str]) -> str:
        return self("list_separator").join(words)


class Labels:
    """The label table for one language, as the templates use it: ``t("agenda")``."""

    def __init__(self, language: str = "zh"):
        self.language = _language(language)
        self._data = TABLES[self.language]
        self._table: dict[str, str] = self._data.LABELS

    def __call__(self, key: str, **values: Any) -> str:
        entry = self._table.get(key)
        if entry is None:
            raise KeyError(f"no label {key!r}")
        return entry.format(**values) if values else entry

    def enum(self, enumeration: str, value: Optional[str]) -> str:
        """An enumeration value in the site's language (the stored value is the identifier)."""
        return vocabulary.label(enumeration, value, self.language)

    def date(self, value: Optional[dt.date]) -> str:
        if value is None:
            return ""
        return self("date_long", year=value.year, month=value.month, day=value.day, month_name=self._data.MONTH_NAMES[value.month - 1])

    def date_short(self, value: Optional[dt.date]) -> str:
        """A date without its year: 11月24日 / 24 November."""
        if value is None:
            return ""
        return self("date_short", month=value.month, day=value.day, month_name=self._data.MONTH_NAMES[value.month - 1])

    def quarter(self, n: int) -> str:
        """第一季度 … 第四季度 / Q1 … Q4."""
        return self("quarter_n", n=n, name=_name(self._data.QUARTER_NAMES, n))

    def month(self, n: int) -> str:
        return self("month_n", n=n, name=_name(self._data.MONTH_NAMES, n))

    def period(self, start: Optional[dt.date], end: Optional[dt.date]) -> str:
        """A period in words: 2026年, 2026年第一季度, 2026年1–3季度, 2026年3月 (2026, Q1 2026, Q1–Q3 2026, March 2026), else its dates; "" when a date is missing."""
        if start is None or end is None:
            return ""
        part = self._part_of_year(start, end)
        if part is None:
            return self("date_range", start=self.date(start), end=self.date(end))
        return self("period_with_year", year=start.year, what=part) if part else self("year_heading", year=start.year)

    def year_covering(self, year: int, periods: list[Any]) -> str:
        """A year's label saying which part of it ``periods`` (objects with ``period_start``, ``period_end``, ``period``, in order) cover.

        ``2026年`` when they cover the whole year, ``2026年（1–3季度）`` when
        they follow each other without a gap over part of it, else the year
        with each period named (by its dates, or its own words when it has none).
        """
        spans = [(p.period_start, p.period_end) for p in periods]
        joined = bool(spans) and all(a and b for a, b in spans) and all(
            later[0] == earlier[1] + dt.timedelta(days=1) for earlier, later in zip(spans, spans[1:])
        )
        if joined and spans[0][0].year == spans[-1][1].year == year:
            part = self._part_of_year(spans[0][0], spans[-1][1])
            if part == "":
                return self("year_heading", year=year)
            if part is not None:
                return self("year_covering", year=year, what=part)
        named = [self.period(p.period_start, p.period_end) or str(p.period) for p in periods]
        return self("year_covering", year=year, what=self("comma").join(named))

    def _part_of_year(self, start: dt.date, end: dt.date) -> Optional[str]:
        """Whole months of one year, without the year: "" for all of it, 第一季度, 1–3季度, 3月, 1月–9月; None for any other span."""
        if start.year != end.year or end < start or start.day != 1 or (end + dt.timedelta(days=1)).day != 1:
            return None
        first, last = start.month, end.month
        if (first, last) == (1, 12):
            return ""
        if first % 3 == 1 and last % 3 == 0:
            q1, q2 = (first + 2) // 3, last // 3
            return self.quarter(q1) if q1 == q2 else self("quarters_span", first=q1, last=q2)
        if first == last:
            return self.month(first)
        return self("months_span", first=self.month(first), last=self.month(last))
    def catalogue_period(self, per: str, year: int, index: int) -> str:
        """A catalogue period: 2026年 / 2026年第二季度 / 2026年3月 (2026 / Q2 2026 / March 2026)."""
        if per == "quarter":
            return self("catalogue_period_quarter", year=year, quarter=self.quarter(index))
        if per == "month":
            return self("catalogue_period_month", year=year, month=self.month(index))
        return self("catalogue_period_year", year=year)


def _name(names: list[str], n: int) -> str:
    return names[n - 1] if 1 <= n <= len(names) else str(n)


def form(name: str, language: str) -> str:
    """The text of one ``openbranch new`` form in ``language``, placeholders unfilled."""
    return TABLES[_language(language)].FORMS[name]


def field_words(model: type, name: str, language: str) -> Optional[tuple[str, str]]:
    """A schema field's (title, description) in ``language``, from the nearest class of ``model`` that has an entry; None if none."""
    table: dict[str, dict[str, tuple[str, str]]] = TABLES[_language(language)].FIELDS
    for cls in model.__mro__:
        entry = table.get(cls.__name__, {}).get(name)
        if entry is not None:
            return entry
    return None
