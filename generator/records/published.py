"""The formats of the published index and ledger files, defined once.

``RecordIndex`` is ``data/records.json`` (its JSON Schema,
``data/schemas/records.schema.json``, is made from it); ``FundsLine``,
``LedgerLine`` and ``DuesLine`` are the rows of ``data/funds.csv``,
``data/ledgers.csv`` and ``data/dues.csv``, their fields the columns.  What
each column means, in each language, is in ``generator.i18n``.
"""

from __future__ import annotations

from typing import Annotated, Any, NamedTuple, Optional

from pydantic import BaseModel, ConfigDict, TypeAdapter, WithJsonSchema
from pydantic.json_schema import GenerateJsonSchema

from .. import vocabulary
from .models.common import IsoDate, RequiredText, Text

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


def index_schema() -> dict[str, Any]:
    """The JSON Schema of data/records.json, self-contained (no ``$defs``)."""
    generated = TypeAdapter(RecordIndex).json_schema(schema_generator=_NoTitles)
    schema = _inline(_model_only(generated), generated.get("$defs", {}))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "records.schema.json", "title": "records", **schema}


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


class DuesLine(NamedTuple):
    """One month of a dues ledger: a row of data/dues.csv."""

    ledger_id: str
    year: str
    month: str
    members: str
    due: str
    paid: str


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
