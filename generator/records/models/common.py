"""What every record type is made of: the field types, the base record and its shared parts.

Values arrive as the text the worker typed (see ``records.loader``); the field
types below parse that text strictly — ISO dates only, whole numbers without
leading zeros, money with at most two decimals as ``Decimal`` — and raise
``PydanticCustomError`` with a message key from ``i18n`` so every problem can
be said in the site's language.  Enumerations accept the identifier or the
Chinese word (``generator.vocabulary``) and store the identifier.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from ... import vocabulary

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


def parse_date(value: Any) -> Any:
    """An ISO date (YYYY-MM-DD) as written, or a ``bad_date`` / ``bad_date_value`` error."""
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


def parse_text(value: Any) -> Any:
    """Text as a record may hold it: a string without invisible control characters."""
    if not isinstance(value, str):
        # None, lists and mappings go through as they are, so the message can say "空值" / "列表".
        raise _error("expected_text", value=value if value is None or isinstance(value, (list, dict)) else _text_of(value))
    bad = _CONTROL_RE.search(value)
    if bad:
        # Invisible characters pasted from Word or WeChat: refuse them rather than publish them.
        raise _error("control_character", code=f"U+{ord(bad.group()):04X}", position=bad.start() + 1)
    return value


def _parse_required_text(value: Any) -> Any:
    value = parse_text(value)
    if not value.strip():
        raise _error("empty_text")
    return value


def _parse_id(value: Any) -> Any:
    value = parse_text(value)
    if not _ID_RE.match(value):
        raise _error("bad_id", value=value)
    return value


def parse_choice(enumeration: str, value: Any) -> str:
    """The identifier a written word (identifier or Chinese word) stands for; a ``bad_choice`` error if none."""
    found = vocabulary.canonical(enumeration, value)
    if found is None:
        raise _error("bad_choice", value=_text_of(value), enumeration=enumeration)
    return found


def Choice(name: str) -> Any:
    """A field that takes one word of an enumeration, English or Chinese."""
    return Annotated[str, BeforeValidator(lambda value: parse_choice(name, value)), WithJsonSchema({"type": "string", "enum": vocabulary.accepted_words(name)})]


# ---------------------------------------------------------------------------
# Money: exact, and written one way per kind of output
# ---------------------------------------------------------------------------

MoneyStyle = Literal["plain", "grouped"]


def money_text(value: Optional[Decimal], style: MoneyStyle) -> str:
    """An amount with two decimals: ``plain`` (1234.50: data files, messages) or ``grouped`` (1,234.50: pages)."""
    if value is None:
        return ""
    return f"{value:,.2f}" if style == "grouped" else f"{value:.2f}"


Text = Annotated[str, BeforeValidator(parse_text), WithJsonSchema({"type": "string"})]
RequiredText = Annotated[str, BeforeValidator(_parse_required_text), WithJsonSchema({"type": "string", "minLength": 1})]
RecordId = Annotated[str, BeforeValidator(_parse_id), WithJsonSchema({"type": "string", "pattern": r"^[^\W_][\w.\-]*$"})]
IsoDate = Annotated[dt.date, BeforeValidator(parse_date), WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
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
_MONEY_JSON = PlainSerializer(lambda value: money_text(value, "plain"), return_type=str, when_used="json")
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
    proposed_on: Optional[IsoDate] = Field(None, description="Date of the proposal")
    reviewed_by: Optional[Text] = Field(None, description="Who did the confidentiality review (保密审查)")
    reviewed_on: Optional[IsoDate] = Field(None, description="Date of the review")
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
    published: Optional[IsoDate] = Field(None, description="The day the record was first disclosed (首次发布); defaults to the first commit that added the file")
    visibility: Optional[Choice("visibility")] = Field(None, description=vocabulary.described("visibility"))
    status: Choice("status") = Field("published", description=vocabulary.described("status"))
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
