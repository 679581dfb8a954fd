"""The typed model of ``site_config.yml``: one class per block, every option documented.

Paths in the file resolve relative to the folder that holds it, so a site can
live anywhere.  Unknown keys are errors with a "did you mean", like record
fields; the ``mkdocs`` block is passed through to the generated mkdocs.yml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator, Optional

from pydantic import BeforeValidator, Field, PlainSerializer, PlainValidator, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError
from typing_extensions import Annotated

from .errors import RecordError
from .i18n import Messages
from . import vocabulary
from .records.models.common import Choice, Count, IsoDate, Money, RequiredText, Strict, Text, parse_date
from .workdays import WorkCalendar, YearDays

CONFIG_FILE = "site_config.yml"

def _parse_fraction(value: Any) -> Any:
    if isinstance(value, Fraction):
        return value
    text = str(value).strip()
    try:
        # A share may also be written as a percentage: 10% is 1/10.
        fraction = Fraction(text[:-1]) / 100 if text.endswith("%") else Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise PydanticCustomError("bad_number", "bad_number", {"value": str(value)}) from None
    if not 0 <= fraction <= 1:
        raise PydanticCustomError("bad_count_range", "bad_count_range", {"low": 0, "high": 1, "value": str(value)})
    return fraction


Share = Annotated[Fraction, BeforeValidator(_parse_fraction), WithJsonSchema({"type": ["string", "number"], "description": "a share such as 1/3, 0.5 or 10%"})]


def _parse_flag(value: Any) -> Any:
    # The loader hands over the text typed: only the two YAML words a worker means, never yes/no/on.
    if isinstance(value, bool):
        return value
    words = {"true": True, "false": False, "是": True, "否": False}
    if isinstance(value, str) and value.strip().lower() in words:
        return words[value.strip().lower()]
    raise PydanticCustomError("bad_flag", "bad_flag", {"value": str(value)})


Flag = Annotated[bool, BeforeValidator(_parse_flag), WithJsonSchema({"type": ["boolean", "string"], "description": "true or false"})]


class Frequency(Strict):
    """How often a meeting kind is required: ``count`` meetings per ``per``."""

    count: Count = Field(1, description="How many meetings are required per period")
    per: Choice("period") = Field("month", description=vocabulary.described("period"))


def _default_meeting_norms() -> dict[str, Frequency]:
    return {
        "branch_committee": Frequency(count=1, per="month"),
        "group_meeting": Frequency(count=1, per="month"),
        "general_assembly": Frequency(count=1, per="quarter"),
        "party_lesson": Frequency(count=1, per="quarter"),
        "theme_day": Frequency(count=1, per="month"),
        "organizational_life": Frequency(count=1, per="year"),
    }


class Norms(Strict):
    """The rules a higher-level committee checks; every locality may change them."""

    meetings: dict[Choice("meeting_kind"), Frequency] = Field(
        default_factory=_default_meeting_norms,
        description="Required meetings per kind (三会一课): branch committee, party group and theme day monthly; general assembly and party lesson quarterly; organizational life meeting yearly",
    )
    funding_per_member_per_year: Money = Field(Decimal("100"), description="Minimum funding per member per year, yuan")
    publicity_working_days: Count = Field(5, description="Working days a membership notice must stay up (公示期)")
    excellent_share_max: Share = Field(Fraction(1, 3), description="The largest share of members graded 优秀")
    dues_alert_months: Count = Field(6, description="A member whose unpaid months reach this many is flagged on the dues page and warned about by check (党章: six months unpaid in a row and without good reason counts as leaving the party)")
    dues_retained_share: Share = Field(
        Fraction(0),
        description="The share of the dues paid that the branch keeps as funds income (党费留存), e.g. 10%, booked each funds period as income with `dues:`, reconciled to the cent. No national figure: the 2008 rule leaves the shares to the provincial committees, so 0 (all remitted) until the site sets its committee's",
    )
    large_expense_yuan: Money = Field(Decimal("1000"), description="An expense above this many yuan needs an adopted decision (大额支出集体研究)")
    approval_required: Choice("approval_scope") = Field(
        "public",
        description="Which published records need the complete disclosure approval, 提出 → 审核（保密审查）→ 审批, each with a name and a date (党务公开条例 Art. 15): "
        + vocabulary.described("approval_scope"),
    )
    quorum_more_than: Share = Field(Fraction(1, 2), description="A meeting that decides needs more than this share of its voting members (full members) present")
    # Meetings, votes and appraisals (issue 13: regularity, attendance, voting rights, appraisal).
    count_restricted_meetings: Flag = Field(False, description="Count `restricted` (不公开) meetings as held in the 三会一课 calendar of both sites (shown as held, 不公开, with nothing of the record)")
    excellent_cap_base: Choice("excellent_cap_base") = Field(
        "full_members", description="What the 优秀 cap is a share of: " + vocabulary.described("excellent_cap_base") + " (probationary members are appraised but not graded)"
    )
    # Opinions and elections (issue 15)
    opinion_reply_working_days: Count = Field(15, description="Working days after an opinion is received within which it must be answered (the day of receipt not counted)")
    election_margin: Share = Field(Fraction(1, 5), description="差额: a committee election needs at least seats × (1 + this share) candidates")
    election_majority: Share = Field(Fraction(1, 2), description="A candidate is elected with more than this share of the eligible voters' votes")
    transition_warning_days: Count = Field(90, description="Days before the current term ends from which check warns that the transition (换届) is due")
    responsibility_grace_days: Count = Field(
        90,
        description="Days into a year before a committee member without that year's responsibility list (责任清单) is warned about: the letters are commonly signed in the first quarter",
    )

    @field_validator("meetings", mode="after")
    @classmethod
    def _merge_meeting_defaults(cls, value: dict[str, Frequency]) -> dict[str, Frequency]:
        # A site lists only the kinds it changes; the others keep their defaults
        # (count: 0 drops a kind).
        return {**_default_meeting_norms(), **value}


# ---------------------------------------------------------------------------
# holidays: the State Council's holidays and make-up workdays, per year
# ---------------------------------------------------------------------------

_SPAN_SEPARATOR = re.compile(r"\s*(?:/|至)\s*")
_YEAR_RE = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class DaySpan:
    """One day, or the days from ``first`` to ``last`` (written ``2027-02-06/2027-02-13`` or ``2027-02-06 至 2027-02-13``)."""

    first: dt.date
    last: dt.date

    def days(self) -> Iterator[dt.date]:
        day = self.first
        while day <= self.last:
            yield day
            day += dt.timedelta(days=1)

    def __str__(self) -> str:
        return self.first.isoformat() if self.first == self.last else f"{self.first.isoformat()}/{self.last.isoformat()}"


def _parse_span(value: Any) -> DaySpan:
    if isinstance(value, DaySpan):
        return value
    parts = _SPAN_SEPARATOR.split(value.strip()) if isinstance(value, str) else [value]
    if len(parts) > 2:
        raise PydanticCustomError("bad_date", "bad_date", {"value": str(value)})
    first, last = parse_date(parts[0]), parse_date(parts[-1])
    if last < first:
        raise PydanticCustomError("bad_day_span", "bad_day_span", {"value": str(value)})
    return DaySpan(first, last)


def _parse_year(value: Any) -> int:
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if not _YEAR_RE.match(text):
        raise PydanticCustomError("bad_year", "bad_year", {"value": str(value)})
    return int(text)


_SPAN_PATTERN = r"^\d{4}-\d{2}-\d{2}(\s*(/|至)\s*\d{4}-\d{2}-\d{2})?$"
Day = Annotated[DaySpan, PlainValidator(_parse_span), PlainSerializer(str), WithJsonSchema({"type": "string", "pattern": _SPAN_PATTERN})]
Year = Annotated[int, PlainValidator(_parse_year), WithJsonSchema({"type": "string", "pattern": r"^\d{4}$"})]


class HolidayYear(Strict):
    """One year's holidays as the State Council announces them (放假安排)."""

    days_off: list[Day] = Field(default_factory=list, description="The days off (放假), each a date or a span such as 2027-02-06/2027-02-13")
    workdays: list[Day] = Field(default_factory=list, description="The Saturdays and Sundays that are working days (调休上班)")


