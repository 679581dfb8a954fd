"""The formats of the published index, figures and ledger files, defined once.

``RecordIndex`` is ``data/records.json`` (its JSON Schema,
``data/schemas/records.schema.json``, is made from it); ``BranchFigures`` is
``data/figures.json``, the branch's figures for the committee portal
(``data/schemas/figures.schema.json``; versioned by ``FIGURES_VERSION``);
``FundsLine``, ``LedgerLine``, ``DuesLine``, ``DuesMemberLine``, ``OpinionLine``,
``ElectionLine`` and ``ResponsibilityLine`` are the rows of ``data/funds.csv``,
``data/ledgers.csv``, ``data/dues.csv``, ``data/dues-members.csv``,
``data/opinions.csv``, ``data/elections.csv`` and ``data/responsibilities.csv``,
their fields the columns.  What each column means, in each language, is in
``generator.i18n``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal, NamedTuple, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, TypeAdapter, WithJsonSchema
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import PydanticCustomError

from .. import vocabulary
from .models.common import Count, IsoDate, Money, RequiredText, Text

_Published = WithJsonSchema({"type": "string", "enum": list(vocabulary.AUDIENCES)})


class IndexEntry(BaseModel):
    """One record in data/records.json."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: RequiredText
    type: Annotated[str, WithJsonSchema({"type": "string", "enum": sorted(vocabulary.SECTION_OF)})]
    kind: Annotated[Optional[str], WithJsonSchema({"type": ["string", "null"]})]
    title: Text
    date: IsoDate
    updated: IsoDate
    visibility: Annotated[str, _Published]
    url: Text
    json_url: Text


class RecordIndex(BaseModel):
    """data/records.json: every record an audience's site publishes, newest first (same date: by id)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    audience: Annotated[str, _Published]
    records: list[IndexEntry]


class _NoTitles(GenerateJsonSchema):
    """Field and model titles left out: the published schema names its fields by their keys only."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def _model_only(schema: dict[str, Any]) -> dict[str, Any]:
    """A model's schema without the title and description pydantic takes from its name and docstring."""
    return {key: value for key, value in schema.items() if key not in ("title", "description", "$defs")}


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    """``node`` with every ``$ref`` replaced by the definition it points to."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(_model_only(definitions[node["$ref"].rsplit("/", 1)[-1]]), definitions)
        return {key: _inline(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    return node


def _published_schema(model: type[BaseModel], name: str) -> dict[str, Any]:
    """The JSON Schema of a published file made from ``model``, self-contained (no ``$defs``)."""
    generated = TypeAdapter(model).json_schema(schema_generator=_NoTitles)
    schema = _inline(_model_only(generated), generated.get("$defs", {}))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json", "title": name, **schema}


def index_schema() -> dict[str, Any]:
    """The JSON Schema of data/records.json, self-contained (no ``$defs``)."""
    return _published_schema(RecordIndex, "records")


class FundsLine(NamedTuple):
    """One income or expense of a funds ledger: a row of data/funds.csv."""

    ledger_id: str
    period: str
    date: str
    direction: str  # income or expense
    item: str
    category: str
    amount: str
    approved_by: str
    decision: str


class LedgerLine(NamedTuple):
    """One funds ledger's totals: a row of data/ledgers.csv."""

    ledger_id: str
    period: str
    period_start: str
    period_end: str
    opening_balance: str
    income_total: str
    expense_total: str
    closing_balance: str


class OpinionLine(NamedTuple):
    """One opinion and its reply: a row of data/opinions.csv (who raised it by role only, never by name)."""

    opinion_id: str
    received_on: str
    channel: str
    raised_by: str  # member or public
    subject: str
    handler: str
    handling: str
    due: str
    replied_on: str
    working_days: str
    on_time: str  # yes, no, or empty while within the reply period


class ElectionLine(NamedTuple):
    """One candidate of one election: a row of data/elections.csv."""

    election_id: str
    date: str
    body: str
    seats: str
    eligible_voters: str
    candidate: str
    votes: str
    elected: str  # yes or no


