"""Record JSON beside each record's page, the record index data/records.json, and the JSON Schemas."""

from __future__ import annotations

import json
from typing import Any

from ...cache import code_stamp
from ...records import schema
from ...records.index import Record
from ...records.published import IndexEntry, RecordIndex, index_schema
from ..output import Output
from ..urls import record_json_path
from .context import ExportContext, json_bytes, record_updated


def _record_data(context: ExportContext, record: Record) -> dict[str, Any]:
    data = record.model.model_dump(mode="json", by_alias=True)
    data["id"] = record.id
    data["type"] = record.type
    data["visibility"] = record.visibility
    data["url"] = context.url(record.url)
    return data


def record_index(context: ExportContext) -> RecordIndex:
    entries = [
        IndexEntry(
            id=record.id,
            type=record.type,
            kind=record.kind,
            title=record.title,
            date=record.date,
            updated=record_updated(record),
            visibility=record.visibility,
            url=context.url(record.url),
            json_url=context.url(record_json_path(record)),
        )
        for record in context.records
    ]
    return RecordIndex(audience=context.view.audience, records=entries)


def export_json(context: ExportContext, output: Output) -> None:
    for record in context.records:
        # Cached across builds: a decade of records is thousands of files that rarely change.
        key = json.dumps([context.base, record.fingerprint], ensure_ascii=False)
        text = context.cache.get_or_make("record-json", code_stamp(), key, lambda: json_bytes(_record_data(context, record)).decode("utf-8"))  # noqa: B023 - called at once
        output.add(record_json_path(record), text.encode("utf-8"), f"record JSON of {record.id}")
    output.add("data/records.json", json_bytes(record_index(context).model_dump(mode="json")), "record index")
    for record_type in schema.SCHEMA_TYPES:
        output.add(f"data/schemas/{record_type}.schema.json", json_bytes(schema.json_schema(record_type, context.site.config.language)), "JSON Schemas")
    output.add("data/schemas/records.schema.json", json_bytes(index_schema()), "JSON Schemas")
