"""One typed model per record kind: the single source of validation and JSON Schema.

Values arrive as the text the worker typed (see ``loader``); the field types
below parse that text strictly — ISO dates only, whole numbers without
leading zeros, money with at most two decimals as ``Decimal`` — and raise
``PydanticCustomError`` with a message key from ``i18n`` so every problem can
be said in the site's language.  Enumerations accept the English or the
Chinese word and store the English one.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, TypeAdapter, WithJsonSchema
from pydantic_core import PydanticCustomError

# ---------------------------------------------------------------------------
# Enumerations: canonical English word -> Chinese word
# ---------------------------------------------------------------------------

SECTIONS = {
    "meetings": "meeting",
    "decisions": "decision",
    "finances": "finance",
    "appraisals": "appraisal",
    "notices": "notice",
}
SECTION_OF = {record_type: section for section, record_type in SECTIONS.items()}

VISIBILITY = {"public": "公开", "members": "党内", "restricted": "不公开"}
STATUS = {"published": "已发布", "draft": "草稿"}
MEETING_KINDS = {
    "general_assembly": "党员大会",
    "branch_committee": "支委会",
    "group_meeting": "党小组会",
    "party_lesson": "党课",
    "theme_day": "主题党日",
    "organizational_life": "组织生活会",
    "democratic_life": "民主生活会",
    "other": "其他会议",
}
DECISION_RESULTS = {"adopted": "通过", "rejected": "未通过", "deferred": "暂缓"}
PROGRESS = {"not_started": "未开始", "in_progress": "进行中", "done": "已完成"}
FINANCE_KINDS = {"dues": "党费", "funds": "经费"}
APPRAISAL_KINDS = {"member_appraisal": "民主评议党员", "branch_rating": "支部评星定级", "performance": "绩效考核"}
GRADES = {"excellent": "优秀", "qualified": "合格", "basically_qualified": "基本合格", "unqualified": "不合格"}
NOTICE_KINDS = {"membership": "发展党员", "election": "选举", "appraisal": "评议结果", "other": "其他"}

LANGUAGE = {"zh": "中文", "en": "英文"}
PERIODS = {"month": "月", "quarter": "季度", "year": "年"}

ENUMERATIONS: dict[str, dict[str, str]] = {
    "language": LANGUAGE,
    "period": PERIODS,
    "visibility": VISIBILITY,
    "status": STATUS,
    "meeting_kind": MEETING_KINDS,
    "decision_result": DECISION_RESULTS,
    "progress": PROGRESS,
    "finance_kind": FINANCE_KINDS,
    "appraisal_kind": APPRAISAL_KINDS,
    "grade": GRADES,
    "notice_kind": NOTICE_KINDS,
}

# ---------------------------------------------------------------------------
# Field types
# ---------------------------------------------------------------------------

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_COUNT_RE = re.compile(r"^(0|[1-9]\d*)$")
_MONEY_RE = re.compile(r"^-?(0|[1-9]\d*)(\.\d{1,2})?$")
_LOOSE_NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")
# A well-formed amount but for its decimals (not "010", which is a leading zero, not a decimals problem).
_TOO_MANY_DECIMALS_RE = re.compile(r"^-?(0|[1-9]\d*)\.\d{3,}$")
_ID_RE = re.compile(r"^[^\W_][\w.\-]*$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _error(key: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(key, key, ctx)


def _text_of(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _parse_date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise _error("bad_date", value=_text_of(value))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _error("bad_date_value", value=value) from None


def _parse_time(value: Any) -> Any:
    if not isinstance(value, str) or not _TIME_RE.match(value):
        raise _error("bad_time", value=_text_of(value))
    return value


def _parse_count(value: Any) -> Any:
    if isinstance(value, bool):
        raise _error("bad_count", value=_text_of(value))
    if isinstance(value, int) and value >= 0:
        return value
    if not isinstance(value, str) or not _COUNT_RE.match(value):
        raise _error("bad_count", value=_text_of(value))
    return int(value)


def _parse_money(value: Any, *, signed: bool) -> Any:
    if isinstance(value, bool) or isinstance(value, float):
        # Floats never carry money: the loader hands over text, so a float
        # here is a programming error upstream; refuse it all the same.
        raise _error("bad_money", value=_text_of(value))
    if isinstance(value, (int, Decimal)):
        value = str(value)
    if not isinstance(value, str):
        raise _error("bad_money", value=_text_of(value))
    if not _MONEY_RE.match(value):
        if _TOO_MANY_DECIMALS_RE.match(value):
            raise _error("money_decimals", value=value)
        raise _error("bad_money", value=value)
    if value.startswith("-") and not signed:
        raise _error("money_negative", value=value)
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern rules it out
        raise _error("bad_money", value=value) from None


def _parse_number(value: Any) -> Any:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return Decimal(value)
    if not isinstance(value, str) or not _LOOSE_NUMBER_RE.match(value):
        raise _error("bad_number", value=_text_of(value))
    return Decimal(value)


def _parse_text(value: Any) -> Any:
    if not isinstance(value, str):
        # None, lists and mappings go through as they are, so the message can say "空值" / "列表".
        raise _error("expected_text", value=value if value is None or isinstance(value, (list, dict)) else _text_of(value))
    bad = _CONTROL_RE.search(value)
    if bad:
        # Invisible characters pasted from Word or WeChat: refuse them rather than publish them.
        raise _error("control_character", code=f"U+{ord(bad.group()):04X}", position=bad.start() + 1)
    return value


def _parse_required_text(value: Any) -> Any:
    value = _parse_text(value)
    if not value.strip():
        raise _error("empty_text")
    return value


def _parse_id(value: Any) -> Any:
    value = _parse_text(value)
    if not _ID_RE.match(value):
        raise _error("bad_id", value=value)
    return value


def _choice_parser(name: str, words: dict[str, str]):
    reverse = {zh: en for en, zh in words.items()}

    def parse(value: Any) -> Any:
        if isinstance(value, str):
            if value in words:
                return value
            if value in reverse:
                return reverse[value]
        raise _error("bad_choice", value=_text_of(value), enumeration=name)

    return parse


def Choice(name: str) -> Any:
    """A field that takes one word of an enumeration, English or Chinese."""
    words = ENUMERATIONS[name]
    allowed = [w for pair in words.items() for w in pair]
    return Annotated[str, BeforeValidator(_choice_parser(name, words)), WithJsonSchema({"type": "string", "enum": allowed})]


Text = Annotated[str, BeforeValidator(_parse_text), WithJsonSchema({"type": "string"})]
RequiredText = Annotated[str, BeforeValidator(_parse_required_text), WithJsonSchema({"type": "string", "minLength": 1})]
RecordId = Annotated[str, BeforeValidator(_parse_id), WithJsonSchema({"type": "string", "pattern": r"^[^\W_][\w.\-]*$"})]
IsoDate = Annotated[dt.date, BeforeValidator(_parse_date), WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
ClockTime = Annotated[str, BeforeValidator(_parse_time), WithJsonSchema({"type": "string", "pattern": r"^([01]\d|2[0-3]):[0-5]\d$"})]
Count = Annotated[int, BeforeValidator(_parse_count), WithJsonSchema({"type": "integer", "minimum": 0})]
Number = Annotated[Decimal, BeforeValidator(_parse_number), WithJsonSchema({"type": ["number", "string"]})]
_MONEY_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": r"^(0|[1-9]\d*)(\.\d{1,2})?$"},
    ],
    "description": "yuan, at most two decimals",
}
_SIGNED_MONEY_SCHEMA = {
    "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^-?(0|[1-9]\d*)(\.\d{1,2})?$"}],
    "description": "yuan, at most two decimals",
}
# In JSON (the published data files) money is a string with exactly two decimals.
_MONEY_JSON = PlainSerializer(lambda value: f"{value:.2f}", return_type=str, when_used="json")
Money = Annotated[Decimal, BeforeValidator(lambda v: _parse_money(v, signed=False)), WithJsonSchema(_MONEY_SCHEMA), _MONEY_JSON]
SignedMoney = Annotated[Decimal, BeforeValidator(lambda v: _parse_money(v, signed=True)), WithJsonSchema(_SIGNED_MONEY_SCHEMA), _MONEY_JSON]


def TextList() -> Any:
    return Field(default_factory=list)


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt field must never be silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------
# Parts shared by every record
# ---------------------------------------------------------------------------


class Attachment(Strict):
    file: RequiredText = Field(description="Path under content/attachments/")
    title: Optional[Text] = Field(None, description="What the document is; the file name if left out")


class Approval(Strict):
    """The disclosure procedure: proposed, reviewed for confidentiality, approved."""

    proposed_by: Optional[Text] = Field(None, description="Who proposed disclosing (提出)")
    reviewed_by: Optional[Text] = Field(None, description="Who did the confidentiality review (保密审查)")
    approved_by: Optional[Text] = Field(None, description="Who approved the disclosure (审批)")
    approved_on: Optional[IsoDate] = Field(None, description="Date of approval")


class Correction(Strict):
    """A published correction (更正) of the record."""

    date: IsoDate
    change: RequiredText = Field(description="What changed")
    reason: Optional[Text] = Field(None, description="Why")


class RecordBase(Strict):
    id: Optional[RecordId] = Field(None, description="Permanent id; defaults to the file name without .yml")
    type: Optional[Text] = Field(None, description="Record type; must match the section folder when given")
    title: RequiredText
    date: IsoDate
    visibility: Optional[Choice("visibility")] = Field(None, description="public 公开 | members 党内 | restricted 不公开")
    status: Choice("status") = Field("published", description="published 已发布 | draft 草稿")
    summary: Optional[Text] = Field(None, description="One or two sentences for listings")
    tags: list[RequiredText] = TextList()
    body: Text = Field("", description="Markdown")
    attachments: list[Attachment] = TextList()
    approval: Optional[Approval] = None
    corrections: list[Correction] = TextList()
    numbers_ok: list[RequiredText] = Field(
        default_factory=list,
        description="Fields (e.g. contact, body) whose phone or other numbers are intended to be published",
    )


# ---------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------


class Absence(Strict):
    name: RequiredText
    reason: Optional[Text] = Field(None, description="Members' site only")


class RectificationItem(Strict):
    item: RequiredText
    owner: Optional[Text] = None
    due: Optional[IsoDate] = None
    status: Choice("progress") = "not_started"
    done_on: Optional[IsoDate] = None


class Meeting(RecordBase):
    kind: Choice("meeting_kind")
    group: Optional[Text] = Field(None, description="Party group, for a group meeting")
    start_time: Optional[ClockTime] = None
    end_time: Optional[ClockTime] = None
    location: Optional[Text] = None
    chair: Optional[Text] = None
    recorder: Optional[Text] = None
    attendees: list[RequiredText] = TextList()
    absent: list[Absence] = TextList()
    guests: list[RequiredText] = TextList()
    agenda: list[RequiredText] = TextList()
    speaker: Optional[Text] = Field(None, description="Party lesson: who gave it")
    topic: Optional[Text] = Field(None, description="Party lesson: its subject")
    topics: list[RequiredText] = Field(default_factory=list, description="Life meetings: criticism and self-criticism topics")
    rectification: list[RectificationItem] = TextList()


# ---------------------------------------------------------------------------
# Decisions
# ---------------------------------------------------------------------------


class Consultation(Strict):
    method: Optional[Text] = Field(None, description="How members' opinions were solicited")
    start: Optional[IsoDate] = None
    end: Optional[IsoDate] = None
    participants: Optional[Count] = Field(None, description="How many took part")
    opinions: Optional[Count] = Field(None, description="How many opinions were received")
    summary: Optional[Text] = None


class Vote(Strict):
    for_: Count = Field(alias="for")
    against: Count = 0
    abstain: Count = 0

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class FollowUp(Strict):
    date: IsoDate
    action: RequiredText
    status: Choice("progress") = "in_progress"


class Decision(RecordBase):
    meeting: Optional[RecordId] = Field(None, description="Id of the meeting that decided it")
    category: Optional[Text] = Field(None, description="e.g. 重大事项, 经费, 发展党员")
    background: Optional[Text] = None
    consultation: Optional[Consultation] = None
    vote: Optional[Vote] = None
    result: Choice("decision_result")
    follow_up: list[FollowUp] = TextList()


# ---------------------------------------------------------------------------
# Finances
# ---------------------------------------------------------------------------


class DuesMonth(Strict):
    month: Count
    members: Count
    due: Money
    paid: Money


class Income(Strict):
    date: IsoDate
    source: RequiredText
    amount: Money


class Expense(Strict):
    date: IsoDate
    item: RequiredText
    category: Optional[Text] = None
    amount: Money
    approved_by: Optional[Text] = None
    decision: Optional[RecordId] = Field(None, description="Id of the approving decision")
    receipts: list[RequiredText] = Field(default_factory=list, description="Receipt files under content/attachments/")


class Audit(Strict):
    date: IsoDate
    auditor: RequiredText
    finding: Optional[Text] = None


class DuesRecord(RecordBase):
    kind: Choice("finance_kind")
    year: Count
    months: list[DuesMonth] = TextList()


class FundsRecord(RecordBase):
    kind: Choice("finance_kind")
    period: RequiredText = Field(description="e.g. 2025年第一季度")
    period_start: Optional[IsoDate] = None
    period_end: Optional[IsoDate] = None
    opening_balance: SignedMoney
    income: list[Income] = TextList()
    expenses: list[Expense] = TextList()
    closing_balance: SignedMoney
    audit: Optional[Audit] = None


class FinanceKindOnly(BaseModel):
    """Used only to report a missing or unknown finance kind before picking a model."""

    model_config = ConfigDict(extra="allow")
    kind: Choice("finance_kind")


# ---------------------------------------------------------------------------
# Appraisals
# ---------------------------------------------------------------------------


class Step(Strict):
    name: RequiredText
    date: IsoDate


class Indicator(Strict):
    name: RequiredText
    target: Number
    actual: Optional[Number] = None
    unit: Optional[Text] = None


class Appraisal(RecordBase):
    kind: Choice("appraisal_kind")
    period: RequiredText
    members: Optional[Count] = Field(None, description="Members appraised in the period")
    steps: list[Step] = TextList()
    results: dict[Choice("grade"), Count] = Field(default_factory=dict, description="Grade -> count")
    excellent_members: list[RequiredText] = TextList()
    rating: Optional[Text] = Field(None, description="Branch rating, e.g. 五星")
    indicators: list[Indicator] = TextList()
    measures: list[RequiredText] = Field(default_factory=list, description="Rectification measures")


# ---------------------------------------------------------------------------
# Notices (公示)
# ---------------------------------------------------------------------------


class Subject(Strict):
    name: RequiredText
    detail: Optional[Text] = None


class Notice(RecordBase):
    kind: Choice("notice_kind")
    stage: Optional[Text] = Field(None, description="e.g. 拟接收预备党员")
    start: IsoDate
    end: IsoDate
    contact: Optional[Text] = Field(None, description="Where objections go")
    subjects: list[Subject] = TextList()


# ---------------------------------------------------------------------------
# branch.yml
# ---------------------------------------------------------------------------


class CommitteeMember(Strict):
    name: RequiredText
    post: RequiredText


class PartyGroup(Strict):
    name: RequiredText
    leader: Optional[Text] = None
    members: list[RequiredText] = TextList()


class MemberCount(Strict):
    since: IsoDate
    count: Count
    probationary: Optional[Count] = None


class Term(Strict):
    start: IsoDate
    end: IsoDate


class Contact(Strict):
    phone: Optional[Text] = None
    email: Optional[Text] = None
    address: Optional[Text] = None
    objections: Optional[Text] = Field(None, description="Where objections to notices go")


class Branch(Strict):
    name: RequiredText
    parent: Optional[Text] = None
    description: Optional[Text] = None
    committee: list[CommitteeMember] = TextList()
    groups: list[PartyGroup] = TextList()
    member_counts: list[MemberCount] = TextList()
    term: Optional[Term] = None
    contact: Optional[Contact] = None


# ---------------------------------------------------------------------------
# Model lookup and JSON Schema
# ---------------------------------------------------------------------------

RECORD_MODELS: dict[str, Any] = {
    "meeting": Meeting,
    "decision": Decision,
    "finance": Union[DuesRecord, FundsRecord],
    "appraisal": Appraisal,
    "notice": Notice,
    "branch": Branch,
}

FINANCE_MODELS = {"dues": DuesRecord, "funds": FundsRecord}


def model_for(record_type: str, data: dict[str, Any]) -> type[BaseModel]:
    """The model to validate a record with; finance picks by its ``kind``."""
    if record_type == "finance":
        kind = _choice_parser("finance_kind", FINANCE_KINDS)
        try:
            return FINANCE_MODELS[kind(data.get("kind"))]
        except PydanticCustomError:
            return FinanceKindOnly
    return RECORD_MODELS[record_type]


def json_schema(record_type: str) -> dict[str, Any]:
    """The published JSON Schema of one record type."""
    schema = TypeAdapter(RECORD_MODELS[record_type]).json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{record_type}.schema.json"
    schema.setdefault("title", record_type)
    return schema