class DuesLine(NamedTuple):
    """One month of a dues ledger: a row of data/dues.csv."""

    ledger_id: str
    year: str
    month: str
    members: str
    due: str
    paid: str
    back_payment: str


class DuesMemberLine(NamedTuple):
    """One member's dues for a year so far: a row of data/dues-members.csv (members' site only)."""

    ledger_id: str
    year: str
    name: str
    base: str
    rate: str
    monthly_due: str
    due: str
    paid: str
    months_unpaid: str
    unpaid: str


# ---------------------------------------------------------------------------
# data/figures.json: the branch's figures, as the committee portal reads them
# ---------------------------------------------------------------------------

# The format's version: raised whenever a field is added, removed or changes
# meaning, so a portal never reads a file it would misunderstand.
FIGURES_VERSION = 1

_PERCENT = re.compile(r"^(0|[1-9]\d*)(\.\d)?$")


def _parse_percent(value: Any) -> Any:
    if isinstance(value, Decimal):
        return value
    if not isinstance(value, str) or not _PERCENT.match(value):
        raise PydanticCustomError("bad_number", "bad_number", {"value": str(value)})
    return Decimal(value)


# A rate or share in percent with one decimal, as text ("87.5"): exact, as the pages show it.
Percent = Annotated[
    Decimal,
    BeforeValidator(_parse_percent),
    WithJsonSchema({"type": "string", "pattern": _PERCENT.pattern, "description": "percent, one decimal"}),
    PlainSerializer(str, return_type=str, when_used="json"),
]


def _one_of(enumeration: str) -> Any:
    """An enumeration's identifier (the form every published file uses)."""

    def check(value: Any) -> Any:
        if value not in vocabulary.values(enumeration):
            raise PydanticCustomError("bad_choice", "bad_choice", {"value": str(value), "allowed": vocabulary.values(enumeration)})
        return value

    return Annotated[str, BeforeValidator(check), WithJsonSchema({"type": "string", "enum": vocabulary.values(enumeration)})]