def _holiday_problems(holidays: dict[int, HolidayYear], messages: Messages) -> Iterator[tuple[tuple, str]]:
    """(field path, message) for each listed day outside its year, make-up workday on a weekday, or day listed as both."""
    for year, listed in holidays.items():
        off = {day for span in listed.days_off for day in span.days()}
        for name in ("days_off", "workdays"):
            for i, span in enumerate(getattr(listed, name)):
                path = ("holidays", str(year), name, i)
                if span.first.year != year or span.last.year != year:
                    yield path, messages("holiday_wrong_year", value=str(span), year=year)
                    continue
                if name == "days_off":
                    continue
                weekday = next((day for day in span.days() if day.weekday() < 5), None)
                if weekday is not None:
                    yield path, messages("holiday_workday_weekday", date=weekday.isoformat())
                both = next((day for day in span.days() if day in off), None)
                if both is not None:
                    yield path, messages("holiday_listed_twice", date=both.isoformat())


# ---------------------------------------------------------------------------
# catalogue: the disclosure catalogue (党务公开目录)
# ---------------------------------------------------------------------------

# The default catalogue, one line per item: the key of its name in i18n (LABELS
# "catalogue_item_<key>"), the record types or type/kind pairs that disclose it,
# its scope (public | members), its timing (event | month | quarter | year) and
# the working days allowed after the event, or after the period's last day.
# A new record type's item is one more line here (and its name in i18n).
DEFAULT_CATALOGUE: tuple[tuple[str, tuple[str, ...], str, str, int], ...] = (
    ("meetings", ("meeting/general_assembly", "meeting/branch_committee", "meeting/group_meeting", "meeting/party_lesson"), "public", "event", 7),
    ("organizational_life", ("meeting/theme_day", "meeting/organizational_life", "meeting/democratic_life"), "members", "event", 7),
    ("decisions", ("decision",), "public", "event", 7),
    ("dues", ("finance/dues",), "members", "year", 10),
    ("funds", ("finance/funds",), "public", "quarter", 10),
    ("membership", ("notice/membership",), "public", "event", 3),
    ("appraisal", ("appraisal/member_appraisal", "appraisal/branch_rating", "notice/appraisal"), "public", "event", 7),
    ("election", ("notice/election", "election"), "public", "event", 7),
    ("opinions", ("opinion",), "members", "event", 30),  # the reply within norms.opinion_reply_working_days, then its disclosure
    ("responsibilities", ("responsibility",), "members", "year", 20),
    ("inspections", ("inspection",), "members", "event", 10),
)