class _Figures(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PageRef(_Figures):
    """A record on the branch's site."""

    id: RequiredText
    page: Text = Field(description="Its page, relative to the root of the branch's site: <section>/<yyyy>/<id>/")
    title: Text


class BranchFacts(_Figures):
    name: Optional[Text] = Field(description="The branch's name (content/branch.yml); null without one")
    parent: Optional[Text] = Field(description="The higher-level organisation it names")
    members: Optional[Count] = Field(description="Members on the day of the build (the member count in force then); null when branch.yml gives none")


class TermFigures(_Figures):
    start: IsoDate
    end: IsoDate
    transition: Optional[Text] = Field(
        None,
        description="Whether the transition (换届) is due, overdue or done: always null in version 1, "
        "which has no election records to tell it from (the portal shows the term's end only)",
    )


CellState = Literal["held", "missed", "partial", "upcoming", "norecords"]


class RegularityCell(_Figures):
    """One period of one required meeting kind, as the 三会一课 calendar shows it."""

    period: Text = Field(description="2026-03 (a month), 2026-Q1 (a quarter) or 2026 (a year)")
    start: IsoDate
    end: IsoDate
    state: CellState = Field(description="held: as many meetings as required; partial: fewer, the period has ended; missed: none, ended; upcoming: not ended yet; norecords: before the site's first meeting")
    required: Count = Field(description="Meetings of the kind required in the period")
    meetings: Count = Field(description="Meetings of the kind in the period that this site lists (one mark each on its 三会一课 page)")


class RegularityRow(_Figures):
    kind: _one_of("meeting_kind")
    group: Optional[Text] = Field(description="The party group, for a group meeting row; else null")
    per: _one_of("period")
    required: Count = Field(description="Meetings required per period")
    held: Count = Field(description="Periods held")
    due: Count = Field(description="Periods that count: ended, or held already")
    rate: Optional[Percent] = Field(description="held / due; null while nothing is due")
    cells: list[RegularityCell]


class RegularityYear(_Figures):
    year: int
    held: Count
    due: Count
    rate: Optional[Percent]
    rows: list[RegularityRow]


class DuesYear(_Figures):
    year: int
    ledger: PageRef
    due: Money
    paid: Money
    rate: Optional[Percent] = Field(description="Collection rate: paid / due")


class FundingYear(_Figures):
    year: int
    income: Money
    expenses: Money
    members: Optional[Count] = Field(description="Members at the end of the year")
    per_member: Optional[Money] = Field(description="Income per member; null without a member count")
    norm: Money = Field(description="The funding norm per member and year (norms.funding_per_member_per_year)")
    meets_norm: Optional[bool] = Field(description="Whether the income reaches the norm times the members (compared exactly)")


class AppraisalFigures(_Figures):
    record: PageRef
    kind: _one_of("appraisal_kind")
    period: Text
    date: IsoDate
    appraised: Optional[Count] = Field(description="Members appraised, as the record states")
    graded: Optional[Count] = Field(description="Members given a grade (the total of the results)")
    excellent: Optional[Count] = Field(description="Members graded 优秀")
    excellent_share: Optional[Percent] = Field(description="优秀 as a share of those graded")
    rating: Optional[Text] = Field(description="The branch's own rating (支部评星定级)")


class OpenNotice(_Figures):
    record: PageRef
    kind: _one_of("notice_kind")
    start: IsoDate
    end: IsoDate
    days_left: Count = Field(description="Days until the end, counting the day of the build, as the home page says it")


class RectificationFigure(_Figures):
    record: PageRef = Field(description="The record that carries the item (a meeting's, later an inspection's)")
    item: Text
    owner: Optional[Text]
    due: Optional[IsoDate]
    status: _one_of("progress")
    overdue: bool = Field(description="Not done and due before the day of the build")


class LatestRecord(_Figures):
    record: PageRef
    type: Annotated[str, WithJsonSchema({"type": "string", "enum": sorted(vocabulary.SECTION_OF)})]
    kind: Optional[Text]
    date: IsoDate


class BranchFigures(_Figures):
    """data/figures.json: one audience's figures, computed by the code that draws its pages."""

    version: Literal[1] = Field(description="The format's version; a portal refuses any other")
    audience: Annotated[str, _Published]
    today: IsoDate = Field(description="The day the site was built for (what is open, due or overdue)")
    branch: BranchFacts
    term: Optional[TermFigures] = Field(description="The committee's term (branch.yml term); null without one")
    regularity: list[RegularityYear] = Field(description="三会一课 per year, newest first: each required kind's periods")
    dues: list[DuesYear] = Field(description="Dues collected per year, newest first")
    funding: list[FundingYear] = Field(description="Funds per year against the funding norm, newest first")
    appraisals: list[AppraisalFigures] = Field(description="Every appraisal, newest first")
    open_notices: list[OpenNotice] = Field(description="Notices open on the day of the build, the first to close first")
    rectification: list[RectificationFigure] = Field(description="Rectification items of the life meetings, overdue ones first")
    latest: list[LatestRecord] = Field(description="The latest disclosures, as the home page lists them")


def figures_schema() -> dict[str, Any]:
    """The JSON Schema of data/figures.json, self-contained (no ``$defs``)."""
    return _published_schema(BranchFigures, "figures")


class ResponsibilityLine(NamedTuple):
    """One committee member's duties in one responsibility list: a row of data/responsibilities.csv."""

    record_id: str
    year: str
    name: str
    post: str
    work_post: str
    duties: str  # the party-building duties, one a line
    work_duties: str
    signed_on: str
    reported_on: str
    report: str  # id of the meeting of the year-end report


class CatalogueLine(NamedTuple):
    """One event or period of a disclosure catalogue item the audience may see: a row of data/catalogue.csv."""

    item: str
    scope: str  # public or members
    per: str  # event, month, quarter or year
    within_working_days: str
    period: str  # 2026, 2026-Q2 or 2026-03; empty for an event
    event: str  # the event's date, or the period's last day
    deadline: str
    estimated: str  # the years without holiday data behind the deadline or the count, e.g. 2027; empty when exact
    record_id: str
    published: str
    working_days: str  # after the event until published
    state: str  # on_time, late, missing, not_due, not_over or upcoming