def default_catalogue(language: str) -> list[dict[str, Any]]:
    """``DEFAULT_CATALOGUE`` as ``catalogue:`` entries, the items named in ``language``."""
    from .i18n import Labels

    t = Labels(language)
    return [
        {"item": t(f"catalogue_item_{key}"), "records": list(records), "scope": scope, "per": per, "within_working_days": days}
        for key, records, scope, per, days in DEFAULT_CATALOGUE
    ]


def _disclosing_types() -> list[str]:
    """The record types a catalogue item may name (every section's type)."""
    return list(vocabulary.SECTIONS.values())


def disclosing_specs() -> list[str]:
    """Every ``records:`` entry as stored: each type, and each type/kind."""
    specs = []
    for record_type in _disclosing_types():
        enumeration = vocabulary.KIND_ENUMERATION.get(record_type)
        specs += [record_type] + [f"{record_type}/{kind}" for kind in (vocabulary.values(enumeration) if enumeration else ())]
    return specs


def _disclosing_words() -> list[str]:
    """Every word ``records:`` accepts: each type and each type/kind, as identifiers and in Chinese."""
    words = []
    for record_type in _disclosing_types():
        words += [record_type, vocabulary.RECORD_TYPES[record_type]["zh"]]
        enumeration = vocabulary.KIND_ENUMERATION.get(record_type)
        for kind in vocabulary.values(enumeration) if enumeration else ():
            words += [f"{record_type}/{kind}", f"{vocabulary.RECORD_TYPES[record_type]['zh']}/{vocabulary.ENUMERATIONS[enumeration][kind]['zh']}"]
    return words


def _parse_disclosing(value: Any) -> str:
    """``meeting``, ``会议``, ``meeting/branch_committee`` or ``会议/支委会`` -> ``meeting`` or ``meeting/branch_committee``."""
    text = value.strip() if isinstance(value, str) else str(value)
    written_type, _, written_kind = text.partition("/")
    types = _disclosing_types()
    record_type = next((t for t in types if written_type.strip() in (t, vocabulary.RECORD_TYPES[t]["zh"])), None)
    if record_type is None:
        allowed = [f"{vocabulary.RECORD_TYPES[t]['zh']}（{t}）" for t in types]
        raise PydanticCustomError("bad_choice", "bad_choice", {"value": text, "allowed": allowed})
    if not written_kind:
        return record_type
    enumeration = vocabulary.KIND_ENUMERATION.get(record_type)
    kind = vocabulary.canonical(enumeration, written_kind.strip()) if enumeration else None
    if kind is None:
        specs = [f"{record_type}/{k}" for k in vocabulary.values(enumeration)] if enumeration else [record_type]
        allowed = [f"{vocabulary.written_disclosing(spec, 'zh')}（{spec}）" for spec in specs]
        raise PydanticCustomError("bad_choice", "bad_choice", {"value": text, "allowed": allowed})
    return f"{record_type}/{kind}"


Disclosing = Annotated[
    str,
    BeforeValidator(_parse_disclosing),
    WithJsonSchema({"type": "string", "enum": _disclosing_words(), "description": "a record type, or type/kind: 会议/支委会, finance/dues"}),
]


class CatalogueItem(Strict):
    """One item of the disclosure catalogue (党务公开目录): what is disclosed, to whom, and by when."""

    item: RequiredText = Field(description="The item's name as the catalogue page shows it, e.g. 三会一课执行情况")
    records: list[Disclosing] = Field(description="The record types, or type/kind pairs (会议/支委会, finance/dues), whose records disclose the item")
    scope: Choice("scope") = Field("public", description=vocabulary.described("scope"))
    per: Choice("disclosure_timing") = Field(
        "event", description="event: each event is disclosed on its own; month | quarter | year: once per period. " + vocabulary.described("disclosure_timing")
    )
    within_working_days: Count = Field(
        7, description="Working days allowed after the event (the record's date), or after the period's last day, until the record is published"
    )
    since: Optional[IsoDate] = Field(None, description="The first day the item is checked from; defaults to the item's first disclosure")

    @field_validator("records", mode="after")
    @classmethod
    def _some_records(cls, value: list[str]) -> list[str]:
        if not value:
            raise PydanticCustomError("catalogue_no_records", "catalogue_no_records")
        return value

    def discloses(self, record_type: str, kind: Optional[str]) -> bool:
        """Whether a record of ``record_type`` and ``kind`` discloses this item."""
        return record_type in self.records or (kind is not None and f"{record_type}/{kind}" in self.records)


class AudienceSettings(Strict):
    """One audience's site."""

    url: Optional[Text] = Field(None, description="The site's address, for the sitemap, feeds and QR codes")
    title: Optional[Text] = Field(None, description="Shown in the header; defaults to the site name plus the audience")


class Audiences(Strict):
    public: AudienceSettings = Field(default_factory=AudienceSettings, description="The public site (党外公开)")
    members: AudienceSettings = Field(default_factory=AudienceSettings, description="The members' site (党内公开), deployed where only members reach it")


class Limits(Strict):
    record_max_kb: Count = Field(512, description="A record file larger than this is refused")
    attachment_max_mb: Count = Field(20, description="An attachment larger than this raises a warning")
    listing_page_size: Count = Field(50, ge=10, description="Records per listing page (years, kinds, tags); longer listings get numbered pages")
    search_index_pages: Count = Field(
        10_000, ge=10, description="Pages per part of the search index; a larger site's index is made in parts, and a rebuild makes again only the parts whose pages changed"
    )


class SiteConfig(Strict):
    """site_config.yml"""

    site_name: Optional[Text] = Field(None, description="Site name; defaults to the branch name")
    language: Choice("language") = Field("zh", description="zh (中文, default) or en")
    content_dir: RequiredText = Field("content", description="Records folder, relative to this file")
    output_dir: RequiredText = Field("site", description="Where `openbranch build` writes OUT/public and OUT/members")
    stage_dir: RequiredText = Field(".openbranch", description="Build folder for the staged MkDocs projects")
    themes_dir: RequiredText = Field("themes", description="Templates and Material overrides; the built-in theme when absent")
    default_visibility: Choice("visibility") = Field("members", description="Visibility of a record that does not set one")
    audiences: Audiences = Field(default_factory=Audiences, description="The public and the members' site: their addresses and titles")
    norms: Norms = Field(default_factory=Norms, description="The rules `check` enforces and the reports measure against")
    limits: Limits = Field(default_factory=Limits, description="Size limits for record files and attachments")
    holidays: dict[Year, HolidayYear] = Field(
        default_factory=dict,
        description="Per year, the public holidays and make-up workdays (调休) used to count working days; a listed day overrides the chinesecalendar library, which knows the years up to 2026",
    )
    catalogue: list[CatalogueItem] = Field(
        default_factory=list,
        description="The disclosure catalogue (党务公开目录): each item, the records that disclose it, its scope and its timing; left out, the default catalogue in the site's language; [] for none",
    )
    mkdocs: dict[RequiredText, Any] = Field(default_factory=dict, description="Options passed through to the generated mkdocs.yml")

    @model_validator(mode="before")
    @classmethod
    def _default_catalogue(cls, data: Any) -> Any:
        # The default items are named in the site's language, so they are filled
        # in here, where the language is known; an empty `catalogue:` means the default too.
        if isinstance(data, dict) and data.get("catalogue") is None:
            language = data.get("language") if data.get("language") in vocabulary.LANGUAGES else "zh"
            data = {**data, "catalogue": default_catalogue(language)}
        return data


class SettingsFolders:
    """What a loaded settings file (site_config.yml, portal.yml) resolves: its folder, the
    output and stage folders it names, and paths as shown in messages.  ``config_path``
    and ``config`` (with ``output_dir``, ``stage_dir`` and ``language``) are the holder's."""

    config_path: Path
    config: Any

    @property
    def root(self) -> Path:
        return self.config_path.parent

    @property
    def output_dir(self) -> Path:
        return (self.root / self.config.output_dir).resolve()

    @property
    def stage_dir(self) -> Path:
        return (self.root / self.config.stage_dir).resolve()

    @property
    def messages(self) -> Messages:
        return Messages(self.config.language)

    def relative(self, path: Path) -> str:
        """A path as shown in messages: relative to the settings file's folder, with '/'."""
        if path.is_absolute() and self.root.is_absolute() and ".." not in path.parts:
            try:
                # The common case (every record file): no file system calls at all.
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass(frozen=True)
class Site(SettingsFolders):
    """A loaded configuration and the folders it resolves to."""

    config_path: Path
    config: SiteConfig
    # Where each catalogue item is written in site_config.yml, (line, column); empty for the default catalogue.
    catalogue_positions: tuple[tuple[int, int], ...] = ()

    @property
    def content_dir(self) -> Path:
        return (self.root / self.config.content_dir).resolve()

    @property
    def themes_dir(self) -> Path:
        return (self.root / self.config.themes_dir).resolve()

    @cached_property
    def workdays(self) -> WorkCalendar:
        """The working-day calendar: the configured ``holidays:`` over the library's."""
        return WorkCalendar(
            {
                year: YearDays(
                    days_off=frozenset(day for span in listed.days_off for day in span.days()),
                    workdays=frozenset(day for span in listed.workdays for day in span.days()),
                )
                for year, listed in self.config.holidays.items()
            }
        )


def read_settings(config_path: Path, model: type[Strict], missing: str, max_bytes: int, language_hint: str = "zh") -> tuple[Any, Any, list[RecordError]]:
    """Read a settings file (site_config.yml, portal.yml) and validate it against ``model``.

    Returns the model (or None), the loaded file with its positions (or
    None), and every problem, in the language the file sets (``language:``),
    else ``language_hint``; ``missing`` is the message key for no file.
    """
    from .records.loader import load_yaml_file
    from .records.validate import validate_model

    messages = Messages(language_hint)
    rel = config_path.name
    if not config_path.is_file():
        return None, None, [RecordError(rel, 0, 0, "", messages(missing, path=str(config_path)))]
    loaded, errors = load_yaml_file(config_path, rel, messages, max_bytes)
    if loaded is None:
        return None, None, errors
    data = loaded.data or {}
    if isinstance(data, dict) and data.get("language") in ("en", "zh"):
        messages = Messages(data["language"])
    settings, errors = validate_model(model, data, loaded, rel, messages)
    return settings, loaded, errors


def load_site(config_path: Path, language_hint: str = "zh") -> tuple[Site | None, list[RecordError]]:
    """Read and validate site_config.yml; a missing file means all defaults only if asked for."""
    from .errors import format_field

    config_path = config_path.resolve()
    model, loaded, errors = read_settings(config_path, SiteConfig, "config_missing", 1 << 20, language_hint)
    if model is None:
        return None, errors
    messages = Messages(model.language)
    problems = []
    for path, message in _holiday_problems(model.holidays, messages):
        pos = loaded.position(path)
        problems.append(RecordError(config_path.name, pos.line, pos.column, format_field(path), message))
    if problems:
        return None, problems
    data = loaded.data if loaded is not None else None
    written = isinstance(data, dict) and isinstance(data.get("catalogue"), list)
    positions = tuple(_line_column(loaded.position(("catalogue", i))) for i in range(len(model.catalogue))) if written else ()
    return Site(config_path, model, positions), []


def _line_column(position: Any) -> tuple[int, int]:
    return position.line, position.column
